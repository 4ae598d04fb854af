import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import type { ImportProgress, ImportReport } from '../../shared/api'
import type { InferenceResultRecord } from '../../shared/inference'
import type { TrainingResultRecord } from '../../shared/training'
import type { Origin } from '../../shared/catalogue'
import { describeDbError } from '../db/db-errors'
import type { WritableDb } from '../db/types'
import type { UpsertCounts } from '../repo/upsert-sql'
import { insertImport, saveImport } from '../repo/imports'
import { fillInferenceSummaryGaps, upsertInferenceResults } from '../repo/inference-results'
import { fillTrainingSummaryGaps, upsertTrainingResults } from '../repo/training-results'
import { createReadContext, readInferenceResult, scanInferenceTree } from './inference'
import type { ResultLocation } from './inference'
import { createDirLister } from './dir-listing'
import { findSummaryFiles } from './find-summary-files'
import { withoutFileContent } from './error-text'
import type { FileScope } from './file-safety'
import { kindOf, withFileScope } from './file-safety'
import {
  changeNotes,
  newGuardTally,
  sameResultReason,
  scenarioMismatchNote,
  tally as tallyGuard
} from './import-checks'
import { guardInference, guardTraining, withoutValueInvalid } from './stored-guard'
import { ImportTally } from './import-tally'
import { mapOrdered } from './map-ordered'
import { NewerRoundTally, UndecidedRounds, refuseInvalidRounds } from './round-check'
import { isSummaryFileName, readSummaryFile } from './summaries'
import {
  readTrainingLogFile,
  readTrainingSummaryIfAny,
  trainingRecordKey,
  trainingRunNotes
} from './training-import'
import {
  createTrainingReadContext,
  isResultFileName,
  isTrainingSummaryFileName,
  readTrainingResultSet,
  scanTrainingTree
} from './training'
import type { TrainingReadResult, TrainingSetLocation, TrainingSummaryResult } from './training'

export type ImportEvents = {
  progress: (p: ImportProgress) => void
  finished: (r: ImportReport) => void
}

export type ImportOptions = {
  /** Round of the results whose path names none (a user's own folder); validated by the API. */
  round?: string | null
  /** Marks the rows written: downloaded tables and logs say so; everything else is imported. */
  origin?: Origin
}

/** Results written per transaction: small enough to keep the event loop responsive. */
const BATCH = 200
/** Training sets per transaction: each carries its runs' eval series. */
const TRAINING_BATCH = 50
/** Result folders read at once: overlaps disk waits without holding many logs in memory. */
const READ_CONCURRENCY = 4
/** Longest stretch of parsing between two turns of the event loop (keeps the window responsive). */
const SLICE_MS = 16
/** Minimum gap between progress events, so a fast import does not flood the transport. */
const PROGRESS_MS = 100

/** A piece of work; `owner` is the path the user gave that it came from (report by path). */
type Work =
  | { kind: 'tree'; owner: string; root: string; locations: ResultLocation[] }
  | { kind: 'summary'; owner: string; file: string }
  | { kind: 'training'; owner: string; root: string; sets: TrainingSetLocation[] }
  | { kind: 'training-log'; owner: string; file: string }

/** The suite a piece of work is expected to hold (summary files: by their name). */
function plannedSuite(w: Work): 'inference' | 'training' {
  if (w.kind === 'tree') return 'inference'
  if (w.kind === 'summary') return isTrainingSummaryFileName(w.file) ? 'training' : 'inference'
  return 'training'
}

/** Items a piece of work stands for, for the progress total. */
function itemCount(w: Work): number {
  if (w.kind === 'tree') return w.locations.length
  if (w.kind === 'training') return w.sets.length
  return 1
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

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

async function importInScope(
  scope: FileScope,
  db: WritableDb,
  paths: readonly string[],
  events: Partial<ImportEvents>,
  signal: AbortSignal,
  jobId: string,
  options: ImportOptions
): Promise<ImportReport> {
  const round = options.round ?? null
  const origin: Origin = options.origin ?? 'imported'
  const report: ImportReport = {
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
  const tally = new ImportTally()
  let importId: number | null = null
  let phase: ImportProgress['phase'] = 'scanning'
  let totalItems: number | null = null
  let currentPath: string | null = null
  let lastEmit = 0
  const emit = (force = false): void => {
    const now = Date.now()
    if (!force && now - lastEmit < PROGRESS_MS) return
    lastEmit = now
    events.progress?.({
      jobId,
      phase,
      totalItems,
      itemsDone: report.itemsDone,
      currentPath,
      filesRead: report.filesRead,
      resultsFound: report.resultsFound,
      imported: report.imported,
      updated: report.updated,
      unchanged: report.unchanged,
      skipped: report.skipped
    })
  }
  const skip = (path: string, reason: string): void => {
    report.skipped++
    report.skippedItems.push({ path, reason })
    tally.skipped()
  }
  const itemDone = (): void => {
    report.itemsDone++
    tally.itemDone()
  }
  let pending: InferenceResultRecord[] = []
  /** Whose records are pending (counts of a write go to the path they were read from). */
  let pendingOwner = tally.owner()
  let wroteAny = false
  let kept = 0
  let enriched = 0
  const disagreements: UpsertCounts['disagreements'] = []
  let repeatedSummaryRows = 0
  const guarded = newGuardTally()
  const newerRounds = new NewerRoundTally()
  const undecidedRounds = new UndecidedRounds()
  /** Adds one write's counts to the report and to the path its records were read from. */
  const count = (owner: ReturnType<ImportTally['owner']>, c: UpsertCounts): void => {
    tally.written(owner, { ...c, unchanged: c.unchanged + c.kept })
    report.imported += c.imported
    report.updated += c.updated
    report.unchanged += c.unchanged
    kept += c.kept
    enriched += c.enriched
    disagreements.push(...c.disagreements)
  }
  /** Further copies of summary rows read in this job: they may fill what the first lacks. */
  let copies: InferenceResultRecord[] = []
  let trainingCopies: TrainingResultRecord[] = []
  let filledFromCopies = 0
  const flush = (): void => {
    if (pending.length > 0) {
      const g = guardInference(db, pending, scope.problems)
      tallyGuard(guarded, g, report)
      count(pendingOwner, upsertInferenceResults(db, g.write, importId, origin))
      pending = []
      wroteAny = true
    }
    if (copies.length > 0) {
      const n = fillInferenceSummaryGaps(db, copies)
      // Filled fields may be searchable ones (system, accelerator…).
      if (n > 0) wroteAny = true
      filledFromCopies += n
      copies = []
    }
  }
  /** Inference results read in this job, by key, with where they came from. */
  const inferenceSeen = new Map<string, InferenceResultRecord['sourceKind']>()
  /** Which tree folder each result of this job came from: two folders must not map to one. */
  const treeSources = new Map<string, string>()
  const addInference = (read: InferenceResultRecord): void => {
    const rec = withoutValueInvalid(read)
    const key = [
      rec.round,
      rec.division,
      rec.submitter,
      rec.systemId,
      rec.benchmark,
      rec.scenario
    ].join('\u0000')
    // Official summaries overlap (the v4.1 table, its CM export, per-submitter CSVs): the first
    // copy read in a job is kept, so a re-import finds it unchanged instead of flipping
    // between copies that render a field differently.
    if (rec.sourceKind === 'summary' && inferenceSeen.get(key) === 'summary') {
      repeatedSummaryRows++
      report.unchanged++
      copies.push(rec)
      tally.unchanged()
      return
    }
    if (rec.sourceKind === 'tree') {
      const first = treeSources.get(key)
      if (first !== undefined && first !== rec.source) {
        skip(rec.source, sameResultReason(rec, first))
        return
      }
      treeSources.set(key, rec.source)
      const mismatch = scenarioMismatchNote(rec)
      if (mismatch !== null) report.notes.push(mismatch)
    }
    if (inferenceSeen.get(key) !== 'tree') inferenceSeen.set(key, rec.sourceKind)
    newerRounds.add('inference', rec.round)
    if (tally.owner() !== pendingOwner) {
      flush()
      pendingOwner = tally.owner()
    }
    pending.push(rec)
    if (pending.length >= BATCH) {
      phase = 'writing'
      flush()
      phase = 'parsing'
    }
  }
  let pendingTraining: TrainingResultRecord[] = []
  let pendingTrainingOwner = tally.owner()
  let wroteTraining = false
  /** Training results read in this job, by key, with where they came from. */
  const trainingSeen = new Map<string, TrainingResultRecord['sourceKind']>()
  const flushTraining = (): void => {
    if (pendingTraining.length > 0) {
      const g = guardTraining(db, pendingTraining, scope.problems)
      tallyGuard(guarded, g, report)
      count(pendingTrainingOwner, upsertTrainingResults(db, g.write, importId, origin))
      pendingTraining = []
      wroteTraining = true
    }
    if (trainingCopies.length > 0) {
      const n = fillTrainingSummaryGaps(db, trainingCopies)
      if (n > 0) wroteTraining = true
      filledFromCopies += n
      trainingCopies = []
    }
  }
  const addTraining = (read: TrainingResultRecord): void => {
    const rec = withoutValueInvalid(read)
    const key = trainingRecordKey(rec)
    // The CM export repeats a row in several experiments: the first copy read is kept, so a
    // re-import finds it unchanged instead of flipping between copies.
    if (rec.sourceKind === 'summary' && trainingSeen.get(key) === 'summary') {
      repeatedSummaryRows++
      report.unchanged++
      trainingCopies.push(rec)
      tally.unchanged()
      return
    }
    if (trainingSeen.get(key) !== 'tree') trainingSeen.set(key, rec.sourceKind)
    newerRounds.add('training', rec.round)
    if (tally.owner() !== pendingTrainingOwner) {
      flushTraining()
      pendingTrainingOwner = tally.owner()
    }
    pendingTraining.push(rec)
    if (pendingTraining.length >= TRAINING_BATCH) {
      phase = 'writing'
      flushTraining()
      phase = 'parsing'
    }
  }
  const takeTrainingRead = (res: TrainingReadResult): void => {
    report.filesRead += res.filesRead
    if ('record' in res) {
      report.resultsFound++
      tally.found()
      report.notes.push(...trainingRunNotes(res.record))
      undecidedRounds.add(res.record.source, res.record.round)
      addTraining(res.record)
    } else {
      skip(res.skipped.path, res.skipped.reason)
    }
  }

  try {
    importId = insertImport(db, report)
    emit(true)
    const work: Work[] = []
    for (const p of paths) {
      if (signal.aborted) break
      currentPath = p
      tally.at(p, null)
      const info = await stat(p).catch((e: NodeJS.ErrnoException) => e)
      if (info instanceof Error) {
        skip(p, info.code === 'ENOENT' ? 'No such file or folder' : `Cannot read: ${info.message}`)
        continue
      }
      if (!info.isFile() && !info.isDirectory()) {
        skip(p, `${basename(p)} is ${kindOf(info)}, not a regular file or a folder; not read`)
        continue
      }
      if (info.isFile()) {
        if (isResultFileName(basename(p))) work.push({ kind: 'training-log', owner: p, file: p })
        else if (isSummaryFileName(p) || isTrainingSummaryFileName(p))
          work.push({ kind: 'summary', owner: p, file: p })
        else
          skip(
            p,
            'Not a results summary file (summary_results.json, summary.csv, summary.json or cm-result.json), a training log (result_*.txt) or a folder'
          )
        continue
      }
      const before = work.reduce((n, w) => n + itemCount(w), 0)
      const list = createDirLister()
      const scan = await scanInferenceTree(p, {
        signal,
        list,
        onFound: (n) => {
          // While scanning, the total grows with every result folder found.
          totalItems = before + n
          emit()
        }
      })
      tally.at(p, 'inference')
      for (const s of scan.skipped) skip(s.path, s.reason)
      // A clone holds one suite or the other; a folder of the user's own may hold both. The
      // training walk leaves out the inference result folders just found (most of the folders
      // of an inference clone), which keeps it cheap there.
      const inferenceDirs = new Set(scan.locations.map((l) => resolve(l.dir)))
      const training = await scanTrainingTree(p, {
        signal,
        list,
        skip: (d) => inferenceDirs.has(resolve(d)),
        onFound: (n) => {
          totalItems = before + scan.locations.length + n
          emit()
        }
      })
      tally.at(p, 'training')
      for (const s of training.skipped) skip(s.path, s.reason)
      // A folder naming a round no rules fit is refused once, by name, and not read.
      const locations = refuseInvalidRounds('inference', scan.locations)
      const sets = refuseInvalidRounds('training', training.sets)
      for (const s of [...locations.skipped, ...sets.skipped]) skip(s.path, s.reason)
      if (locations.kept.length > 0) {
        work.push({ kind: 'tree', owner: p, root: p, locations: locations.kept })
      }
      if (sets.kept.length > 0) work.push({ kind: 'training', owner: p, root: p, sets: sets.kept })
      if (scan.locations.length === 0 && training.sets.length === 0) {
        // A folder with no result folders may hold official summary files (e.g. a
        // cm4mlperf-results checkout): import those instead.
        const files = await findSummaryFiles(p, signal)
        if (files.length === 0 && scan.skipped.length === 0 && training.skipped.length === 0) {
          tally.at(p, null)
          skip(
            p,
            'No MLPerf results found: no results/<system>/<benchmark>/<scenario>/performance folders, no training result_*.txt logs and no summary files'
          )
        }
        for (const f of files) work.push({ kind: 'summary', owner: p, file: f })
      }
    }
    totalItems = work.reduce((n, w) => n + itemCount(w), 0)
    for (const w of work) tally.planned(w.owner, plannedSuite(w), itemCount(w))
    phase = 'parsing'
    emit(true)

    const ctx = createReadContext(round)
    const trainingCtx = createTrainingReadContext()
    let sliceStart = performance.now()
    for (const w of work) {
      if (signal.aborted) break
      tally.at(w.owner, plannedSuite(w))
      if (w.kind === 'training-log') {
        currentPath = w.file
        takeTrainingRead(await readTrainingLogFile(w.file, trainingCtx, round))
        itemDone()
        emit()
        continue
      }
      if (w.kind === 'training') {
        const reads = mapOrdered(
          w.sets,
          READ_CONCURRENCY,
          (loc) => readTrainingResultSet(loc, trainingCtx, { round }),
          signal
        )
        for await (const res of reads) {
          if (signal.aborted) break
          currentPath = 'record' in res ? res.record.source : res.skipped.path
          takeTrainingRead(res)
          itemDone()
          emit()
          if (performance.now() - sliceStart > SLICE_MS) {
            await yieldToLoop()
            sliceStart = performance.now()
          }
        }
        continue
      }
      if (w.kind === 'summary') {
        currentPath = w.file
        let trainingSummary: TrainingSummaryResult | null
        try {
          trainingSummary = await readTrainingSummaryIfAny(w.file)
        } catch (e) {
          skip(w.file, withoutFileContent(e))
          itemDone()
          emit()
          continue
        }
        if (trainingSummary !== null) {
          // Filed under training (planned by its name as inference unless it said training).
          if (plannedSuite(w) !== 'training') {
            tally.planned(w.owner, 'inference', -1)
            tally.planned(w.owner, 'training', 1)
            tally.at(w.owner, 'training')
          }
          report.filesRead++
          report.resultsFound += trainingSummary.records.length
          tally.found(trainingSummary.records.length)
          for (const s of trainingSummary.skipped) skip(s.path, s.reason)
          // Some of the parser's remarks name only a row: say which file.
          const file = w.file
          report.notes.push(
            ...trainingSummary.notes.map((n) => (n.includes(file) ? n : `${file}: ${n}`))
          )
          for (const rec of trainingSummary.records) addTraining(rec)
          itemDone()
          emit()
          continue
        }
        if (plannedSuite(w) !== 'inference') {
          tally.planned(w.owner, 'training', -1)
          tally.planned(w.owner, 'inference', 1)
          tally.at(w.owner, 'inference')
        }
        try {
          const res = await readSummaryFile(w.file)
          report.filesRead++
          report.resultsFound += res.records.length
          tally.found(res.records.length)
          for (const s of res.skipped) skip(s.path, s.reason)
          report.notes.push(...res.notes)
          for (const rec of res.records) addInference(rec)
        } catch (e) {
          skip(w.file, withoutFileContent(e))
        }
        itemDone()
        emit()
        continue
      }
      const reads = mapOrdered(
        w.locations,
        READ_CONCURRENCY,
        (loc) => readInferenceResult(loc, ctx),
        signal
      )
      for await (const res of reads) {
        if (signal.aborted) break
        currentPath = 'record' in res ? res.record.source : res.skipped.path
        report.filesRead += res.filesRead
        if ('record' in res) {
          report.resultsFound++
          tally.found()
          addInference(res.record)
        } else {
          skip(res.skipped.path, res.skipped.reason)
        }
        itemDone()
        emit()
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToLoop()
          sliceStart = performance.now()
        }
      }
    }
    phase = 'writing'
    flush()
    flushTraining()
    report.notes.push(...newerRounds.notes(), ...undecidedRounds.notes())
    if (repeatedSummaryRows > 0) {
      report.notes.push(
        `${repeatedSummaryRows} summary row(s) repeat a result already read from another summary file in this import; the first copy was kept.`
      )
    }
    if (filledFromCopies > 0) {
      report.notes.push(
        `${filledFromCopies} of those result(s) took fields the first copy lacked (result ID, precision, power…) from a later copy.`
      )
    }
    if (kept > 0) {
      report.notes.push(
        `${kept} summary row(s) matched results already imported from submission trees; ` +
          'the tree results (read from the logs) were kept.'
      )
    }
    if (enriched > 0) {
      report.notes.push(
        `${enriched} result(s) read from logs kept fields only a results table carries ` +
          '(result ID, precision, availability, notes…); each result’s notes list them.'
      )
    }
    if (disagreements.length > 0) {
      report.notes.push(
        `${disagreements.length} value(s) differ between a results table and the logs beyond ` +
          'the table’s precision; the logs’ values are kept and both numbers are listed here ' +
          'and in each result’s notes.'
      )
      for (const d of disagreements) report.notes.push(`${d.result}: ${d.note}`)
    }
    // The full-text indexes follow each committed row by trigger (migration 0091).
    if (wroteAny || wroteTraining) {
      // Fresh statistics keep the planner on the right index after a large import; optional, so
      // a busy or full database does not fail an import whose results are all written.
      try {
        db.pragma('optimize')
      } catch {
        // the next import tries again
      }
    }
    report.status = signal.aborted ? 'cancelled' : 'done'
    if (!signal.aborted && report.resultsFound === 0) {
      report.status = 'failed'
      report.error = 'Nothing could be read: no result was found in ' + paths.join(', ')
    }
  } catch (e) {
    // A database fault (read-only, disk full, locked for too long) or a scan that stopped on
    // cancel: keep what can still be written, and end the job with the reason in words.
    try {
      flush()
      flushTraining()
    } catch {
      // The same fault again: what the earlier batches committed stays.
    }
    report.status = signal.aborted ? 'cancelled' : 'failed'
    if (!signal.aborted) report.error = describeDbError(e) ?? errorText(e)
  }
  // Every file refused (not a regular file, too big, a link out of the chosen folders) once.
  for (const [p, reason] of scope.problems) skip(p, reason)
  if (guarded.changed.length > 0) report.notes.push(...changeNotes(guarded.changed))
  report.finishedAt = new Date().toISOString()
  report.sources = tally.rows()
  report.totalItems = totalItems
  currentPath = null
  phase = 'done'
  if (importId !== null) {
    try {
      saveImport(db, report)
    } catch (e) {
      // The report still reaches the window and the CLI; only the history misses it.
      const why = describeDbError(e) ?? errorText(e)
      report.notes.push(`This report could not be saved in the import history: ${why}`)
    }
  }
  emit(true)
  events.finished?.(report)
  return report
}
