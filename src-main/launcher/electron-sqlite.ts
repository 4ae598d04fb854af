import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
import type { Found } from './find-electron'

/**
 * Builds better-sqlite3 for Electron's ABI into `.native/electron-<version>/`, beside (never
 * over) the Node build that `npm test` uses. It works on a copy of the package: first the
 * prebuilt binary for Electron (prebuild-install), else a compile against Electron's headers.
 * npm's `nodedir` setting is removed from the environment because node-gyp would otherwise
 * compile against Node's headers and report success for the wrong ABI.
 */
export function ensureElectronSqlite(appRoot: string, electronVersion: string, abi: string): Found {
  const target = join(appRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node')
  if (existsSync(target) && hasAbi(target, abi)) return { ok: true, path: target }
  const work = join(appRoot, '.native', `build-${electronVersion}`, 'better-sqlite3')
  rmSync(dirname(work), { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const src = join(appRoot, 'node_modules', 'better-sqlite3')
  const oldBuild = join(src, 'build')
  cpSync(src, work, {
    recursive: true,
    filter: (p) => p !== oldBuild && !p.startsWith(oldBuild + sep)
  })
  const env = { ...process.env }
  for (const k of Object.keys(env)) if (/^npm_config_nodedir$/i.test(k)) delete env[k]
  env.npm_config_nodedir = ''
  const built = join(work, 'build', 'Release', 'better_sqlite3.node')
  const attempts: string[][] = [
    [
      join(appRoot, 'node_modules', 'prebuild-install', 'bin.js'),
      '--runtime=electron',
      `--target=${electronVersion}`
    ],
    [
      nodeGypPath(),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers'
    ]
  ]
  const errors: string[] = []
  for (const args of attempts) {
    const r = spawnSync(process.execPath, args, {
      cwd: work,
      env,
      encoding: 'utf8',
      timeout: 10 * 60_000
    })
    if (r.status === 0 && existsSync(built) && hasAbi(built, abi)) {
      mkdirSync(dirname(target), { recursive: true })
      copyFileSync(built, target)
      rmSync(dirname(work), { recursive: true, force: true })
      return { ok: true, path: target }
    }
    errors.push((r.stderr || r.stdout || '').trim().split('\n').pop() ?? 'failed')
  }
  return {
    ok: false,
    reason: `better-sqlite3 could not be built for Electron ${electronVersion} (${errors.join('; ').slice(0, 200)})`
  }
}

/** A native module is built for ABI N when it exports node_register_module_vN (N-API modules aside). */
function hasAbi(file: string, abi: string): boolean {
  return readFileSync(file).includes(`node_register_module_v${abi}`)
}

function nodeGypPath(): string {
  const bundled = join(
    dirname(process.execPath),
    '..',
    'lib',
    'node_modules',
    'npm',
    'node_modules',
    'node-gyp',
    'bin',
    'node-gyp.js'
  )
  return process.env.npm_config_node_gyp || bundled
}
