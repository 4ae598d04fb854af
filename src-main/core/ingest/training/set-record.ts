/**
 * The TrainingResultRecord of a read and scored result set. Each field says where it comes
 * from: the system description first, then the logs' submission_* records, then the folders;
 * "unknown" only when none of them says.
 */
import type { TrainingResultRecord, TrainingRun, TrainingRunDetail } from '../../../shared/training'
import { TRAINING_ENERGY_UNIT } from '../../../mlperf'
import type { TargetSpec } from '../../../mlperf'
import type { ParsedTrainingLog } from './parse-log'
import type { TrainingScore } from './score'
import type { TrainingSystemInfo } from './system-info'
import { normaliseAvailability } from './system-info'
import type { TrainingSetLocation } from './tree-scan'

/** Everything the record is made from. */
export type SetRecordParts = {
  loc: TrainingSetLocation
  round: string | null
  benchmark: string
  runs: readonly TrainingRun[]
  /** The first log that parsed (its submission_* records fill what the system does not). */
  first: ParsedTrainingLog | undefined
  sys: TrainingSystemInfo | null
  target: TargetSpec | null
  score: TrainingScore
  scalingFactor: number
  energy: number | null
  notes: string[]
}

/** Each run as the record's detail shows it, with its role in the score. */
export function runDetails(
  runs: readonly TrainingRun[],
  score: TrainingScore
): TrainingRunDetail[] {
  return runs.map((r) => ({
    file: r.file,
    status: r.status,
    minutes: r.minutes,
    converged: r.converged,
    reason: r.reason,
    role: score.roles[r.file] ?? 'failed',
    evals: r.evals,
    runFinalMs: r.runFinalMs
  }))
}

/**
 * Who submitted: v0.5 names the org by its folder; later rounds by the system description,
 * else the submitter folder; then the logs' submission_org.
 */
export function setSubmitter(
  loc: TrainingSetLocation,
  sys: TrainingSystemInfo | null,
  first: ParsedTrainingLog | undefined
): string {
  return (
    (loc.layout === 'v0.5' ? loc.submitter : (sys?.submitter ?? loc.submitter)) ??
    first?.org ??
    'unknown'
  )
}

export function buildTrainingRecord(p: SetRecordParts): TrainingResultRecord {
  const { loc, sys, first, score, runs, scalingFactor, energy, target } = p
  return {
    round: p.round ?? 'unknown',
    division: sys?.division ?? first?.division?.toLowerCase() ?? 'unknown',
    category: sys?.category ?? normaliseAvailability(first?.submissionStatus ?? null),
    submitter: setSubmitter(loc, sys, first),
    systemId: loc.systemId,
    systemName: sys?.systemName ?? first?.platform ?? null,
    accelerator: sys?.accelerator ?? null,
    acceleratorsTotal: sys?.acceleratorsTotal ?? null,
    nodes: sys?.nodes ?? null,
    framework: sys?.framework ?? null,
    benchmark: p.benchmark,
    runs: runs.length,
    value: score.value,
    unit: 'minutes',
    scalingFactor,
    flags: {
      abortedRuns: runs.filter((r) => r.status === 'aborted').length,
      rcpNormalised: scalingFactor !== 1
    },
    valid: score.valid,
    ...(energy === null ? {} : { energyValue: energy, energyUnit: TRAINING_ENERGY_UNIT }),
    source: loc.dir,
    sourceKind: 'tree',
    detail: {
      system: sys?.fields ?? {},
      runs: runDetails(runs, score),
      notes: p.notes,
      invalidReason: score.valid ? null : score.reason,
      target: target?.target ?? null,
      direction: target?.direction ?? null,
      runsRequired: score.runsRequired,
      unscaledValue: score.unscaled,
      detailsUrl: null
    }
  }
}
