/**
 * Merging an official table row into a result read from logs (issue 10 points 4 and 5).
 *
 * Logs (a submission tree, fetched logs) are the better source for the numbers: full precision,
 * validity checks. Tables know things logs never carry: the published result ID, the precision
 * (weight data types), availability, the submitter's notes. When both describe the same result,
 * the logs' row is kept and every field it leaves empty is taken from the table; the table row
 * itself is kept in the detail (OfficialTableRow) so a later re-import of the logs merges the
 * same way. Where the two give different numbers beyond the precision the table prints, the
 * row's notes and the import report say so with both numbers.
 */
import type { OfficialTableRow } from '../../shared/inference'
import { prepareCached } from '../db/statement-cache'
import type { WritableDb } from '../db/types'
import type { UpsertCounts } from './upsert-sql'

export type Row = Record<string, string | number | null>

/** Which columns a table may fill, and which numbers are compared (each with its unit column). */
export type MergeSpec = {
  /** Column → words for notes ("result ID"). Filled from the table when the logs have null. */
  fill: Readonly<Record<string, string>>
  /** Numbers compared between table and logs; `unit` names the unit column (null: none). */
  compare: readonly { column: string; unit: string | null; label: string }[]
  /** Column pairs filled together (a power value with its unit), keyed by the value column. */
  pairs?: Readonly<Record<string, string>>
}

export type Disagreement = {
  label: string
  table: number
  logs: number
  unit: string | null
  /** Half a unit of the last digit the table prints. */
  tolerance: number
}

export type MergeOutcome = {
  row: Row
  /** Words for the fields taken from the table. */
  kept: string[]
  /** Columns taken from the table (pairs included). */
  filled: string[]
  disagreements: Disagreement[]
  /** Notes for the row: what was kept, where table and logs disagree. */
  notes: string[]
}

/**
 * Half a unit of the last decimal `v` shows in its shortest form: 3142.52 → 0.005, 1042110 →
 * 0.5, 2.5e-7 → 5e-8. Tables print rounded figures; a log value within this of the table's is
 * the same result.
 */
export function tableTolerance(v: number): number {
  const m = /^(\d+)(?:\.(\d+))?(?:e([-+]\d+))?$/.exec(String(Math.abs(v)))
  if (!m) return 0
  const decimals = (m[2]?.length ?? 0) - Number(m[3] ?? 0)
  return 5 / 10 ** (decimals + 1)
}

/** True when the log value is not the table value as the table rounds it. */
export function differsBeyondPrecision(table: number, logs: number): boolean {
  const slack = 1e-9 * Math.max(Math.abs(table), Math.abs(logs))
  return Math.abs(table - logs) > tableTolerance(table) + slack
}

/** A number as an analyst reads it in a note (full precision, no exponent for usual values). */
function show(n: number): string {
  return String(n)
}

/** The table row as it is kept in the detail. */
export function snapshotOf(row: Row, notes: string | null): OfficialTableRow {
  const { source, ...fields } = row
  return { source: String(source ?? ''), fields, notes }
}

/**
 * The logs' row with the table's fields filled in where the logs have none, and the numbers
 * compared. Pure; the row given is not changed.
 */
export function mergeTableIntoLogs(
  logs: Row,
  table: OfficialTableRow,
  spec: MergeSpec
): MergeOutcome {
  const row: Row = { ...logs }
  const kept: string[] = []
  const filled: string[] = []
  const keptText: string[] = []
  for (const [column, words] of Object.entries(spec.fill)) {
    const value = table.fields[column]
    if (value === null || value === undefined || (row[column] ?? null) !== null) continue
    row[column] = value
    const pair = spec.pairs?.[column]
    filled.push(column)
    if (pair !== undefined) {
      row[pair] = table.fields[pair] ?? null
      filled.push(pair)
    }
    kept.push(words)
    const unit = pair !== undefined ? table.fields[pair] : null
    keptText.push(`${words} ${value}${unit ? ` ${unit}` : ''}`)
  }
  const disagreements: Disagreement[] = []
  for (const c of spec.compare) {
    const t = table.fields[c.column]
    const l = logs[c.column]
    if (typeof t !== 'number' || typeof l !== 'number') continue
    const unit = c.unit === null ? null : ((logs[c.unit] ?? null) as string | null)
    const tableUnit = c.unit === null ? null : ((table.fields[c.unit] ?? null) as string | null)
    if (unit !== tableUnit) continue
    if (differsBeyondPrecision(t, l)) {
      disagreements.push({ label: c.label, table: t, logs: l, unit, tolerance: tableTolerance(t) })
    }
  }
  const file = baseName(table.source)
  const notes: string[] = []
  if (keptText.length > 0) {
    notes.push(
      `Kept from the results table (${file}), which the logs do not carry: ${keptText.join(', ')}.`
    )
  }
  for (const d of disagreements) notes.push(disagreementText(d, file))
  return { row, kept, filled, disagreements, notes }
}

/** "The results table (x) gives 1234.5 Samples/s for the result; the logs give 1240.1 …". */
export function disagreementText(d: Disagreement, file: string): string {
  const u = d.unit ? ` ${d.unit}` : ''
  return (
    `The results table (${file}) gives ${d.label} ${show(d.table)}${u}; the logs give ` +
    `${show(d.logs)}${u}, a difference beyond the table's precision (±${show(d.tolerance)}).`
  )
}

function baseName(path: string): string {
  return path.split(/[\\/]+/).pop() ?? path
}

/** Keeps the first table's fields and fills its gaps from a second table. */
export function combineTables(
  first: OfficialTableRow | undefined,
  next: OfficialTableRow
): OfficialTableRow {
  if (!first) return next
  const fields = { ...first.fields }
  for (const [k, v] of Object.entries(next.fields)) fields[k] = fields[k] ?? v
  return {
    source: first.source,
    fields,
    notes: first.notes ?? next.notes,
    filled: first.filled ?? []
  }
}

/** Notes a merge writes; dropped before merging again so they never pile up. */
const MERGE_NOTE = /^(Kept from the results table \(|The results table \()/

/** A result's detail as far as merging is concerned (inference and training alike). */
type MergeableDetail = { notes: string[]; officialTable?: OfficialTableRow }

/**
 * A log-derived row and its detail with an official table row merged in: the fields of every
 * table met so far fill the logs' gaps, the table just met is compared with the logs, and the
 * tables are kept in the detail. `counts` gets the enrichment and the disagreements; `label`
 * names the result in the import report.
 */
export function mergeIntoLogs<D extends MergeableDetail>(
  logRow: Row,
  logDetail: D,
  table: OfficialTableRow,
  spec: MergeSpec,
  counts: UpsertCounts,
  label: string
): { row: Row; detail: D } {
  // A row merged before holds table values where its logs had none: take them out again, so
  // merging is the same whether the logs are read again or another table arrives.
  const logsOnly: Row = { ...logRow }
  for (const column of logDetail.officialTable?.filled ?? []) logsOnly[column] = null
  const combined = combineTables(logDetail.officialTable, table)
  const compared = mergeTableIntoLogs(logsOnly, table, { ...spec, fill: {} })
  const filled = mergeTableIntoLogs(logsOnly, combined, { ...spec, compare: [] })
  const snapshot: OfficialTableRow = { ...combined, filled: filled.filled }
  if (filled.kept.length > 0) counts.enriched++
  for (const note of compared.notes) counts.disagreements.push({ result: label, note })
  const notes = [
    ...logDetail.notes.filter((n) => !MERGE_NOTE.test(n)),
    ...filled.notes,
    ...compared.notes
  ]
  return { row: filled.row, detail: { ...logDetail, notes, officialTable: snapshot } }
}

/**
 * Fills the empty fill-columns of stored summary rows from further copies of the same results
 * (a second official table read in the same import): nothing set is overwritten, and a pair
 * (power with its unit) is filled together. The content hash stays the first copy's, so
 * importing the same files again finds both copies unchanged. Returns how many rows gained a
 * field. Runs inside the caller's transaction.
 */
export function fillGaps(
  db: WritableDb,
  table: string,
  keyColumns: readonly string[],
  spec: MergeSpec,
  copies: readonly Row[]
): number {
  const pairs = spec.pairs ?? {}
  const columns = [...Object.keys(spec.fill), ...Object.values(pairs)]
  const key = keyColumns.map((c) => `${c} = @${c}`).join(' AND ')
  const find = prepareCached(
    db,
    `SELECT id, ${columns.join(', ')} FROM ${table} WHERE ${key} AND source_kind = 'summary'`
  )
  let changed = 0
  for (const copy of copies) {
    const stored = find.get(Object.fromEntries(keyColumns.map((c) => [c, copy[c]]))) as
      (Row & { id: number }) | undefined
    if (!stored) continue
    const set: Row = {}
    for (const column of Object.keys(spec.fill)) {
      if (stored[column] !== null || (copy[column] ?? null) === null) continue
      set[column] = copy[column] ?? null
      const pair = pairs[column]
      if (pair !== undefined) set[pair] = copy[pair] ?? null
    }
    const names = Object.keys(set)
    if (names.length === 0) continue
    prepareCached(
      db,
      `UPDATE ${table} SET ${names.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`
    ).run({ ...set, id: stored.id })
    changed++
  }
  return changed
}
