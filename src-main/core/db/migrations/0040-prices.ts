import type { WritableDb } from '../types'

/**
 * The user's own inputs to the charts: prices (performance per dollar is a normalisation derived
 * from them) and accelerator alias overrides (which raw accelerator names count as the same
 * model for same-accelerator speedups). Both are small, keyed tables edited from the Charts
 * screen; neither touches the published results.
 */
export function up(db: WritableDb): void {
  db.exec(`
    CREATE TABLE prices (
      id INTEGER PRIMARY KEY,
      basis TEXT NOT NULL CHECK (basis IN ('system', 'accelerator-hour')),
      key TEXT NOT NULL,
      usd REAL NOT NULL CHECK (usd > 0),
      note TEXT,
      updated_at TEXT NOT NULL,
      UNIQUE (basis, key)
    ) STRICT;

    CREATE TABLE accelerator_aliases (
      raw TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
      canonical TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `)
}
