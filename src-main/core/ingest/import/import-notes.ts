/**
 * The report's closing lines: what the whole job's writes add up to (rows kept from logs,
 * fields taken from tables, numbers the two disagree on), and the end of the job, which
 * lists refused files and saves the report in the import history.
 */
import { describeDbError } from '../../db/db-errors'
import type { WritableDb } from '../../db/types'
import { saveImport } from '../../repo/imports'
import { changeNotes } from '../import-checks'
import type { FileScope } from '../file-safety'
import type { ImportState, WriteTotals } from './import-state'

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** One note per kind of merge between copies, tables and logs that happened in the job. */
export function writeNotes(t: WriteTotals): string[] {
  const notes: string[] = []
  if (t.repeatedSummaryRows > 0) {
    notes.push(
      `${t.repeatedSummaryRows} summary row(s) repeat a result already read from another summary file in this import; the first copy was kept.`
    )
  }
  if (t.filledFromCopies > 0) {
    notes.push(
      `${t.filledFromCopies} of those result(s) took fields the first copy lacked (result ID, precision, power…) from a later copy.`
    )
  }
  if (t.kept > 0) {
    notes.push(
      `${t.kept} summary row(s) matched results already imported from submission trees; ` +
        'the tree results (read from the logs) were kept.'
    )
  }
  if (t.enriched > 0) {
    notes.push(
      `${t.enriched} result(s) read from logs kept fields only a results table carries ` +
        '(result ID, precision, availability, notes…); each result’s notes list them.'
    )
  }
  return [...notes, ...disagreementNotes(t.disagreements)]
}

/** A count of table/log disagreements, then each one with both numbers. */
function disagreementNotes(disagreements: WriteTotals['disagreements']): string[] {
  if (disagreements.length === 0) return []
  return [
    `${disagreements.length} value(s) differ between a results table and the logs beyond ` +
      'the table’s precision; the logs’ values are kept and both numbers are listed here ' +
      'and in each result’s notes.',
    ...disagreements.map((d) => `${d.result}: ${d.note}`)
  ]
}

/**
 * Fresh statistics keep the planner on the right index after a large import; optional, so a
 * busy or full database does not fail an import whose results are all written. (The full-text
 * indexes follow each committed row by trigger, migration 0091.)
 */
export function optimizeAfterWrites(db: WritableDb): void {
  try {
    db.pragma('optimize')
  } catch {
    // the next import tries again
  }
}

/**
 * Ends the job's report whatever happened: every file refused (not a regular file, too big, a
 * link out of the chosen folders) once, the stored results changed, the per-path counts; then
 * saves it in the import history.
 */
export function closeReport(state: ImportState, db: WritableDb, scope: FileScope): void {
  const report = state.report
  for (const [p, reason] of scope.problems) state.skip(p, reason)
  if (state.guarded.changed.length > 0) report.notes.push(...changeNotes(state.guarded.changed))
  report.finishedAt = new Date().toISOString()
  report.sources = state.tally.rows()
  report.totalItems = state.totalItems
  state.currentPath = null
  state.phase = 'done'
  if (state.importId === null) return
  try {
    saveImport(db, report)
  } catch (e) {
    // The report still reaches the window and the CLI; only the history misses it.
    const why = describeDbError(e) ?? errorText(e)
    report.notes.push(`This report could not be saved in the import history: ${why}`)
  }
}
