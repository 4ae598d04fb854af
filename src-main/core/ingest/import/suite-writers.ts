/**
 * The import job's two batch writers, one per suite: the same BatchWriter over each suite's
 * repository, reporting into the job's counts. Training sets carry their runs' eval series,
 * so they go in smaller batches than inference results.
 */
import type { Origin } from '../../../shared/catalogue'
import type { InferenceResultRecord } from '../../../shared/inference'
import type { TrainingResultRecord } from '../../../shared/training'
import type { WritableDb } from '../../db/types'
import { fillInferenceSummaryGaps, upsertInferenceResults } from '../../repo/inference-results'
import { fillTrainingSummaryGaps, upsertTrainingResults } from '../../repo/training-results'
import type { FileScope } from '../file-safety'
import { tally as tallyGuard } from '../import-checks'
import { guardInference, guardTraining } from '../stored-guard'
import { BatchWriter } from './batch-writer'
import type { SuiteStore, WriteSink, WriteTarget } from './batch-writer'
import type { ImportState, Owner } from './import-state'

/** Results written per transaction: small enough to keep the event loop responsive. */
export const INFERENCE_BATCH = 200
/** Training sets per transaction: each carries its runs' eval series. */
export const TRAINING_BATCH = 50

const INFERENCE: SuiteStore<InferenceResultRecord> = {
  guard: guardInference,
  upsert: upsertInferenceResults,
  fillGaps: fillInferenceSummaryGaps
}

const TRAINING: SuiteStore<TrainingResultRecord> = {
  guard: guardTraining,
  upsert: upsertTrainingResults,
  fillGaps: fillTrainingSummaryGaps
}

export type Writers = {
  inference: BatchWriter<InferenceResultRecord, Owner>
  training: BatchWriter<TrainingResultRecord, Owner>
}

export function createWriters(
  db: WritableDb,
  scope: FileScope,
  state: ImportState,
  origin: Origin
): Writers {
  const target: WriteTarget = {
    db,
    problems: scope.problems,
    importId: () => state.importId,
    origin
  }
  const sink: WriteSink<Owner> = {
    guarded: (g) => tallyGuard(state.guarded, g, state.report),
    written: (owner, c) => state.written(owner, c),
    filled: (n) => (state.totals.filledFromCopies += n)
  }
  const first = state.tally.owner()
  return {
    inference: new BatchWriter(INFERENCE, target, sink, INFERENCE_BATCH, first),
    training: new BatchWriter(TRAINING, target, sink, TRAINING_BATCH, first)
  }
}

/** Writes what both writers hold (inference first, as the records were planned). */
export function flushAll(writers: Writers): void {
  writers.inference.flush()
  writers.training.flush()
}
