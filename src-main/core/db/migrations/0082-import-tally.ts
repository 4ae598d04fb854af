import type { WritableDb } from '../types'

/**
 * The import report split by path and suite, and how many of its sources were read (so a
 * cancelled import can say what was kept): one JSON column, written when the job ends.
 */
export function up(db: WritableDb): void {
  db.exec(`ALTER TABLE imports ADD COLUMN tally_json TEXT NOT NULL DEFAULT '{}';`)
}
