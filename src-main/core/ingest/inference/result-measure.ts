/**
 * The result's official number: which run counts, the value the checker derives from it (and
 * from every other run, for the detail panel), the value cross-checked against the printed
 * summary, and the validity checks the checker makes.
 */
import { inferenceEra, officialResultField } from '../../../mlperf'
import type { InferenceResultDetail, InferenceResultRecord } from '../../../shared/inference'
import { mllogNumber } from './mllog-detail'
import { deriveOfficialValue, summaryTextForKey } from './official-value'
import type { OfficialValue } from './official-value'
import type { ResultRound, ResultScenarios } from './result-identify'
import type { ResultRead } from './result-read'
import type { RunLogs } from './result-logs'
import { logScenarioOf, runValidity, summaryProblem } from './result-logs'
import { printedDecimals } from './summary-log'
import { validityChecks } from './validity'

/** What the value of a run depends on besides the run. */
export type ValueRules = ResultScenarios & { rules: string; model: string }

/** The value the checker derives from a run's logs. */
export function runValue(run: RunLogs, v: ValueRules): OfficialValue {
  return deriveOfficialValue({
    round: v.rules,
    folderScenario: v.folderScenario,
    logScenario: logScenarioOf(run) ?? v.logScenario,
    mlperfModel: v.model,
    detail: run.mllog?.values ?? null,
    summary: run.summary
  })
}

/**
 * Which run is official: run_1, except v0.5/v0.7 Server whose checker looped over
 * run_1…run_5 and kept the last valid run.
 */
export function officialRun(
  r: ResultRead,
  runs: readonly RunLogs[],
  { round, rules }: ResultRound,
  folderScenario: ResultScenarios['folderScenario']
): RunLogs {
  const first = runs[0] as RunLogs
  const multiRunServer =
    !inferenceEra(rules, 'singleServerRun') && folderScenario === 'Server' && runs.length > 1
  if (multiRunServer) {
    const validRuns = runs.filter((x) => summaryProblem(x) === null && runValidity(x) === true)
    const official = validRuns[validRuns.length - 1] ?? first
    r.notes.push(
      `The ${round} checker read ${runs.map((x) => x.name).join(', ')} and kept the last valid run (${official.name}).`
    )
    return official
  }
  if (runs.length > 1) {
    r.notes.push(
      `The official value comes from run_1; ${runs.length - 1} more run(s) are listed for reference.`
    )
  }
  return first
}

/**
 * Cross-checks the detail value against the printed summary (same key, printed precision): a
 * warning note when they disagree.
 */
export function crossCheckSummary(
  r: ResultRead,
  official: RunLogs,
  ov: OfficialValue,
  v: ValueRules
): void {
  if (ov.inferred || !official.mllog || !official.summary) return
  const spec = officialResultField(v.rules, v.folderScenario, v.model)
  if (spec.source !== 'detail') return
  const printed = summaryTextForKey(official.summary, spec.key)
  const raw = mllogNumber(official.mllog.values.get(spec.key))
  if (printed === null || raw === null) return
  const dec = printedDecimals(printed)
  const p = Number(printed)
  // The summary prints fixed decimals, the detail log 6 significant digits: either may be the
  // coarser one.
  const agree = Math.abs(p - raw) <= 0.5 * 10 ** -dec + Math.abs(raw) * 5e-6
  if (!agree) {
    r.notes.push(
      `Warning: the summary prints ${printed} for ${spec.key} but the detail log has ${raw}.`
    )
  }
}

/** The checker's validity checks of the official run. */
export function checksOf(
  official: RunLogs,
  v: ValueRules,
  storedScenario: InferenceResultRecord['scenario']
): InferenceResultDetail['checks'] {
  const errors = official.mllog
    ? official.mllog.errors.map((e) => (typeof e.value === 'string' ? e.value : e.key))
    : official.legacy
      ? official.legacy.errors
      : null
  return validityChecks({
    round: v.rules,
    scenario: logScenarioOf(official) ?? v.logScenario,
    folderScenario: storedScenario,
    mlperfModel: v.model,
    detail: official.mllog?.values ?? null,
    detailErrors: errors,
    summary: official.summary
  })
}

/** Each run's value and validity, for the detail panel (a run without usable summary: none). */
export function runsDetail(runs: readonly RunLogs[], v: ValueRules): InferenceResultDetail['runs'] {
  return runs.map((x) => ({
    run: x.name,
    value: summaryProblem(x) === null ? runValue(x, v).value : null,
    valid: runValidity(x)
  }))
}
