import { randomUUID } from 'node:crypto'
import type { ImportReport } from '../../shared/api'
import { describeDbError } from '../db/db-errors'
import type { WritableDb } from '../db/types'
import { insertImport } from '../repo/imports'
import type { FileScope } from './file-safety'
import { withFileScope } from './file-safety'
import { closeReport, errorText, optimizeAfterWrites, writeNotes } from './import/import-notes'
import { itemCount, plannedSuite, planWork, totalItems } from './import/import-plan'
import { createReaders } from './import/import-readers'
import { runWork } from './import/import-run'
import { ImportState } from './import/import-state'
import type { ImportEvents, ImportOptions, Work } from './import/import-types'
import { RecordIntake } from './import/record-intake'
import { createWriters, flushAll } from './import/suite-writers'
import type { Writers } from './import/suite-writers'

export type { ImportEvents, ImportOptions } from './import/import-types'

/**
 * One import: scans every path for inference result folders and training result sets, parses
 * them and summary files (either suite), writes them in batches, and reports progress. Bad
 * input never stops the job: each bad result is listed in the report with its path and reason
 * (a training run that does not count is a note; its set still imports). Cancelling keeps what
 * was already written.
 */
export async function runImport(
  db: WritableDb,
  paths: readonly string[],
  events: Partial<ImportEvents>,
  signal: AbortSignal,
  jobId: string = randomUUID(),
  options: ImportOptions = {}
): Promise<ImportReport> {
  // Files are read only inside the chosen paths, and every refused file is remembered for the
  // report and for the stored-row guard (file-safety.ts, stored-guard.ts).
  return withFileScope(paths, (scope) =>
    importInScope(scope, db, paths, events, signal, jobId, options)
  )
}

/** The plan's total, split by path and suite for the report, and the switch to parsing. */
function startParsing(state: ImportState, work: readonly Work[]): void {
  state.totalItems = totalItems(work)
  for (const w of work) state.tally.planned(w.owner, plannedSuite(w), itemCount(w))
  state.phase = 'parsing'
  state.emit(true)
}

/** The last writes, the closing notes, and the job's status (nothing found is a failure). */
function finishWrites(state: ImportState, writers: Writers, db: WritableDb, signal: AbortSignal) {
  const report = state.report
  state.phase = 'writing'
  flushAll(writers)
  report.notes.push(...state.newerRounds.notes(), ...state.undecidedRounds.notes())
  report.notes.push(...writeNotes(state.totals))
  if (writers.inference.wroteAny || writers.training.wroteAny) optimizeAfterWrites(db)
  report.status = signal.aborted ? 'cancelled' : 'done'
  if (!signal.aborted && report.resultsFound === 0) {
    report.status = 'failed'
    report.error = 'Nothing could be read: no result was found in ' + report.paths.join(', ')
  }
}

/**
 * A database fault (read-only, disk full, locked for too long) or a scan that stopped on
 * cancel: keep what can still be written, and end the job with the reason in words.
 */
function failAfterFault(state: ImportState, writers: Writers, signal: AbortSignal, e: unknown) {
  try {
    flushAll(writers)
  } catch {
    // The same fault again: what the earlier batches committed stays.
  }
  state.report.status = signal.aborted ? 'cancelled' : 'failed'
  if (!signal.aborted) state.report.error = describeDbError(e) ?? errorText(e)
}

async function importInScope(
  scope: FileScope,
  db: WritableDb,
  paths: readonly string[],
  events: Partial<ImportEvents>,
  signal: AbortSignal,
  jobId: string,
  options: ImportOptions
): Promise<ImportReport> {
  const state = new ImportState(jobId, paths, events)
  const writers = createWriters(db, scope, state, options.origin ?? 'imported')
  const intake = new RecordIntake(state, writers)
  try {
    state.importId = insertImport(db, state.report)
    state.emit(true)
    const work = await planWork(paths, state, signal)
    startParsing(state, work)
    await runWork(createReaders(state, intake, signal, options.round ?? null), work)
    finishWrites(state, writers, db, signal)
  } catch (e) {
    failAfterFault(state, writers, signal, e)
  }
  closeReport(state, db, scope)
  state.emit(true)
  state.finished()
  return state.report
}
