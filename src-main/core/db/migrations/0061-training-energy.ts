import type { WritableDb } from '../types'

/**
 * The energy of a training power submission, as the official result_summarizer reports it
 * (joules: olympic mean of the runs' energy × scaling factor). Null for every other result.
 */
export function up(db: WritableDb): void {
  db.exec(`
    ALTER TABLE training_results ADD COLUMN energy_value REAL;
    ALTER TABLE training_results ADD COLUMN energy_unit TEXT;
  `)
}
