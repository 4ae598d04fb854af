import type { Cell, ColumnInfo, Filter } from '../../../src-main/shared/api'
import { FILTER_OP_SPECS } from '../../../src-main/shared/filters'

/** The string a facet value filters on; null facets become an isnull filter instead. */
export function cellKey(value: Cell): string {
  return value === null ? '' : String(value)
}

/** Values of `column` selected through eq/in filters (what the facet list shows as checked). */
export function selectedValues(filters: readonly Filter[], column: string): Set<string> {
  const out = new Set<string>()
  for (const f of filters) {
    if (f.column !== column) continue
    if (f.op === 'eq' && typeof f.value === 'string') out.add(f.value)
    if (f.op === 'in' && Array.isArray(f.value)) for (const v of f.value) out.add(v)
  }
  return out
}

/** True when the facet row for `value` is an active filter. */
export function isFacetSelected(filters: readonly Filter[], column: string, value: Cell): boolean {
  if (value === null) return filters.some((f) => f.column === column && f.op === 'isnull')
  return selectedValues(filters, column).has(String(value))
}

/**
 * Clicking a facet value: adds it to the column's eq/in filter (several values of one column
 * combine as `in`), or removes it when it is already selected. Other filters are kept as they are.
 */
export function toggleFacetValue(
  filters: readonly Filter[],
  column: string,
  value: Cell
): Filter[] {
  if (value === null) {
    const active = filters.some((f) => f.column === column && f.op === 'isnull')
    return active
      ? filters.filter((f) => !(f.column === column && f.op === 'isnull'))
      : [...filters, { column, op: 'isnull' }]
  }
  const key = String(value)
  const current = selectedValues(filters, column)
  if (current.has(key)) current.delete(key)
  else current.add(key)
  const values = [...current]
  const next: Filter[] = []
  let placed = false
  for (const f of filters) {
    const isValueFilter = f.column === column && (f.op === 'eq' || f.op === 'in')
    if (!isValueFilter) {
      next.push(f)
      continue
    }
    if (!placed && values.length > 0) next.push(valueFilter(column, values))
    placed = true
  }
  if (!placed && values.length > 0) next.push(valueFilter(column, values))
  return next
}

function valueFilter(column: string, values: string[]): Filter {
  return values.length === 1
    ? { column, op: 'eq', value: values[0] ?? '' }
    : { column, op: 'in', value: values }
}

/** Filters without those on `column`: the base for that column's own facet counts. */
export function withoutColumn(filters: readonly Filter[], column: string): Filter[] {
  return filters.filter((f) => f.column !== column)
}

/** A chip's text, e.g. "Scenario is one of Offline, Server". */
export function describeFilter(filter: Filter, columns: readonly ColumnInfo[]): string {
  const label = columns.find((c) => c.name === filter.column)?.label ?? filter.column
  const { label: word, arity } = FILTER_OP_SPECS[filter.op]
  if (arity === 'none') return `${label} ${word}`
  const value = Array.isArray(filter.value) ? filter.value.join(', ') : (filter.value ?? '')
  return `${label} ${word} ${value === '' ? '(empty)' : value}`
}
