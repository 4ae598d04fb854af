import type { Filter, FilterOp } from '../../shared/api'
import type { SqlColumn, TableSpec } from './column-registry'
import { columnOf, QueryInputError } from './column-registry'

export type SqlFragment = { sql: string; params: (string | number)[] }

type OpSpec = {
  label: string
  arity: 'none' | 'one' | 'many'
  build: (expr: string, values: (string | number)[]) => string
}

/** Operator registry: each turns into a parameterised fragment and a sentence (Datasette). */
const OPS: Record<FilterOp, OpSpec> = {
  eq: { label: '=', arity: 'one', build: (e) => `${e} = ?` },
  ne: { label: '≠', arity: 'one', build: (e) => `(${e} IS NULL OR ${e} != ?)` },
  gt: { label: '>', arity: 'one', build: (e) => `${e} > ?` },
  gte: { label: '≥', arity: 'one', build: (e) => `${e} >= ?` },
  lt: { label: '<', arity: 'one', build: (e) => `${e} < ?` },
  lte: { label: '≤', arity: 'one', build: (e) => `${e} <= ?` },
  contains: {
    label: 'contains',
    arity: 'one',
    build: (e) => `instr(lower(${e}), lower(?)) > 0`
  },
  in: {
    label: 'in',
    arity: 'many',
    build: (e, v) => `${e} IN (${v.map(() => '?').join(', ')})`
  },
  notin: {
    label: 'not in',
    arity: 'many',
    build: (e, v) => `(${e} IS NULL OR ${e} NOT IN (${v.map(() => '?').join(', ')}))`
  },
  isnull: { label: 'is empty', arity: 'none', build: (e) => `${e} IS NULL` },
  notnull: { label: 'is not empty', arity: 'none', build: (e) => `${e} IS NOT NULL` }
}

/** Converts a filter value to the column's storage type (booleans are stored as 0/1). */
function coerce(col: SqlColumn, raw: string): string | number {
  if (col.type === 'text') return raw
  if (col.type === 'boolean') {
    const v = raw.toLowerCase()
    if (['1', 'true', 'yes'].includes(v)) return 1
    if (['0', 'false', 'no'].includes(v)) return 0
    throw new QueryInputError(`"${raw}" is not a boolean for column ${col.name}`)
  }
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(n)) {
    throw new QueryInputError(`"${raw}" is not a number for column ${col.name}`)
  }
  return n
}

function valuesOf(filter: Filter, spec: OpSpec): string[] {
  const v = filter.value
  if (spec.arity === 'none') return []
  if (spec.arity === 'many') {
    const list = Array.isArray(v) ? v : v === undefined ? [] : [v]
    if (list.length === 0) throw new QueryInputError(`"${filter.op}" needs at least one value`)
    return list
  }
  if (typeof v !== 'string') throw new QueryInputError(`"${filter.op}" needs one value`)
  return [v]
}

/** One filter → a bound SQL fragment. */
export function filterToSql(spec: TableSpec, filter: Filter): SqlFragment {
  const col = columnOf(spec, filter.column)
  const op = OPS[filter.op]
  if (!op) throw new QueryInputError(`Unknown operator "${String(filter.op)}"`)
  if (!col.filterable) throw new QueryInputError(`Column ${col.name} cannot be filtered`)
  const params = valuesOf(filter, op).map((v) => coerce(col, v))
  return { sql: op.build(col.sql, params), params }
}

/** A sentence for the active filters, e.g. `division = closed and scenario in Offline, Server`. */
export function describeFilters(filters: readonly Filter[], search?: string): string {
  const parts = filters.map((f) => {
    const op = OPS[f.op]
    const v = Array.isArray(f.value) ? f.value.join(', ') : (f.value ?? '')
    return op.arity === 'none' ? `${f.column} ${op.label}` : `${f.column} ${op.label} ${v}`
  })
  if (search && search.trim()) parts.push(`matching "${search.trim()}"`)
  return parts.join(' and ')
}
