/**
 * Issue 13, point 7: the electron-builder configuration (package.json "build"), checked with
 * electron-builder's own schema validation and fuse mapping, and against the files it must
 * keep outside the asar archive. Packaging itself needs the Electron binary and is not run here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { DebugLogger } from 'builder-util/out/DebugLogger.js'
import { PlatformPackager } from 'app-builder-lib'
import type { Configuration } from 'app-builder-lib'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { FuseV1Options } from '@electron/fuses'
import { minimatch } from 'minimatch'
import { describe, expect, it } from 'vitest'

// The electron layer is imported dynamically in tests (the layer rule keeps static imports of
// it out of test/); this module does not import `electron` itself.
const { INFERENCE_WORKER_FILE, unpackedPath } =
  await import('../../../../src-main/electron/inference-worker')

const root = join(import.meta.dirname, '..', '..', '..', '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  build: Configuration & {
    asarUnpack: string[]
    files: string[]
    extraResources: { from: string; to: string }[]
  }
}
const build = pkg.build

function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...filesUnder(p))
    else out.push(p)
  }
  return out
}

/** Whether electron-builder would unpack this app-relative path (its patterns, minimatch). */
const unpacked = (rel: string): boolean =>
  build.asarUnpack.some((p) => minimatch(rel, p, { dot: true }))

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(build, new DebugLogger(false))).resolves.toBeUndefined()
    // The validation is real: a misspelt fuse is refused.
    await expect(
      validateConfiguration(
        { ...build, electronFuses: { runAsNod: false } } as unknown as Configuration,
        new DebugLogger(false)
      )
    ).rejects.toThrow(/electronFuses/)
  })

  it('builds AppImage and deb, dmg, and an NSIS installer', () => {
    expect(build.linux?.target).toEqual(['AppImage', 'deb'])
    expect(build.mac?.target).toEqual(['dmg'])
    expect(build.win?.target).toEqual(['nsis'])
  })

  it('flips the fuses electron-builder writes into the binary', async () => {
    const generate = (
      PlatformPackager.prototype as unknown as {
        generateFuseConfig: (f: unknown) => Promise<Record<number, boolean>>
      }
    ).generateFuseConfig
    const fuses = await generate.call({}, build.electronFuses)
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false)
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true)
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
  })

  it('never rebuilds native modules in place (the Node build the tests use stays)', () => {
    expect(build.npmRebuild).toBe(false)
    expect(build.nodeGypRebuild).toBe(false)
  })

  it('keeps every native module and the worker bundle outside the asar archive', () => {
    const natives = ['better-sqlite3', 'onnxruntime-node', '@resvg']
      .flatMap((m) => filesUnder(join(root, 'node_modules', m)))
      .filter((f) => f.endsWith('.node'))
      .map((f) => relative(root, f))
    expect(natives.length).toBeGreaterThan(2)
    for (const n of natives) expect(unpacked(n), n).toBe(true)
    // The Electron build of better-sqlite3 (npm start makes it) and the worker started by path.
    expect(unpacked('.native/electron-45.4.1/better_sqlite3.node')).toBe(true)
    expect(unpacked(`out/main/${INFERENCE_WORKER_FILE}`)).toBe(true)
    // The worker's own import, and what it imports, are unpacked beside it.
    expect(unpacked('node_modules/onnxruntime-node/dist/index.js')).toBe(true)
    expect(unpacked('node_modules/onnxruntime-common/dist/cjs/index.js')).toBe(true)
  })

  it('starts the worker from the unpacked copy in a packaged app', () => {
    const main = '/opt/MLPerf Explorer/resources/app.asar/out/main'
    expect(unpackedPath(join(main, INFERENCE_WORKER_FILE))).toBe(
      '/opt/MLPerf Explorer/resources/app.asar.unpacked/out/main/inference-worker.js'
    )
    expect(unpackedPath('C:\\App\\resources\\app.asar\\out\\main\\inference-worker.js')).toBe(
      'C:\\App\\resources\\app.asar.unpacked\\out\\main\\inference-worker.js'
    )
    // In a checkout (no archive) the path stays as it is.
    expect(unpackedPath('/src/out/main/inference-worker.js')).toBe(
      '/src/out/main/inference-worker.js'
    )
  })

  it('packs the built app and the sample; every module the main bundle imports is a dependency', () => {
    const included = (rel: string): boolean =>
      build.files.filter((p) => !p.startsWith('!')).some((p) => minimatch(rel, p, { dot: true })) &&
      !build.files
        .filter((p) => p.startsWith('!'))
        .some((p) => minimatch(rel, p.slice(1), { dot: true }))
    for (const f of [
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'package.json'
    ]) {
      expect(included(f), f).toBe(true)
    }
    expect(included('out/main/index.js.map')).toBe(false)
    expect(included('src-main/electron/main.ts')).toBe(false)
    // main.ts reads resources/catalogue from process.resourcesPath in a packaged app.
    expect(build.extraResources).toContainEqual({
      from: 'resources/catalogue',
      to: 'resources/catalogue'
    })
    let bundle: string
    try {
      bundle = readFileSync(join(root, 'out', 'main', 'index.js'), 'utf8')
    } catch {
      return // not built: `npm test` builds first
    }
    const imports = [...bundle.matchAll(/from "([^".][^"]*)"/g)].map((m) => m[1]!)
    const packages = new Set(
      imports
        .filter((i) => !i.startsWith('node:') && i !== 'electron')
        .map((i) => (i.startsWith('@') ? i.split('/').slice(0, 2).join('/') : i.split('/')[0]!))
    )
    for (const p of packages) expect(pkg.dependencies, p).toHaveProperty(p)
  })
})
