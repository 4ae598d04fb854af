import type { Api } from '../../../src-main/shared/api'
import type {
  ActiveRun,
  LocalRunDetail,
  LocalRunSummary,
  RunFinishedEvent
} from '../../../src-main/shared/local-run-views'
import { errorMessage, type ApiEventSource } from '../api/client'
import { NewRunForm } from './NewRunForm.svelte'
import { PathPicker } from './PathPicker.svelte'
import { SampleInspector } from './SampleInspector.svelte'
import { paneFromParams, paramsFromPane, type RunsPane } from '../url/runs-pane'
import { LatestRequest } from './latest-request'

export type NavigateMode = 'push' | 'replace'

/**
 * The Runs screen: the stored runs, the job that is going (kept up to date by `runs.progress`
 * and `runs.finished` pushes, whichever screen is showing), the opened run or the overlaid
 * runs, and the runs ticked for an overlay. Starting a job is the form's business; once started
 * here, its first run opens when the job ends.
 */
export class RunsScreen {
  runs = $state.raw<LocalRunSummary[]>([])
  active = $state.raw<ActiveRun | null>(null)
  pane = $state.raw<RunsPane>({ kind: 'new' })
  detail = $state.raw<LocalRunDetail | null>(null)
  overlay = $state.raw<LocalRunDetail[]>([])
  checked = $state.raw<readonly number[]>([])
  loading = $state(false)
  error = $state<string | null>(null)
  startError = $state<string | null>(null)
  starting = $state(false)
  /** Kept here, not in the view, so leaving the screen does not lose the user's settings. */
  readonly form: NewRunForm
  readonly picker: PathPicker
  readonly inspector: SampleInspector

  readonly #api: Api
  readonly #events: ApiEventSource
  readonly #navigate: (params: Record<string, string>, mode: NavigateMode) => void
  readonly #onIndexed: () => void
  readonly #latest = new LatestRequest()
  /** The job started from this window: its first run opens when it ends. */
  #startedJob: { jobId: string; runId: number } | null = null

  constructor(
    api: Api,
    events: ApiEventSource,
    navigate: (params: Record<string, string>, mode: NavigateMode) => void,
    onIndexed: () => void = () => {}
  ) {
    this.#api = api
    this.#events = events
    this.#navigate = navigate
    this.#onIndexed = onIndexed
    this.form = new NewRunForm(api)
    this.picker = new PathPicker(api)
    this.inspector = new SampleInspector(api)
  }

  /** Subscribe to run events and load the list; returns the stop function. */
  connect(): () => void {
    const stops = [
      this.#events.on('runs.progress', (e) => {
        const a = this.active
        this.active = {
          jobId: e.jobId,
          runId: e.runId,
          repetition: e.repetition,
          repetitions: e.repetitions,
          modelPath: a?.jobId === e.jobId ? a.modelPath : '',
          benchmark: a?.jobId === e.jobId ? a.benchmark : '',
          scenario: a?.jobId === e.jobId ? a.scenario : 'SingleStream',
          mode: a?.jobId === e.jobId ? a.mode : 'PerformanceOnly',
          startedAt: a?.jobId === e.jobId ? a.startedAt : '',
          progress: e.progress,
          cancelling: a?.jobId === e.jobId ? a.cancelling : false
        }
        // A job started elsewhere (another window, the CLI on the same database): learn it.
        if (a?.jobId !== e.jobId) void this.refresh()
      }),
      this.#events.on('runs.finished', (e) => void this.#onFinished(e))
    ]
    void this.refresh()
    return () => {
      for (const stop of stops) stop()
    }
  }

  async #onFinished(e: RunFinishedEvent): Promise<void> {
    if (e.last && this.active?.jobId === e.jobId) this.active = null
    await this.refresh()
    if (e.resultId !== null) this.#onIndexed()
    const started = this.#startedJob
    if (e.last && started?.jobId === e.jobId) {
      this.#startedJob = null
      this.open(started.runId)
      return
    }
    // The opened run (or one being overlaid) may be the one that just ended.
    const pane = this.pane
    if (pane.kind === 'detail' && pane.id === e.runId) void this.#loadPane(pane)
  }

  /** Reload the run list and the active job. */
  async refresh(): Promise<void> {
    try {
      const list = await this.#api.runs.list({})
      this.runs = list.runs
      // Events may have arrived first; keep their fresher progress for the same run.
      const a = this.active
      this.active =
        list.active && a?.runId === list.active.runId && a.progress
          ? { ...list.active, progress: a.progress }
          : list.active
      const known = list.runs.map((r) => r.id)
      if (this.checked.some((id) => !known.includes(id))) {
        this.checked = this.checked.filter((id) => known.includes(id))
      }
    } catch (err) {
      this.error = errorMessage(err)
    }
  }

  /** Called by the router with the route's parameters. */
  applyParams(params: Record<string, string>): void {
    const pane = paneFromParams(params)
    this.pane = pane
    void this.#loadPane(pane)
  }

  async #loadPane(pane: RunsPane): Promise<void> {
    const isLatest = this.#latest.begin()
    this.error = null
    if (pane.kind === 'new') {
      this.detail = null
      this.overlay = []
      return
    }
    this.loading = true
    try {
      if (pane.kind === 'detail') {
        const detail = await this.#api.runs.get({ id: pane.id })
        if (!isLatest()) return
        this.detail = detail
        this.overlay = []
      } else {
        const details = await Promise.all(pane.ids.map((id) => this.#api.runs.get({ id })))
        if (!isLatest()) return
        this.overlay = details
        this.detail = null
      }
    } catch (err) {
      if (isLatest()) this.error = errorMessage(err)
    } finally {
      if (isLatest()) this.loading = false
    }
  }

  #go(pane: RunsPane, mode: NavigateMode = 'push'): void {
    this.pane = pane
    this.#navigate(paramsFromPane(pane), mode)
    void this.#loadPane(pane)
  }

  open(id: number): void {
    this.#go({ kind: 'detail', id })
  }

  newRun(): void {
    this.#go({ kind: 'new' })
  }

  toggle(id: number): void {
    this.checked = this.checked.includes(id)
      ? this.checked.filter((c) => c !== id)
      : [...this.checked, id]
  }

  clearChecked(): void {
    this.checked = []
  }

  /** Overlay the ticked runs (two or more), in the list's order. */
  overlayChecked(): void {
    const ids = this.runs.filter((r) => this.checked.includes(r.id)).map((r) => r.id)
    if (ids.length >= 2) this.#go({ kind: 'overlay', ids })
  }

  async start(input: Parameters<Api['runs']['start']>[0]): Promise<boolean> {
    this.starting = true
    this.startError = null
    try {
      const started = await this.#api.runs.start(input)
      this.#startedJob = { jobId: started.jobId, runId: started.runId }
      this.active = {
        jobId: started.jobId,
        runId: started.runId,
        repetition: 1,
        repetitions: input.repetitions ?? 1,
        modelPath: input.settings.modelPath,
        benchmark: input.settings.benchmark ?? '',
        scenario: input.settings.scenario ?? 'SingleStream',
        mode: input.settings.mode ?? 'PerformanceOnly',
        // The list (refreshed below) brings the main side's start time.
        startedAt: '',
        progress: this.active?.jobId === started.jobId ? this.active.progress : null,
        cancelling: false
      }
      await this.refresh()
      // A run that failed at once (a model that does not load) may have ended before the
      // reply came: open it now rather than wait for an event that has already gone by.
      if (this.active?.jobId !== started.jobId && this.#startedJob?.jobId === started.jobId) {
        this.#startedJob = null
        this.open(started.runId)
      }
      return true
    } catch (err) {
      this.startError = errorMessage(err)
      return false
    } finally {
      this.starting = false
    }
  }

  async cancel(): Promise<void> {
    const a = this.active
    if (!a) return
    this.active = { ...a, cancelling: true }
    try {
      await this.#api.runs.cancel({ runId: a.runId })
    } catch (err) {
      this.error = errorMessage(err)
    }
  }
}
