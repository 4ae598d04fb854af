import { homedir } from 'node:os'
import { join } from 'node:path'

/** The product name Electron uses for its userData folder; the CLI must agree with it. */
export const APP_DIR_NAME = 'MLPerf Explorer'

/**
 * The desktop app's data folder, computed the way Electron's app.getPath('userData') does,
 * so the CLI's default --db is the same database the app opens.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform
): string {
  if (env.MLPERF_EXPLORER_HOME) return env.MLPERF_EXPLORER_HOME
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME)
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultDataDir(env), 'explorer.db')
}
