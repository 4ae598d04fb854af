/**
 * What a shell (the CLI) may need from the app besides the API: the default database path and
 * database faults in words. Shells import this, never core, so the CLI stays a shell of
 * `dispatch`. Both are small modules that load no database: the CLI's `--help` loads them.
 */
export { defaultDbPath } from '../core/app-paths'
export { describeDbError } from '../core/db/db-errors'
