/**
 * A performance run's statistics in the shared RunSummary shape the UI, the CLI and the
 * run store read: LoadGen's summary (performance-summary.ts) plus what only the runner knows,
 * such as samples issued but never completed and how late the issue loop woke up.
 */
import type { RunSummary } from '../../shared/local-run'
import type { PerformanceSummary } from '../loadgen/performance-summary'
import { officialResult } from '../loadgen/performance-summary'
import type { LoopOutcome } from '../loadgen/run-loop'
import type { RunRecord } from '../loadgen/run-record'
import { percentileOfSorted } from '../loadgen/stats'

/** Time of the last completion among samples `from`… (one loadable set), ns from its start. */
export function lastCompletion(rec: RunRecord, from = 0): number {
  let end = 0
  for (let s = from; s < rec.sampleCount; s++)
    if (rec.sCompleted[s]! > end) end = rec.sCompleted[s]!
  return end
}

/** p99 of how late the run loop issued queries (0 when nothing was measured). */
export function jitterP99(outcome: LoopOutcome | null): number {
  if (!outcome || outcome.jitterCount === 0) return 0
  const j = outcome.jitterNs.slice(0, outcome.jitterCount).sort()
  return Math.max(0, percentileOfSorted(j, 0.99))
}

/**
 * What the headline number is. A latency scenario without an early-stopping estimate shows
 * the measured percentile and says why it is not an official result.
 */
export function resultLabel(ps: PerformanceSummary): string {
  const s = ps.settings
  if (s.scenario === 'Server') return 'Completed samples per second'
  if (s.scenario === 'Offline') return 'Samples per second'
  const pct = (s.targetLatencyPercentile * 100).toLocaleString('en-US', {
    maximumFractionDigits: 1
  })
  return ps.earlyStopping?.estimate != null
    ? `${pct}th percentile latency (early stopping estimate)`
    : `${pct}th percentile latency (measured; too few queries for an early-stopping estimate, so no official result)`
}

/** Statistics of a performance run in the shared RunSummary shape. */
export function toRunSummary(
  ps: PerformanceSummary,
  rec: RunRecord,
  jitterP99: number
): RunSummary {
  const s = ps.settings
  const latency = s.scenario === 'SingleStream' || s.scenario === 'MultiStream'
  return {
    scenario: s.scenario,
    mode: s.mode,
    result: officialResult(ps),
    resultLabel: resultLabel(ps),
    resultUnit: latency ? 'ns' : 'samples/s',
    validity: ps.valid ? 'VALID' : 'INVALID',
    queryCount: ps.queryCount,
    sampleCount: ps.sampleCount,
    incompleteSamples: rec.sampleCount - rec.completedSamples,
    durationNs: lastCompletion(rec),
    minLatencyNs: ps.sample.min,
    maxLatencyNs: ps.sample.max,
    meanLatencyNs: ps.sample.mean,
    percentilesNs: ps.sample.percentiles,
    targetPercentile: s.targetLatencyPercentile * 100,
    targetPercentileLatencyNs: ps.targetPercentileLatency,
    earlyStoppingEstimateNs: ps.earlyStopping?.estimate ?? null,
    earlyStoppingP99EstimateNs: ps.earlyStopping?.estimateP99 ?? null,
    qpsWithLoadgenOverhead: ps.qpsWithLoadgenOverhead,
    qpsWithoutLoadgenOverhead: ps.qpsWithoutLoadgenOverhead,
    scheduledSamplesPerSecond: ps.scheduledSamplesPerSecond,
    completedSamplesPerSecond: ps.completedSamplesPerSecond,
    samplesPerSecond: ps.samplesPerSecond,
    overLatencyCount: ps.overLatencyCount,
    perQuery: ps.perQuery
      ? {
          minNs: ps.perQuery.min,
          maxNs: ps.perQuery.max,
          meanNs: ps.perQuery.mean,
          percentilesNs: ps.perQuery.percentiles
        }
      : null,
    issueJitterP99Ns: jitterP99
  }
}
