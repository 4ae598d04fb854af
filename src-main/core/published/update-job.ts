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
import type {
  PublishedRoundInfo,
  RoundReport,
  UpdateInput,
  UpdateProgress,
  UpdateReport
} from '../../shared/published'
import { roundKey } from '../../shared/published'
import type { WritableDb } from '../db/types'
import { publishedBaseUrl } from '../repo/published-settings'
import type { Fetched } from './download'
import { fetchFile, rememberFetched, writeFetched } from './download'
import { CancelledError, HttpStatusError, OfflineError } from './http-get'
import { mirrorPath } from './mirror-path'
import { describeRound } from './round-status'
import type { PublishedSource } from './sources'
import { fileUrl, publishedSources } from './sources'

/** What the update needs from the import machinery (ImportManager fits). */
export type ImportRunner = {
  start(paths: readonly string[]): { jobId: string; done: Promise<ImportReport> }
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

function emptyRound(source: PublishedSource): RoundReport {
  return {
    suite: source.suite,
    round: source.round,
    table: source.table,
    outcome: 'pending',
    message: 'Not started.',
    filesFetched: 0,
    filesUnchanged: 0,
    filesMissing: [],
    bytes: 0,
    importJobId: null,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0
  }
}

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

export async function runPublishedUpdate(
  deps: UpdateDeps,
  input: UpdateInput,
  signal: AbortSignal,
  jobId: string = randomUUID()
): Promise<UpdateReport> {
  const { db, events } = deps
  const baseUrl = publishedBaseUrl(db)
  const sources = deps.sources ?? publishedSources()
  const report: UpdateReport = {
    jobId,
    status: 'running',
    baseUrl,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    error: null,
    rounds: []
  }

  // Which rounds, and what to do with each.
  const infos = new Map<string, { source: PublishedSource; info: PublishedRoundInfo }>()
  for (const source of sources) {
    infos.set(roundKey(source), { source, info: describeRound(db, baseUrl, source) })
  }
  const work: { source: PublishedSource; info: PublishedRoundInfo; round: RoundReport }[] = []
  const wanted =
    input.rounds ?? [...infos.values()].map((v) => v.info).filter((i) => i.plan !== 'skip')
  const seen = new Set<string>()
  for (const key of wanted) {
    if (seen.has(roundKey(key))) continue
    seen.add(roundKey(key))
    const found = infos.get(roundKey(key))
    if (!found) {
      report.rounds.push({
        ...emptyRound({ suite: key.suite, round: key.round, table: '', files: [], probe: false }),
        outcome: 'failed',
        message: `No published table is known for ${key.suite} ${key.round}.`
      })
      continue
    }
    const round = emptyRound(found.source)
    report.rounds.push(round)
    if (found.info.plan === 'skip' && !input.force) {
      round.outcome = 'present'
      round.message = `Already in the database: ${found.info.tableResults} results from official tables; not downloaded.`
      continue
    }
    work.push({ ...found, round })
  }

  events.started?.(report)
  const filesTotal = work.reduce((n, w) => n + w.source.files.length, 0)
  let filesDone = 0
  let bytesDone = 0
  let phase: UpdateProgress['phase'] = 'downloading'
  let current: string | null = null
  let currentUrl: string | null = null
  let lastEmit = 0
  const emit = (force = false): void => {
    const now = Date.now()
    if (!force && now - lastEmit < PROGRESS_MS) return
    lastEmit = now
    events.progress?.({
      jobId,
      phase,
      round: current,
      filesDone,
      filesTotal,
      bytes: bytesDone,
      currentUrl
    })
  }
  emit(true)

  let runningImport: string | null = null
  const onAbort = (): void => {
    if (runningImport !== null) deps.imports.cancel(runningImport)
  }
  signal.addEventListener('abort', onAbort)

  try {
    for (const w of work) {
      if (signal.aborted) break
      const { source, round, info } = w
      current = roundKey(source)
      phase = 'downloading'
      round.message = 'Downloading…'
      currentUrl = source.files[0] ? fileUrl(baseUrl, source.files[0]) : null
      emit(true)
      const fetched: Fetched[] = []
      try {
        await eachLimited(source.files, CONCURRENCY, async (file) => {
          const url = fileUrl(baseUrl, file)
          currentUrl = url
          emit()
          let before = 0
          const f = await fetchFile(db, url, mirrorPath(deps.publishedDir, file), {
            signal,
            onBytes: (n) => {
              bytesDone += n - before
              before = n
              emit()
            }
          })
          fetched.push(f)
          filesDone++
          emit()
        })
      } catch (e) {
        if (e instanceof CancelledError || signal.aborted) {
          round.outcome = 'cancelled'
          round.message = 'Cancelled while downloading; nothing of this round was imported.'
          break
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
        continue
      }

      for (const f of fetched) writeFetched(f)
      const remember = (): void => {
        const now = new Date().toISOString()
        for (const f of fetched) rememberFetched(db, f, now)
      }
      round.filesMissing = fetched
        .filter((f) => f.status === 'missing')
        .map((f) => f.url)
        .sort()
      round.filesUnchanged = fetched.filter((f) => f.status === 'unchanged').length
      round.filesFetched = fetched.filter(
        (f) => f.status === 'new' || f.status === 'changed'
      ).length
      round.bytes = fetched.reduce((n, f) => n + (f.body?.length ?? 0), 0)
      const present = fetched.filter((f) => f.status !== 'missing')
      if (present.length === 0) {
        remember()
        round.outcome = 'not-published'
        const where = round.filesMissing[0] ?? ''
        round.message = source.probe
          ? `Not published yet: ${where} answered "not found".`
          : `Not found at ${where}${round.filesMissing.length > 1 ? ` (and ${round.filesMissing.length - 1} more files)` : ''}.`
        continue
      }
      // Import what changed; everything we hold when the round is not in the database (e.g.
      // its rows were removed since the last download).
      const toImport = (
        info.tableResults === 0 ? present : present.filter((f) => f.status !== 'unchanged')
      )
        .map((f) => f.localPath)
        .sort()
      if (toImport.length === 0) {
        remember()
        round.outcome = 'unchanged'
        round.message = `Unchanged since the last download (the server answered 304 Not Modified for ${round.filesUnchanged} file${round.filesUnchanged === 1 ? '' : 's'}).`
        continue
      }
      if (signal.aborted) break
      phase = 'importing'
      currentUrl = null
      emit(true)
      const job = deps.imports.start(toImport)
      runningImport = job.jobId
      round.importJobId = job.jobId
      const imported = await job.done
      runningImport = null
      round.imported = imported.imported
      round.updated = imported.updated
      round.unchanged = imported.unchanged
      round.skipped = imported.skipped
      const counts = `${imported.imported} new, ${imported.updated} updated, ${imported.unchanged} unchanged, ${imported.skipped} skipped`
      const size = `${round.filesFetched} file${round.filesFetched === 1 ? '' : 's'} downloaded (${megabytes(round.bytes)})`
      const missing =
        round.filesMissing.length > 0 ? `; ${round.filesMissing.length} not found` : ''
      if (imported.status === 'cancelled') {
        round.outcome = 'cancelled'
        round.message = `Cancelled while importing: ${counts} so far.`
      } else if (imported.status === 'failed') {
        round.outcome = 'failed'
        round.message = `Downloaded, but the import failed: ${imported.error ?? 'nothing could be read'}.`
      } else {
        remember()
        round.outcome = 'imported'
        round.message = `${counts}: ${size}${missing}.`
      }
    }
    report.status = signal.aborted ? 'cancelled' : 'done'
  } catch (e) {
    if (e instanceof OfflineError) {
      report.status = 'failed'
      const kept = report.rounds.some((r) => r.outcome === 'imported')
      report.error = `${e.message} ${kept ? 'The rounds imported before are kept.' : 'Nothing was changed.'}`
    } else if (e instanceof CancelledError || signal.aborted) {
      report.status = 'cancelled'
    } else {
      report.status = 'failed'
      report.error = e instanceof Error ? e.message : String(e)
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
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
  phase = 'done'
  current = null
  currentUrl = null
  emit(true)
  events.finished?.(report)
  return report
}
