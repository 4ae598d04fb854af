/**
 * The five-column summary NVIDIA's submission tooling writes (reused by Atos, HPE, Alibaba):
 * `system_id, benchmark, scenario, perf_metric, perf_value`. In v0.7 perf_metric is the LoadGen
 * summary label with escaped parentheses (`90th percentile latency \(ns\)`), from v1.0 the detail
 * log key (`result_90.00_percentile_latency_ns`). Latencies stay in nanoseconds there; the
 * official table shows milliseconds. The file names no round, division or submitter, so they
 * come from its path (…/inference_results_v0.7/closed/NVIDIA/results_summary.csv).
 */
import type { ResultField } from '../../../mlperf'
import { UNITS, officialResultField, rulesRound } from '../../../mlperf'
import {
  RecordCollector,
  baseName,
  buildSummaryRecord,
  contextFromPath,
  mapMlperfModel,
  normaliseRound,
  normaliseScenario,
  rowLabel,
  toNumber
} from './to-record'
import type { SummaryFileContext, SummaryParseResult } from './to-record'
import { readCsvRows } from './csv-rows'

export const FIVE_COLUMN_HEADER = [
  'system_id',
  'benchmark',
  'scenario',
  'perf_metric',
  'perf_value'
]

/**
 * What a perf_metric label or key measures. `kind` separates the plain percentile from the
 * early-stopping estimate: both map to the same latency metric, but only one of them is the
 * official value in a given round (plain before v2.0, early stopping from v2.0).
 */
type LabelInfo = {
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
function latencyKindProblem(info: LabelInfo, field: ResultField | null): string | null {
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

export function parseNvidiaFiveColumnCsv(
  text: string,
  ctx: SummaryFileContext
): SummaryParseResult {
  const name = baseName(ctx.path)
  const fromPath = contextFromPath(ctx.path)
  const collector = new RecordCollector(ctx.path)
  const notes: string[] = []
  const { rows } = readCsvRows(text.replace(/^\uFEFF/, ''))
  const header = (rows[0]?.fields ?? []).map((f) => f.trim().toLowerCase())
  const column = (field: string): number => header.indexOf(field)
  const missingColumns = FIVE_COLUMN_HEADER.filter((c) => column(c) < 0)

  const round = normaliseRound(fromPath.round)
  const pathProblem =
    round === null || fromPath.division === null || fromPath.submitter === null
      ? `round, division and submitter are not in this file and its path does not name them (expected …/inference_results_vX.Y/<division>/<submitter>/${name})`
      : null
  if (pathProblem !== null) notes.push(`${name}: ${pathProblem}.`)

  const base = `Imported from a five-column results summary (${name}, NVIDIA submission tooling); the logs were not read.`
  for (const { fields, row: at } of rows.slice(1)) {
    const values = fields.map((f) => f.trim())
    const get = (field: string): string => values[column(field)] ?? ''
    if (values.length === header.length && values.every((v, i) => v.toLowerCase() === header[i])) {
      continue
    }
    const where = `row ${at} (${rowLabel(get('system_id'), get('benchmark'), get('scenario'))})`
    if (missingColumns.length > 0) {
      collector.skip(where, `the header lacks ${missingColumns.join(', ')}`)
      continue
    }
    if (pathProblem !== null || round === null) {
      collector.skip(where, pathProblem ?? 'round unknown')
      continue
    }
    const label = get('perf_metric')
    const info = labelInfo(label)
    if (info === null) {
      collector.skip(where, `perf_metric "${label}" is not a result the explorer knows`)
      continue
    }
    const benchmark = get('benchmark')
    const scenario = normaliseScenario(get('scenario'))
    const rules = rulesRound('inference', round) ?? round
    const field =
      scenario === null
        ? null
        : officialResultField(rules, scenario, mapMlperfModel(benchmark, rules))
    const problem = latencyKindProblem(info, field)
    if (problem !== null) {
      collector.skip(where, `perf_metric "${label}": ${problem}`)
      continue
    }
    // wan-2.2 reports its SingleStream latency in seconds (rules C.3), the rest in ms.
    const seconds = info.nsToMs && field?.unit === UNITS.latencyS
    const metric = seconds ? (field?.metric ?? info.metric) : info.metric
    const raw = toNumber(get('perf_value'))
    const value = raw !== null && info.nsToMs ? raw / (seconds ? 1e9 : 1e6) : raw
    const rowNotes = [base]
    if (info.nsToMs && raw !== null) {
      rowNotes.push(
        `perf_metric "${label}" = ${get('perf_value')} ns, converted to ${seconds ? 's' : 'ms'}.`
      )
    } else {
      rowNotes.push(`perf_metric "${label}".`)
    }
    collector.add(
      where,
      buildSummaryRecord(
        {
          round,
          division: fromPath.division,
          submitter: fromPath.submitter,
          systemId: get('system_id'),
          benchmark,
          scenario: scenario ?? get('scenario'),
          value: raw === null ? get('perf_value') : value,
          knownMetric: metric,
          system: {},
          notes: rowNotes
        },
        ctx
      )
    )
  }
  notes.unshift(`${name}: ${collector.records.length} results.`)
  return { records: collector.records, skipped: collector.skipped, notes }
}
