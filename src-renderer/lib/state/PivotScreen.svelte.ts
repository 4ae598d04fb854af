import type { Api, Filter } from '../../../src-main/shared/api'
import type { PivotMeasure, PivotTable } from '../../../src-main/shared/pivot'
import { errorMessage } from '../api/client'
import type { NavigateMode } from './ResultsQuery.svelte'
import { LatestRequest } from './latest-request'

/** Where the pivot screen is: its URL state. */
export type PivotLocation = {
  filters: Filter[]
  open: number | null
  params: Record<string, string>
}

/** Filters the pivot's own controls set (the rest come from the table's facets). */
type OwnFilter = 'round' | 'division' | 'system_type'

/**
 * The per-round table (results.pivot): one round, one division and suite if chosen, the
 * official results or the power results, the result whose detail is open. Lives in the URL
 * (`#/pivot?round=v4.1&division=closed&_measure=power&open=12`); the newest round when the URL
 * names none. The latest request wins.
 */
export class PivotScreen {
  filters = $state.raw<Filter[]>([])
  measure = $state<PivotMeasure>('performance')
  open = $state<number | null>(null)
  table = $state.raw<PivotTable | null>(null)
  loading = $state(false)
  error = $state<string | null>(null)

  readonly #api: Api
  readonly #navigate: (loc: PivotLocation, mode: NavigateMode) => void
  readonly #latest = new LatestRequest()
  #key = ''

  constructor(api: Api, navigate: (loc: PivotLocation, mode: NavigateMode) => void) {
    this.#api = api
    this.#navigate = navigate
  }

  /** The value of one of the screen's own filters ('' = all). */
  value(column: OwnFilter): string {
    const f = this.filters.find(
      (x) => x.column === column && (x.op === 'eq' || x.op === 'contains')
    )
    return typeof f?.value === 'string' ? f.value : ''
  }

  /** Adopt the URL (no history entry) and fetch when the data query changed. */
  applyLocation(loc: PivotLocation): void {
    this.filters = loc.filters
    this.measure = loc.params['measure'] === 'power' ? 'power' : 'performance'
    this.open = loc.open
    void this.load()
  }

  /** Set or clear one of the round, division or system-type choices. */
  choose(column: OwnFilter, value: string): void {
    const rest = this.filters.filter((f) => f.column !== column)
    const op = column === 'system_type' ? 'contains' : 'eq'
    this.filters = value === '' ? rest : [...rest, { column, op, value }]
    this.#commit('push')
    void this.load()
  }

  setMeasure(measure: PivotMeasure): void {
    this.measure = measure
    this.#commit('push')
    void this.load()
  }

  openResult(id: number | null): void {
    if (id === this.open) return
    this.open = id
    this.#commit('push')
  }

  /** Fetch again (after an import). */
  refresh(): void {
    this.#key = ''
    void this.load()
  }

  /** The query results.pivot answers. */
  query(): { round?: string; filters: Filter[]; measure: PivotMeasure } {
    const round = this.value('round')
    return {
      ...(round ? { round } : {}),
      filters: this.filters.filter((f) => f.column !== 'round'),
      measure: this.measure
    }
  }

  async load(): Promise<void> {
    const q = this.query()
    const key = JSON.stringify(q)
    if (key === this.#key) return
    this.#key = key
    const isLatest = this.#latest.begin()
    this.loading = true
    this.error = null
    try {
      const table = await this.#api.results.pivot(q)
      if (!isLatest()) return
      this.table = table
    } catch (err) {
      if (!isLatest()) return
      this.error = errorMessage(err)
      this.#key = ''
    } finally {
      if (isLatest()) this.loading = false
    }
  }

  #commit(mode: NavigateMode): void {
    this.#navigate(
      {
        filters: this.filters,
        open: this.open,
        params: this.measure === 'power' ? { measure: 'power' } : {}
      },
      mode
    )
  }
}
