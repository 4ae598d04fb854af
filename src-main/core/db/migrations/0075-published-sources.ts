import type { WritableDb } from '../types'

/**
 * Getting published results over HTTP (issue 10 points 2 and 3):
 * - published_settings: the source address (a mirror may replace raw.githubusercontent.com);
 * - published_http_cache: per URL, what the server said about the file's version (ETag,
 *   Last-Modified) and where the copy lives, so the next request is conditional;
 * - fetched_logs: the logs fetched for one published result, with the official table's figures
 *   as they were before the logs replaced the row, so both stay side by side.
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE published_settings (
      key TEXT NOT NULL PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE published_http_cache (
      url TEXT NOT NULL PRIMARY KEY,
      etag TEXT,
      last_modified TEXT,
      sha256 TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      local_path TEXT NOT NULL,
      fetched_at TEXT NOT NULL,
      checked_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE fetched_logs (
      id INTEGER PRIMARY KEY,
      suite TEXT NOT NULL,
      round TEXT NOT NULL,
      division TEXT NOT NULL,
      submitter TEXT NOT NULL,
      system_id TEXT NOT NULL,
      benchmark TEXT NOT NULL,
      scenario TEXT NOT NULL,
      repo TEXT NOT NULL,
      folder TEXT NOT NULL,
      local_dir TEXT NOT NULL,
      official_json TEXT NOT NULL,
      files_json TEXT NOT NULL,
      messages_json TEXT NOT NULL,
      import_job_id TEXT,
      fetched_at TEXT NOT NULL,
      UNIQUE (suite, round, division, submitter, system_id, benchmark, scenario)
    ) STRICT;
  `)
}
