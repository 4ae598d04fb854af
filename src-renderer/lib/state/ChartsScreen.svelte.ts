import type { Api, Filter } from '../../../src-main/shared/api'
import { buildChart } from '../../../src-main/charts/build-chart'
import type { ChartSize } from '../../../src-main/shared/charts/export-types'
import { DEFAULT_SIZE } from '../../../src-main/charts/chart-frame'
import type { BuiltChart } from '../../../src-main/charts/chart-types'
import type { ChartData } from '../../../src-main/shared/charts/chart-data'
import type { ChartView } from '../../../src-main/shared/charts/chart-view'
import { DEFAULT_CHART_VIEW, chartView } from '../../../src-main/shared/charts/chart-view'
import type { PriceInput } from '../../../src-main/shared/charts/prices'
import { viewFromParams, viewToParams } from '../../../src-main/charts/view-params'
import { errorMessage } from '../api/client'
import { nowIso } from '../charts/clock'
import { chartThemeState } from '../charts/theme.svelte'
import type { NavigateMode } from './ResultsQuery.svelte'
import { LatestRequest } from './latest-request'

/** What the Charts screen writes to the URL: the table-view filters and the chart params. */
export type ChartsLocation = {
  filters: Filter[]
  search: string
  params: Record<string, string>
}

/**
 * The Charts screen: the view (chart kind, filters, normalisation…), the data of `charts.data`
 * for its filters, and the chart built from both. Only a change of suite, filters or search
 * fetches again; switching chart or normalisation rebuilds from the data already here. The URL
 * holds the whole view, so every chart is a link.
 */
export class ChartsScreen {
  view = $state.raw<ChartView>(DEFAULT_CHART_VIEW)
  data = $state.raw<ChartData | null>(null)
  loading = $state(false)
  error = $state<string | null>(null)
  /** Bumped by refresh() (after an import, a price or alias change). */
  revision = $state(0)
  /** The chart area's size, rounded so small resizes do not rebuild the option. */
  size = $state.raw<ChartSize>(DEFAULT_SIZE)
  /**
   * Whether the area has been measured: no chart is built before, so a chart of 10,000 points
   * is built and drawn once at its real size, not first at the default size.
   */
  sized = $state(false)

  /** Identity of the data request. */
  dataKey: string = $derived(
    `${JSON.stringify([this.view.suite, this.view.filters, this.view.search ?? ''])}#${this.revision}`
  )

  /** The chart for the view and data: null until its suite's data is here and the area measured. */
  built: BuiltChart | null = $derived.by(() => {
    const data = this.data
    if (!data || data.suite !== this.view.suite || !this.sized) return null
    const theme = chartThemeState.theme
    return buildChart({ view: this.view, data, size: this.size, now: nowIso(), theme })
  })

  /**
   * The current chart as a figure for a report (PNG, SVG): built again for export, so it has no
   * zoom slider and no room kept for one, and is drawn light on white whatever the screen shows.
   */
  figure(): BuiltChart | null {
    const data = this.data
    if (!data || data.suite !== this.view.suite) return null
    return buildChart({
      view: $state.snapshot<ChartView>(this.view),
      data,
      size: this.size,
      now: nowIso(),
      target: 'export'
    })
  }

  readonly #api: Api
  readonly #navigate: (location: ChartsLocation, mode: NavigateMode) => void
  readonly #latest = new LatestRequest()
  #loadedKey: string | null = null
  /** The request under way and its key: a second load() of the same key joins it. */
  #pending: { key: string; done: Promise<void> } | null = null

  constructor(api: Api, navigate: (location: ChartsLocation, mode: NavigateMode) => void) {
    this.#api = api
    this.#navigate = navigate
  }

  /** Adopt a view parsed from the URL (no history entry is written). */
  applyLocation(location: ChartsLocation): void {
    const next = viewFromParams(location.filters, location.search, location.params)
    if (JSON.stringify(next) !== JSON.stringify(this.view)) this.view = next
  }

  /** Change some options of the view; a new history entry unless `mode` says otherwise. */
  update(partial: Partial<ChartView>, mode: NavigateMode = 'push'): void {
    const next = chartView({ ...this.view, ...partial })
    // Training results only have the scale chart (time to train against accelerators).
    if (next.suite === 'training') next.kind = 'scale'
    this.view = next
    this.#navigate(
      { filters: next.filters, search: next.search ?? '', params: viewToParams(next) },
      mode
    )
  }

  setFilters(filters: Filter[]): void {
    this.update({ filters })
  }

  /** Open a saved view (from a report bundle): replaces everything. */
  open(view: ChartView): void {
    this.update(view)
  }

  setSize(width: number, height: number): void {
    // Rounded down to 20 px (never past the area): the option's text wrapping depends on the
    // width, not on every pixel of a resize.
    const w = Math.max(480, Math.floor(width / 20) * 20)
    const h = Math.max(360, Math.floor(height / 20) * 20)
    if (w !== this.size.width || h !== this.size.height) this.size = { width: w, height: h }
    this.sized = true
  }

  refresh(): void {
    this.revision++
  }

  /**
   * Fetches the data for the current key unless it is already here (a remount, an option) or
   * on its way: the app asks as soon as it reads a charts URL, before the screen's code has
   * loaded, and the screen asks again when it mounts.
   */
  load(): Promise<void> {
    const key = this.dataKey
    if (key === this.#loadedKey && this.data && !this.error) return Promise.resolve()
    if (this.#pending?.key === key) return this.#pending.done
    const done = this.#fetch(key).finally(() => {
      if (this.#pending?.done === done) this.#pending = null
    })
    this.#pending = { key, done }
    return done
  }

  async #fetch(key: string): Promise<void> {
    const isLatest = this.#latest.begin()
    this.loading = true
    const view: ChartView = $state.snapshot<ChartView>(this.view)
    try {
      const data = await this.#api.charts.data({ view })
      if (!isLatest()) return
      this.data = data
      this.#loadedKey = key
      this.error = null
    } catch (err) {
      if (!isLatest()) return
      this.error = errorMessage(err)
    } finally {
      if (isLatest()) this.loading = false
    }
  }

  async savePrice(price: PriceInput): Promise<void> {
    await this.#api.charts.setPrice(price)
    this.refresh()
  }

  async deletePrice(id: number): Promise<void> {
    await this.#api.charts.deletePrice({ id })
    this.refresh()
  }

  async saveAlias(raw: string, canonical: string | null): Promise<void> {
    await this.#api.charts.setAlias({ raw, canonical })
    this.refresh()
  }
}
