import type { ImportReport, ImportStatus } from '../../shared/api'
import { prepareCached } from '../db/statement-cache'
import type { ReadonlyDb, WritableDb } from '../db/types'
import { processAlive } from './process-alive'

type ImportRow = {
  id: number
  job_id: string
  paths_json: string
  status: string
  started_at: string
  finished_at: string | null
  files_read: number
  results_found: number
  imported: number
  updated: number
  unchanged: number
  skipped: number
  skipped_json: string
  notes_json: string
  error: string | null
  tally_json: string
}

/** The report's split by path and suite (migration 0082); older rows have none. */
type Tally = Pick<ImportReport, 'sources' | 'itemsDone' | 'totalItems'>

function readTally(json: string): Tally {
  const t = JSON.parse(json) as Partial<Tally>
  return { sources: t.sources ?? [], itemsDone: t.itemsDone ?? 0, totalItems: t.totalItems ?? null }
}

function toReport(r: ImportRow): ImportReport {
  return {
    jobId: r.job_id,
    paths: JSON.parse(r.paths_json) as string[],
    status: r.status as ImportStatus,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    filesRead: r.files_read,
    resultsFound: r.results_found,
    imported: r.imported,
    updated: r.updated,
    unchanged: r.unchanged,
    skipped: r.skipped,
    skippedItems: JSON.parse(r.skipped_json) as ImportReport['skippedItems'],
    notes: JSON.parse(r.notes_json) as string[],
    error: r.error,
    ...readTally(r.tally_json)
  }
}

/** Records a new import and returns its row id (results point at it). */
export function insertImport(db: WritableDb, report: ImportReport): number {
  const info = prepareCached(
    db,
    `INSERT INTO imports (job_id, paths_json, status, started_at, owner_pid) VALUES (?, ?, ?, ?, ?)`
  ).run(report.jobId, JSON.stringify(report.paths), report.status, report.startedAt, process.pid)
  return Number(info.lastInsertRowid)
}

export function saveImport(db: WritableDb, r: ImportReport): void {
  prepareCached(
    db,
    `UPDATE imports SET status = @status, finished_at = @finished_at, files_read = @files_read,
       results_found = @results_found, imported = @imported, updated = @updated,
       unchanged = @unchanged, skipped = @skipped, skipped_json = @skipped_json,
       notes_json = @notes_json, error = @error, tally_json = @tally_json WHERE job_id = @job_id`
  ).run({
    job_id: r.jobId,
    status: r.status,
    finished_at: r.finishedAt,
    files_read: r.filesRead,
    results_found: r.resultsFound,
    imported: r.imported,
    updated: r.updated,
    unchanged: r.unchanged,
    skipped: r.skipped,
    skipped_json: JSON.stringify(r.skippedItems),
    notes_json: JSON.stringify(r.notes),
    error: r.error,
    tally_json: JSON.stringify({
      sources: r.sources,
      itemsDone: r.itemsDone,
      totalItems: r.totalItems
    } satisfies Tally)
  })
}

export function getImport(db: ReadonlyDb, jobId: string): ImportReport | null {
  const row = prepareCached(db, 'SELECT * FROM imports WHERE job_id = ?').get(jobId) as
    ImportRow | undefined
  return row ? toReport(row) : null
}

export function listImports(db: ReadonlyDb, limit = 100): ImportReport[] {
  const rows = prepareCached(db, 'SELECT * FROM imports ORDER BY id DESC LIMIT ?').all(
    limit
  ) as ImportRow[]
  return rows.map(toReport)
}

/** Why an import is marked interrupted: what was written before stays (every batch commits). */
export const INTERRUPTED_REASON =
  'The app or the command line stopped while this import was going (closed, killed or crashed). What it had written stays; import the same folders again to finish.'

/**
 * Imports left `running` by a process that is gone can never finish: mark them `interrupted`
 * with the reason, so the history does not show them going for ever with a count of 0. An
 * import another live process (the CLI beside the app) is carrying out is left alone.
 */
export function markInterruptedImports(db: WritableDb, at: string): number {
  const running = prepareCached(
    db,
    `SELECT id, owner_pid FROM imports WHERE status = 'running'`
  ).all() as { id: number; owner_pid: number | null }[]
  const mark = prepareCached(
    db,
    `UPDATE imports SET status = 'interrupted', error = ?, finished_at = ? WHERE id = ? AND status = 'running'`
  )
  let n = 0
  for (const r of running) {
    // Our own (a job of this process) or another live process's: still going.
    if (r.owner_pid !== null && (r.owner_pid === process.pid || processAlive(r.owner_pid))) continue
    n += mark.run(INTERRUPTED_REASON, at, r.id).changes
  }
  return n
}
