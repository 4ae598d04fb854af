import type {
  Api,
  Cell,
  ColumnInfo,
  Filter,
  SortDir,
  Suite,
  ViewQuery
} from '../../../src-main/shared/api'
import { errorMessage } from '../api/client'
import {
  INFERENCE_SCHEMA,
  firstSortDir,
  frozenFirst,
  schemaColumn,
  type TableSchema
} from '../table/columns'
import { PageRequests, emptyPages, trimPages, withPage } from '../table/page-cache'
import { pagesForRange } from '../table/virtual-window'
import type { ViewState } from '../url/hash-state'
import { LatestRequest } from './latest-request'

export type Row = Record<string, Cell>

/** How a view change should be recorded in history: a new entry, or replacing the current one. */
export type NavigateMode = 'push' | 'replace'

/** At most this many requests in flight; the rest wait for the scroll to settle. */
const MAX_IN_FLIGHT = 4
/** Pages kept in memory (× pageSize rows). */
const CACHE_PAGES = 40

/**
 * The Explorer's view state (filters, search, sort, columns, facets, open row) and the paged
 * rows of the table. Rows are fetched page by page for the range the table reports as visible;
 * responses for an older query are dropped (LatestRequest). Never fetches all rows.
 * One instance per suite: the schema says which table (inference, training) and its columns.
 */
export class ResultsQuery {
  /** Columns of this suite's table; replaced once when they are only known at run time. */
  schema = $state.raw<TableSchema>(INFERENCE_SCHEMA)
  filters = $state.raw<Filter[]>([])
  search = $state('')
  sort = $state.raw<{ column: string; dir: SortDir } | null>(null)
  columns = $state.raw<string[] | null>(null)
  facetColumns = $state.raw<string[] | null>(null)
  open = $state<number | null>(null)

  /** Rows matching the current query; null until the first page arrives. */
  total = $state<number | null>(null)
  description = $state('')
  pages = $state.raw<ReadonlyMap<number, Row[]>>(emptyPages())
  inFlight = $state(0)
  error = $state<string | null>(null)
  /** Bumped by refresh() so effects keyed on `key` run again after an import. */
  revision = $state(0)

  readonly pageSize: number

  viewQuery: ViewQuery = $derived({
    suite: this.suite,
    filters: this.filters,
    ...(this.search.trim() === '' ? {} : { search: this.search.trim() }),
    ...(this.sort ? { sort: this.sort } : {})
  })

  /** Identity of the data query (not of columns or the open row). */
  key: string = $derived(`${JSON.stringify(this.viewQuery)}#${this.revision}`)

  /** Frozen columns first (always shown), then the chosen ones in list order. */
  visibleColumns: ColumnInfo[] = $derived(
    frozenFirst(this.columns ?? this.schema.defaultColumns, this.schema.frozen)
      .map((name) => schemaColumn(this.schema, name))
      .filter((c): c is ColumnInfo => c !== undefined)
  )

  facetNames: string[] = $derived.by(() => {
    const base = [...(this.facetColumns ?? this.schema.defaultFacets)]
    // A filtered column always shows its facet, so its chips can be seen and undone there too.
    for (const f of this.filters) {
      const info = schemaColumn(this.schema, f.column)
      if (info?.facet && !base.includes(f.column)) base.push(f.column)
    }
    return base
  })

  viewState: ViewState = $derived({
    filters: this.filters,
    search: this.search,
    sort: this.sort,
    columns: this.columns,
    facets: this.facetColumns,
    open: this.open
  })

  loading: boolean = $derived(this.inFlight > 0)

  readonly #api: Api
  readonly #navigate: (view: ViewState, mode: NavigateMode) => void
  readonly #latest = new LatestRequest()
  #requests = new PageRequests()
  #wanted: [number, number] = [0, 0]
  #timer: ReturnType<typeof setTimeout> | null = null
  /** Settles when the current query's first page is in (or failed). */
  #firstPage: Promise<void> = Promise.resolve()
  #settleFirstPage: () => void = () => {}

  constructor(
    api: Api,
    navigate: (view: ViewState, mode: NavigateMode) => void,
    pageSize = 200,
    schema: TableSchema = INFERENCE_SCHEMA
  ) {
    this.#api = api
    this.#navigate = navigate
    this.pageSize = pageSize
    this.#wanted = [0, pageSize]
    this.schema = schema
  }

  /** The table this query addresses; fixed by the schema given at construction. */
  get suite(): Suite {
    return this.schema.suite
  }

  /** Adopt the suite's columns once they are known (same suite only). */
  setSchema(schema: TableSchema): void {
    if (schema.suite !== this.suite)
      throw new Error(`Schema for ${schema.suite}, not ${this.suite}`)
    this.schema = schema
  }

  /** Adopt a view parsed from the URL (no history entry is written). */
  applyView(view: ViewState): void {
    if (JSON.stringify(view.filters) !== JSON.stringify(this.filters)) this.filters = view.filters
    this.search = view.search
    if (JSON.stringify(view.sort) !== JSON.stringify(this.sort)) this.sort = view.sort
    if (JSON.stringify(view.columns) !== JSON.stringify(this.columns)) this.columns = view.columns
    if (JSON.stringify(view.facets) !== JSON.stringify(this.facetColumns)) {
      this.facetColumns = view.facets
    }
    this.open = view.open
  }

  setFilters(filters: Filter[]): void {
    this.filters = filters
    this.#commit('push')
  }

  clearFilters(): void {
    this.filters = []
    this.search = ''
    this.#commit('push')
  }

  setSearch(text: string): void {
    if (text === this.search) return
    this.search = text
    // Typing should not fill the history with one entry per pause.
    this.#commit('replace')
  }

  /** Header click: a new column starts in its natural direction, the same column flips. */
  toggleSort(column: string): void {
    const info = schemaColumn(this.schema, column)
    if (!info) return
    const dir: SortDir =
      this.sort?.column === column ? (this.sort.dir === 'asc' ? 'desc' : 'asc') : firstSortDir(info)
    this.sort = { column, dir }
    this.#commit('push')
  }

  setColumns(names: string[] | null): void {
    const ordered =
      names === null ? null : this.schema.all.map((c) => c.name).filter((n) => names.includes(n))
    this.columns = ordered
    this.#commit('replace')
  }

  toggleColumn(name: string): void {
    if (this.schema.frozen.includes(name)) return
    const current = this.visibleColumns.map((c) => c.name)
    const next = current.includes(name) ? current.filter((n) => n !== name) : [...current, name]
    this.setColumns(next)
  }

  setFacetColumns(names: string[] | null): void {
    this.facetColumns = names
    this.#commit('replace')
  }

  openResult(id: number | null): void {
    if (id === this.open) return
    this.open = id
    this.#commit('push')
  }

  /** Row `index` if its page is loaded. */
  row(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize]
  }

  /**
   * Resolves once the current query's first page has arrived (or failed). The facet counts
   * wait for it: on a large table they take far longer than a page, and the server answers
   * one call at a time, so asked first they would hold the table back.
   */
  firstPage(): Promise<void> {
    return this.#firstPage
  }

  /** Start over for the current query: drop cached pages and fetch what is in view. */
  load(): void {
    this.#settleFirstPage()
    this.#firstPage = new Promise((resolve) => (this.#settleFirstPage = resolve))
    this.#latest.invalidate()
    this.#requests.reset()
    this.pages = emptyPages()
    this.error = null
    this.inFlight = 0
    this.#wanted = [0, this.pageSize]
    this.#ensure()
  }

  /** Re-run the query (after an import): effects keyed on `key` pick it up. */
  refresh(): void {
    this.revision++
  }

  /** The table reports the rows it needs; fetching is throttled while scrolling fast. */
  setRange(start: number, end: number): void {
    this.#wanted = [start, end]
    if (this.#timer !== null) return
    this.#timer = setTimeout(() => {
      this.#timer = null
      this.#ensure()
    }, 40)
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#latest.invalidate()
  }

  #commit(mode: NavigateMode): void {
    this.#navigate(this.viewState, mode)
  }

  #ensure(): void {
    const [start, end] = this.#wanted
    const wanted = pagesForRange(start, Math.max(end, start + 1), this.pageSize)
    const total = this.total
    for (const page of wanted) {
      if (total !== null && page * this.pageSize >= total && page > 0) continue
      if (!this.#requests.wants(page, this.pages)) continue
      if (this.#requests.inFlight >= MAX_IN_FLIGHT) break
      void this.#fetch(page)
    }
    const trimmed = trimPages(this.pages, wanted, CACHE_PAGES)
    if (trimmed !== this.pages) this.pages = trimmed
  }

  async #fetch(page: number): Promise<void> {
    const isLatest = this.#latest.current()
    this.#requests.start(page)
    this.inFlight = this.#requests.inFlight
    let ok = false
    try {
      const result = await this.#api.results.query({
        ...this.viewQuery,
        offset: page * this.pageSize,
        limit: this.pageSize
      })
      if (!isLatest()) return
      ok = true
      this.pages = withPage(this.pages, page, result.rows)
      this.total = result.total
      this.description = result.description
      this.error = null
    } catch (err) {
      if (!isLatest()) return
      this.error = errorMessage(err)
    } finally {
      if (isLatest()) {
        this.#settleFirstPage()
        this.#requests.finish(page, ok)
        this.inFlight = this.#requests.inFlight
        this.#ensure()
      }
    }
  }
}
