import type { WritableDb } from '../types'

/** A result table's full-text index and the columns it covers. */
const INDEXES = [
  {
    table: 'inference_results',
    fts: 'inference_results_fts',
    columns: [
      'submitter',
      'system_name',
      'system_id',
      'accelerator',
      'host_processor',
      'benchmark',
      'framework'
    ]
  },
  {
    table: 'training_results',
    fts: 'training_results_fts',
    columns: ['submitter', 'system_name', 'system_id', 'accelerator', 'benchmark', 'framework']
  }
]

/**
 * The full-text indexes follow every committed row through triggers, instead of a rebuild at
 * the end of each import (0020, 0030). The rebuild read the whole table while holding the
 * write lock: on a catalogue-sized table it froze the app's window for seconds during every
 * import, and an import killed before its end left the rows it had committed unsearchable
 * until the next complete import. The per-row cost is a few microseconds.
 */
export function up(db: WritableDb): void {
  for (const { table, fts, columns } of INDEXES) {
    const cols = columns.join(', ')
    const of = (row: 'new' | 'old'): string => columns.map((c) => `${row}.${c}`).join(', ')
    db.exec(`
      CREATE TRIGGER ${fts}_insert AFTER INSERT ON ${table} BEGIN
        INSERT INTO ${fts} (rowid, ${cols}) VALUES (new.id, ${of('new')});
      END;
      CREATE TRIGGER ${fts}_delete AFTER DELETE ON ${table} BEGIN
        INSERT INTO ${fts} (${fts}, rowid, ${cols}) VALUES ('delete', old.id, ${of('old')});
      END;
      CREATE TRIGGER ${fts}_update AFTER UPDATE OF ${cols} ON ${table} BEGIN
        INSERT INTO ${fts} (${fts}, rowid, ${cols}) VALUES ('delete', old.id, ${of('old')});
        INSERT INTO ${fts} (rowid, ${cols}) VALUES (new.id, ${of('new')});
      END;
      INSERT INTO ${fts} (${fts}) VALUES ('rebuild');
    `)
  }
}
