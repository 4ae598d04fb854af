/**
 * How each kind of planned work is read: result folders and training sets several at a time,
 * a training log alone, a summary file as training or inference by its content. Each reader
 * hands what it read to the record intake and counts one item per source read.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { withoutFileContent } from '../error-text'
import { createReadContext, readInferenceResult } from '../inference'
import type { ReadContext } from '../inference'
import { mapOrdered } from '../map-ordered'
import { readSummaryFile } from '../summaries'
import { createTrainingReadContext, readTrainingResultSet } from '../training'
import type { TrainingReadContext, TrainingSummaryResult } from '../training'
import { readTrainingLogFile, readTrainingSummaryIfAny } from '../training-import'
import { plannedSuite } from './import-plan'
import type { ImportState } from './import-state'
import type { Work } from './import-types'
import type { RecordIntake } from './record-intake'

/** Result folders read at once: overlaps disk waits without holding many logs in memory. */
const READ_CONCURRENCY = 4
/** Longest stretch of parsing between two turns of the event loop (keeps the window responsive). */
const SLICE_MS = 16

/** Gives the event loop a turn once parsing has held it for SLICE_MS. */
export class Slicer {
  #start = performance.now()

  async maybeYield(): Promise<void> {
    if (performance.now() - this.#start <= SLICE_MS) return
    await yieldToLoop()
    this.#start = performance.now()
  }
}

/** What every reader needs: the job, where records go, and the parsers' shared caches. */
export type Readers = {
  state: ImportState
  intake: RecordIntake
  signal: AbortSignal
  /** Round of results whose path names none (ImportOptions.round). */
  round: string | null
  ctx: ReadContext
  trainingCtx: TrainingReadContext
  slicer: Slicer
}

export function createReaders(
  state: ImportState,
  intake: RecordIntake,
  signal: AbortSignal,
  round: string | null
): Readers {
  const ctx = createReadContext(round)
  const trainingCtx = createTrainingReadContext()
  return { state, intake, signal, round, ctx, trainingCtx, slicer: new Slicer() }
}

type Of<K extends Work['kind']> = Extract<Work, { kind: K }>

/** A result_*.txt named on its own: a one-run set. */
export async function readTrainingLog(r: Readers, w: Of<'training-log'>): Promise<void> {
  r.state.currentPath = w.file
  r.intake.trainingRead(await readTrainingLogFile(w.file, r.trainingCtx, r.round))
  r.state.itemDone()
}

/** A folder's training sets, several read at once, handed over in order. */
export async function readTrainingSets(r: Readers, w: Of<'training'>): Promise<void> {
  const read = (loc: Of<'training'>['sets'][number]) =>
    readTrainingResultSet(loc, r.trainingCtx, { round: r.round })
  for await (const res of mapOrdered(w.sets, READ_CONCURRENCY, read, r.signal)) {
    if (r.signal.aborted) break
    r.state.currentPath = 'record' in res ? res.record.source : res.skipped.path
    r.intake.trainingRead(res)
    r.state.itemDone()
    await r.slicer.maybeYield()
  }
}

/** A folder's inference result folders, several read at once, handed over in order. */
export async function readTree(r: Readers, w: Of<'tree'>): Promise<void> {
  const read = (loc: Of<'tree'>['locations'][number]) => readInferenceResult(loc, r.ctx)
  for await (const res of mapOrdered(w.locations, READ_CONCURRENCY, read, r.signal)) {
    if (r.signal.aborted) break
    r.state.currentPath = 'record' in res ? res.record.source : res.skipped.path
    r.intake.inferenceRead(res)
    r.state.itemDone()
    await r.slicer.maybeYield()
  }
}

/** Moves a summary file's planned item to the suite its content turned out to be. */
function refile(r: Readers, w: Of<'summary'>, suite: 'inference' | 'training'): void {
  if (plannedSuite(w) === suite) return
  const other = suite === 'training' ? 'inference' : 'training'
  r.state.tally.planned(w.owner, other, -1)
  r.state.tally.planned(w.owner, suite, 1)
  r.state.tally.at(w.owner, suite)
}

/** A training summary's rows; some of the parser's remarks name only a row: say which file. */
function takeTrainingSummary(r: Readers, w: Of<'summary'>, res: TrainingSummaryResult): void {
  // Filed under training (planned by its name as inference unless it said training).
  refile(r, w, 'training')
  r.state.report.filesRead++
  r.state.found(res.records.length)
  for (const s of res.skipped) r.state.skip(s.path, s.reason)
  const file = w.file
  r.state.report.notes.push(...res.notes.map((n) => (n.includes(file) ? n : `${file}: ${n}`)))
  for (const rec of res.records) r.intake.training(rec)
}

/** An inference summary's rows; a file that cannot be read is skipped with the reason. */
async function readInferenceSummary(r: Readers, w: Of<'summary'>): Promise<void> {
  refile(r, w, 'inference')
  try {
    const res = await readSummaryFile(w.file)
    r.state.report.filesRead++
    r.state.found(res.records.length)
    for (const s of res.skipped) r.state.skip(s.path, s.reason)
    r.state.report.notes.push(...res.notes)
    for (const rec of res.records) r.intake.inference(rec)
  } catch (e) {
    r.state.skip(w.file, withoutFileContent(e))
  }
}

/** A summary file: training when its content says so, else inference. */
export async function readSummary(r: Readers, w: Of<'summary'>): Promise<void> {
  r.state.currentPath = w.file
  let training: TrainingSummaryResult | null
  try {
    training = await readTrainingSummaryIfAny(w.file)
  } catch (e) {
    r.state.skip(w.file, withoutFileContent(e))
    r.state.itemDone()
    return
  }
  if (training !== null) takeTrainingSummary(r, w, training)
  else await readInferenceSummary(r, w)
  r.state.itemDone()
}
