import type { Api, Suite } from '../../../src-main/shared/api'
import type { FetchedLogsView, FetchLogsProgress } from '../../../src-main/shared/published'
import { errorMessage, type ApiEventSource } from '../api/client'
import { LatestRequest } from './latest-request'

/** What a detail panel needs to offer "Fetch logs" (see LogsSection.svelte). */
export type LogsPanel = {
  view: FetchedLogsView | null
  fetching: boolean
  progress: FetchLogsProgress | null
  error: string | null
  onFetch: () => void
}

/**
 * "Fetch logs" of the result open in the detail panel: the last fetch (results.logs), a fetch
 * going on with its progress (`results.fetchLogsProgress`), and its outcome. Answers for a
 * result that is no longer open are dropped.
 */
export class ResultLogs {
  id = $state<number | null>(null)
  view = $state.raw<FetchedLogsView | null>(null)
  fetching = $state(false)
  progress = $state.raw<FetchLogsProgress | null>(null)
  error = $state<string | null>(null)

  readonly #api: Api
  readonly #events: ApiEventSource
  readonly #onImported: (id: number) => void
  readonly #suite: Suite
  readonly #latest = new LatestRequest()

  constructor(
    api: Api,
    events: ApiEventSource,
    onImported: (id: number) => void,
    suite: Suite = 'inference'
  ) {
    this.#api = api
    this.#events = events
    this.#onImported = onImported
    this.#suite = suite
  }

  /** The panel's view of this model. */
  get panel(): LogsPanel {
    return {
      view: this.view,
      fetching: this.fetching,
      progress: this.progress,
      error: this.error,
      onFetch: () => void this.fetch()
    }
  }

  async load(id: number | null): Promise<void> {
    // The table refreshing while this result's logs are fetched must not drop the answer.
    if (id !== null && id === this.id && this.fetching) return
    const isLatest = this.#latest.begin()
    if (id !== this.id) {
      this.view = null
      this.error = null
      this.fetching = false
      this.progress = null
    }
    this.id = id
    if (id === null) return
    try {
      const view = await this.#api.results.logs({ suite: this.#suite, id })
      if (isLatest() && !this.fetching) this.view = view
    } catch (err) {
      if (isLatest()) this.error = errorMessage(err)
    }
  }

  async fetch(): Promise<void> {
    const id = this.id
    if (id === null || this.fetching) return
    const isLatest = this.#latest.begin()
    this.fetching = true
    this.error = null
    this.progress = null
    const off = this.#events.on('results.fetchLogsProgress', (p) => {
      if (p.id === id && isLatest()) this.progress = p
    })
    try {
      const view = await this.#api.results.fetchLogs({ suite: this.#suite, id })
      if (!isLatest()) return
      this.view = view
      if (view.status === 'imported') this.#onImported(view.id)
    } catch (err) {
      if (isLatest()) this.error = errorMessage(err)
    } finally {
      off()
      if (isLatest()) {
        this.fetching = false
        this.progress = null
      }
    }
  }
}
