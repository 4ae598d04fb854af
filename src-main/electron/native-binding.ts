import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 built for Electron's ABI lives beside the Node build (never rebuilt in place,
 * so `npm test` keeps working): `.native/electron-<version>/better_sqlite3.node`, made by
 * `npm start` (see src-main/launcher). MLPERF_SQLITE_BINDING overrides it.
 */
export function electronSqliteBinding(
  appRoot: string,
  electronVersion: string
): string | undefined {
  const fromEnv = process.env.MLPERF_SQLITE_BINDING
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  const built = join(appRoot, '.native', `electron-${electronVersion}`, 'better_sqlite3.node')
  return existsSync(built) ? built : undefined
}
