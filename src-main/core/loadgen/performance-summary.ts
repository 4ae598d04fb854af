/**
 * LoadGen's end-of-run results for a performance run (spec A.6–A.8): statistics, throughput
 * formulas, early stopping and the validity verdict, in one plain object the summary and
 * detail writers print and the UI shows.
 */
import type { EffectiveSettings } from './config'
import type { EarlyStoppingOutcome } from './early-stopping'
import { earlyStoppingLatency, earlyStoppingServer } from './early-stopping'
import type { RunRecord } from './run-record'
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

/** Compute the summary from a finished (or stopped) run. Only completed samples count. */
export function summarizePerformance(
  s: EffectiveSettings,
  rec: RunRecord,
  /** Percentile label decimals of the early-stopping text: 1 for LoadGen ≥ 5.1 (default). */
  labelDecimals: 0 | 1 = 1
): PerformanceSummary {
  const sampleLat = rec.completedLatencies()
  const st = latencyStats(sampleLat)
  const sampleCount = st.count
  const queryCount = rec.queryCount
  const toS = (ns: number): number => ns / 1e9

  // The final issued query is the last one recorded.
  const last = queryCount - 1
  const finalScheduled = last >= 0 ? rec.qScheduled[last]! : 0
  const finalIssued = last >= 0 ? rec.qIssued[last]! : 0
  const finalDone =
    last >= 0 && rec.qCompleted[last]! >= 0 ? rec.qCompleted[last]! : st.max + finalScheduled

  let perQuery: LatencyBlock | null = null
  let queryStatsSorted: Float64Array | null = null
  if (s.scenario === 'MultiStream') {
    const qs = latencyStats(rec.completedQueryLatencies())
    queryStatsSorted = qs.sorted
    perQuery =
      qs.count > 0
        ? { min: qs.min, max: qs.max, mean: qs.mean, percentiles: qs.percentiles }
        : EMPTY_BLOCK
  }
  const sample: LatencyBlock =
    sampleCount > 0
      ? { min: st.min, max: st.max, mean: st.mean, percentiles: st.percentiles }
      : EMPTY_BLOCK
  const p = s.targetLatencyPercentile
  const targetPercentileLatency = queryStatsSorted
    ? percentileOfSorted(queryStatsSorted, p)
    : percentileOfSorted(st.sorted, p)

  const minDurS = s.minDurationMs / 1000
  let minDurationMet: boolean
  switch (s.scenario) {
    case 'Offline':
      minDurationMet = toS(st.max) >= minDurS
      break
    case 'Server':
      minDurationMet = toS(finalScheduled) >= minDurS
      break
    default:
      minDurationMet = toS(finalIssued) >= minDurS
  }
  const minQueriesMet = queryCount >= s.minQueryCount && sampleCount >= s.minSampleCount

  let overLatencyCount: number | null = null
  let perfConstraintsMet: boolean | null = null
  let earlyStopping: EarlyStoppingOutcome | null = null
  if (s.scenario === 'Server') {
    let over = 0
    for (let i = 0; i < sampleLat.length; i++) if (sampleLat[i]! > s.targetLatencyNs) over++
    overLatencyCount = over
    perfConstraintsMet = percentileOfSorted(st.sorted, p) <= s.targetLatencyNs
    earlyStopping = earlyStoppingServer(over, queryCount, p)
  } else if (s.scenario === 'SingleStream') {
    earlyStopping = earlyStoppingLatency('SingleStream', st.sorted, queryCount, p, labelDecimals)
  } else if (s.scenario === 'MultiStream') {
    earlyStopping = earlyStoppingLatency(
      'MultiStream',
      queryStatsSorted!,
      queryCount,
      p,
      labelDecimals
    )
  }
  const esMet = earlyStopping?.met ?? true
  const valid = minDurationMet && minQueriesMet && (perfConstraintsMet ?? true) && esMet

  const recommendations: string[] = []
  let invalidReason = ''
  if (perfConstraintsMet === false) {
    recommendations.push(PERF_RECOMMENDATION)
    invalidReason += PERF_RECOMMENDATION + ' '
  }
  if (!minDurationMet) {
    recommendations.push(minDurationRecommendation(s.scenario))
    invalidReason += minDurationRecommendation(s.scenario) + ' '
  }
  if (!minQueriesMet) {
    recommendations.push(MIN_QUERIES_RECOMMENDATION)
    invalidReason += 'The test exited early, before enough queries were issued.'
  }

  const n = sampleCount
  return {
    settings: s,
    sampleCount,
    queryCount,
    targetPercentileLatency,
    sample,
    perQuery,
    finalQueryScheduledS: toS(finalScheduled),
    finalQueryIssuedS: toS(finalIssued),
    finalQueryAllSamplesDoneS: toS(finalDone),
    maxLatencyS: toS(st.max),
    qpsWithLoadgenOverhead: s.scenario === 'SingleStream' ? (n - 1) / toS(finalIssued) : null,
    qpsWithoutLoadgenOverhead: s.scenario === 'SingleStream' ? 1 / toS(st.mean) : null,
    scheduledSamplesPerSecond: s.scenario === 'Server' ? (n - 1) / toS(finalScheduled) : null,
    completedSamplesPerSecond: s.scenario === 'Server' ? (n - 1) / toS(finalDone) : null,
    samplesPerSecond: s.scenario === 'Offline' ? n / toS(st.max) : null,
    overLatencyCount,
    minDurationMet,
    minQueriesMet,
    perfConstraintsMet,
    earlyStopping,
    valid,
    recommendations,
    invalidReason
  }
}

/** The official result value (spec C.3): SS/MS early-stopping estimate, Server completed rate, Offline rate. */
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
