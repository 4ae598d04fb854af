// `npm start`: open the Electron app; where Electron cannot run, say so in one line and serve
// the same UI in web mode instead.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { main as cli } from '../cli/main'
import { ensureElectronSqlite } from './electron-sqlite'
import { findElectron } from './find-electron'

const appRoot = fileURLToPath(new URL('../..', import.meta.url))
const electronPkg = join(appRoot, 'node_modules', 'electron')
const version = (
  JSON.parse(readFileSync(join(electronPkg, 'package.json'), 'utf8')) as { version: string }
).version
const abi = readFileSync(join(electronPkg, 'abi_version'), 'utf8').trim()

async function webMode(reason: string): Promise<number> {
  process.stdout.write(`Electron cannot run here (${reason}); serving the web mode instead.\n`)
  return cli(['serve', ...process.argv.slice(2)])
}

async function run(): Promise<number> {
  const electron = findElectron(appRoot)
  if (!electron.ok) return webMode(electron.reason)
  const sqlite = ensureElectronSqlite(appRoot, version, abi)
  if (!sqlite.ok) return webMode(sqlite.reason)
  const build = spawnSync(
    process.execPath,
    [join(appRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: appRoot,
      stdio: 'inherit'
    }
  )
  if (build.status !== 0) return build.status ?? 1
  const child = spawn(electron.path, [appRoot], {
    stdio: 'inherit',
    env: { ...process.env, MLPERF_SQLITE_BINDING: sqlite.path }
  })
  return new Promise((done) => child.on('exit', (code) => done(code ?? 0)))
}

process.exitCode = await run()
