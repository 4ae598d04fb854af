import type { Api, FacetResult, Filter, ViewQuery } from '../../../src-main/shared/api'
import { errorMessage } from '../api/client'
import { withoutColumn } from '../query/filters'

/** Values per facet before "show more". */
export const FACET_SIZE = 8
/** Values per facet after "show more". */
export const FACET_SIZE_EXPANDED = 200

/**
 * Facet counts for the sidebar (Datasette's ColumnFacet). Counts are over the filtered set;
 * a column that itself carries a value filter is counted without that filter, so its other
 * values stay visible and can be added to the same `in` filter (disjunctive faceting).
 */
export class Facets {
  results = $state.raw<FacetResult[]>([])
  loading = $state(false)
  error = $state<string | null>(null)
  expanded = $state.raw<ReadonlySet<string>>(new Set())

  readonly #api: Api
  #generation = 0

  constructor(api: Api) {
    this.#api = api
  }

  toggleExpanded(column: string): void {
    const next = new Set(this.expanded)
    if (next.has(column)) next.delete(column)
    else next.add(column)
    this.expanded = next
  }

  async load(view: ViewQuery, columns: readonly string[]): Promise<void> {
    const generation = ++this.#generation
    this.loading = true
    const expanded = this.expanded
    const filtered = (f: Filter): boolean => f.op === 'eq' || f.op === 'in' || f.op === 'isnull'
    const ownFilter = new Set(view.filters.filter(filtered).map((f) => f.column))
    const shared = columns.filter((c) => !ownFilter.has(c) && !expanded.has(c))
    const single = columns.filter((c) => ownFilter.has(c) || expanded.has(c))

    const calls: Promise<FacetResult[]>[] = []
    if (shared.length > 0) {
      calls.push(this.#api.results.facets({ ...view, columns: shared, size: FACET_SIZE }))
    }
    for (const column of single) {
      const filters = ownFilter.has(column) ? withoutColumn(view.filters, column) : view.filters
      calls.push(
        this.#api.results.facets({
          ...view,
          filters,
          columns: [column],
          size: expanded.has(column) ? FACET_SIZE_EXPANDED : FACET_SIZE
        })
      )
    }
    try {
      const parts = await Promise.all(calls)
      if (generation !== this.#generation) return
      const byName = new Map(parts.flat().map((r) => [r.column, r]))
      this.results = columns
        .map((c) => byName.get(c))
        .filter((r): r is FacetResult => r !== undefined)
      this.error = null
    } catch (err) {
      if (generation !== this.#generation) return
      this.error = errorMessage(err)
    } finally {
      if (generation === this.#generation) this.loading = false
    }
  }
}
