import { randomUUID } from 'node:crypto'
import type { UpdateInput, UpdateProgress, UpdateReport } from '../../shared/published'
import type { UpdateDeps } from './update-job'
import { runPublishedUpdate } from './update-job'

/** Thrown when an update is asked for while one is going. */
export class UpdateRunningError extends Error {
  constructor(readonly jobId: string) {
    super('An update of the published results is already running; wait for it or cancel it.')
    this.name = 'UpdateRunningError'
  }
}

/** Runs one update at a time in the background and keeps the reports of this session. */
export class PublishedUpdates {
  private running: { jobId: string; abort: AbortController; done: Promise<UpdateReport> } | null =
    null
  private readonly reports = new Map<string, UpdateReport>()
  private readonly live = new Map<string, UpdateProgress>()

  constructor(private readonly deps: UpdateDeps) {}

  start(input: UpdateInput): { jobId: string; done: Promise<UpdateReport> } {
    if (this.running) throw new UpdateRunningError(this.running.jobId)
    const jobId = randomUUID()
    const abort = new AbortController()
    const events = this.deps.events
    const done = runPublishedUpdate(
      {
        ...this.deps,
        events: {
          started: (r) => this.reports.set(jobId, r),
          progress: (p) => {
            this.live.set(jobId, p)
            events.progress?.(p)
          },
          finished: (r) => {
            this.reports.set(jobId, r)
            this.live.delete(jobId)
            events.finished?.(r)
          }
        }
      },
      input,
      abort.signal,
      jobId
    ).finally(() => {
      if (this.running?.jobId === jobId) this.running = null
    })
    this.running = { jobId, abort, done }
    return { jobId, done }
  }

  cancel(jobId: string): boolean {
    if (this.running?.jobId !== jobId) return false
    this.running.abort.abort()
    return true
  }

  /** A job's report: final, or the state so far while it runs (null: unknown job). */
  get(jobId: string): UpdateReport | null {
    const r = this.reports.get(jobId)
    return r ? structuredClone(r) : null
  }

  progress(jobId: string): UpdateProgress | null {
    return this.live.get(jobId) ?? null
  }

  cancelAll(): void {
    this.running?.abort.abort()
  }

  async idle(): Promise<void> {
    await this.running?.done.catch(() => undefined)
  }
}
