import type { WritableDb } from '../types'

/**
 * The process carrying out an import. An import left `running` by a process that is gone (the
 * app closed or crashed, a CLI import was killed) can never finish; the next start marks it
 * `interrupted` (repo/imports.ts), as local runs do with their own owner_pid. Rows from before
 * this step have no owner and are treated as gone.
 */
export function up(db: WritableDb): void {
  db.exec(`ALTER TABLE imports ADD COLUMN owner_pid INTEGER`)
}
