import type { ThresholdDefaults } from '../../shared/api'
import type { TargetSpec } from '../../mlperf'
import { isKnownRound, trainingTarget } from '../../mlperf'
import { defaultThresholds } from '../ingest/training/default-thresholds'

/** The target of a benchmark in a round; a round the table does not know means "latest". */
export function targetFor(round: string, benchmark: string): TargetSpec | null {
  return trainingTarget(isKnownRound('training', round) ? round : null, benchmark)
}

/**
 * The default threshold ladder of the time-to-multiple-thresholds view (targets.ts: from a level
 * every healthy run passes up to the target). An unknown benchmark has no target and no ladder.
 */
export function thresholdDefaults(benchmark: string, round: string): ThresholdDefaults {
  const spec = targetFor(round, benchmark)
  if (spec === null) return { target: null, direction: null, metricLabel: '', thresholds: [] }
  return {
    target: spec.target,
    direction: spec.direction,
    metricLabel: spec.metricName,
    thresholds: defaultThresholds(spec)
  }
}
