import type {
  Api,
  ThresholdDefaults,
  TrainingRunsView,
  TtmtView
} from '../../../src-main/shared/api'
import { errorMessage } from '../api/client'
import { formatThreshold, parseIds, parseThresholdList } from '../training/thresholds'
import type { NavigateMode } from './ResultsQuery.svelte'
import { LatestRequest } from './latest-request'

/** Route parameters of the TTMT screen (`#/ttmt?_ids=12,15&_thresholds=0.7,0.72`). */
export type TtmtParams = { ids?: string; thresholds?: string }

/**
 * The time-to-multiple-thresholds screen: which result sets, which thresholds (null = the
 * defaults for the benchmark and round), and what the API computed for them. The URL holds the
 * sets and any edited thresholds, so every comparison is a link.
 */
export class TtmtScreen {
  ids = $state.raw<number[]>([])
  /** Thresholds the user chose; null means the defaults (training.thresholds). */
  thresholds = $state.raw<number[] | null>(null)

  view = $state.raw<TtmtView | null>(null)
  /** The first set's runs view: round, benchmark, target and metric name. */
  info = $state.raw<TrainingRunsView | null>(null)
  defaults = $state.raw<ThresholdDefaults | null>(null)
  loading = $state(false)
  error = $state<string | null>(null)

  /** Identity of the computation: a new key means a new request. */
  key: string = $derived(JSON.stringify([this.ids, this.thresholds]))

  params: Record<string, string> = $derived({
    ...(this.ids.length > 0 ? { ids: this.ids.join(',') } : {}),
    ...(this.thresholds ? { thresholds: this.thresholds.map(formatThreshold).join(',') } : {})
  })

  readonly #api: Api
  readonly #navigate: (params: Record<string, string>, mode: NavigateMode) => void
  readonly #latest = new LatestRequest()

  constructor(api: Api, navigate: (params: Record<string, string>, mode: NavigateMode) => void) {
    this.#api = api
    this.#navigate = navigate
  }

  /** Adopt the parameters parsed from the URL (no history entry is written). */
  applyParams(params: TtmtParams): void {
    const ids = parseIds(params.ids)
    if (JSON.stringify(ids) !== JSON.stringify(this.ids)) this.ids = ids
    const parsed = params.thresholds ? parseThresholdList(params.thresholds) : null
    const thresholds = parsed?.ok ? parsed.values : null
    if (JSON.stringify(thresholds) !== JSON.stringify(this.thresholds)) {
      this.thresholds = thresholds
    }
  }

  /** Show these sets with the default thresholds (a new history entry). */
  open(ids: number[]): void {
    this.ids = ids.filter((id, i) => ids.indexOf(id) === i)
    this.thresholds = null
    this.#navigate(this.params, 'push')
  }

  /** New thresholds from the editor; null goes back to the defaults. */
  setThresholds(values: number[] | null): void {
    this.thresholds = values
    this.#navigate(this.params, 'push')
  }

  /** Exchange the first two sets: the speedup is of the first over the second. */
  swap(): void {
    const [a, b, ...rest] = this.ids
    if (a === undefined || b === undefined) return
    this.ids = [b, a, ...rest]
    this.#navigate(this.params, 'push')
  }

  /** Drop one set from the comparison. */
  removeSet(id: number): void {
    this.ids = this.ids.filter((i) => i !== id)
    this.#navigate(this.params, 'push')
  }

  async load(): Promise<void> {
    const isLatest = this.#latest.begin()
    const ids = this.ids
    const thresholds = this.thresholds
    this.error = null
    if (ids.length === 0) {
      this.view = null
      this.info = null
      this.loading = false
      return
    }
    this.loading = true
    try {
      const first = ids[0] ?? 0
      const [view, info] = await Promise.all([
        this.#api.training.ttmt({ ids, ...(thresholds ? { thresholds } : {}) }),
        this.info?.id === first
          ? Promise.resolve(this.info)
          : this.#api.training.runs({ id: first })
      ])
      if (!isLatest()) return
      const sameLadder =
        this.defaults !== null &&
        this.info?.benchmark === info.benchmark &&
        this.info.round === info.round
      const defaults = sameLadder
        ? this.defaults
        : await this.#api.training.thresholds({ benchmark: info.benchmark, round: info.round })
      if (!isLatest()) return
      this.view = view
      this.info = info
      this.defaults = defaults
    } catch (err) {
      if (!isLatest()) return
      this.view = null
      this.error = errorMessage(err)
    } finally {
      if (isLatest()) this.loading = false
    }
  }
}
