import type { FacetQuery, FacetResult, Filter, ViewQuery } from '../../../src-main/shared/api'

/** Values per facet before "show more". */
export const FACET_SIZE = 8
/** Values per facet after "show more". */
export const FACET_SIZE_EXPANDED = 200

const isValueFilter = (f: Filter): boolean => f.op === 'eq' || f.op === 'in' || f.op === 'isnull'

/**
 * The results.facets calls for a sidebar: one call for every plain column, and one per column
 * that carries its own value filter (counted without that filter, so its other values stay
 * visible and can join the same `in`: disjunctive faceting) or is expanded ("show more").
 */
export function planFacetCalls(
  view: ViewQuery,
  columns: readonly string[],
  expanded: ReadonlySet<string>
): FacetQuery[] {
  const own = new Set(view.filters.filter(isValueFilter).map((f) => f.column))
  const shared = columns.filter((c) => !own.has(c) && !expanded.has(c))
  const calls: FacetQuery[] = []
  if (shared.length > 0) calls.push({ ...view, columns: shared, size: FACET_SIZE })
  for (const column of columns) {
    if (!own.has(column) && !expanded.has(column)) continue
    calls.push({
      ...view,
      filters: own.has(column) ? view.filters.filter((f) => f.column !== column) : view.filters,
      columns: [column],
      size: expanded.has(column) ? FACET_SIZE_EXPANDED : FACET_SIZE
    })
  }
  return calls
}

/** Facet results of several calls, in sidebar order. */
export function mergeFacetResults(
  parts: readonly FacetResult[][],
  columns: readonly string[]
): FacetResult[] {
  const byName = new Map(parts.flat().map((r) => [r.column, r]))
  return columns.map((c) => byName.get(c)).filter((r): r is FacetResult => r !== undefined)
}

/** A copy of `set` with `value` added or removed. */
export function toggled<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  const next = new Set(set)
  if (next.has(value)) next.delete(value)
  else next.add(value)
  return next
}

export function emptySet<T>(): ReadonlySet<T> {
  return new Set<T>()
}
