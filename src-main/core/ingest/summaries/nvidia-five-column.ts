/**
 * The five-column summary NVIDIA's submission tooling writes (reused by Atos, HPE, Alibaba):
 * `system_id, benchmark, scenario, perf_metric, perf_value`. In v0.7 perf_metric is the LoadGen
 * summary label with escaped parentheses (`90th percentile latency \(ns\)`), from v1.0 the detail
 * log key (`result_90.00_percentile_latency_ns`). Latencies stay in nanoseconds there; the
 * official table shows milliseconds. The file names no round, division or submitter, so they
 * come from its path (…/inference_results_v0.7/closed/NVIDIA/results_summary.csv).
 */
import {
  RecordCollector,
  baseName,
  buildSummaryRecord,
  contextFromPath,
  normaliseRound,
  rowLabel
} from './to-record'
import type { PathContext, SummaryFileContext, SummaryParseResult } from './to-record'
import { readCsvRows } from './csv-rows'
import { fiveColumnRowInput } from './five-column-row'

export { labelInfo } from './five-column-labels'

export const FIVE_COLUMN_HEADER = [
  'system_id',
  'benchmark',
  'scenario',
  'perf_metric',
  'perf_value'
]

/** Why rows cannot be filed: the file names no round, division or submitter, nor does its path. */
function pathProblemOf(fromPath: PathContext, round: string | null, name: string): string | null {
  return round === null || fromPath.division === null || fromPath.submitter === null
    ? `round, division and submitter are not in this file and its path does not name them (expected …/inference_results_vX.Y/<division>/<submitter>/${name})`
    : null
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
  const pathProblem = pathProblemOf(fromPath, round, name)
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
    } else if (pathProblem !== null || round === null) {
      collector.skip(where, pathProblem ?? 'round unknown')
    } else {
      const input = fiveColumnRowInput(get, round, fromPath, base)
      if ('reason' in input) collector.skip(where, input.reason)
      else collector.add(where, buildSummaryRecord(input, ctx))
    }
  }
  notes.unshift(`${name}: ${collector.records.length} results.`)
  return { records: collector.records, skipped: collector.skipped, notes }
}
