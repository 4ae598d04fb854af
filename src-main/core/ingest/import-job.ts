import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import type { ImportProgress, ImportReport } from '../../shared/api'
import type { InferenceResultRecord } from '../../shared/inference'
import type { TrainingResultRecord } from '../../shared/training'
import { describeDbError } from '../db/db-errors'
import type { WritableDb } from '../db/types'
import { insertImport, saveImport } from '../repo/imports'
import { upsertInferenceResults } from '../repo/inference-results'
import { upsertTrainingResults } from '../repo/training-results'
import { createReadContext, readInferenceResult, scanInferenceTree } from './inference'
import type { ResultLocation } from './inference'
import { createDirLister } from './dir-listing'
import { findSummaryFiles } from './find-summary-files'
import { withoutFileContent } from './error-text'
import type { FileScope } from './file-safety'
import { kindOf, withFileScope } from './file-safety'
import { mapOrdered } from './map-ordered'
import {
  changeNotes,
  newGuardTally,
  sameResultReason,
  scenarioMismatchNote,
  tally
} from './import-checks'
import { guardInference, guardTraining, withoutValueInvalid } from './stored-guard'
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

type Work =
  | { kind: 'tree'; root: string; locations: ResultLocation[] }
  | { kind: 'summary'; file: string }
  | { kind: 'training'; root: string; sets: TrainingSetLocation[] }
  | { kind: 'training-log'; file: string }

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
  jobId: string = randomUUID()
): Promise<ImportReport> {
  // Files are read only inside the chosen paths, and every refused file is remembered for the
  // report and for the stored-row guard (file-safety.ts, stored-guard.ts).
  return withFileScope(paths, (scope) => importInScope(scope, db, paths, events, signal, jobId))
}

async function importInScope(
  scope: FileScope,
  db: WritableDb,
  paths: readonly string[],
  events: Partial<ImportEvents>,
  signal: AbortSignal,
  jobId: string
): Promise<ImportReport> {
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
    error: null
  }
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
  }
  let pending: InferenceResultRecord[] = []
  let wroteAny = false
  let kept = 0
  let repeatedSummaryRows = 0
  const guarded = newGuardTally()
  const flush = (): void => {
    if (pending.length === 0) return
    const g = guardInference(db, pending, scope.problems)
    tally(guarded, g, report)
    const c = upsertInferenceResults(db, g.write, importId)
    report.imported += c.imported
    report.updated += c.updated
    report.unchanged += c.unchanged + c.kept
    kept += c.kept
    pending = []
    wroteAny = true
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
    pending.push(rec)
    if (pending.length >= BATCH) {
      phase = 'writing'
      flush()
      phase = 'parsing'
    }
  }
  let pendingTraining: TrainingResultRecord[] = []
  let wroteTraining = false
  /** Training results read in this job, by key, with where they came from. */
  const trainingSeen = new Map<string, TrainingResultRecord['sourceKind']>()
  const flushTraining = (): void => {
    if (pendingTraining.length === 0) return
    const g = guardTraining(db, pendingTraining, scope.problems)
    tally(guarded, g, report)
    const c = upsertTrainingResults(db, g.write, importId)
    report.imported += c.imported
    report.updated += c.updated
    report.unchanged += c.unchanged + c.kept
    kept += c.kept
    pendingTraining = []
    wroteTraining = true
  }
  const addTraining = (read: TrainingResultRecord): void => {
    const rec = withoutValueInvalid(read)
    const key = trainingRecordKey(rec)
    // The CM export repeats a row in several experiments: the first copy read is kept, so a
    // re-import finds it unchanged instead of flipping between copies.
    if (rec.sourceKind === 'summary' && trainingSeen.get(key) === 'summary') {
      repeatedSummaryRows++
      report.unchanged++
      return
    }
    if (trainingSeen.get(key) !== 'tree') trainingSeen.set(key, rec.sourceKind)
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
      report.notes.push(...trainingRunNotes(res.record))
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
        if (isResultFileName(basename(p))) work.push({ kind: 'training-log', file: p })
        else if (isSummaryFileName(p) || isTrainingSummaryFileName(p))
          work.push({ kind: 'summary', file: p })
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
      for (const s of training.skipped) skip(s.path, s.reason)
      if (scan.locations.length > 0) {
        work.push({ kind: 'tree', root: p, locations: scan.locations })
      }
      if (training.sets.length > 0) work.push({ kind: 'training', root: p, sets: training.sets })
      if (scan.locations.length === 0 && training.sets.length === 0) {
        // A folder with no result folders may hold official summary files (e.g. a
        // cm4mlperf-results checkout): import those instead.
        const files = await findSummaryFiles(p, signal)
        if (files.length === 0 && scan.skipped.length === 0 && training.skipped.length === 0) {
          skip(
            p,
            'No MLPerf results found: no results/<system>/<benchmark>/<scenario>/performance folders, no training result_*.txt logs and no summary files'
          )
        }
        for (const f of files) work.push({ kind: 'summary', file: f })
      }
    }
    totalItems = work.reduce((n, w) => n + itemCount(w), 0)
    phase = 'parsing'
    emit(true)

    const ctx = createReadContext()
    const trainingCtx = createTrainingReadContext()
    let sliceStart = performance.now()
    for (const w of work) {
      if (signal.aborted) break
      if (w.kind === 'training-log') {
        currentPath = w.file
        takeTrainingRead(await readTrainingLogFile(w.file, trainingCtx))
        emit()
        continue
      }
      if (w.kind === 'training') {
        const reads = mapOrdered(
          w.sets,
          READ_CONCURRENCY,
          (loc) => readTrainingResultSet(loc, trainingCtx),
          signal
        )
        for await (const res of reads) {
          if (signal.aborted) break
          currentPath = 'record' in res ? res.record.source : res.skipped.path
          takeTrainingRead(res)
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
          emit()
          continue
        }
        if (trainingSummary !== null) {
          report.filesRead++
          report.resultsFound += trainingSummary.records.length
          for (const s of trainingSummary.skipped) skip(s.path, s.reason)
          // Some of the parser's remarks name only a row: say which file.
          const file = w.file
          report.notes.push(
            ...trainingSummary.notes.map((n) => (n.includes(file) ? n : `${file}: ${n}`))
          )
          for (const rec of trainingSummary.records) addTraining(rec)
          emit()
          continue
        }
        try {
          const res = await readSummaryFile(w.file)
          report.filesRead++
          report.resultsFound += res.records.length
          for (const s of res.skipped) skip(s.path, s.reason)
          report.notes.push(...res.notes)
          for (const rec of res.records) addInference(rec)
        } catch (e) {
          skip(w.file, withoutFileContent(e))
        }
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
          addInference(res.record)
        } else {
          skip(res.skipped.path, res.skipped.reason)
        }
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
    if (repeatedSummaryRows > 0) {
      report.notes.push(
        `${repeatedSummaryRows} summary row(s) repeat a result already read from another summary file in this import; the first copy was kept.`
      )
    }
    if (kept > 0) {
      report.notes.push(
        `${kept} summary row(s) matched results already imported from submission trees; ` +
          'the tree results (read from the logs) were kept.'
      )
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
