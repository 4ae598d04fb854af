import type { Api, ImportProgress, ImportReport, PathCheck } from '../../../src-main/shared/api'
import { errorMessage, type ApiEventSource } from '../api/client'
import { percent } from '../format/number'

export type ImportPhase = 'choose' | 'starting' | 'running' | 'finished'

/**
 * What became of a cancel: it stopped the import (what was read is kept), or it came after the
 * import had finished (everything was imported).
 */
export type CancelOutcome = 'cancelled' | 'too-late' | null

type Early = { progress?: ImportProgress; report?: ImportReport }

/**
 * One import from the dialog: the queue of paths, the running job (driven by
 * `imports.progress` / `imports.finished` events, with imports.get polling as a fallback in
 * case an event is missed) and the final report.
 */
export class ImportJob {
  phase = $state<ImportPhase>('choose')
  queue = $state.raw<string[]>([])
  jobId = $state<string | null>(null)
  progress = $state.raw<ImportProgress | null>(null)
  report = $state.raw<ImportReport | null>(null)
  error = $state<string | null>(null)
  cancelling = $state(false)
  picking = $state(false)
  /** Round of results whose folders name none ("v3.1"); blank lets folders and logs decide. */
  round = $state('')
  /** Each queued path's check (null while it runs). */
  checks = $state.raw<Readonly<Record<string, PathCheck | null>>>({})
  cancelOutcome = $state<CancelOutcome>(null)
  #cancelAsked = false

  /** Every queued path checked and importable. */
  ready: boolean = $derived(
    this.queue.length > 0 && this.queue.every((p) => this.checks[p]?.ok === true)
  )

  /** Share done in percent, or null while the total is unknown (indeterminate bar). */
  percentDone: number | null = $derived.by(() => {
    if (this.phase === 'finished') return 100
    const p = this.progress
    if (!p) return null
    if (p.phase === 'done') return 100
    return percent(p.itemsDone, p.totalItems)
  })

  readonly #api: Api
  readonly #events: ApiEventSource
  readonly #pollMs: number
  readonly #onFinished: (report: ImportReport) => void
  #unsubscribe: (() => void)[] = []
  #poll: ReturnType<typeof setInterval> | null = null
  #early: Record<string, Early> = {}

  constructor(
    api: Api,
    events: ApiEventSource,
    onFinished: (report: ImportReport) => void = () => {},
    pollMs = 1000
  ) {
    this.#api = api
    this.#events = events
    this.#onFinished = onFinished
    this.#pollMs = pollMs
  }

  /** Native folder picker; false when the shell has none (web mode) or the user cancelled. */
  async pick(): Promise<boolean> {
    this.picking = true
    this.error = null
    try {
      const { path } = await this.#api.files.pickFolder({})
      if (path === null) return false
      void this.add(path)
      return true
    } catch (err) {
      this.error = errorMessage(err)
      return false
    } finally {
      this.picking = false
    }
  }

  /** Queues a path and checks it at once (exists, and what would be read from it). */
  add(path: string): Promise<void> {
    const clean = path.trim()
    if (clean === '' || this.queue.includes(clean)) return Promise.resolve()
    this.queue = [...this.queue, clean]
    return this.#checkPath(clean)
  }

  remove(path: string): void {
    this.queue = this.queue.filter((p) => p !== path)
    const { [path]: _gone, ...rest } = this.checks
    this.checks = rest
  }

  async #checkPath(path: string): Promise<void> {
    this.checks = { ...this.checks, [path]: null }
    let result: PathCheck
    try {
      result = await this.#api.imports.checkPath({ path })
    } catch (err) {
      result = { path, ok: false, kind: null, message: errorMessage(err) }
    }
    if (this.queue.includes(path)) this.checks = { ...this.checks, [path]: result }
  }

  /** Start importing the given paths (default: the queue). */
  async start(paths: string[] = this.queue): Promise<void> {
    if (paths.length === 0 || this.phase === 'starting' || this.phase === 'running') return
    this.queue = paths
    this.phase = 'starting'
    this.error = null
    this.progress = null
    this.report = null
    this.cancelOutcome = null
    this.#cancelAsked = false
    this.#subscribe()
    try {
      const round = this.round.trim()
      const { jobId } = await this.#api.imports.start(round === '' ? { paths } : { paths, round })
      this.jobId = jobId
      this.phase = 'running'
      const early = this.#early[jobId]
      this.#early = {}
      if (early?.progress) this.progress = early.progress
      if (early?.report) {
        this.#finish(early.report)
        return
      }
      this.#poll = setInterval(() => void this.#check(), this.#pollMs)
    } catch (err) {
      this.#stop()
      this.phase = 'choose'
      this.error = errorMessage(err)
    }
  }

  async cancel(): Promise<void> {
    if (this.jobId === null || this.phase !== 'running') return
    this.cancelling = true
    this.#cancelAsked = true
    try {
      const { cancelled } = await this.#api.imports.cancel({ jobId: this.jobId })
      await this.#check()
      if (!cancelled && this.phase === 'running') {
        this.error = 'The import could not be cancelled; it keeps running.'
      }
    } catch (err) {
      this.error = errorMessage(err)
    } finally {
      this.cancelling = false
    }
  }

  /** Back to an empty dialog (keeps nothing of the previous job). */
  reset(): void {
    this.#stop()
    this.phase = 'choose'
    this.queue = []
    this.jobId = null
    this.progress = null
    this.report = null
    this.error = null
    this.cancelling = false
    this.checks = {}
    this.cancelOutcome = null
    this.#cancelAsked = false
  }

  dispose(): void {
    this.#stop()
  }

  #subscribe(): void {
    this.#stop()
    this.#unsubscribe = [
      this.#events.on('imports.progress', (p) => {
        if (this.jobId === null) this.#remember(p.jobId, { progress: p })
        else if (p.jobId === this.jobId && this.phase === 'running') this.progress = p
      }),
      this.#events.on('imports.finished', (r) => {
        if (this.jobId === null) this.#remember(r.jobId, { report: r })
        else if (r.jobId === this.jobId) this.#finish(r)
      })
    ]
  }

  #remember(jobId: string, part: Early): void {
    this.#early = { ...this.#early, [jobId]: { ...this.#early[jobId], ...part } }
  }

  async #check(): Promise<void> {
    const jobId = this.jobId
    if (jobId === null || this.phase !== 'running') return
    try {
      const report = await this.#api.imports.get({ jobId })
      if (jobId !== this.jobId || this.phase !== 'running') return
      if (report.status !== 'running') this.#finish(report)
    } catch (err) {
      this.error = errorMessage(err)
    }
  }

  #finish(report: ImportReport): void {
    if (this.phase === 'finished') return
    this.#stop()
    this.report = report
    // A cancel that reached a job already past its last source changes nothing: say so.
    if (this.#cancelAsked)
      this.cancelOutcome = report.status === 'cancelled' ? 'cancelled' : 'too-late'
    this.phase = 'finished'
    this.#onFinished(report)
  }

  #stop(): void {
    for (const off of this.#unsubscribe) off()
    this.#unsubscribe = []
    if (this.#poll !== null) clearInterval(this.#poll)
    this.#poll = null
  }
}
