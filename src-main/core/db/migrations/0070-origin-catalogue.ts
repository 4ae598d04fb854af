import type { WritableDb } from '../types'

/**
 * Where each result came from, and the published catalogue the app ships (issue 10).
 *
 *  - `origin` on both result tables: bundled (the catalogue shipped in resources/), imported (a
 *    tree or summary the user imported), downloaded (an official table fetched over HTTP),
 *    local (the user's own runs). It is independent of source_kind (tree/summary/local: what
 *    kind of file the values were read from). Rows written before this step are classified
 *    from what they carry: local runs are local, rows without an import are the old bundled
 *    sample, the rest were imported.
 *  - (The energy of training power submissions is 0061's energy_value/energy_unit.)
 *  - catalogue_state: which catalogue build is loaded, and whether the user removed it (so a
 *    removed catalogue is not loaded again on the next start).
 *  - catalogue_coverage: per suite and round, how many results the catalogue (or a downloaded
 *    table) holds, from which official table, and whether that table is complete.
 */
export function up(db: WritableDb): void {
  db.exec(`
    ALTER TABLE inference_results ADD COLUMN origin TEXT NOT NULL DEFAULT 'imported';
    ALTER TABLE training_results ADD COLUMN origin TEXT NOT NULL DEFAULT 'imported';

    UPDATE inference_results SET origin = CASE
      WHEN source_kind = 'local' THEN 'local'
      WHEN import_id IS NULL THEN 'bundled'
      ELSE 'imported' END;
    UPDATE training_results SET origin = 'bundled' WHERE import_id IS NULL;

    CREATE INDEX inference_results_origin ON inference_results (origin);
    CREATE INDEX training_results_origin ON training_results (origin);

    CREATE TABLE catalogue_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      build_id TEXT NOT NULL,
      loaded_at TEXT NOT NULL,
      removed INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE catalogue_coverage (
      suite TEXT NOT NULL,
      round TEXT NOT NULL,
      origin TEXT NOT NULL,
      results INTEGER NOT NULL,
      source TEXT NOT NULL,
      files_json TEXT NOT NULL,
      complete INTEGER NOT NULL,
      note TEXT,
      PRIMARY KEY (suite, round, origin)
    ) STRICT;
  `)
}
