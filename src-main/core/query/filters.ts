import type { Filter } from '../../shared/api'
import type { FilterOp, FilterOpSpec } from '../../shared/filters'
import { FILTER_OP_SPECS, isFilterOp } from '../../shared/filters'
import type { SqlColumn, TableSpec } from './column-registry'
import { columnOf, QueryInputError } from './column-registry'

export type SqlFragment = { sql: string; params: (string | number)[] }

type SqlBuilder = (expr: string, values: (string | number)[]) => string

/**
 * Each operator as a parameterised fragment (Datasette); its word and arity are the contract's
 * (shared/filters.ts).
 */
const SQL: Record<FilterOp, SqlBuilder> = {
  eq: (e) => `${e} = ?`,
  ne: (e) => `(${e} IS NULL OR ${e} != ?)`,
  gt: (e) => `${e} > ?`,
  gte: (e) => `${e} >= ?`,
  lt: (e) => `${e} < ?`,
  lte: (e) => `${e} <= ?`,
  contains: (e) => `instr(lower(${e}), lower(?)) > 0`,
  in: (e, v) => `${e} IN (${v.map(() => '?').join(', ')})`,
  notin: (e, v) => `(${e} IS NULL OR ${e} NOT IN (${v.map(() => '?').join(', ')}))`,
  isnull: (e) => `${e} IS NULL`,
  notnull: (e) => `${e} IS NOT NULL`
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

function valuesOf(filter: Filter, spec: FilterOpSpec): string[] {
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
  if (!isFilterOp(filter.op)) throw new QueryInputError(`Unknown operator "${String(filter.op)}"`)
  if (!col.filterable) throw new QueryInputError(`Column ${col.name} cannot be filtered`)
  const params = valuesOf(filter, FILTER_OP_SPECS[filter.op]).map((v) => coerce(col, v))
  return { sql: SQL[filter.op](col.sql, params), params }
}

/** A sentence for the active filters, e.g. `division = closed and scenario is one of Offline, Server`. */
export function describeFilters(filters: readonly Filter[], search?: string): string {
  const parts = filters.map((f) => {
    const op = FILTER_OP_SPECS[f.op]
    const v = Array.isArray(f.value) ? f.value.join(', ') : (f.value ?? '')
    return op.arity === 'none' ? `${f.column} ${op.label}` : `${f.column} ${op.label} ${v}`
  })
  if (search && search.trim()) parts.push(`matching "${search.trim()}"`)
  return parts.join(' and ')
}
