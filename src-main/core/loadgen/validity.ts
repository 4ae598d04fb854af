/**
 * The validity checks of a local performance run in plain words (rules A.8), in the same shape
 * as the checks shown for imported results (ValidityCheck), so the UI renders both alike.
 */
import type { ValidityCheck } from '../../shared/inference'
import { minQueriesForEarlyStopping } from './early-stopping'
import type { PerformanceSummary } from './performance-summary'

const int = (n: number): string => Math.round(n).toLocaleString('en-US')
const secs = (s: number): string => s.toLocaleString('en-US', { maximumFractionDigits: 2 })
function ms(ns: number): string {
  const v = ns / 1e6
  return v.toLocaleString('en-US', { maximumFractionDigits: v >= 100 ? 1 : v >= 1 ? 2 : 3 })
}

function durationCheck(ps: PerformanceSummary): ValidityCheck {
  const s = ps.settings
  const need = `at least ${secs(s.minDurationMs / 1000)} s required`
  let measured: string
  switch (s.scenario) {
    case 'Offline':
      measured = `The last sample completed ${secs(ps.maxLatencyS)} s after the start`
      break
    case 'Server':
      measured = `The last query was scheduled ${secs(ps.finalQueryScheduledS)} s after the start`
      break
    default:
      measured = `The last query was issued ${secs(ps.finalQueryIssuedS)} s after the start`
  }
  return {
    id: 'min_duration',
    label: 'Minimum duration',
    passed: ps.minDurationMet,
    explanation: `${measured}; ${need}.`
  }
}

function queriesCheck(ps: PerformanceSummary): ValidityCheck {
  const s = ps.settings
  let explanation = `Issued ${int(ps.queryCount)} ${ps.queryCount === 1 ? 'query' : 'queries'}; at least ${int(s.minQueryCount)} required`
  if (s.minSampleCount > s.minQueryCount) {
    explanation += `, with ${int(ps.sampleCount)} of at least ${int(s.minSampleCount)} samples`
  }
  return {
    id: 'min_queries',
    label: 'Minimum queries',
    passed: ps.minQueriesMet,
    explanation: explanation + '.'
  }
}

function latencyCheck(ps: PerformanceSummary): ValidityCheck {
  const s = ps.settings
  const pct = (s.targetLatencyPercentile * 100).toLocaleString('en-US', {
    maximumFractionDigits: 1
  })
  const ok = ps.perfConstraintsMet ?? true
  return {
    id: 'latency_bound',
    label: 'Latency bound',
    passed: ok,
    explanation:
      `${pct}th percentile latency ${ms(ps.targetPercentileLatency)} ms is ${ok ? 'within' : 'above'} the ` +
      `${ms(s.targetLatencyNs)} ms bound; ${int(ps.overLatencyCount ?? 0)} of ${int(ps.sampleCount)} samples were over it.`
  }
}

function earlyStoppingCheck(ps: PerformanceSummary): ValidityCheck {
  const s = ps.settings
  const es = ps.earlyStopping
  if (es === null) {
    return {
      id: 'early_stopping',
      label: 'Early stopping',
      passed: null,
      explanation: 'Early stopping does not apply to Offline runs.'
    }
  }
  const p = s.targetLatencyPercentile
  const pct = (p * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })
  let explanation: string
  if (s.scenario === 'Server') {
    explanation = es.met
      ? `With ${int(ps.overLatencyCount ?? 0)} samples over the latency bound, ${int(ps.queryCount)} queries are enough to be 99% confident the ${pct}th percentile is within it.`
      : `With ${int(ps.overLatencyCount ?? 0)} samples over the latency bound, ${int(ps.queryCount)} queries are not enough to be 99% confident the ${pct}th percentile is within it.`
  } else if (es.estimate === null) {
    explanation = `Only ${int(ps.queryCount)} queries were processed; early stopping needs at least ${int(minQueriesForEarlyStopping(p))} for a ${pct}th percentile estimate.`
  } else {
    explanation = `${int(ps.queryCount)} queries processed (at least ${int(minQueriesForEarlyStopping(p))} needed); the ${pct}th percentile estimate is ${ms(es.estimate)} ms.`
  }
  return { id: 'early_stopping', label: 'Early stopping', passed: es.met, explanation }
}

/** All checks of a performance run, verdict first. */
export function performanceChecks(ps: PerformanceSummary): ValidityCheck[] {
  const failed: string[] = []
  const checks = [durationCheck(ps), queriesCheck(ps)]
  if (ps.settings.scenario === 'Server') checks.push(latencyCheck(ps))
  checks.push(earlyStoppingCheck(ps))
  for (const c of checks) if (c.passed === false) failed.push(c.label.toLowerCase())
  const verdict: ValidityCheck = {
    id: 'loadgen_verdict',
    label: 'LoadGen verdict',
    passed: ps.valid,
    explanation: ps.valid
      ? 'VALID: every check passed.'
      : `INVALID: failed ${failed.join(', ')}.${ps.recommendations.length > 0 ? ' ' + ps.recommendations[0] : ''}`
  }
  return [verdict, ...checks]
}
