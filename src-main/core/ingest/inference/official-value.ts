/**
 * The official "Result" of an inference result, derived as the submission checker derives it
 * (spec C.3): which detail-log key (or, before v1.0, which summary label) holds the value, which
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
import type { MllogValue } from './mllog-detail'
import { mllogNumber } from './mllog-detail'
import { roundAtLeast } from './rounds'
import type { SummaryLog, SummaryScenario } from './summary-log'
import { summaryNumber, summaryValue } from './summary-log'

export const UNITS = {
  samples: 'Samples/s',
  queries: 'Queries/s',
  tokens: 'Tokens/s',
  latencyMs: 'Latency (ms)',
  latencyS: 'Latency (s)',
  streams: 'Streams'
} as const

/** How to read the official value of one (round, scenario, benchmark). */
export type OfficialMetricSpec = {
  /** Stable metric id (samples_per_second, latency_p90_ms, …). */
  metric: string
  unit: string
  /** Where the number lives: the detail log (v1.0+) or the summary file (v0.5/v0.7). */
  source: 'detail' | 'summary'
  /** Detail key or summary label. */
  key: string
  /** The raw value is divided by this (1e6 for ns → ms, 1e9 for ns → s, else 1). */
  divisor: number
  /** Legacy MultiStream (v0.5–v1.1): the metric is the number of streams. */
  legacyMultiStream: boolean
}

/** LLM token-throughput overrides (RESULT_FIELD_BENCHMARK_OVERWRITE), by round range. */
function tokenOverride(
  round: string,
  model: string,
  scenario: SummaryScenario
): { key: string; metric: string; unit: string } | null {
  const isLlama2 = model.startsWith('llama2-70b')
  if (round === 'v4.0') {
    if (!isLlama2) return null
    // The v4.0 checker read tokens/s for Offline but still labelled the unit "Samples/s"; the
    // results table shows tokens, so we print Tokens/s (noted on the record).
    if (scenario === 'Offline')
      return { key: 'result_tokens_per_second', metric: 'tokens_per_second', unit: UNITS.tokens }
    if (scenario === 'Server')
      return {
        key: 'result_completed_samples_per_sec',
        metric: 'completed_samples_per_second',
        unit: UNITS.queries
      }
    return null
  }
  if (!roundAtLeast(round, 'v4.1')) return null
  const offline = {
    key: 'result_tokens_per_second',
    metric: 'tokens_per_second',
    unit: UNITS.tokens
  }
  const server = {
    key: 'result_completed_tokens_per_second',
    metric: 'completed_tokens_per_second',
    unit: UNITS.tokens
  }
  const isGptj = model.startsWith('gptj')
  const v50 = ['llama3.1-405b', 'llama2-70b-interactive-99', 'llama2-70b-interactive-99.9']
  const v51 = ['llama3.1-8b', 'deepseek-r1', 'llama3.1-405b']
  const v60 = ['gpt-oss-120b']
  if (isGptj && !roundAtLeast(round, 'v5.1')) {
    if (scenario === 'Offline')
      return {
        key: 'result_inferred_tokens_per_second',
        metric: 'inferred_tokens_per_second',
        unit: UNITS.tokens
      }
    if (scenario === 'Server')
      return {
        key: 'result_inferred_completed_tokens_per_second',
        metric: 'inferred_completed_tokens_per_second',
        unit: UNITS.tokens
      }
    return null
  }
  const llm =
    isLlama2 ||
    model === 'mixtral-8x7b' ||
    (roundAtLeast(round, 'v5.0') && v50.includes(model)) ||
    (roundAtLeast(round, 'v5.1') && v51.includes(model)) ||
    (roundAtLeast(round, 'v6.0') && v60.includes(model))
  if (llm) {
    if (scenario === 'Offline') return offline
    if (scenario === 'Server') return server
    return null
  }
  if (roundAtLeast(round, 'v5.1') && (model === 'whisper' || model === 'llama3.1-8b-edge')) {
    if (scenario === 'Offline') return offline
  }
  return null
}

/**
 * The official metric for a run whose LoadGen scenario is `scenario` (the scenario of the log,
 * which for a non-inferred result equals the folder's).
 */
export function officialMetricSpec(
  round: string,
  scenario: SummaryScenario,
  mlperfModel: string
): OfficialMetricSpec {
  const legacyMs = !roundAtLeast(round, 'v2.0')
  const summaryOnly = !roundAtLeast(round, 'v1.0')
  if (summaryOnly) {
    switch (scenario) {
      case 'SingleStream':
        return {
          metric: 'latency_p90_ms',
          unit: UNITS.latencyMs,
          source: 'summary',
          key: '90th percentile latency (ns)',
          divisor: 1e6,
          legacyMultiStream: false
        }
      case 'MultiStream':
        return {
          metric: 'streams',
          unit: UNITS.streams,
          source: 'summary',
          key: 'Samples per query',
          divisor: 1,
          legacyMultiStream: true
        }
      case 'Server':
        return {
          metric: 'scheduled_samples_per_second',
          unit: UNITS.queries,
          source: 'summary',
          key: 'Scheduled samples per second',
          divisor: 1,
          legacyMultiStream: false
        }
      case 'Offline':
        return {
          metric: 'samples_per_second',
          unit: UNITS.samples,
          source: 'summary',
          key: 'Samples per second',
          divisor: 1,
          legacyMultiStream: false
        }
    }
  }
  const override = tokenOverride(round, mlperfModel, scenario)
  if (override) {
    return { ...override, source: 'detail', divisor: 1, legacyMultiStream: false }
  }
  const early = roundAtLeast(round, 'v2.0')
  switch (scenario) {
    case 'SingleStream': {
      if (mlperfModel === 'llama3.1-8b-edge' && roundAtLeast(round, 'v5.1')) {
        // early_stopping_latency_ss holds a TTFT estimate for token runs (spec A.7).
        return {
          metric: 'latency_p90_ms',
          unit: UNITS.latencyMs,
          source: 'detail',
          key: 'result_90.00_percentile_latency_ns',
          divisor: 1e6,
          legacyMultiStream: false
        }
      }
      if (mlperfModel.startsWith('wan-2.2')) {
        return {
          metric: 'latency_p90_s',
          unit: UNITS.latencyS,
          source: 'detail',
          key: 'early_stopping_latency_ss',
          divisor: 1e9,
          legacyMultiStream: false
        }
      }
      return {
        metric: mlperfModel === 'pointpainting' ? 'latency_p99_9_ms' : 'latency_p90_ms',
        unit: UNITS.latencyMs,
        source: 'detail',
        key: early ? 'early_stopping_latency_ss' : 'result_90.00_percentile_latency_ns',
        divisor: 1e6,
        legacyMultiStream: false
      }
    }
    case 'MultiStream':
      if (legacyMs) {
        return {
          metric: 'streams',
          unit: UNITS.streams,
          source: 'detail',
          key: 'effective_samples_per_query',
          divisor: 1,
          legacyMultiStream: true
        }
      }
      return {
        metric: 'latency_p99_ms',
        unit: UNITS.latencyMs,
        source: 'detail',
        key: 'early_stopping_latency_ms',
        divisor: 1e6,
        legacyMultiStream: false
      }
    case 'Server':
      if (roundAtLeast(round, 'v4.1')) {
        return {
          metric: 'completed_samples_per_second',
          unit: UNITS.queries,
          source: 'detail',
          key: 'result_completed_samples_per_sec',
          divisor: 1,
          legacyMultiStream: false
        }
      }
      return {
        metric: 'scheduled_samples_per_second',
        unit: UNITS.queries,
        source: 'detail',
        key: 'result_scheduled_samples_per_sec',
        divisor: 1,
        legacyMultiStream: false
      }
    case 'Offline':
      return {
        metric: 'samples_per_second',
        unit: UNITS.samples,
        source: 'detail',
        key: 'result_samples_per_second',
        divisor: 1,
        legacyMultiStream: false
      }
  }
}

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

/**
 * Derive the official value. `inferred` is set when the folder scenario differs from the
 * LoadGen scenario (checker `get_inferred_result`).
 */
export function deriveOfficialValue(input: OfficialValueInput): OfficialValue {
  const { round, folderScenario, logScenario, mlperfModel } = input
  const notes: string[] = []
  if (folderScenario === logScenario) {
    const spec = officialMetricSpec(round, folderScenario, mlperfModel)
    const raw = readRaw(spec, input, notes)
    const value = raw === null ? null : spec.divisor === 1 ? raw : raw / spec.divisor
    if (spec.divisor === 1e6) notes.push('Nanoseconds divided by 1,000,000 to give milliseconds.')
    if (round === 'v4.0' && spec.metric === 'tokens_per_second') {
      notes.push('The v4.0 checker labelled this tokens-per-second value "Samples/s".')
    }
    return { value, metric: spec.metric, unit: spec.unit, inferred: false, notes }
  }

  // Inferred results (edge systems): the folder holds a run of another scenario.
  const legacyMs = !roundAtLeast(round, 'v2.0')
  const summaryOnly = !roundAtLeast(round, 'v1.0')
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
    if (raw === 0) {
      notes.push('LoadGen processed too few queries for a 99th-percentile early-stopping estimate.')
    }
    const value = raw === null || raw === 0 ? null : (raw * 8) / 1e6
    return { value, metric: 'latency_p99_ms', unit: UNITS.latencyMs, inferred: true, notes }
  }
  // Any other combination is not something the checker infers: report the log's own metric.
  const spec = officialMetricSpec(round, logScenario, mlperfModel)
  const raw = readRaw(spec, input, notes)
  notes.push(
    `The ${folderScenario} folder holds a ${logScenario} run, which MLPerf does not convert; the ${logScenario} metric is shown.`
  )
  const value = raw === null ? null : spec.divisor === 1 ? raw : raw / spec.divisor
  return { value, metric: spec.metric, unit: spec.unit, inferred: false, notes }
}

/** The summary's printed text for the official key, used to cross-check the detail value. */
export function summaryTextForKey(summary: SummaryLog, key: string): string | null {
  const label = SUMMARY_LABEL_FOR_KEY[key] ?? key
  return summaryValue(summary, label, 'header') ?? summaryValue(summary, label)
}
