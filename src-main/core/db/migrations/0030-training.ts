import type { WritableDb } from '../types'

/**
 * MLPerf Training results. As for inference, the table rows are narrow (what the table shows,
 * filters and sorts) and the detail (system description, notes) lives apart. The runs of a set
 * get their own table so that opening a result or computing time-to-thresholds reads stored
 * eval series instead of parsing the logs again. Full-text search is an external-content FTS5
 * index rebuilt once per import (see 0020).
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE training_results (
      id INTEGER PRIMARY KEY,
      round TEXT NOT NULL,
      division TEXT NOT NULL,
      category TEXT,
      submitter TEXT NOT NULL,
      system_id TEXT NOT NULL,
      system_name TEXT,
      accelerator TEXT,
      accelerators_total REAL,
      nodes REAL,
      framework TEXT,
      benchmark TEXT NOT NULL,
      runs INTEGER,
      value REAL,
      unit TEXT NOT NULL,
      scaling_factor REAL,
      aborted_runs INTEGER NOT NULL,
      rcp_normalised INTEGER NOT NULL,
      valid INTEGER NOT NULL,
      source TEXT NOT NULL,
      source_kind TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
      UNIQUE (round, division, submitter, system_id, benchmark)
    ) STRICT;

    CREATE TABLE training_result_details (
      result_id INTEGER PRIMARY KEY REFERENCES training_results(id) ON DELETE CASCADE,
      detail_json TEXT NOT NULL
    ) STRICT;

    -- One row per result_*.txt of a set, in run order (seq), with its role in the olympic
    -- average and its eval_accuracy series (JSON list of EvalPoint).
    CREATE TABLE training_runs (
      result_id INTEGER NOT NULL REFERENCES training_results(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      file TEXT NOT NULL,
      status TEXT NOT NULL,
      minutes REAL,
      converged INTEGER NOT NULL,
      role TEXT NOT NULL,
      reason TEXT,
      run_final_ms REAL,
      evals_json TEXT NOT NULL,
      PRIMARY KEY (result_id, seq)
    ) STRICT, WITHOUT ROWID;

    -- Indexes that match the table's filters and its usual sort (score within a benchmark).
    CREATE INDEX training_results_bench ON training_results (benchmark, division, value);
    CREATE INDEX training_results_round ON training_results (round, benchmark);
    CREATE INDEX training_results_submitter ON training_results (submitter);
    CREATE INDEX training_results_accelerator ON training_results (accelerator);
    CREATE INDEX training_results_division ON training_results (division);
    CREATE INDEX training_results_value ON training_results (value);
    -- Also finds a tree result for a summary row whose key differs only by submitter spelling.
    CREATE INDEX training_results_system ON training_results (system_id, benchmark, round);

    CREATE VIRTUAL TABLE training_results_fts USING fts5(
      submitter, system_name, system_id, accelerator, benchmark, framework,
      content='training_results', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
      prefix='2 3 4'
    );
  `)
}
