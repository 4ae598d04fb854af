import type { WritableDb } from '../types'

/** The user's display preferences (theme…), one JSON value per key (shared/preferences.ts). */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE preferences (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL
    ) STRICT;
  `)
}
