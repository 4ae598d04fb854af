import type { Api } from '../../../src-main/shared/api'
import type {
  PublishedRoundInfo,
  PublishedSourcesView,
  UpdateProgress,
  UpdateReport
} from '../../../src-main/shared/published'
import { roundKey } from '../../../src-main/shared/published'
import { errorMessage, type ApiEventSource } from '../api/client'
import { percent } from '../format/number'

export type UpdatePhase = 'loading' | 'choose' | 'starting' | 'running' | 'finished'

/**
 * "Get published results…": the rounds the app can download with where each stands, the source
 * address (a setting), the running update (driven by `catalogue.progress` /
 * `catalogue.finished`, with catalogue.getUpdate polling in case an event is missed) and its
 * report.
 */
export class PublishedUpdate {
  phase = $state<UpdatePhase>('loading')
  sources = $state.raw<PublishedSourcesView | null>(null)
  /** Keys of the chosen rounds ("inference v5.0"). */
  chosen = $state.raw<readonly string[]>([])
  /** Download chosen rounds even when they are in the database already. */
  force = $state(false)
  baseUrlDraft = $state('')
  savingUrl = $state(false)
  urlError = $state<string | null>(null)
  jobId = $state<string | null>(null)
  progress = $state.raw<UpdateProgress | null>(null)
  report = $state.raw<UpdateReport | null>(null)
  error = $state<string | null>(null)
  cancelling = $state(false)

  /** Share of the files done, or null while nothing is known (indeterminate bar). */
  percentDone: number | null = $derived.by(() => {
    if (this.phase === 'finished') return 100
    const p = this.progress
    if (!p || p.filesTotal === 0) return null
    return percent(p.filesDone, p.filesTotal)
  })

  readonly #api: Api
  readonly #events: ApiEventSource
  readonly #onFinished: (r: UpdateReport) => void
  readonly #pollMs: number
  #off: (() => void)[] = []
  #poll: ReturnType<typeof setInterval> | null = null

  constructor(
    api: Api,
    events: ApiEventSource,
    onFinished: (r: UpdateReport) => void = () => {},
    pollMs = 1000
  ) {
    this.#api = api
    this.#events = events
    this.#onFinished = onFinished
    this.#pollMs = pollMs
  }

  /** Rounds an update does something with by default are chosen at first. */
  #take(view: PublishedSourcesView, keepChoice: boolean): void {
    this.sources = view
    this.baseUrlDraft = view.baseUrl
    if (!keepChoice) this.chooseDefault()
  }

  /** The rounds not in the database, and those downloaded before (to check for changes). */
  chooseDefault(): void {
    const rounds = this.sources?.rounds ?? []
    this.chosen = rounds.filter((r) => r.plan !== 'skip').map(roundKey)
  }

  chooseNone(): void {
    this.chosen = []
  }

  async load(): Promise<void> {
    this.error = null
    try {
      this.#take(await this.#api.catalogue.sources({}), false)
      this.phase = 'choose'
    } catch (err) {
      this.error = errorMessage(err)
      this.phase = 'choose'
    }
  }

  toggle(r: PublishedRoundInfo): void {
    const k = roundKey(r)
    this.chosen = this.chosen.includes(k) ? this.chosen.filter((c) => c !== k) : [...this.chosen, k]
  }

  /** Whether a round is downloaded when the update starts. */
  willFetch(r: PublishedRoundInfo): boolean {
    return this.chosen.includes(roundKey(r)) && (r.plan !== 'skip' || this.force)
  }

  get fetchCount(): number {
    return this.sources?.rounds.filter((r) => this.willFetch(r)).length ?? 0
  }

  async saveBaseUrl(url: string | null): Promise<void> {
    this.savingUrl = true
    this.urlError = null
    try {
      this.#take(await this.#api.catalogue.setBaseUrl({ baseUrl: url }), true)
    } catch (err) {
      this.urlError = errorMessage(err)
    } finally {
      this.savingUrl = false
    }
  }

  async start(): Promise<void> {
    if (!this.sources || this.phase === 'starting' || this.phase === 'running') return
    const rounds = this.sources.rounds
      .filter((r) => this.chosen.includes(roundKey(r)))
      .map((r) => ({ suite: r.suite, round: r.round }))
    this.phase = 'starting'
    this.error = null
    this.progress = null
    this.report = null
    this.#subscribe()
    try {
      const { jobId } = await this.#api.catalogue.update({
        rounds,
        ...(this.force ? { force: true } : {})
      })
      this.jobId = jobId
      if (this.phase === 'starting') this.phase = 'running'
      this.#poll = setInterval(() => void this.#check(), this.#pollMs)
      await this.#check()
    } catch (err) {
      this.#stop()
      this.phase = 'choose'
      this.error = errorMessage(err)
    }
  }

  async cancel(): Promise<void> {
    if (this.jobId === null || this.phase !== 'running') return
    this.cancelling = true
    try {
      await this.#api.catalogue.cancelUpdate({ jobId: this.jobId })
      await this.#check()
    } catch (err) {
      this.error = errorMessage(err)
    } finally {
      this.cancelling = false
    }
  }

  /** Back to the round list (fresh counts), e.g. to get more rounds. */
  async again(): Promise<void> {
    this.#stop()
    this.jobId = null
    this.progress = null
    this.report = null
    this.phase = 'loading'
    await this.load()
  }

  dispose(): void {
    this.#stop()
  }

  #subscribe(): void {
    this.#stop()
    this.#off = [
      this.#events.on('catalogue.progress', (p) => {
        if (this.jobId === null || p.jobId === this.jobId) this.progress = p
      }),
      this.#events.on('catalogue.finished', (r) => {
        if (this.jobId === null || r.jobId === this.jobId) this.#finish(r)
      })
    ]
  }

  async #check(): Promise<void> {
    const jobId = this.jobId
    if (jobId === null || this.phase === 'finished') return
    try {
      const r = await this.#api.catalogue.getUpdate({ jobId })
      if (r.status !== 'running') this.#finish(r)
    } catch (err) {
      this.error = errorMessage(err)
    }
  }

  #finish(r: UpdateReport): void {
    if (this.phase === 'finished') return
    this.#stop()
    this.jobId = r.jobId
    this.report = r
    this.phase = 'finished'
    this.#onFinished(r)
  }

  #stop(): void {
    for (const off of this.#off) off()
    this.#off = []
    if (this.#poll !== null) clearInterval(this.#poll)
    this.#poll = null
  }
}
