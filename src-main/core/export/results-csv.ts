import Papa from 'papaparse'
import type { Cell, ViewQuery } from '../../shared/api'
import { SUITE_CSV_COLUMNS } from '../../shared/columns'
import { csvNumber } from '../../shared/number-format'
import type { ReadonlyDb } from '../db/types'
import { orderBy } from '../query/results-query'
import { tableSpec } from '../query/column-registry'
import { whereClause } from '../query/where-clause'

const CHUNK = 1000

/**
 * Streams the filtered table as CSV (header row first), walking the statement's iterator and
 * unparsing a chunk at a time so 200k rows never sit in memory as one array of objects.
 * Numbers keep full precision (the shortest round-trip form, never an exponent: csvNumber).
 */
export function writeResultsCsv(
  db: ReadonlyDb,
  view: ViewQuery,
  write: (chunk: string) => void
): number {
  const spec = tableSpec(view.suite)
  const columns = [...SUITE_CSV_COLUMNS[view.suite]]
  const where = whereClause(spec, view.filters, view.search)
  const stmt = db
    .prepare(
      `SELECT ${columns.map((c) => `r.${c}`).join(', ')} FROM ${spec.table} r ${where.sql} ${orderBy(spec, view.sort)}`
    )
    .raw(true)
  write(Papa.unparse({ fields: columns, data: [] }, { newline: '\n' }).trimEnd() + '\n')
  let chunk: Cell[][] = []
  let rows = 0
  for (const row of stmt.iterate(...where.params) as Iterable<Cell[]>) {
    chunk.push(row.map((v) => (typeof v === 'number' ? csvNumber(v) : v)))
    rows++
    if (chunk.length >= CHUNK) {
      write(Papa.unparse(chunk, { newline: '\n' }) + '\n')
      chunk = []
    }
  }
  if (chunk.length > 0) write(Papa.unparse(chunk, { newline: '\n' }) + '\n')
  return rows
}

export function resultsCsv(db: ReadonlyDb, view: ViewQuery): { csv: string; rows: number } {
  const parts: string[] = []
  const rows = writeResultsCsv(db, view, (c) => parts.push(c))
  return { csv: parts.join(''), rows }
}
