/**
 * The published catalogue in a database: loaded into every new database (app and CLI alike),
 * refreshed when the app ships a new build, removed and restored on request. Bundled rows are
 * marked origin = 'bundled'; a result the user imported, downloaded or ran always wins over a
 * bundled one (loading never overwrites a row that exists), and an import that meets a bundled
 * row replaces it under the import rules (see upsertInferenceResults).
 */
import { existsSync, readFileSync } from 'node:fs'
import type { Suite } from '../../shared/api'
import type { CatalogueChange, CatalogueStatus, CoverageRow, Origin } from '../../shared/catalogue'
import { ORIGINS } from '../../shared/catalogue'
import { compareRounds } from '../../mlperf'
import type { ReadonlyDb, WritableDb } from '../db/types'
import { withFtsDeferred } from '../db/fts-bulk'
import {
  catalogueState as state,
  coverageEntries,
  deleteBundledRows,
  insertBundledRows,
  originCounts,
  replaceBundledCoverage,
  resultColumns,
  setCatalogueState as setState
} from '../repo/catalogue'
import type { CatalogueFile, CatalogueTable } from './catalogue-file'
import { catalogueBuildId, decodeCatalogue, unpackRows } from './catalogue-file'

/** Coverage of official tables added another way than the shipped catalogue (repo/catalogue.ts). */
export { recordCoverage } from '../repo/catalogue'

const SUITES: readonly Suite[] = ['inference', 'training']

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

/**
 * Inserts the file's rows of one suite where no row with the same key exists (so nothing the
 * user has is touched). Returns the rows inserted. A file from another schema loads when the
 * database has every column it names.
 */
function insertTable(db: WritableDb, suite: Suite, data: CatalogueTable): number {
  const known = resultColumns(db, suite)
  const missing = data.columns.filter((c) => !known.has(c))
  if (missing.length > 0) {
    throw new Error(`the ${suite} table has columns this database lacks: ${missing.join(', ')}`)
  }
  return insertBundledRows(db, suite, data.columns, unpackRows(data))
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
      deleteBundledRows(db, suite)
      change[suite] = insertTable(db, suite, file[suite])
    }
    replaceBundledCoverage(db, file.coverage)
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
      change[suite] = deleteBundledRows(db, suite)
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

/** What the catalogue covers, and what the database holds of each round now, by origin. */
export function catalogueStatus(db: ReadonlyDb, path: string): CatalogueStatus {
  const current = state(db)
  const counts = new Map<string, Record<Origin, number>>()
  const bundled: Record<Suite, number> = { inference: 0, training: 0 }
  const own: Record<Suite, number> = { inference: 0, training: 0 }
  for (const suite of SUITES) {
    for (const r of originCounts(db, suite)) {
      const key = `${suite}|${r.round}`
      const c = counts.get(key) ?? zeroOrigins()
      c[r.origin] = (c[r.origin] ?? 0) + r.n
      counts.set(key, c)
      if (r.origin === 'bundled') bundled[suite] += r.n
      else own[suite] += r.n
    }
  }
  const coverage: CoverageRow[] = coverageEntries(db).map((e) => ({
    ...e,
    inDatabase: counts.get(`${e.suite}|${e.round}`) ?? zeroOrigins()
  }))
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
