/**
 * Validity checks in plain words (rules A.8 and the checker's additions in C.3). Each check says
 * what was measured and what MLPerf requires, so an analyst can see why a run is or is not
 * valid without reading LoadGen logs. Works from detail-log keys when present (v1.0+) and from
 * the summary file otherwise (v0.5/v0.7, or a missing detail log).
 */
import type { InferenceScenario } from '../../../mlperf'
import {
  IGNORED_LOADGEN_ERRORS,
  LEGACY_MULTISTREAM_BOUND_NS,
  SERVER_LATENCY_BOUND_NS,
  inferenceEra,
  isLegacyMultiStream,
  minDurationMs,
  targetPercentile,
  tokenLimits
} from '../../../mlperf'
import type { ValidityCheck } from '../../../shared/inference'
import type { MllogValue } from './mllog-detail'
import { mllogNumber } from './mllog-detail'
import type { EarlyStoppingBlock, SummaryLog, SummaryScenario } from './summary-log'
import { summaryNumber, summaryValue } from './summary-log'

export type ValidityInput = {
  /** The round whose rules apply. */
  round: string
  /** Scenario LoadGen ran. */
  scenario: SummaryScenario
  /** Scenario of the result folder when it differs in limits (Interactive runs Server). */
  folderScenario?: InferenceScenario
  mlperfModel: string
  detail: Map<string, MllogValue> | null
  /** Error messages from the detail log (MLLOG is_error records or legacy "ERROR :" lines). */
  detailErrors: string[] | null
  summary: SummaryLog | null
}

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US')

/** Up to `digits` decimals, trailing zeros removed, thousands separated. */
// Building an Intl.NumberFormat is costly (toLocaleString builds one per call): cache them.
const FORMATS = new Map<number, Intl.NumberFormat>()

function fmtNum(n: number, digits = 1): string {
  let f = FORMATS.get(digits)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
    FORMATS.set(digits, f)
  }
  return f.format(n)
}

function msFromNs(ns: number): string {
  const ms = ns / 1e6
  return fmtNum(ms, ms >= 100 ? 1 : ms >= 1 ? 2 : 3)
}

function bool(v: MllogValue | undefined): boolean | null {
  if (v === true || v === 'true') return true
  if (v === false || v === 'false') return false
  return null
}

function verdictCheck(input: ValidityInput): ValidityCheck {
  const d = input.detail?.get('result_validity')
  const verdict = typeof d === 'string' ? d : (input.summary?.validity ?? null)
  const label = 'LoadGen verdict'
  if (verdict === null) {
    return {
      id: 'loadgen_verdict',
      label,
      passed: null,
      explanation: 'The logs do not say whether LoadGen judged the run VALID.'
    }
  }
  const reason = input.detail?.get('result_invalid_reason')
  const recs = input.summary?.recommendations ?? []
  let explanation =
    verdict === 'VALID'
      ? 'LoadGen reported the run as VALID.'
      : 'LoadGen reported the run as INVALID.'
  if (verdict !== 'VALID' && typeof reason === 'string' && reason !== '')
    explanation += ` ${reason}`
  else if (verdict !== 'VALID' && recs.length > 0) explanation += ` ${recs.join(' ')}`
  return { id: 'loadgen_verdict', label, passed: verdict === 'VALID', explanation }
}

/** Approximate run length in seconds, by the definition LoadGen uses per scenario (A.8). */
function runSeconds(input: ValidityInput): number | null {
  const d = input.detail
  const s = input.summary
  const num = (key: string, label: string): number | null =>
    mllogNumber(d?.get(key)) ?? (s ? summaryNumber(s, label) : null)
  switch (input.scenario) {
    case 'Offline': {
      const max = num('result_max_latency_ns', 'Max latency (ns)')
      return max === null ? null : max / 1e9
    }
    case 'SingleStream': {
      const n = mllogNumber(d?.get('result_query_count'))
      const qps = num('result_qps_with_loadgen_overhead', 'QPS w/ loadgen overhead')
      return n !== null && qps !== null && qps > 0 ? (n - 1) / qps : null
    }
    case 'Server': {
      const n = mllogNumber(d?.get('result_query_count'))
      const rate = num('result_scheduled_samples_per_sec', 'Scheduled samples per second')
      return n !== null && rate !== null && rate > 0 ? (n - 1) / rate : null
    }
    case 'MultiStream':
      return null
  }
}

function minDurationCheck(input: ValidityInput): ValidityCheck {
  const label = 'Minimum duration'
  const required = minDurationMs(input.round)
  const d = input.detail
  const met =
    bool(d?.get('result_min_duration_met')) ?? input.summary?.constraints.minDuration ?? null
  const setting =
    mllogNumber(d?.get('effective_min_duration_ms')) ??
    (input.summary ? summaryNumber(input.summary, 'min_duration (ms)', 'testParameters') : null)
  const secs = runSeconds(input)
  const reqText = `MLPerf requires at least ${fmtNum(required / 1000)} s`
  if (met === null && setting === null) {
    return {
      id: 'min_duration',
      label,
      passed: null,
      explanation: 'The logs do not report the run duration.'
    }
  }
  const settingOk = setting === null ? true : setting >= required
  const passed = (met ?? true) && settingOk
  let explanation: string
  if (secs !== null) {
    explanation = `The run lasted ${fmtNum(secs)} s; ${reqText}.`
  } else if (met !== null) {
    explanation = met
      ? `LoadGen reports the minimum duration was met; ${reqText}.`
      : `LoadGen reports the run ended before its minimum duration; ${reqText}.`
  } else {
    explanation = `${reqText}.`
  }
  if (setting !== null && !settingOk) {
    explanation += ` The run was configured for only ${fmtNum(setting / 1000)} s.`
  }
  if (met === false && secs !== null) explanation += ' LoadGen reports the minimum was not met.'
  return { id: 'min_duration', label, passed, explanation }
}

function minQueriesCheck(input: ValidityInput): ValidityCheck {
  const label = 'Minimum queries'
  const d = input.detail
  const met =
    bool(d?.get('result_min_queries_met')) ?? input.summary?.constraints.minQueries ?? null
  const count = mllogNumber(d?.get('result_query_count'))
  const minCount =
    mllogNumber(d?.get('effective_min_query_count')) ??
    (input.summary ? summaryNumber(input.summary, 'min_query_count', 'testParameters') : null)
  if (met === null) {
    return {
      id: 'min_queries',
      label,
      passed: null,
      explanation: 'The logs do not report the query count check.'
    }
  }
  let explanation: string
  if (count !== null && minCount !== null) {
    explanation = `Processed ${fmtInt(count)} ${count === 1 ? 'query' : 'queries'}; at least ${fmtInt(minCount)} required.`
  } else if (minCount !== null) {
    explanation = met
      ? `LoadGen reports at least ${fmtInt(minCount)} ${minCount === 1 ? 'query was' : 'queries were'} processed, as required.`
      : `LoadGen reports fewer than the required ${fmtInt(minCount)} queries were processed.`
  } else {
    explanation = met
      ? 'LoadGen reports enough queries were processed.'
      : 'LoadGen reports too few queries were processed.'
  }
  return { id: 'min_queries', label, passed: met, explanation }
}

function latencyBoundCheck(input: ValidityInput): ValidityCheck {
  const label = 'Latency bound'
  const d = input.detail
  const s = input.summary
  const limits = tokenLimits(input.mlperfModel, input.folderScenario ?? input.scenario)
  const useTokens = bool(d?.get('requested_use_token_latencies')) === true
  if (limits && useTokens) {
    const ttft = mllogNumber(d?.get('result_first_token_99.00_percentile_latency_ns'))
    const tpot = mllogNumber(d?.get('result_time_per_output_token_99.00_percentile_ns'))
    if (ttft !== null && tpot !== null) {
      const ok = ttft < limits.ttft && tpot < limits.tpot
      return {
        id: 'latency_bound',
        label,
        passed: ok,
        explanation:
          `99th percentile time to first token ${msFromNs(ttft)} ms (limit ${msFromNs(limits.ttft)} ms) and ` +
          `time per output token ${msFromNs(tpot)} ms (limit ${msFromNs(limits.tpot)} ms) ` +
          (ok ? 'are within the bounds.' : 'exceed a bound.')
      }
    }
  }
  const met = bool(d?.get('result_perf_constraints_met')) ?? s?.constraints.performance ?? null
  const pct =
    mllogNumber(d?.get('effective_target_latency_percentile')) ??
    targetPercentile(input.mlperfModel, input.scenario) / 100
  const pctKey = `${(pct * 100).toFixed(2)}`
  // Legacy MultiStream bounds the per-query latency; Server the per-sample latency.
  const perQuery = input.scenario === 'MultiStream'
  const observed = perQuery
    ? (mllogNumber(d?.get(`result_${pctKey}_percentile_per_query_latency_ns`)) ??
      (s ? summaryNumber(s, `${pctKey} percentile latency (ns)`, 'perQuery') : null))
    : (mllogNumber(d?.get(`result_${pctKey}_percentile_latency_ns`)) ??
      (s ? summaryNumber(s, `${pctKey} percentile latency (ns)`) : null))
  const target =
    mllogNumber(d?.get('effective_target_latency_ns')) ??
    (s ? summaryNumber(s, 'target_latency (ns)', 'testParameters') : null)
  const bound = perQuery
    ? (LEGACY_MULTISTREAM_BOUND_NS[input.mlperfModel] ?? null)
    : (SERVER_LATENCY_BOUND_NS[input.mlperfModel] ?? null)
  const pctName = `${fmtNum(pct * 100, 1)}th percentile ${perQuery ? 'query ' : ''}latency`
  if (met === null && (observed === null || target === null)) {
    return {
      id: 'latency_bound',
      label,
      passed: null,
      explanation: 'The logs do not report the latency check.'
    }
  }
  const limit = target !== null && target > 0 ? target : bound
  // Since early stopping (v2.0) the checker also rejects a Server run configured with a looser
  // target than the benchmark's bound; earlier checkers only logged the observed percentile.
  const configOk =
    !inferenceEra(input.round, 'serverTargetBound') ||
    bound === null ||
    target === null ||
    target <= bound
  const passed = (met ?? (observed !== null && limit !== null && observed <= limit)) && configOk
  let explanation: string
  if (observed !== null && limit !== null) {
    explanation = `${pctName} ${msFromNs(observed)} ms is ${observed <= limit ? 'within' : 'above'} the ${msFromNs(limit)} ms bound.`
  } else {
    explanation = met
      ? 'LoadGen reports the latency constraint was met.'
      : 'LoadGen reports the latency constraint was not met.'
  }
  if (!configOk && target !== null && bound !== null) {
    explanation += ` The run targeted ${msFromNs(target)} ms, looser than the ${msFromNs(bound)} ms MLPerf allows.`
  }
  return { id: 'latency_bound', label, passed, explanation }
}

const EARLY_STOPPING = { id: 'early_stopping', label: 'Early stopping' } as const

/** Why early stopping does not apply (before v2.0, or an Offline run), or null when it does. */
function earlyStoppingNotApplicable(input: ValidityInput): string | null {
  if (!inferenceEra(input.round, 'earlyStopping')) {
    return 'Early stopping was introduced in v2.0; this round used fixed query counts instead.'
  }
  if (input.scenario === 'Offline') return 'Early stopping does not apply to Offline runs.'
  return null
}

/** LoadGen's yes/no on the criterion, in words. */
function earlyStoppingReported(met: boolean | null): string {
  if (met === null) return 'The logs do not report the early-stopping outcome.'
  return met
    ? 'LoadGen reports the early-stopping criterion was met.'
    : 'LoadGen reports the early-stopping criterion was not met.'
}

/** Each block's outcome (Server runs, token-latency TTFT/TPOT blocks), else LoadGen's yes/no. */
function blockOutcomes(blocks: readonly EarlyStoppingBlock[], met: boolean | null): string {
  const parts: string[] = []
  for (const b of blocks) {
    const name = b.name === '' ? 'Early stopping' : `${b.name} early stopping`
    if (b.runSuccessful === true) parts.push(`${name}: run successful.`)
    else if (b.runSuccessful === false) {
      const said = b.lines
        .join(' ')
        .replace(/\s*\*\s*/g, ' ')
        .trim()
      parts.push(`${name}: run unsuccessful. ${said}`)
    }
  }
  return parts.length > 0 ? parts.join(' ') : earlyStoppingReported(met)
}

/** The percentile estimate of a latency run, with the 99th beside a SingleStream 90th. */
function estimateText(input: ValidityInput, plain: EarlyStoppingBlock | undefined): string {
  const d = input.detail
  const pct = String(targetPercentile(input.mlperfModel, input.scenario))
  const key =
    input.scenario === 'SingleStream' ? 'early_stopping_latency_ss' : 'early_stopping_latency_ms'
  const estimate = (plain ? plain.estimates[pct] : undefined) ?? mllogNumber(d?.get(key))
  if (estimate === undefined || estimate === null || estimate <= 0) return ''
  let text = `; the ${pct}th percentile estimate is ${msFromNs(estimate)} ms`
  // SingleStream also estimates the 99th percentile (used to infer a MultiStream result).
  const p99 =
    input.scenario === 'SingleStream'
      ? ((plain ? plain.estimates['99'] : undefined) ??
        mllogNumber(d?.get('early_stopping_latency_ms')))
      : null
  if (pct === '90' && p99 !== undefined && p99 !== null && p99 > 0) {
    text += ` (99th: ${msFromNs(p99)} ms)`
  }
  return text
}

/** The plain block's figures: queries processed and needed, discarded, the estimate. */
function plainBlockText(
  input: ValidityInput,
  plain: EarlyStoppingBlock | undefined,
  met: boolean | null
): string {
  const processed = plain?.processedQueries ?? mllogNumber(input.detail?.get('result_query_count'))
  const needed = plain?.minQueries ?? null
  const discarded = plain?.discarded ?? null
  let explanation = 'Early stopping:'
  if (processed !== null) explanation += ` ${fmtInt(processed)} queries processed`
  if (needed !== null) explanation += `, at least ${fmtInt(needed)} needed`
  if (discarded !== null) {
    explanation += `; ${fmtInt(discarded)} highest ${discarded === 1 ? 'latency' : 'latencies'} discarded`
  }
  explanation += estimateText(input, plain) + '.'
  for (const n of plain?.notEnough ?? []) {
    explanation += ` Too few queries for a ${n.percentile}th percentile estimate${n.needed !== null ? ` (${fmtInt(n.needed)} needed)` : ''}.`
  }
  if (met === false) explanation += ' The criterion was not met.'
  return explanation === 'Early stopping:.' ? earlyStoppingReported(met) : explanation
}

function earlyStoppingCheck(input: ValidityInput): ValidityCheck {
  const notApplicable = earlyStoppingNotApplicable(input)
  if (notApplicable !== null) {
    return { ...EARLY_STOPPING, passed: null, explanation: notApplicable }
  }
  const s = input.summary
  const met = bool(input.detail?.get('early_stopping_met')) ?? s?.constraints.earlyStopping ?? null
  const blocks = s?.earlyStopping ?? []
  const plain = blocks.find((b) => b.name === '')
  const explanation =
    input.scenario === 'Server' || (plain === undefined && blocks.length > 0)
      ? blockOutcomes(blocks, met)
      : plainBlockText(input, plain, met)
  return { ...EARLY_STOPPING, passed: met, explanation }
}

function errorsCheck(input: ValidityInput): ValidityCheck {
  const label = 'LoadGen errors'
  const ignorable = IGNORED_LOADGEN_ERRORS[input.round] ?? []
  let messages = input.detailErrors
  if (messages === null) {
    const n = mllogNumber(input.detail?.get('num_errors')) ?? input.summary?.errors ?? null
    if (n === null)
      return {
        id: 'errors',
        label,
        passed: null,
        explanation: 'The logs do not report an error count.'
      }
    return {
      id: 'errors',
      label,
      passed: n === 0,
      explanation:
        n === 0
          ? 'LoadGen reported no errors.'
          : `LoadGen reported ${fmtInt(n)} error${n === 1 ? '' : 's'}; the submission checker rejects such runs.`
    }
  }
  messages = messages.map((m) => m.trim())
  const counted = messages.filter((m) => !ignorable.some((i) => m.includes(i)))
  const ignored = messages.length - counted.length
  if (messages.length === 0)
    return { id: 'errors', label, passed: true, explanation: 'LoadGen reported no errors.' }
  if (counted.length === 0) {
    return {
      id: 'errors',
      label,
      passed: true,
      explanation: `LoadGen logged ${fmtInt(ignored)} error${ignored === 1 ? '' : 's'} that the ${input.round} checker ignored: ${messages[0]}`
    }
  }
  return {
    id: 'errors',
    label,
    passed: false,
    explanation: `LoadGen logged ${fmtInt(counted.length)} error${counted.length === 1 ? '' : 's'}, which the submission checker rejects: ${counted[0]}`
  }
}

/** All checks for one run, in a fixed order. */
export function validityChecks(input: ValidityInput): ValidityCheck[] {
  const checks = [verdictCheck(input), minDurationCheck(input), minQueriesCheck(input)]
  const legacyMs = input.scenario === 'MultiStream' && isLegacyMultiStream(input.round)
  if (input.scenario === 'Server' || legacyMs) checks.push(latencyBoundCheck(input))
  checks.push(earlyStoppingCheck(input), errorsCheck(input))
  return checks
}

/** The summary's printed validity line, for notes. */
export function summaryVerdict(summary: SummaryLog): string | null {
  return summaryValue(summary, 'Result is', 'header')
}
