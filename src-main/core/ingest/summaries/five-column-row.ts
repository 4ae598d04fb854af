/**
 * One data row of a five-column summary as a record input: the perf_metric label must be a
 * result the explorer knows and, for a latency, the round's official kind (plain percentile or
 * early-stopping estimate); nanoseconds become the table's milliseconds (seconds for wan-2.2).
 */
import type { PathContext, SummaryRowInput } from './to-record'
import { mapMlperfModel, normaliseScenario, toNumber } from './to-record'
import { UNITS, officialResultField, rulesRound } from '../../../mlperf'
import { labelInfo, latencyKindProblem } from './five-column-labels'

/**
 * The row's value in the table's unit, its metric and the note saying how it was read; or why
 * the label cannot be used.
 */
export function fiveColumnValue(
  label: string,
  perfValue: string,
  round: string,
  benchmark: string,
  scenarioText: string
): { metric: string; value: number | string; note: string } | { problem: string } {
  const info = labelInfo(label)
  if (info === null) return { problem: `perf_metric "${label}" is not a result the explorer knows` }
  const scenario = normaliseScenario(scenarioText)
  const rules = rulesRound('inference', round) ?? round
  const field =
    scenario === null
      ? null
      : officialResultField(rules, scenario, mapMlperfModel(benchmark, rules))
  const problem = latencyKindProblem(info, field)
  if (problem !== null) return { problem: `perf_metric "${label}": ${problem}` }
  // wan-2.2 reports its SingleStream latency in seconds (rules C.3), the rest in ms.
  const seconds = info.nsToMs && field?.unit === UNITS.latencyS
  const metric = seconds ? (field?.metric ?? info.metric) : info.metric
  const raw = toNumber(perfValue)
  // A value that is no number is passed on as written: the record builder says why it is bad.
  const value = raw === null ? perfValue : info.nsToMs ? raw / (seconds ? 1e9 : 1e6) : raw
  const note =
    info.nsToMs && raw !== null
      ? `perf_metric "${label}" = ${perfValue} ns, converted to ${seconds ? 's' : 'ms'}.`
      : `perf_metric "${label}".`
  return { metric, value, note }
}

/** The record input of a row (`get` reads a column), or why it is skipped. */
export function fiveColumnRowInput(
  get: (field: string) => string,
  round: string,
  fromPath: PathContext,
  baseNote: string
): SummaryRowInput | { reason: string } {
  const benchmark = get('benchmark')
  const read = fiveColumnValue(
    get('perf_metric'),
    get('perf_value'),
    round,
    benchmark,
    get('scenario')
  )
  if ('problem' in read) return { reason: read.problem }
  return {
    round,
    division: fromPath.division,
    submitter: fromPath.submitter,
    systemId: get('system_id'),
    benchmark,
    scenario: normaliseScenario(get('scenario')) ?? get('scenario'),
    value: read.value,
    knownMetric: read.metric,
    system: {},
    notes: [baseNote, read.note]
  }
}
