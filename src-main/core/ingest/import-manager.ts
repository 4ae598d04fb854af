import { randomUUID } from 'node:crypto'
import type { ImportProgress, ImportReport } from '../../shared/api'
import type { WritableDb } from '../db/types'
import { getImport, listImports } from '../repo/imports'
import type { ImportEvents, ImportOptions } from './import-job'
import { runImport } from './import-job'

/** Runs imports in the background and keeps a handle to cancel each while it runs. */
export class ImportManager {
  private readonly running = new Map<
    string,
    { abort: AbortController; done: Promise<ImportReport> }
  >()
  /** Latest progress of each running job: the stored report is only written when a job ends. */
  private readonly live = new Map<string, ImportProgress>()
  private readonly events: Partial<ImportEvents>

  constructor(
    private readonly db: WritableDb,
    events: Partial<ImportEvents>
  ) {
    this.events = {
      progress: (p) => {
        if (p.phase !== 'done') this.live.set(p.jobId, p)
        events.progress?.(p)
      },
      finished: (r) => {
        this.live.delete(r.jobId)
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
    const done = runImport(this.db, paths, this.events, abort.signal, jobId, options).finally(() =>
      this.running.delete(jobId)
    )
    this.running.set(jobId, { abort, done })
    return { jobId, done }
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId)
    if (!job) return false
    job.abort.abort()
    return true
  }

  get(jobId: string): ImportReport | null {
    const stored = getImport(this.db, jobId)
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
