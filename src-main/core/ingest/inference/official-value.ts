/**
 * The official "Result" of an inference result, derived as the submission checker derives it
 * (rules C.3): which detail-log key (or, before v1.0, which summary label) holds the value, which
 * divisor turns nanoseconds into milliseconds, which unit the results table prints, and the
 * "inferred" derivations for edge results whose Offline or MultiStream folder holds a
 * SingleStream (or MultiStream) run.
 *
 * Every number is computed with the checker's own operation order so that values compare
 * exactly with the official tables (e.g. 4145572039 / 1e6, not × 1e-6).
 *
 * Inferred results keep the metric id of the scenario they are published under (an inferred
 * Offline value is still samples_per_second) and set `inferred`, exactly as summary imports of
 * the same result do, so the two sources key and compare alike. gptj's "inferred tokens" are a
 * different thing (a tokens/s figure LoadGen derives from samples/s) and have their own ids.
 */
import type { ResultField } from '../../../mlperf'
import { UNITS, inferenceEra, officialResultField } from '../../../mlperf'
import type { MllogValue } from './mllog-detail'
import { mllogNumber } from './mllog-detail'
import type { SummaryLog, SummaryScenario } from './summary-log'
import { summaryNumber, summaryValue } from './summary-log'

/** Summary label that prints the same quantity as a detail key (for cross-checks/fallback). */
export const SUMMARY_LABEL_FOR_KEY: Record<string, string> = {
  result_samples_per_second: 'Samples per second',
  result_scheduled_samples_per_sec: 'Scheduled samples per second',
  result_completed_samples_per_sec: 'Completed samples per second',
  result_tokens_per_second: 'Tokens per second',
  result_completed_tokens_per_second: 'Completed tokens per second',
  result_inferred_tokens_per_second: 'Tokens per second (inferred)',
  result_inferred_completed_tokens_per_second: 'Completed tokens per second (inferred)',
  'result_90.00_percentile_latency_ns': '90th percentile latency (ns)',
  effective_samples_per_query: 'Samples per query',
  result_qps_without_loadgen_overhead: 'QPS w/o loadgen overhead'
}

export type OfficialValueInput = {
  /** The round whose rules apply (a newer round's latest known rules, see round-resolution). */
  round: string
  /** Scenario of the result folder (what the result is published as). */
  folderScenario: SummaryScenario
  /** Scenario LoadGen ran (effective_scenario / summary "Scenario"); differs when inferred. */
  logScenario: SummaryScenario
  mlperfModel: string
  /** First-occurrence detail values (v1.0+), or null. */
  detail: Map<string, MllogValue> | null
  summary: SummaryLog | null
}

export type OfficialValue = {
  value: number | null
  metric: string
  unit: string
  inferred: boolean
  /** Plain-words notes: which key the value came from, fallbacks, warnings. */
  notes: string[]
}

function fromDetail(detail: Map<string, MllogValue> | null, key: string): number | null {
  if (!detail) return null
  return mllogNumber(detail.get(key))
}

/** Summary value for a detail key, with the "90.0th"-style label variants tolerated. */
function fromSummary(summary: SummaryLog | null, labelOrKey: string): number | null {
  if (!summary) return null
  const label = SUMMARY_LABEL_FOR_KEY[labelOrKey] ?? labelOrKey
  const direct = summaryNumber(summary, label, 'header') ?? summaryNumber(summary, label)
  if (direct !== null) return direct
  const pm = /^(\d+)th percentile latency \(ns\)$/.exec(label)
  if (pm) return summaryNumber(summary, `${pm[1]}.0th percentile latency (ns)`)
  return null
}

/** Read a raw number from the spec's source, falling back to the other file when needed. */
function readRaw(
  spec: { source: 'detail' | 'summary'; key: string },
  input: OfficialValueInput,
  notes: string[]
): number | null {
  if (spec.source === 'summary') {
    const v = fromSummary(input.summary, spec.key)
    if (v !== null) notes.push(`Value from mlperf_log_summary.txt "${spec.key}".`)
    return v
  }
  const d = fromDetail(input.detail, spec.key)
  if (d !== null) {
    notes.push(`Value from mlperf_log_detail.txt key ${spec.key}.`)
    return d
  }
  const s = fromSummary(input.summary, spec.key)
  if (s !== null) {
    notes.push(
      `Detail key ${spec.key} not available; value taken from mlperf_log_summary.txt (printed precision).`
    )
  }
  return s
}

/** Early-stopping keys: LoadGen writes 0 when too few queries ran for an estimate. */
const EARLY_STOPPING_KEYS = new Set(['early_stopping_latency_ss', 'early_stopping_latency_ms'])

/** Why an early-stopping estimate of 0 is no value. */
function noEstimateNote(input: OfficialValueInput, key: string): string {
  const n = fromDetail(input.detail, 'result_query_count')
  const pct = key === 'early_stopping_latency_ss' ? '90th' : '99th'
  const ran = n === null ? '' : ` (${Math.round(n).toLocaleString('en-US')} ran)`
  return `No official value: LoadGen processed too few queries${ran} for a ${pct}-percentile early-stopping estimate (${key} is 0).`
}

/** The value of a field from its raw number, or null (with the reason) when there is none. */
function scaled(
  spec: ResultField,
  raw: number | null,
  input: OfficialValueInput,
  notes: string[]
): number | null {
  if (raw === null) return null
  if (raw === 0 && spec.source === 'detail' && EARLY_STOPPING_KEYS.has(spec.key)) {
    notes.push(noEstimateNote(input, spec.key))
    return null
  }
  return spec.divisor === 1 ? raw : raw / spec.divisor
}

/**
 * Derive the official value. `inferred` is set when the folder scenario differs from the
 * LoadGen scenario (checker `get_inferred_result`).
 */
export function deriveOfficialValue(input: OfficialValueInput): OfficialValue {
  const { round, folderScenario, logScenario, mlperfModel } = input
  const notes: string[] = []
  if (folderScenario === logScenario) {
    const spec = officialResultField(round, folderScenario, mlperfModel)
    const raw = readRaw(spec, input, notes)
    const value = scaled(spec, raw, input, notes)
    if (spec.divisor === 1e6 && (value !== null || raw === null)) {
      notes.push('Nanoseconds divided by 1,000,000 to give milliseconds.')
    }
    if (spec.note !== null) notes.push(spec.note)
    return { value, metric: spec.metric, unit: spec.unit, inferred: false, notes }
  }

  // Inferred results (edge systems): the folder holds a run of another scenario.
  const legacyMs = !inferenceEra(round, 'earlyStopping')
  const summaryOnly = !inferenceEra(round, 'detailLog')
  if (folderScenario === 'Offline' && logScenario === 'SingleStream') {
    const raw = readRaw(
      {
        source: summaryOnly ? 'summary' : 'detail',
        key: 'result_qps_without_loadgen_overhead'
      },
      input,
      notes
    )
    notes.unshift(
      'Inferred: the Offline folder holds a SingleStream run; Offline = QPS without LoadGen overhead (1 / mean latency).'
    )
    return {
      value: raw,
      metric: 'samples_per_second',
      unit: UNITS.samples,
      inferred: true,
      notes
    }
  }
  if (folderScenario === 'Offline' && logScenario === 'MultiStream' && !legacyMs) {
    const spq = fromDetail(input.detail, 'effective_samples_per_query')
    const mean = fromDetail(input.detail, 'result_mean_query_latency_ns')
    notes.push(
      'Inferred: the Offline folder holds a MultiStream run; Offline = samples per query × 1000 / mean query latency (ms).'
    )
    const value = spq !== null && mean !== null && mean > 0 ? (spq * 1000) / (mean / 1e6) : null
    return {
      value,
      metric: 'samples_per_second',
      unit: UNITS.samples,
      inferred: true,
      notes
    }
  }
  if (folderScenario === 'MultiStream' && logScenario === 'SingleStream' && !legacyMs) {
    // Only from v2.0 (new MultiStream): the p99 early-stopping estimate of the SingleStream run.
    const key = 'early_stopping_latency_ms'
    const raw = fromDetail(input.detail, key)
    notes.push(
      `Inferred: the MultiStream folder holds a SingleStream run; MultiStream = ${key} × 8 / 1,000,000 ms.`
    )
    if (raw === 0) notes.push(noEstimateNote(input, key))
    const value = raw === null || raw === 0 ? null : (raw * 8) / 1e6
    return { value, metric: 'latency_p99_ms', unit: UNITS.latencyMs, inferred: true, notes }
  }
  // Any other combination is not something the checker infers: report the log's own metric.
  const spec = officialResultField(round, logScenario, mlperfModel)
  const raw = readRaw(spec, input, notes)
  notes.push(
    `The ${folderScenario} folder holds a ${logScenario} run, which MLPerf does not convert; the ${logScenario} metric is shown.`
  )
  const value = scaled(spec, raw, input, notes)
  return { value, metric: spec.metric, unit: spec.unit, inferred: false, notes }
}

/** The summary's printed text for the official key, used to cross-check the detail value. */
export function summaryTextForKey(summary: SummaryLog, key: string): string | null {
  const label = SUMMARY_LABEL_FOR_KEY[key] ?? key
  return summaryValue(summary, label, 'header') ?? summaryValue(summary, label)
}
