// A prebuilt plain-JavaScript bundle of command-line.ts (the command table and the usage text),
// so that `mlperf-explorer --help` answers without starting the TypeScript loader: tsx costs
// about 0.4 s of CPU, four times node's own start. Built at install (the postinstall script runs
// this file) and again by bin.js whenever a source it holds is newer than the bundle; a missing
// or stale bundle only means the slower path, never an out-of-date text.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const entry = join(root, 'src-main', 'cli', 'command-line.ts')
const dir = join(root, 'node_modules', '.cache', 'mlperf-explorer')
const bundle = join(dir, 'command-line.mjs')
const manifest = join(dir, 'command-line.json')

/** The bundled command-line module, or null when it is missing or older than a source it holds. */
export async function loadCommandLine() {
  try {
    const { inputs, builtMs } = JSON.parse(readFileSync(manifest, 'utf8'))
    for (const file of inputs) if (statSync(join(root, file)).mtimeMs > builtMs) return null
    return await import(pathToFileURL(bundle).href)
  } catch {
    return null
  }
}

/** Bundles command-line.ts with esbuild (tsx's own, so no extra dependency) into the cache. */
export function buildCommandLine() {
  const builtMs = Date.now()
  const esbuild = createRequire(import.meta.resolve('tsx/esm/api'))('esbuild')
  const { outputFiles, metafile } = esbuild.buildSync({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    write: false,
    outfile: bundle
  })
  mkdirSync(dir, { recursive: true })
  // Written under temporary names and renamed, so a process starting meanwhile reads whole files.
  const tmp = `.${process.pid}.tmp`
  writeFileSync(bundle + tmp, outputFiles[0].contents)
  renameSync(bundle + tmp, bundle)
  const inputs = Object.keys(metafile.inputs)
  writeFileSync(manifest + tmp, JSON.stringify({ inputs, builtMs }))
  renameSync(manifest + tmp, manifest)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    buildCommandLine()
  } catch (e) {
    // An install never fails for this: the CLI then answers --help the slower way.
    process.stdout.write(`mlperf-explorer: --help bundle not built (${e.message})\n`)
  }
}
