/**
 * LoadGen's verdict on a performance run (rules A.8; loadgen/results.cc
 * `PerformanceSummary::PerfConstraintsMet`, `MinDurationMet`, `EarlyStopping` and the
 * "Recommendations:" block): which rules a run met, and the words LoadGen prints for each one
 * it missed. Kept apart from the statistics so each rule can be read (and tested) on its own.
 */
import type { EffectiveSettings } from './config'
import type { EarlyStoppingOutcome } from './early-stopping'
import { earlyStoppingLatency, earlyStoppingServer } from './early-stopping'
import { percentileOfSorted } from './stats'

/** When the last recorded query was scheduled and issued, and the longest sample latency, ns. */
export type RunSpan = { finalScheduledNs: number; finalIssuedNs: number; maxLatencyNs: number }

/**
 * Whether the run lasted min_duration, measured as LoadGen measures each scenario: Offline by
 * its longest sample latency (one query, issued at 0), Server by the last scheduled time (a
 * late issue must not lengthen a run), SingleStream and MultiStream by the last issue time.
 */
export function minDurationMet(s: EffectiveSettings, span: RunSpan): boolean {
  const minDurS = s.minDurationMs / 1000
  switch (s.scenario) {
    case 'Offline':
      return span.maxLatencyNs / 1e9 >= minDurS
    case 'Server':
      return span.finalScheduledNs / 1e9 >= minDurS
    default:
      return span.finalIssuedNs / 1e9 >= minDurS
  }
}

/** The latency rules of a scenario; null where the scenario has none. */
export type LatencyConstraints = {
  /** Server: samples over the target latency. */
  overLatencyCount: number | null
  /** Server: the target percentile of sample latency is within the bound. */
  perfConstraintsMet: boolean | null
  /** Null for Offline (no early stopping). */
  earlyStopping: EarlyStoppingOutcome | null
}

/**
 * Server counts over-latency samples and judges early stopping on them; SingleStream judges
 * early stopping on sample latencies, MultiStream on query latencies; Offline has no latency
 * rule. `sampleLatencies` in record order, the sorted arrays ascending.
 */
export function latencyConstraints(
  s: EffectiveSettings,
  lat: {
    sampleLatencies: Float64Array
    sortedSamples: Float64Array
    /** MultiStream only: per-query latencies. */
    sortedQueries: Float64Array | null
  },
  queryCount: number,
  labelDecimals: 0 | 1
): LatencyConstraints {
  const p = s.targetLatencyPercentile
  switch (s.scenario) {
    case 'Server': {
      let over = 0
      const sl = lat.sampleLatencies
      for (let i = 0; i < sl.length; i++) if (sl[i]! > s.targetLatencyNs) over++
      return {
        overLatencyCount: over,
        perfConstraintsMet: percentileOfSorted(lat.sortedSamples, p) <= s.targetLatencyNs,
        earlyStopping: earlyStoppingServer(over, queryCount, p)
      }
    }
    case 'SingleStream':
      return {
        overLatencyCount: null,
        perfConstraintsMet: null,
        earlyStopping: earlyStoppingLatency(
          'SingleStream',
          lat.sortedSamples,
          queryCount,
          p,
          labelDecimals
        )
      }
    case 'MultiStream':
      return {
        overLatencyCount: null,
        perfConstraintsMet: null,
        earlyStopping: earlyStoppingLatency(
          'MultiStream',
          lat.sortedQueries!,
          queryCount,
          p,
          labelDecimals
        )
      }
    case 'Offline':
      return { overLatencyCount: null, perfConstraintsMet: null, earlyStopping: null }
  }
}

/** The recommendation LoadGen prints when min duration was missed. */
export function minDurationRecommendation(scenario: EffectiveSettings['scenario']): string {
  switch (scenario) {
    case 'SingleStream':
    case 'MultiStream':
      return 'Decrease the expected latency so the loadgen pre-generates more queries.'
    case 'Server':
      return 'Increase the target QPS so the loadgen pre-generates more queries.'
    case 'Offline':
      return 'Increase expected QPS so the loadgen pre-generates a larger (coalesced) query.'
  }
}

const MIN_QUERIES_RECOMMENDATION =
  'The test exited early, before enough queries were issued.\n   See the detailed log for why this may have occurred.'
const PERF_RECOMMENDATION = 'Reduce target QPS to improve latency.'

/**
 * The summary's "Recommendations:" lines (without the leading " * ") and the detail log's
 * `result_invalid_reason`, in LoadGen's order. The reason repeats each recommendation with a
 * trailing space, except the min-queries one, which LoadGen shortens to its first sentence.
 */
export function recommendations(
  scenario: EffectiveSettings['scenario'],
  met: { perfConstraintsMet: boolean | null; minDurationMet: boolean; minQueriesMet: boolean }
): { recommendations: string[]; invalidReason: string } {
  const lines: string[] = []
  let invalidReason = ''
  if (met.perfConstraintsMet === false) {
    lines.push(PERF_RECOMMENDATION)
    invalidReason += PERF_RECOMMENDATION + ' '
  }
  if (!met.minDurationMet) {
    lines.push(minDurationRecommendation(scenario))
    invalidReason += minDurationRecommendation(scenario) + ' '
  }
  if (!met.minQueriesMet) {
    lines.push(MIN_QUERIES_RECOMMENDATION)
    invalidReason += 'The test exited early, before enough queries were issued.'
  }
  return { recommendations: lines, invalidReason }
}
