import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'

/** The built renderer folder; builds it once (electron-vite build, a few seconds) when absent. */
export function ensureRendererBuilt(appRoot: string, log: (s: string) => void): string {
  const dir = join(appRoot, 'out', 'renderer')
  if (existsSync(join(dir, 'index.html'))) return dir
  log('Building the user interface (first run)…\n')
  const r = spawnSync(
    process.execPath,
    [join(appRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: appRoot,
      stdio: ['ignore', 'ignore', 'inherit']
    }
  )
  if (r.status !== 0 || !existsSync(join(dir, 'index.html'))) {
    throw new Error(
      'Could not build the user interface: run `npm run build` and look at its errors'
    )
  }
  return dir
}
