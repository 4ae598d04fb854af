import type { Api, FacetResult, ViewQuery } from '../../../src-main/shared/api'
import { errorMessage } from '../api/client'
import { emptySet, mergeFacetResults, planFacetCalls, toggled } from '../query/facet-plan'
import { LatestRequest } from './latest-request'

/**
 * Facet counts for the sidebar (Datasette's ColumnFacet). Counts are over the filtered set;
 * a column that itself carries a value filter is counted without that filter, so its other
 * values stay visible and can be added to the same `in` filter (see planFacetCalls).
 */
export class Facets {
  results = $state.raw<FacetResult[]>([])
  loading = $state(false)
  error = $state<string | null>(null)
  expanded = $state.raw<ReadonlySet<string>>(emptySet<string>())

  readonly #api: Api
  readonly #latest = new LatestRequest()
  /** Asks made through loadAfter, so that only the latest one is sent. */
  #asks = 0

  constructor(api: Api) {
    this.#api = api
  }

  toggleExpanded(column: string): void {
    this.expanded = toggled(this.expanded, column)
  }

  /**
   * Asks for the counts once `ready` settles (the table's first page, the first chart), unless
   * a later ask came in meanwhile: the screen's own request goes to the server first.
   */
  async loadAfter(
    ready: Promise<unknown>,
    view: ViewQuery,
    columns: readonly string[]
  ): Promise<void> {
    const ask = ++this.#asks
    await ready
    if (ask === this.#asks) await this.load(view, columns)
  }

  async load(view: ViewQuery, columns: readonly string[]): Promise<void> {
    const isLatest = this.#latest.begin()
    this.loading = true
    const calls = planFacetCalls(view, columns, this.expanded)
    try {
      const parts = await Promise.all(calls.map((call) => this.#api.results.facets(call)))
      if (!isLatest()) return
      this.results = mergeFacetResults(parts, columns)
      this.error = null
    } catch (err) {
      if (!isLatest()) return
      this.error = errorMessage(err)
    } finally {
      if (isLatest()) this.loading = false
    }
  }
}
