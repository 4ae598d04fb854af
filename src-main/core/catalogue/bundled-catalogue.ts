/**
 * The published catalogue in a database: loaded into every new database (app and CLI alike),
 * refreshed when the app ships a new build, removed and restored on request. Bundled rows are
 * marked origin = 'bundled'; a result the user imported, downloaded or ran always wins over a
 * bundled one (loading never overwrites a row that exists), and an import that meets a bundled
 * row replaces it under the import rules (see upsertInferenceResults).
 */
import { existsSync, readFileSync } from 'node:fs'
import type { Suite } from '../../shared/api'
import type {
  CatalogueChange,
  CatalogueStatus,
  CoverageEntry,
  CoverageRow,
  Origin
} from '../../shared/catalogue'
import { ORIGINS } from '../../shared/catalogue'
import { compareRounds } from '../../mlperf'
import { prepareCached } from '../db/statement-cache'
import type { ReadonlyDb, WritableDb } from '../db/types'
import { withFtsDeferred } from '../db/fts-bulk'
import type { CatalogueFile, CatalogueTable } from './catalogue-file'
import { catalogueBuildId, decodeCatalogue, unpackRows } from './catalogue-file'

const TABLES: Record<Suite, { table: string; details: string }> = {
  inference: { table: 'inference_results', details: 'inference_result_details' },
  training: { table: 'training_results', details: 'training_result_details' }
}
const SUITES: readonly Suite[] = ['inference', 'training']

type StateRow = { build_id: string; loaded_at: string; removed: number }

function state(db: ReadonlyDb): StateRow | undefined {
  return prepareCached(db, 'SELECT build_id, loaded_at, removed FROM catalogue_state').get() as
    StateRow | undefined
}

function setState(db: WritableDb, buildId: string, removed: boolean): void {
  prepareCached(
    db,
    'INSERT INTO catalogue_state (id, build_id, loaded_at, removed) VALUES (1, ?, ?, ?) ' +
      'ON CONFLICT (id) DO UPDATE SET build_id = excluded.build_id, ' +
      'loaded_at = excluded.loaded_at, removed = excluded.removed'
  ).run(buildId, new Date().toISOString(), removed ? 1 : 0)
}

/** The shipped file, read once per path. */
const files = new Map<string, { bytes: Buffer; buildId: string }>()
function shipped(path: string): { bytes: Buffer; buildId: string } | null {
  const cached = files.get(path)
  if (cached) return cached
  if (!existsSync(path)) return null
  const bytes = readFileSync(path)
  const entry = { bytes, buildId: catalogueBuildId(bytes) }
  files.set(path, entry)
  return entry
}

/** Columns of a table as the database has them (a file from another schema loads what fits). */
function tableColumns(db: ReadonlyDb, table: string): Set<string> {
  const rows = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]
  return new Set(rows.map((r) => r.name))
}

/**
 * Inserts the file's rows of one suite where no row with the same key exists (so nothing the
 * user has is touched). Returns the rows inserted.
 */
function insertTable(db: WritableDb, suite: Suite, data: CatalogueTable): number {
  const { table, details } = TABLES[suite]
  const known = tableColumns(db, table)
  const missing = data.columns.filter((c) => !known.has(c))
  if (missing.length > 0) {
    throw new Error(`the ${suite} table has columns this database lacks: ${missing.join(', ')}`)
  }
  const columns = [...data.columns, 'content_hash', 'origin']
  const insert = db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ` +
      'ON CONFLICT DO NOTHING'
  )
  const detail = db.prepare(`INSERT INTO ${details} (result_id, detail_json) VALUES (?, ?)`)
  let inserted = 0
  for (const row of unpackRows(data)) {
    const info = insert.run(...row.values, row.hash, 'bundled')
    if (info.changes === 0) continue
    detail.run(info.lastInsertRowid, row.detail)
    inserted++
  }
  return inserted
}

function saveCoverage(db: WritableDb, file: CatalogueFile): void {
  prepareCached(db, "DELETE FROM catalogue_coverage WHERE origin = 'bundled'").run()
  const insert = prepareCached(
    db,
    'INSERT INTO catalogue_coverage (suite, round, origin, results, source, files_json, complete, note) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  )
  for (const c of file.coverage) {
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
 * Records the coverage of official tables added to the database another way than the shipped
 * catalogue (e.g. origin 'downloaded': a round's table fetched later), replacing the entries of
 * the same suite, round and origin. The coverage screen and `catalogue` list them beside the
 * bundled rounds.
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

/**
 * Loads a catalogue build: the bundled rows of an older build (or of the old sample) go, this
 * build's rows come in where the user has no row of the same result, and its coverage replaces
 * the old. One transaction: a failure leaves the database as it was.
 */
function load(db: WritableDb, file: CatalogueFile, buildId: string): CatalogueChange {
  const change: CatalogueChange = { inference: 0, training: 0 }
  // The full-text triggers are off for the bulk load, with one index rebuild at its end.
  withFtsDeferred(db, () => {
    for (const suite of SUITES) {
      prepareCached(db, `DELETE FROM ${TABLES[suite].table} WHERE origin = 'bundled'`).run()
      change[suite] = insertTable(db, suite, file[suite])
    }
    saveCoverage(db, file)
    setState(db, buildId, false)
  })
  db.pragma('optimize')
  return change
}

/**
 * Brings a database up to the shipped catalogue: a new database (or one that predates the
 * catalogue) gets it; one loaded from an older build gets the new build; one whose user removed
 * the bundled results, or already has this build, is left alone. Returns the rows inserted, or
 * null when nothing was done. A missing file is not an error (nothing to load).
 */
export function ensureCatalogue(db: WritableDb, path: string): CatalogueChange | null {
  const file = shipped(path)
  if (file === null) return null
  const current = state(db)
  if (current && (current.removed === 1 || current.build_id === file.buildId)) return null
  return load(db, decodeCatalogue(file.bytes), file.buildId)
}

/**
 * Marks a database that was opened without the catalogue (CLI --no-catalogue) so later opens
 * do not add it either; `restoreBundled` still can. Does nothing once a catalogue state exists.
 */
export function declineCatalogue(db: WritableDb, path: string): void {
  if (state(db) === undefined) setState(db, shipped(path)?.buildId ?? 'none', true)
}

/** Removes every bundled row (both suites); they stay out, on every start, until restored. */
export function removeBundled(db: WritableDb, path: string): CatalogueChange {
  const change: CatalogueChange = { inference: 0, training: 0 }
  withFtsDeferred(db, () => {
    for (const suite of SUITES) {
      change[suite] = prepareCached(
        db,
        `DELETE FROM ${TABLES[suite].table} WHERE origin = 'bundled'`
      ).run().changes
    }
    setState(db, state(db)?.build_id ?? shipped(path)?.buildId ?? 'none', true)
  })
  return change
}

/** Puts the shipped catalogue back (rows the user has since imported stay as they are). */
export function restoreBundled(db: WritableDb, path: string): CatalogueChange {
  const file = shipped(path)
  if (file === null) throw new Error(`The catalogue file is missing: ${path}`)
  return load(db, decodeCatalogue(file.bytes), file.buildId)
}

function zeroOrigins(): Record<Origin, number> {
  return Object.fromEntries(ORIGINS.map((o) => [o, 0])) as Record<Origin, number>
}

type CoverageDbRow = {
  suite: Suite
  round: string
  origin: Origin
  results: number
  source: string
  files_json: string
  complete: number
  note: string | null
}

/** What the catalogue covers, and what the database holds of each round now, by origin. */
export function catalogueStatus(db: ReadonlyDb, path: string): CatalogueStatus {
  const current = state(db)
  const counts = new Map<string, Record<Origin, number>>()
  const bundled: Record<Suite, number> = { inference: 0, training: 0 }
  const own: Record<Suite, number> = { inference: 0, training: 0 }
  for (const suite of SUITES) {
    const rows = prepareCached(
      db,
      `SELECT round, origin, count(*) AS n FROM ${TABLES[suite].table} GROUP BY round, origin`
    ).all() as { round: string; origin: Origin; n: number }[]
    for (const r of rows) {
      const key = `${suite}|${r.round}`
      const c = counts.get(key) ?? zeroOrigins()
      c[r.origin] = (c[r.origin] ?? 0) + r.n
      counts.set(key, c)
      if (r.origin === 'bundled') bundled[suite] += r.n
      else own[suite] += r.n
    }
  }
  const entries = prepareCached(
    db,
    'SELECT suite, round, origin, results, source, files_json, complete, note FROM catalogue_coverage'
  ).all() as CoverageDbRow[]
  const coverage: CoverageRow[] = entries.map((e) => {
    const entry: CoverageEntry = {
      suite: e.suite,
      round: e.round,
      origin: e.origin,
      results: e.results,
      source: e.source,
      files: JSON.parse(e.files_json) as string[],
      complete: e.complete === 1,
      note: e.note
    }
    return { ...entry, inDatabase: counts.get(`${e.suite}|${e.round}`) ?? zeroOrigins() }
  })
  coverage.sort(
    (a, b) =>
      SUITES.indexOf(a.suite) - SUITES.indexOf(b.suite) ||
      compareRounds(a.round, b.round) ||
      ORIGINS.indexOf(a.origin) - ORIGINS.indexOf(b.origin)
  )
  return {
    shippedBuild: shipped(path)?.buildId ?? null,
    loadedBuild: current?.build_id ?? null,
    removed: current?.removed === 1,
    bundled,
    own,
    coverage
  }
}
