/**
 * The catalogue's tables (catalogue_state, catalogue_coverage) and its bundled rows in the
 * results tables: every statement core/catalogue/bundled-catalogue.ts runs.
 */
import type { Suite } from '../../shared/api'
import type { CoverageEntry, Origin } from '../../shared/catalogue'
import { prepareCached } from '../db/statement-cache'
import type { ReadonlyDb, WritableDb } from '../db/types'

const TABLES: Record<Suite, { table: string; details: string }> = {
  inference: { table: 'inference_results', details: 'inference_result_details' },
  training: { table: 'training_results', details: 'training_result_details' }
}

export type CatalogueStateRow = { build_id: string; loaded_at: string; removed: number }

/** The catalogue build a database holds and whether the user removed it (none: never loaded). */
export function catalogueState(db: ReadonlyDb): CatalogueStateRow | undefined {
  return prepareCached(db, 'SELECT build_id, loaded_at, removed FROM catalogue_state').get() as
    CatalogueStateRow | undefined
}

export function setCatalogueState(db: WritableDb, buildId: string, removed: boolean): void {
  prepareCached(
    db,
    'INSERT INTO catalogue_state (id, build_id, loaded_at, removed) VALUES (1, ?, ?, ?) ' +
      'ON CONFLICT (id) DO UPDATE SET build_id = excluded.build_id, ' +
      'loaded_at = excluded.loaded_at, removed = excluded.removed'
  ).run(buildId, new Date().toISOString(), removed ? 1 : 0)
}

/** Columns of a suite's results table as the database has them. */
export function resultColumns(db: ReadonlyDb, suite: Suite): Set<string> {
  const rows = db.prepare(`PRAGMA table_info(${TABLES[suite].table})`).all() as { name: string }[]
  return new Set(rows.map((r) => r.name))
}

/** One bundled row: its column values (in the file's column order), hash and detail JSON. */
export type BundledRow = { values: unknown[]; hash: string; detail: string }

/**
 * Inserts bundled rows of one suite where no row with the same key exists (so nothing the user
 * has is touched), each with its detail. `columns` must all exist (resultColumns). Returns the
 * rows inserted.
 */
export function insertBundledRows(
  db: WritableDb,
  suite: Suite,
  columns: readonly string[],
  rows: Iterable<BundledRow>
): number {
  const { table, details } = TABLES[suite]
  const all = [...columns, 'content_hash', 'origin']
  const insert = db.prepare(
    `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')}) ` +
      'ON CONFLICT DO NOTHING'
  )
  const detail = db.prepare(`INSERT INTO ${details} (result_id, detail_json) VALUES (?, ?)`)
  let inserted = 0
  for (const row of rows) {
    const info = insert.run(...row.values, row.hash, 'bundled')
    if (info.changes === 0) continue
    detail.run(info.lastInsertRowid, row.detail)
    inserted++
  }
  return inserted
}

/** Deletes the bundled rows of one suite; returns how many went. */
export function deleteBundledRows(db: WritableDb, suite: Suite): number {
  return prepareCached(db, `DELETE FROM ${TABLES[suite].table} WHERE origin = 'bundled'`).run()
    .changes
}

/** Replaces the bundled coverage entries with a build's. */
export function replaceBundledCoverage(
  db: WritableDb,
  entries: readonly Omit<CoverageEntry, 'origin'>[]
): void {
  prepareCached(db, "DELETE FROM catalogue_coverage WHERE origin = 'bundled'").run()
  const insert = prepareCached(
    db,
    'INSERT INTO catalogue_coverage (suite, round, origin, results, source, files_json, complete, note) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  )
  for (const c of entries) {
    insert.run(
      c.suite,
      c.round,
      'bundled',
      c.results,
      c.source,
      JSON.stringify(c.files),
      c.complete ? 1 : 0,
      c.note
    )
  }
}

/**
 * Records coverage entries of any origin, replacing those of the same suite, round and origin
 * (one transaction).
 */
export function recordCoverage(db: WritableDb, entries: readonly CoverageEntry[]): void {
  const insert = prepareCached(
    db,
    'INSERT INTO catalogue_coverage (suite, round, origin, results, source, files_json, complete, note) ' +
      'VALUES (@suite, @round, @origin, @results, @source, @files, @complete, @note) ' +
      'ON CONFLICT (suite, round, origin) DO UPDATE SET results = excluded.results, ' +
      'source = excluded.source, files_json = excluded.files_json, complete = excluded.complete, ' +
      'note = excluded.note'
  )
  db.transaction(() => {
    for (const e of entries) {
      insert.run({ ...e, files: JSON.stringify(e.files), complete: e.complete ? 1 : 0 })
    }
  })()
}

/** Rows of a suite per round and origin. */
export function originCounts(
  db: ReadonlyDb,
  suite: Suite
): { round: string; origin: Origin; n: number }[] {
  return prepareCached(
    db,
    `SELECT round, origin, count(*) AS n FROM ${TABLES[suite].table} GROUP BY round, origin`
  ).all() as { round: string; origin: Origin; n: number }[]
}

/** Every coverage entry, unordered. */
export function coverageEntries(db: ReadonlyDb): CoverageEntry[] {
  const rows = prepareCached(
    db,
    'SELECT suite, round, origin, results, source, files_json, complete, note FROM catalogue_coverage'
  ).all() as {
    suite: Suite
    round: string
    origin: Origin
    results: number
    source: string
    files_json: string
    complete: number
    note: string | null
  }[]
  return rows.map((e) => ({
    suite: e.suite,
    round: e.round,
    origin: e.origin,
    results: e.results,
    source: e.source,
    files: JSON.parse(e.files_json) as string[],
    complete: e.complete === 1,
    note: e.note
  }))
}
