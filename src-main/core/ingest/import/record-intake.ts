/**
 * Where every record read in a job goes before it is written: the checks that need the whole
 * job's view (a summary row repeating one already read, two tree folders mapping to one result,
 * a round newer than this version knows) and the hand-over to the suite's batch writer.
 */
import type { InferenceResultRecord } from '../../../shared/inference'
import type { TrainingResultRecord } from '../../../shared/training'
import { sameResultReason, scenarioMismatchNote } from '../import-checks'
import type { ReadResult } from '../inference'
import { withoutValueInvalid } from '../stored-guard'
import type { TrainingReadResult } from '../training'
import { trainingRecordKey, trainingRunNotes } from '../training-import'
import type { BatchWriter } from './batch-writer'
import type { ImportState, Owner } from './import-state'
import type { Writers } from './suite-writers'

/** The table's unique key of an inference result. */
export function inferenceRecordKey(r: InferenceResultRecord): string {
  return [r.round, r.division, r.submitter, r.systemId, r.benchmark, r.scenario].join('\u0000')
}

export class RecordIntake {
  /** Inference results read in this job, by key, with where they came from. */
  readonly #inferenceSeen = new Map<string, InferenceResultRecord['sourceKind']>()
  /** Which tree folder each result of this job came from: two folders must not map to one. */
  readonly #treeSources = new Map<string, string>()
  /** Training results read in this job, by key, with where they came from. */
  readonly #trainingSeen = new Map<string, TrainingResultRecord['sourceKind']>()

  constructor(
    private readonly state: ImportState,
    private readonly writers: Writers
  ) {}

  /** One result folder's outcome: a record, or a skip with its reason. */
  inferenceRead(res: ReadResult): void {
    this.state.report.filesRead += res.filesRead
    if ('record' in res) {
      this.state.found()
      this.inference(res.record)
    } else {
      this.state.skip(res.skipped.path, res.skipped.reason)
    }
  }

  /** One training set's (or log's) outcome: a record with its runs' remarks, or a skip. */
  trainingRead(res: TrainingReadResult): void {
    this.state.report.filesRead += res.filesRead
    if ('record' in res) {
      this.state.found()
      this.state.report.notes.push(...trainingRunNotes(res.record))
      this.state.undecidedRounds.add(res.record.source, res.record.round)
      this.training(res.record)
    } else {
      this.state.skip(res.skipped.path, res.skipped.reason)
    }
  }

  inference(read: InferenceResultRecord): void {
    const rec = withoutValueInvalid(read)
    const key = inferenceRecordKey(rec)
    // Official summaries overlap (the v4.1 table, its CM export, per-submitter CSVs): the first
    // copy read in a job is kept, so a re-import finds it unchanged instead of flipping
    // between copies that render a field differently.
    if (rec.sourceKind === 'summary' && this.#inferenceSeen.get(key) === 'summary') {
      this.state.unchangedCopy()
      this.writers.inference.addCopy(rec)
      return
    }
    if (rec.sourceKind === 'tree' && !this.#firstTreeFolder(rec, key)) return
    if (this.#inferenceSeen.get(key) !== 'tree') this.#inferenceSeen.set(key, rec.sourceKind)
    this.state.newerRounds.add('inference', rec.round)
    this.#queue(this.writers.inference, rec)
  }

  training(read: TrainingResultRecord): void {
    const rec = withoutValueInvalid(read)
    const key = trainingRecordKey(rec)
    // The CM export repeats a row in several experiments: the first copy read is kept, so a
    // re-import finds it unchanged instead of flipping between copies.
    if (rec.sourceKind === 'summary' && this.#trainingSeen.get(key) === 'summary') {
      this.state.unchangedCopy()
      this.writers.training.addCopy(rec)
      return
    }
    if (this.#trainingSeen.get(key) !== 'tree') this.#trainingSeen.set(key, rec.sourceKind)
    this.state.newerRounds.add('training', rec.round)
    this.#queue(this.writers.training, rec)
  }

  /**
   * Whether a tree result is the first folder of this job with its key (a second one is
   * skipped with the first's path); notes a folder naming another scenario than the log.
   */
  #firstTreeFolder(rec: InferenceResultRecord, key: string): boolean {
    const first = this.#treeSources.get(key)
    if (first !== undefined && first !== rec.source) {
      this.state.skip(rec.source, sameResultReason(rec, first))
      return false
    }
    this.#treeSources.set(key, rec.source)
    const mismatch = scenarioMismatchNote(rec)
    if (mismatch !== null) this.state.report.notes.push(mismatch)
    return true
  }

  /** Hands a record to its writer; a full batch is written at once. */
  #queue<R>(writer: BatchWriter<R, Owner>, rec: R): void {
    if (!writer.add(rec, this.state.tally.owner())) return
    this.state.phase = 'writing'
    writer.flush()
    this.state.phase = 'parsing'
  }
}
