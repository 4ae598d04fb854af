import type { WritableDb } from '../types'

/**
 * The user's own ONNX runs. A finished performance run is also indexed in inference_results
 * (source_kind 'local'), so it sits in the table and charts like any imported result; this
 * table keeps what only the run screen needs: the whole RunResult (settings, histogram,
 * percentile curve, throughput series, validity checks, files, status and reason), plus the
 * job its repetitions belong to. Cancelled and failed runs are kept here too, never indexed.
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE local_runs (
      id INTEGER PRIMARY KEY,
      run_key TEXT NOT NULL UNIQUE,
      job_id TEXT NOT NULL,
      repetition INTEGER NOT NULL CHECK (repetition >= 1),
      repetitions INTEGER NOT NULL CHECK (repetitions >= repetition),
      status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
      reason TEXT,
      benchmark TEXT NOT NULL,
      scenario TEXT NOT NULL,
      mode TEXT NOT NULL,
      model_path TEXT NOT NULL,
      run_dir TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      -- The process running it: a run left 'running' by a process that is gone is stale.
      owner_pid INTEGER,
      valid INTEGER,
      value REAL,
      unit TEXT,
      metric TEXT,
      accuracy REAL,
      result_id INTEGER REFERENCES inference_results(id) ON DELETE SET NULL,
      settings_json TEXT NOT NULL,
      result_json TEXT
    ) STRICT;

    -- The run list (newest first) and a job's repetitions.
    CREATE INDEX local_runs_started ON local_runs (started_at DESC, id DESC);
    CREATE INDEX local_runs_job ON local_runs (job_id, repetition);
  `)
}
