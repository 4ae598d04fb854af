/**
 * The perf_metric labels of NVIDIA's five-column summaries: which metric each measures, whether
 * its value is in nanoseconds, and whether it is a plain percentile or an early-stopping
 * estimate, of which only one is the official latency in a given round (rules C.3).
 */
import type { ResultField } from '../../../mlperf'

/**
 * What a perf_metric label or key measures. `kind` separates the plain percentile from the
 * early-stopping estimate: both map to the same latency metric, but only one of them is the
 * official value in a given round (plain before v2.0, early stopping from v2.0).
 */
export type LabelInfo = {
  metric: string
  nsToMs: boolean
  kind: 'percentile' | 'early_stopping' | 'throughput'
}

const throughput = (metric: string): LabelInfo => ({ metric, nsToMs: false, kind: 'throughput' })
const percentile = (metric: string): LabelInfo => ({ metric, nsToMs: true, kind: 'percentile' })
const earlyStopping = (metric: string): LabelInfo => ({
  metric,
  nsToMs: true,
  kind: 'early_stopping'
})

/** Summary labels (v0.5/v0.7, lower-cased, unescaped) and detail keys (v1.0+). */
const LABELS: Record<string, LabelInfo> = {
  'samples per second': throughput('samples_per_second'),
  result_samples_per_second: throughput('samples_per_second'),
  'scheduled samples per second': throughput('scheduled_samples_per_second'),
  result_scheduled_samples_per_sec: throughput('scheduled_samples_per_second'),
  'completed samples per second': throughput('completed_samples_per_second'),
  result_completed_samples_per_sec: throughput('completed_samples_per_second'),
  'tokens per second': throughput('tokens_per_second'),
  result_tokens_per_second: throughput('tokens_per_second'),
  'completed tokens per second': throughput('completed_tokens_per_second'),
  result_completed_tokens_per_second: throughput('completed_tokens_per_second'),
  'tokens per second (inferred)': throughput('inferred_tokens_per_second'),
  result_inferred_tokens_per_second: throughput('inferred_tokens_per_second'),
  'completed tokens per second (inferred)': throughput('inferred_completed_tokens_per_second'),
  result_inferred_completed_tokens_per_second: throughput('inferred_completed_tokens_per_second'),
  // Legacy MultiStream (before v2.0): the number of streams, not a latency.
  'samples per query': throughput('streams'),
  effective_samples_per_query: throughput('streams'),
  result_samples_per_query: throughput('streams'),
  requested_multi_stream_samples_per_query: throughput('streams'),
  '90th percentile latency (ns)': percentile('latency_p90_ms'),
  'result_90.00_percentile_latency_ns': percentile('latency_p90_ms'),
  '99th percentile latency (ns)': percentile('latency_p99_ms'),
  'result_99.00_percentile_latency_ns': percentile('latency_p99_ms'),
  '99.90 percentile latency (ns)': percentile('latency_p99_9_ms'),
  'result_99.90_percentile_latency_ns': percentile('latency_p99_9_ms'),
  'early stopping 90th percentile estimate': earlyStopping('latency_p90_ms'),
  early_stopping_latency_ss: earlyStopping('latency_p90_ms'),
  'early stopping 99th percentile estimate': earlyStopping('latency_p99_ms'),
  // Despite its name LoadGen writes this key in nanoseconds.
  early_stopping_latency_ms: earlyStopping('latency_p99_ms'),
  'early stopping 99.9th percentile estimate': earlyStopping('latency_p99_9_ms')
}

/** Label lookup: backslash escapes removed, spaces collapsed, lower-case. */
export function labelInfo(label: string): LabelInfo | null {
  const key = label.replace(/\\/g, '').replace(/\s+/g, ' ').trim().toLowerCase()
  return LABELS[key] ?? null
}

/**
 * Why a latency label is not the official value, or null when it is: the rulebook's official
 * field for the round, scenario and model is either an early-stopping estimate (v2.0 on, but the
 * plain p90 for llama3.1-8b-edge) or the plain percentile (before v2.0).
 */
export function latencyKindProblem(info: LabelInfo, field: ResultField | null): string | null {
  if (field === null || info.kind === 'throughput') return null
  const early = field.key.startsWith('early_stopping')
  if (info.kind === 'percentile' && early) {
    return `the official latency of this round and benchmark is the early-stopping estimate, not the plain percentile`
  }
  if (info.kind === 'early_stopping' && !early) {
    return `the official latency of this round and benchmark is the plain percentile, not an early-stopping estimate`
  }
  return null
}
