import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openBackend } from '../api/open-backend'
import type { Backend } from '../api/open-backend'
import { defaultDbPath } from '../api/shell-values'

/** The checkout (or installed package) root: package.json and resources/ live there. */
export const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The options every database command has (command-options.ts `database`). */
export type DatabaseValues = { db?: string; 'no-catalogue'?: boolean }

/**
 * Opens the database a command names (the app's by default) and the API over it. A new one
 * gets the published catalogue unless --no-catalogue said no.
 */
export function openCliBackend(
  v: DatabaseValues,
  shell: 'cli' | 'web' = 'cli',
  catalogue: boolean | 'decline' = v['no-catalogue'] === true ? 'decline' : true
): Backend {
  return openBackend({
    dbPath: resolve(v.db ?? defaultDbPath()),
    shell,
    appRoot: APP_ROOT,
    catalogue
  })
}

/**
 * The API over a private in-memory database, for commands that read files and keep nothing
 * (`ttmt`): they go through `dispatch` as every command does, and touch no database file.
 */
export function openScratchBackend(): Backend {
  return openBackend({ dbPath: ':memory:', shell: 'cli', appRoot: APP_ROOT, catalogue: false })
}
