import { randomUUID } from 'node:crypto'
import type { ImportProgress, ImportReport } from '../../shared/api'
import type { WritableDb } from '../db/types'
import { describeDbError } from '../db/db-errors'
import { getImport, listImports, markInterruptedImports } from '../repo/imports'
import type { ImportEvents, ImportOptions } from './import-job'
import { runImport } from './import-job'
import { newReport } from './import/import-state'

/** Runs imports in the background and keeps a handle to cancel each while it runs. */
export class ImportManager {
  private readonly running = new Map<
    string,
    { abort: AbortController; done: Promise<ImportReport> }
  >()
  /** Latest progress of each running job: the stored report is only written when a job ends. */
  private readonly live = new Map<string, ImportProgress>()
  private readonly events: Partial<ImportEvents>
  /**
   * Reports of finished jobs, newest last: a job that failed because the database could not be
   * written has no stored row, and the window still asks for its report.
   */
  private readonly finished = new Map<string, ImportReport>()

  constructor(
    private readonly db: WritableDb,
    events: Partial<ImportEvents>
  ) {
    // Imports a stopped process left `running` (read-only databases are only browsed).
    if (!db.readonly) {
      try {
        markInterruptedImports(db, new Date().toISOString())
      } catch {
        // locked by another writer right now: the next start marks them
      }
    }
    this.events = {
      progress: (p) => {
        if (p.phase !== 'done') this.live.set(p.jobId, p)
        events.progress?.(p)
      },
      finished: (r) => {
        this.live.delete(r.jobId)
        this.finished.set(r.jobId, r)
        if (this.finished.size > 50) this.finished.delete(this.finished.keys().next().value ?? '')
        events.finished?.(r)
      }
    }
  }

  /**
   * Starts a job and returns its id at once; the work continues on the event loop. The options'
   * `origin` marks the rows written (downloaded tables and logs say so; the rest is imported).
   */
  start(
    paths: readonly string[],
    options: ImportOptions = {}
  ): { jobId: string; done: Promise<ImportReport> } {
    const jobId = randomUUID()
    const abort = new AbortController()
    // runImport turns every fault into a failed report; the catch is the last guard, because a
    // rejection nobody handles would end the process (the web-mode server, the app).
    const done = runImport(this.db, paths, this.events, abort.signal, jobId, options)
      .catch((e: unknown) => this.#failed(jobId, paths, e))
      .finally(() => this.running.delete(jobId))
    this.running.set(jobId, { abort, done })
    return { jobId, done }
  }

  /** A report for a job that threw (a bug): failed, with the reason, and told to listeners. */
  #failed(jobId: string, paths: readonly string[], e: unknown): ImportReport {
    const empty = newReport(jobId, paths)
    const report: ImportReport = {
      ...empty,
      status: 'failed',
      finishedAt: empty.startedAt,
      error: describeDbError(e) ?? (e instanceof Error ? e.message : String(e))
    }
    try {
      this.events.finished?.(report)
    } catch {
      // a listener's fault must not turn this into a rejection again
    }
    return report
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId)
    if (!job) return false
    job.abort.abort()
    return true
  }

  get(jobId: string): ImportReport | null {
    const stored = getImport(this.db, jobId) ?? this.finished.get(jobId) ?? null
    const p = this.live.get(jobId)
    if (!stored || !p || stored.status !== 'running') return stored
    const {
      filesRead,
      resultsFound,
      imported,
      updated,
      unchanged,
      skipped,
      itemsDone,
      totalItems
    } = p
    return {
      ...stored,
      filesRead,
      resultsFound,
      imported,
      updated,
      unchanged,
      skipped,
      itemsDone,
      totalItems
    }
  }

  list(): ImportReport[] {
    return listImports(this.db)
  }

  /** Cancels every running job (on shutdown: what was written so far stays). */
  cancelAll(): void {
    for (const job of this.running.values()) job.abort.abort()
  }

  /** Waits for every running job (used on shutdown and by the CLI). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()].map((j) => j.done))
  }
}
