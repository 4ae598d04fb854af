/**
 * The shipped catalogue file (resources/catalogue/catalogue.json.gz): every published result of
 * the official tables the build read, as stored rows. One gzipped JSON document:
 *
 *   { format, version, coverage: [...], inference: { columns, rows }, training: { columns, rows } }
 *
 * Each row is the table's columns in `columns` order, then the row's content hash, then its
 * detail as JSON text (stored as is: loading never parses it). Text columns are coded: their
 * cells are indexes into the table's `strings` (names, systems, paths repeat across thousands
 * of rows; this halves what loading must unpack and parse). Rows are sorted by their key and
 * carry no timestamps, so the same inputs give a byte-identical file. The file's SHA-256 is
 * its build id.
 */
import { createHash } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { Suite } from '../../shared/api'
import type { CoverageEntry } from '../../shared/catalogue'

export const CATALOGUE_FORMAT = 'mlperf-explorer-catalogue'
export const CATALOGUE_VERSION = 1
/** Where the file sits under the app's folder. */
export const CATALOGUE_PATH = ['resources', 'catalogue', 'catalogue.json.gz'] as const

export type CatalogueCell = string | number | null

export type CatalogueTable = {
  /** Stored column names (each suite's result table, bookkeeping columns aside). */
  columns: string[]
  /** Columns whose cells are indexes into `strings` (null stays null). */
  coded: string[]
  strings: string[]
  /** [...cells in column order, content hash, detail JSON]. */
  rows: CatalogueCell[][]
}

/** One row as stored: its values in column order, content hash and detail JSON. */
export type CatalogueRow = { values: CatalogueCell[]; hash: string; detail: string }

/** Codes the text columns of a table's rows (every non-null value a string) into one list. */
export function packTable(
  columns: readonly string[],
  rows: readonly CatalogueRow[]
): CatalogueTable {
  const coded = columns.filter((_, i) =>
    rows.every((r) => r.values[i] === null || typeof r.values[i] === 'string')
  )
  const codedAt = new Set(coded.map((c) => columns.indexOf(c)))
  const strings: string[] = []
  const index = new Map<string, number>()
  const code = (v: string): number => {
    let i = index.get(v)
    if (i === undefined) {
      i = strings.length
      strings.push(v)
      index.set(v, i)
    }
    return i
  }
  return {
    columns: [...columns],
    coded,
    strings,
    rows: rows.map((r) => [
      ...r.values.map((v, i) => (codedAt.has(i) && typeof v === 'string' ? code(v) : v)),
      r.hash,
      r.detail
    ])
  }
}

/** The rows of a table as stored, text columns decoded. */
export function unpackRows(table: CatalogueTable): CatalogueRow[] {
  const n = table.columns.length
  const codedAt = table.columns.map((c) => table.coded.includes(c))
  return table.rows.map((row) => ({
    values: row
      .slice(0, n)
      .map((v, i) => (codedAt[i] && typeof v === 'number' ? (table.strings[v] ?? null) : v)),
    hash: String(row[n]),
    detail: String(row[n + 1])
  }))
}

export type CatalogueFile = {
  format: typeof CATALOGUE_FORMAT
  version: typeof CATALOGUE_VERSION
  /** Per suite and round: results, source table, complete or partial (origin is implied). */
  coverage: Omit<CoverageEntry, 'origin'>[]
  inference: CatalogueTable
  training: CatalogueTable
}

export function encodeCatalogue(file: CatalogueFile): Buffer {
  // No timestamp goes into the gzip header (Node writes mtime 0), so equal JSON, equal bytes.
  return gzipSync(JSON.stringify(file), { level: 9 })
}

/** Parses a catalogue file; throws with the reason when it is not one this app can load. */
export function decodeCatalogue(bytes: Buffer): CatalogueFile {
  let parsed: unknown
  try {
    parsed = JSON.parse(gunzipSync(bytes).toString('utf8'))
  } catch (e) {
    throw new Error(
      `not a gzipped JSON catalogue (${e instanceof Error ? e.message : String(e)})`,
      {
        cause: e
      }
    )
  }
  const file = parsed as Partial<CatalogueFile> | null
  if (file?.format !== CATALOGUE_FORMAT) throw new Error('not an MLPerf Explorer catalogue')
  if (file.version !== CATALOGUE_VERSION) {
    throw new Error(
      `catalogue version ${String(file.version)}; this app reads ${CATALOGUE_VERSION}`
    )
  }
  for (const suite of ['inference', 'training'] as Suite[]) {
    const t = file[suite]
    if (
      !t ||
      !Array.isArray(t.columns) ||
      !Array.isArray(t.rows) ||
      !Array.isArray(t.coded) ||
      !Array.isArray(t.strings)
    ) {
      throw new Error(`the ${suite} table is missing`)
    }
  }
  if (!Array.isArray(file.coverage)) throw new Error('the coverage list is missing')
  return file as CatalogueFile
}

/** The build id: SHA-256 of the file's bytes (hex, first 16 characters). */
export function catalogueBuildId(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16)
}
