/**
 * What one import job keeps while it runs: the report it returns, the per-path tally, the phase
 * and position shown in progress events, and the write totals the closing notes are made from.
 * Every step of the job (plan, read, write, notes) changes the job only through this object, so
 * the counts a user sees in progress events and in the final report come from one place.
 */
import type { ImportProgress, ImportReport } from '../../../shared/api'
import type { UpsertCounts } from '../../repo/upsert-sql'
import { newGuardTally } from '../import-checks'
import { ImportTally } from '../import-tally'
import { NewerRoundTally, UndecidedRounds } from '../round-check'
import type { ImportEvents } from './import-types'

/** Minimum gap between progress events, so a fast import does not flood the transport. */
const PROGRESS_MS = 100

/** The tally row a batch of records belongs to (counts of a write go to the path read from). */
export type Owner = ReturnType<ImportTally['owner']>

/** Totals over every write of the job, for the report's closing notes (import-notes.ts). */
export type WriteTotals = {
  /** Table rows that met a result read from logs (the logs' values were kept). */
  kept: number
  /** Log-derived results that took fields only a table carries. */
  enriched: number
  disagreements: UpsertCounts['disagreements']
  /** Summary rows repeating a result already read from another summary file in this job. */
  repeatedSummaryRows: number
  /** Stored results that took fields the first copy lacked from a later copy. */
  filledFromCopies: number
}

/** A report before anything happened: every count zero, status running. */
export function newReport(jobId: string, paths: readonly string[]): ImportReport {
  return {
    jobId,
    paths: [...paths],
    status: 'running',
    filesRead: 0,
    resultsFound: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    skippedItems: [],
    notes: [],
    startedAt: new Date().toISOString(),
    finishedAt: null,
    error: null,
    sources: [],
    itemsDone: 0,
    totalItems: null
  }
}

export class ImportState {
  readonly report: ImportReport
  readonly tally = new ImportTally()
  /** The row of the import history, once written (null if that failed). */
  importId: number | null = null
  phase: ImportProgress['phase'] = 'scanning'
  totalItems: number | null = null
  currentPath: string | null = null
  readonly totals: WriteTotals = {
    kept: 0,
    enriched: 0,
    disagreements: [],
    repeatedSummaryRows: 0,
    filledFromCopies: 0
  }
  /** Stored results changed with no sign of damage (stored-guard.ts), for the closing notes. */
  readonly guarded = newGuardTally()
  readonly newerRounds = new NewerRoundTally()
  readonly undecidedRounds = new UndecidedRounds()
  readonly #events: Partial<ImportEvents>
  #lastEmit = 0

  constructor(jobId: string, paths: readonly string[], events: Partial<ImportEvents>) {
    this.report = newReport(jobId, paths)
    this.#events = events
  }

  /** A progress event, at most one per PROGRESS_MS unless forced (phase changes, the end). */
  emit(force = false): void {
    const now = Date.now()
    if (!force && now - this.#lastEmit < PROGRESS_MS) return
    this.#lastEmit = now
    const r = this.report
    this.#events.progress?.({
      jobId: r.jobId,
      phase: this.phase,
      totalItems: this.totalItems,
      itemsDone: r.itemsDone,
      currentPath: this.currentPath,
      filesRead: r.filesRead,
      resultsFound: r.resultsFound,
      imported: r.imported,
      updated: r.updated,
      unchanged: r.unchanged,
      skipped: r.skipped
    })
  }

  /** The final report to whoever listens. */
  finished(): void {
    this.#events.finished?.(this.report)
  }

  /** A source not imported: listed in the report with its path and the reason. */
  skip(path: string, reason: string): void {
    this.report.skipped++
    this.report.skippedItems.push({ path, reason })
    this.tally.skipped()
  }

  /** One source (result folder, set, summary file, log) read: counted and shown. */
  itemDone(): void {
    this.report.itemsDone++
    this.tally.itemDone()
    this.emit()
  }

  /** `n` results read from the current source. */
  found(n = 1): void {
    this.report.resultsFound += n
    this.tally.found(n)
  }

  /** A repeated summary row: counted as unchanged without being written. */
  unchangedCopy(): void {
    this.totals.repeatedSummaryRows++
    this.report.unchanged++
    this.tally.unchanged()
  }

  /** Adds one write's counts to the report and to the path its records were read from. */
  written(owner: Owner, c: UpsertCounts): void {
    this.tally.written(owner, { ...c, unchanged: c.unchanged + c.kept })
    this.report.imported += c.imported
    this.report.updated += c.updated
    this.report.unchanged += c.unchanged
    this.totals.kept += c.kept
    this.totals.enriched += c.enriched
    this.totals.disagreements.push(...c.disagreements)
  }
}
