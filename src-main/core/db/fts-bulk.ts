import { writeTransaction } from './write-transaction'
import type { WritableDb } from './types'

/**
 * Bulk writes (seeding a sample or a catalogue, a benchmark's table) with the full-text
 * triggers (migration 0091) off and one index rebuild at the end: for tens of thousands of rows
 * a rebuild is cheaper than a trigger per row (Signal does the same for its bulk work). It all
 * happens in one write transaction, so a crash never leaves the triggers dropped.
 */
export function withFtsDeferred<T>(db: WritableDb, fn: () => T): T {
  return writeTransaction(db, () => {
    const triggers = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_fts_*'`)
      .all() as { name: string; sql: string }[]
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`)
    const out = fn()
    for (const fts of ['inference_results_fts', 'training_results_fts']) {
      db.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('rebuild')`).run()
    }
    for (const t of triggers) db.exec(t.sql)
    return out
  })
}
