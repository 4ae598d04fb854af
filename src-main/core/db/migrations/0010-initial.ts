import type { WritableDb } from '../types'

/** The first schema: imports, inference results and their details (STRICT), and the indexes the table's filters use. */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE imports (
      id INTEGER PRIMARY KEY,
      job_id TEXT NOT NULL UNIQUE,
      paths_json TEXT NOT NULL,
      status TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      files_read INTEGER NOT NULL DEFAULT 0,
      results_found INTEGER NOT NULL DEFAULT 0,
      imported INTEGER NOT NULL DEFAULT 0,
      updated INTEGER NOT NULL DEFAULT 0,
      unchanged INTEGER NOT NULL DEFAULT 0,
      skipped INTEGER NOT NULL DEFAULT 0,
      skipped_json TEXT NOT NULL DEFAULT '[]',
      notes_json TEXT NOT NULL DEFAULT '[]',
      error TEXT
    ) STRICT;

    CREATE TABLE inference_results (
      id INTEGER PRIMARY KEY,
      round TEXT NOT NULL,
      division TEXT NOT NULL,
      category TEXT,
      system_type TEXT,
      submitter TEXT NOT NULL,
      system_id TEXT NOT NULL,
      system_name TEXT,
      accelerator TEXT,
      accelerators_per_node REAL,
      nodes REAL,
      accelerators_total REAL,
      host_processor TEXT,
      host_processors_per_node REAL,
      host_processor_core_count TEXT,
      framework TEXT,
      operating_system TEXT,
      benchmark TEXT NOT NULL,
      mlperf_model TEXT NOT NULL,
      scenario TEXT NOT NULL,
      metric TEXT NOT NULL,
      unit TEXT NOT NULL,
      value REAL,
      power_value REAL,
      power_unit TEXT,
      accuracy TEXT,
      valid INTEGER NOT NULL,
      inferred INTEGER NOT NULL,
      weight_data_types TEXT,
      source TEXT NOT NULL,
      source_kind TEXT NOT NULL,
      public_id TEXT,
      content_hash TEXT NOT NULL,
      import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL,
      UNIQUE (round, division, submitter, system_id, benchmark, scenario)
    ) STRICT;

    -- The detail (system description, LoadGen settings and statistics: several KB per result)
    -- lives apart so that table scans, sorts and counts only read the narrow rows.
    CREATE TABLE inference_result_details (
      result_id INTEGER PRIMARY KEY REFERENCES inference_results(id) ON DELETE CASCADE,
      detail_json TEXT NOT NULL
    ) STRICT;

    -- Indexes that match the filters the table offers and its default sort.
    CREATE INDEX inference_results_bench ON inference_results (mlperf_model, scenario, division, value);
    CREATE INDEX inference_results_bench_value ON inference_results (benchmark, scenario, value);
    CREATE INDEX inference_results_scenario_value ON inference_results (scenario, value);
    CREATE INDEX inference_results_round ON inference_results (round, benchmark);
    CREATE INDEX inference_results_submitter ON inference_results (submitter);
    CREATE INDEX inference_results_accelerator ON inference_results (accelerator);
    CREATE INDEX inference_results_benchmark ON inference_results (benchmark, scenario);
    CREATE INDEX inference_results_scenario ON inference_results (scenario);
    CREATE INDEX inference_results_division ON inference_results (division);
    CREATE INDEX inference_results_value ON inference_results (value);
  `)
}
