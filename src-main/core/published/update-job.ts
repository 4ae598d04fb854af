/**
 * One "Get published results" run: for each chosen round, download its official table(s) from
 * the source address (conditionally where a copy exists), keep them in the local mirror, and
 * import the new or changed files through the ordinary import job (so the import report and the
 * Imports history show them like any other import). Progress and cancel as for imports. A
 * server that cannot be reached stops the run with one line; a table that is not there is that
 * round's outcome, and the other rounds go on.
 */
import { randomUUID } from 'node:crypto'
import type { ImportReport } from '../../shared/api'
import type { RoundReport, UpdateInput, UpdateProgress, UpdateReport } from '../../shared/published'
import { roundKey } from '../../shared/published'
import type { WritableDb } from '../db/types'
import type { ImportOptions } from '../ingest/import-job'
import { publishedBaseUrl } from '../repo/published-settings'
import type { Fetched } from './download'
import { fetchFile, rememberFetched, writeFetched } from './download'
import { CancelledError, HttpStatusError, OfflineError } from './http-get'
import { mirrorPath } from './mirror-path'
import type { PublishedSource } from './sources'
import { fileUrl, publishedSources } from './sources'
import type { RoundWork } from './update-plan'
import { planUpdate } from './update-plan'

/** What the update needs from the import machinery (ImportManager fits). */
export type ImportRunner = {
  start(
    paths: readonly string[],
    options?: ImportOptions
  ): { jobId: string; done: Promise<ImportReport> }
  cancel(jobId: string): boolean
}

export type UpdateEvents = {
  /** The report object, once the rounds are planned; it fills in as the job goes. */
  started: (r: UpdateReport) => void
  progress: (p: UpdateProgress) => void
  finished: (r: UpdateReport) => void
}

export type UpdateDeps = {
  db: WritableDb
  /** The local mirror: `<dir>/<owner>/<repo>/<path>`. */
  publishedDir: string
  imports: ImportRunner
  events: Partial<UpdateEvents>
  /** The sources to use (default: publishedSources()); tests pass their own. */
  sources?: readonly PublishedSource[]
}

/** Files downloaded at once: a consolidated round has ~90 small tables. */
const CONCURRENCY = 4
const PROGRESS_MS = 100

function megabytes(bytes: number): string {
  return bytes >= 1e6
    ? `${(bytes / 1e6).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1e3))} kB`
}

/** Runs `fn` over `items`, `limit` at a time; the first error stops new work and is rethrown. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  let failure: { error: unknown } | null = null
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const item = items[next++] as T
      try {
        await fn(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failure !== null) throw (failure as { error: unknown }).error
}

/** Progress of the whole job, sent at most every PROGRESS_MS (or at once when forced). */
class ProgressLine {
  phase: UpdateProgress['phase'] = 'downloading'
  round: string | null = null
  filesDone = 0
  bytes = 0
  currentUrl: string | null = null
  #last = 0

  constructor(
    private readonly jobId: string,
    private readonly filesTotal: number,
    private readonly sink?: (p: UpdateProgress) => void
  ) {}

  emit(force = false): void {
    const now = Date.now()
    if (!force && now - this.#last < PROGRESS_MS) return
    this.#last = now
    this.sink?.({
      jobId: this.jobId,
      phase: this.phase,
      round: this.round,
      filesDone: this.filesDone,
      filesTotal: this.filesTotal,
      bytes: this.bytes,
      currentUrl: this.currentUrl
    })
  }
}

/** Downloads a round's files (into memory; written once all came). */
async function downloadRound(
  deps: UpdateDeps,
  baseUrl: string,
  w: RoundWork,
  progress: ProgressLine,
  signal: AbortSignal
): Promise<Fetched[]> {
  const fetched: Fetched[] = []
  await eachLimited(w.source.files, CONCURRENCY, async (file) => {
    const url = fileUrl(baseUrl, file)
    progress.currentUrl = url
    progress.emit()
    let before = 0
    const f = await fetchFile(deps.db, url, mirrorPath(deps.publishedDir, file), {
      signal,
      onBytes: (n) => {
        progress.bytes += n - before
        before = n
        progress.emit()
      }
    })
    fetched.push(f)
    progress.filesDone++
    progress.emit()
  })
  return fetched
}

/** The round's line when a download stopped on an error (rethrown when the job must stop). */
function downloadFailed(round: RoundReport, e: unknown, signal: AbortSignal): 'stop' | 'next' {
  if (e instanceof CancelledError || signal.aborted) {
    round.outcome = 'cancelled'
    round.message = 'Cancelled while downloading; nothing of this round was imported.'
    return 'stop'
  }
  if (e instanceof OfflineError) {
    round.outcome = 'failed'
    round.message = 'Not downloaded: the server cannot be reached.'
    throw e
  }
  round.outcome = 'failed'
  round.message =
    e instanceof HttpStatusError
      ? `${e.message}; this round was not imported.`
      : `Download failed: ${e instanceof Error ? e.message : String(e)}`
  return 'next'
}

/**
 * Counts what came back and decides: nothing there (not published), nothing new (unchanged),
 * or the files to import: those that changed, or all of them when the round is not in the
 * database (e.g. its rows were removed since the last download).
 */
function sortFetched(w: RoundWork, fetched: readonly Fetched[]): string[] | null {
  const { round, source, info } = w
  round.filesMissing = fetched
    .filter((f) => f.status === 'missing')
    .map((f) => f.url)
    .sort()
  round.filesUnchanged = fetched.filter((f) => f.status === 'unchanged').length
  round.filesFetched = fetched.filter((f) => f.status === 'new' || f.status === 'changed').length
  round.bytes = fetched.reduce((n, f) => n + (f.body?.length ?? 0), 0)
  const present = fetched.filter((f) => f.status !== 'missing')
  if (present.length === 0) {
    round.outcome = 'not-published'
    const where = round.filesMissing[0] ?? ''
    const more = round.filesMissing.length - 1
    round.message = source.probe
      ? `Not published yet: ${where} answered "not found".`
      : `Not found at ${where}${more > 0 ? ` (and ${more} more files)` : ''}.`
    return null
  }
  const toImport = (
    info.tableResults === 0 ? present : present.filter((f) => f.status !== 'unchanged')
  )
    .map((f) => f.localPath)
    .sort()
  if (toImport.length === 0) {
    const n = round.filesUnchanged
    round.outcome = 'unchanged'
    round.message = `Unchanged since the last download (the server answered 304 Not Modified for ${n} file${n === 1 ? '' : 's'}).`
    return null
  }
  return toImport
}

/** The round's line from its import report; true when the files were imported. */
function importDone(round: RoundReport, imported: ImportReport): boolean {
  round.imported = imported.imported
  round.updated = imported.updated
  round.unchanged = imported.unchanged
  round.skipped = imported.skipped
  const counts = `${imported.imported} new, ${imported.updated} updated, ${imported.unchanged} unchanged, ${imported.skipped} skipped`
  if (imported.status === 'cancelled') {
    round.outcome = 'cancelled'
    round.message = `Cancelled while importing: ${counts} so far.`
    return false
  }
  if (imported.status === 'failed') {
    round.outcome = 'failed'
    round.message = `Downloaded, but the import failed: ${imported.error ?? 'nothing could be read'}.`
    return false
  }
  const n = round.filesFetched
  const missing = round.filesMissing.length > 0 ? `; ${round.filesMissing.length} not found` : ''
  round.outcome = 'imported'
  round.message = `${counts}: ${n} file${n === 1 ? '' : 's'} downloaded (${megabytes(round.bytes)})${missing}.`
  return true
}

/** Closes the report: the job's status, and the rounds it never reached. */
function finish(report: UpdateReport, error: unknown, signal: AbortSignal): void {
  if (error === null) {
    report.status = signal.aborted ? 'cancelled' : 'done'
  } else if (error instanceof OfflineError) {
    report.status = 'failed'
    const kept = report.rounds.some((r) => r.outcome === 'imported')
    report.error = `${error.message} ${kept ? 'The rounds imported before are kept.' : 'Nothing was changed.'}`
  } else if (error instanceof CancelledError || signal.aborted) {
    report.status = 'cancelled'
  } else {
    report.status = 'failed'
    report.error = error instanceof Error ? error.message : 'unknown error'
  }
  for (const r of report.rounds) {
    if (r.outcome !== 'pending') continue
    r.outcome = report.status === 'cancelled' ? 'cancelled' : 'failed'
    r.message =
      report.status === 'cancelled'
        ? 'Cancelled before this round.'
        : 'Not attempted: the update stopped.'
  }
  report.finishedAt = new Date().toISOString()
}

export async function runPublishedUpdate(
  deps: UpdateDeps,
  input: UpdateInput,
  signal: AbortSignal,
  jobId: string = randomUUID()
): Promise<UpdateReport> {
  const { db, events } = deps
  const baseUrl = publishedBaseUrl(db)
  const report: UpdateReport = {
    jobId,
    status: 'running',
    baseUrl,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    error: null,
    rounds: []
  }
  const work = planUpdate(db, deps.sources ?? publishedSources(), input, report)
  events.started?.(report)
  const filesTotal = work.reduce((n, w) => n + w.source.files.length, 0)
  const progress = new ProgressLine(jobId, filesTotal, events.progress)
  progress.emit(true)

  let runningImport: string | null = null
  const onAbort = (): void => {
    if (runningImport !== null) deps.imports.cancel(runningImport)
  }
  signal.addEventListener('abort', onAbort)
  let error: unknown = null
  try {
    for (const w of work) {
      if (signal.aborted) break
      progress.round = roundKey(w.source)
      progress.phase = 'downloading'
      progress.currentUrl = w.source.files[0] ? fileUrl(baseUrl, w.source.files[0]) : null
      w.round.message = 'Downloading…'
      progress.emit(true)
      let fetched: Fetched[]
      try {
        fetched = await downloadRound(deps, baseUrl, w, progress, signal)
      } catch (e) {
        if (downloadFailed(w.round, e, signal) === 'stop') break
        continue
      }
      for (const f of fetched) writeFetched(f)
      // Validators are remembered once the files are used: a file remembered but not
      // imported would answer 304 next time and never be imported.
      const remember = (): void => {
        const now = new Date().toISOString()
        for (const f of fetched) rememberFetched(db, f, now)
      }
      const toImport = sortFetched(w, fetched)
      if (toImport === null) {
        remember()
        continue
      }
      if (signal.aborted) break
      progress.phase = 'importing'
      progress.currentUrl = null
      progress.emit(true)
      const job = deps.imports.start(toImport, { origin: 'downloaded' })
      runningImport = job.jobId
      w.round.importJobId = job.jobId
      const imported = await job.done
      runningImport = null
      if (importDone(w.round, imported)) remember()
    }
  } catch (e) {
    error = e
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
  finish(report, error, signal)
  progress.phase = 'done'
  progress.round = null
  progress.currentUrl = null
  progress.emit(true)
  events.finished?.(report)
  return report
}
