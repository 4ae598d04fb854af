import { randomUUID } from 'node:crypto'
import type { ImportReport } from '../../shared/api'
import type { WritableDb } from '../db/types'
import { getImport, listImports } from '../repo/imports'
import type { ImportEvents } from './import-job'
import { runImport } from './import-job'

/** Runs imports in the background and keeps a handle to cancel each while it runs. */
export class ImportManager {
  private readonly running = new Map<string, { abort: AbortController; done: Promise<ImportReport> }>()

  constructor(
    private readonly db: WritableDb,
    private readonly events: Partial<ImportEvents>
  ) {}

  /** Starts a job and returns its id at once; the work continues on the event loop. */
  start(paths: readonly string[]): { jobId: string; done: Promise<ImportReport> } {
    const jobId = randomUUID()
    const abort = new AbortController()
    const done = runImport(this.db, paths, this.events, abort.signal, jobId).finally(() =>
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
    return getImport(this.db, jobId)
  }

  list(): ImportReport[] {
    return listImports(this.db)
  }

  /** Waits for every running job (used on shutdown and by the CLI). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.running.values()].map((j) => j.done))
  }
}
