import type { Api, Suite } from '../../../src-main/shared/api'
import type { Comparison } from '../../../src-main/shared/comparison'
import { MAX_COMPARE, MIN_COMPARE } from '../../../src-main/shared/comparison'
import { errorMessage } from '../api/client'
import type { NavigateMode } from './ResultsQuery.svelte'
import { LatestRequest } from './latest-request'

/** "12,15,x,15" → [12, 15]: positive integers, first occurrence kept, at most MAX_COMPARE. */
export function parseCompareIds(text: string | undefined): number[] {
  const out: number[] = []
  for (const part of (text ?? '').split(',')) {
    const n = Number(part.trim())
    if (part.trim() !== '' && Number.isSafeInteger(n) && n > 0 && !out.includes(n)) out.push(n)
  }
  return out.slice(0, MAX_COMPARE)
}

/**
 * The Compare screen (`#/compare?_ids=12,15,40`, training results `…&_suite=training`): which
 * results, in which order (the first is the baseline of the % deltas), and the comparison the
 * API built for them.
 */
export class CompareScreen {
  ids = $state.raw<number[]>([])
  suite = $state<Suite>('inference')
  view = $state.raw<Comparison | null>(null)
  loading = $state(false)
  error = $state<string | null>(null)

  key: string = $derived(`${this.suite}:${this.ids.join(',')}`)
  enough: boolean = $derived(this.ids.length >= MIN_COMPARE)

  readonly #api: Api
  readonly #navigate: (params: Record<string, string>, mode: NavigateMode) => void
  readonly #latest = new LatestRequest()

  constructor(api: Api, navigate: (params: Record<string, string>, mode: NavigateMode) => void) {
    this.#api = api
    this.#navigate = navigate
  }

  applyParams(params: Record<string, string>): void {
    const ids = parseCompareIds(params['ids'])
    const suite: Suite = params['suite'] === 'training' ? 'training' : 'inference'
    if (suite !== this.suite) this.suite = suite
    if (ids.join(',') !== this.ids.join(',')) this.ids = ids
  }

  /** Compare these results of `suite` (a new history entry). */
  open(ids: readonly number[], suite: Suite = this.suite): void {
    this.ids = parseCompareIds(ids.join(','))
    this.suite = suite
    this.#navigate({ ids: this.ids.join(','), ...(suite === 'training' ? { suite } : {}) }, 'push')
  }

  remove(id: number): void {
    this.open(this.ids.filter((x) => x !== id))
  }

  /** Make `id` the baseline (first column). */
  makeBaseline(id: number): void {
    this.open([id, ...this.ids.filter((x) => x !== id)])
  }

  async load(): Promise<void> {
    const isLatest = this.#latest.begin()
    if (!this.enough) {
      this.view = null
      this.error = null
      this.loading = false
      return
    }
    this.loading = true
    try {
      const view = await this.#api.charts.compare({ ids: [...this.ids], suite: this.suite })
      if (!isLatest()) return
      this.view = view
      this.error = null
    } catch (err) {
      if (!isLatest()) return
      this.error = errorMessage(err)
    } finally {
      if (isLatest()) this.loading = false
    }
  }
}
