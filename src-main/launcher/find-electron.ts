import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export type Found = { ok: true; path: string } | { ok: false; reason: string }

/**
 * The Electron binary's path. Electron ≥ 42 downloads its binary on first use, so asking for
 * the path may download it; that runs in a child process so a failed download (no network,
 * no GitHub) becomes a reason instead of a crash.
 */
export function findElectron(appRoot: string): Found {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: appRoot,
    encoding: 'utf8',
    timeout: 10 * 60_000,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const path = (r.stdout ?? '').trim().split('\n').pop() ?? ''
  if (r.status === 0 && path && existsSync(path)) return { ok: true, path }
  const msg = `${r.stderr ?? ''}`.split('\n').find((l) => /Error|failed/i.test(l))
  const detail = msg
    ? `: ${msg
        .replace(/^\s*\w*Error:\s*/, '')
        .trim()
        .slice(0, 120)}`
    : ''
  return { ok: false, reason: `the Electron binary could not be downloaded${detail}` }
}
