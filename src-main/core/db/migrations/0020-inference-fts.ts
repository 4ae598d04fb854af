import type { WritableDb } from '../types'

/**
 * Full-text search over the descriptive columns. External content: the index is rebuilt once
 * per import batch instead of by row triggers, which is far cheaper for bulk work (Signal turns
 * its insert triggers off for the same reason). Prefix indexes make the as-you-type prefix
 * queries cheap.
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE VIRTUAL TABLE inference_results_fts USING fts5(
      submitter, system_name, system_id, accelerator, host_processor, benchmark, framework,
      content='inference_results', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
      prefix='2 3 4'
    );
  `)
}
