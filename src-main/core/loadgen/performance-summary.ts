/**
 * LoadGen's end-of-run results for a performance run (rules A.6–A.8): statistics, throughput
 * formulas, early stopping and the validity verdict, in one plain object the summary and
 * detail writers print and the UI shows.
 */
import type { EffectiveSettings } from './config'
import type { EarlyStoppingOutcome } from './early-stopping'
import { latencyConstraints, minDurationMet, recommendations } from './performance-verdict'
import type { RunRecord } from './run-record'
import type { LatencyStats } from './stats'
import { latencyStats, percentileOfSorted } from './stats'

export type LatencyBlock = {
  min: number
  max: number
  /** Truncating integer mean. */
  mean: number
  /** '50.00' … '99.90' → ns. */
  percentiles: Record<string, number>
}

export type PerformanceSummary = {
  settings: EffectiveSettings
  sampleCount: number
  queryCount: number
  /** Latency at the target percentile: per sample (SS/Server/Offline) or per query (MS). */
  targetPercentileLatency: number
  sample: LatencyBlock
  perQuery: LatencyBlock | null
  /** Seconds from the start. */
  finalQueryScheduledS: number
  finalQueryIssuedS: number
  finalQueryAllSamplesDoneS: number
  maxLatencyS: number
  qpsWithLoadgenOverhead: number | null
  qpsWithoutLoadgenOverhead: number | null
  scheduledSamplesPerSecond: number | null
  completedSamplesPerSecond: number | null
  samplesPerSecond: number | null
  overLatencyCount: number | null
  minDurationMet: boolean
  minQueriesMet: boolean
  /** Server only. */
  perfConstraintsMet: boolean | null
  /** Null for Offline (no early stopping). */
  earlyStopping: EarlyStoppingOutcome | null
  valid: boolean
  /** Summary "Recommendations:" lines without the leading " * ". */
  recommendations: string[]
  /** Detail `result_invalid_reason`. */
  invalidReason: string
}

const EMPTY_BLOCK: LatencyBlock = {
  min: 0,
  max: 0,
  mean: 0,
  percentiles: { '50.00': 0, '90.00': 0, '95.00': 0, '97.00': 0, '99.00': 0, '99.90': 0 }
}

/** The printed block of a latency distribution; all zeros when nothing completed. */
export function latencyBlock(st: LatencyStats): LatencyBlock {
  return st.count > 0
    ? { min: st.min, max: st.max, mean: st.mean, percentiles: st.percentiles }
    : EMPTY_BLOCK
}

/**
 * When the final issued query (the last one recorded) was scheduled, issued and fully done,
 * ns from the start. A final query that never completed counts as done at its scheduled time
 * plus the longest sample latency.
 */
export function finalQueryTimes(
  rec: RunRecord,
  maxLatencyNs: number
): { scheduledNs: number; issuedNs: number; doneNs: number } {
  const last = rec.queryCount - 1
  const scheduledNs = last >= 0 ? rec.qScheduled[last]! : 0
  const issuedNs = last >= 0 ? rec.qIssued[last]! : 0
  const doneNs =
    last >= 0 && rec.qCompleted[last]! >= 0 ? rec.qCompleted[last]! : maxLatencyNs + scheduledNs
  return { scheduledNs, issuedNs, doneNs }
}

type Throughputs = Pick<
  PerformanceSummary,
  | 'qpsWithLoadgenOverhead'
  | 'qpsWithoutLoadgenOverhead'
  | 'scheduledSamplesPerSecond'
  | 'completedSamplesPerSecond'
  | 'samplesPerSecond'
>

/**
 * The throughput figures each scenario reports (rules A.7), null where a scenario has none.
 * SingleStream and Server divide n − 1 samples by the time of the final query, as results.cc does.
 */
export function throughputs(
  scenario: EffectiveSettings['scenario'],
  sampleCount: number,
  times: { issuedNs: number; scheduledNs: number; doneNs: number },
  latency: { meanNs: number; maxNs: number }
): Throughputs {
  const n = sampleCount
  const toS = (ns: number): number => ns / 1e9
  return {
    qpsWithLoadgenOverhead: scenario === 'SingleStream' ? (n - 1) / toS(times.issuedNs) : null,
    qpsWithoutLoadgenOverhead: scenario === 'SingleStream' ? 1 / toS(latency.meanNs) : null,
    scheduledSamplesPerSecond: scenario === 'Server' ? (n - 1) / toS(times.scheduledNs) : null,
    completedSamplesPerSecond: scenario === 'Server' ? (n - 1) / toS(times.doneNs) : null,
    samplesPerSecond: scenario === 'Offline' ? n / toS(latency.maxNs) : null
  }
}

/** Compute the summary from a finished (or stopped) run. Only completed samples count. */
export function summarizePerformance(
  s: EffectiveSettings,
  rec: RunRecord,
  /** Percentile label decimals of the early-stopping text: 1 for LoadGen ≥ 5.1 (default). */
  labelDecimals: 0 | 1 = 1
): PerformanceSummary {
  const sampleLat = rec.completedLatencies()
  const st = latencyStats(sampleLat)
  const queryCount = rec.queryCount
  const times = finalQueryTimes(rec, st.max)
  // MultiStream is judged per query (until its last sample completes), the others per sample.
  const qs = s.scenario === 'MultiStream' ? latencyStats(rec.completedQueryLatencies()) : null
  const targetPercentileLatency = percentileOfSorted(
    qs ? qs.sorted : st.sorted,
    s.targetLatencyPercentile
  )

  const durationMet = minDurationMet(s, {
    finalScheduledNs: times.scheduledNs,
    finalIssuedNs: times.issuedNs,
    maxLatencyNs: st.max
  })
  const minQueriesMet = queryCount >= s.minQueryCount && st.count >= s.minSampleCount
  const constraints = latencyConstraints(
    s,
    { sampleLatencies: sampleLat, sortedSamples: st.sorted, sortedQueries: qs?.sorted ?? null },
    queryCount,
    labelDecimals
  )
  const valid =
    durationMet &&
    minQueriesMet &&
    (constraints.perfConstraintsMet ?? true) &&
    (constraints.earlyStopping?.met ?? true)

  const verdict = recommendations(s.scenario, {
    perfConstraintsMet: constraints.perfConstraintsMet,
    minDurationMet: durationMet,
    minQueriesMet
  })
  return {
    settings: s,
    sampleCount: st.count,
    queryCount,
    targetPercentileLatency,
    sample: latencyBlock(st),
    perQuery: qs ? latencyBlock(qs) : null,
    finalQueryScheduledS: times.scheduledNs / 1e9,
    finalQueryIssuedS: times.issuedNs / 1e9,
    finalQueryAllSamplesDoneS: times.doneNs / 1e9,
    maxLatencyS: st.max / 1e9,
    ...throughputs(s.scenario, st.count, times, { meanNs: st.mean, maxNs: st.max }),
    overLatencyCount: constraints.overLatencyCount,
    minDurationMet: durationMet,
    minQueriesMet,
    perfConstraintsMet: constraints.perfConstraintsMet,
    earlyStopping: constraints.earlyStopping,
    valid,
    recommendations: verdict.recommendations,
    invalidReason: verdict.invalidReason
  }
}

/** The official result value (rules C.3): SS/MS early-stopping estimate, Server completed rate, Offline rate. */
export function officialResult(ps: PerformanceSummary): number {
  switch (ps.settings.scenario) {
    case 'SingleStream':
    case 'MultiStream':
      return ps.earlyStopping?.estimate ?? ps.targetPercentileLatency
    case 'Server':
      return ps.completedSamplesPerSecond ?? 0
    case 'Offline':
      return ps.samplesPerSecond ?? 0
  }
}
