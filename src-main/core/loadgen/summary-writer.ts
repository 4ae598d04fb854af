/**
 * mlperf_log_summary.txt, byte for byte in LoadGen's layout (rules B.2; 6.0 by default, 4.1 on
 * request for the published examples the tests reproduce): 48 '=' rules,
 * fixed 2-decimal numbers where LoadGen uses DoubleToString, C++ stream defaults elsewhere,
 * 0/1 booleans, the early-stopping block, Test Parameters Used and the warning/error lines.
 */
import type { EffectiveSettings } from './config'
import { formatCppDefault, formatFixed, formatInteger } from './format-number'
import type { LatencyBlock, PerformanceSummary } from './performance-summary'
import { REPORTED_PERCENTILES } from './stats'

const RULE = '='.repeat(48)

/** How the counts at the bottom read. */
export function warningLine(warnings: number): string {
  if (warnings === 0) return 'No warnings encountered during test.'
  if (warnings === 1) return '1 warning encountered. See detailed log.'
  return `${warnings} warnings encountered. See detailed log.`
}

export function errorLine(errors: number): string {
  if (errors === 0) return 'No errors encountered during test.'
  if (errors === 1) return '1 ERROR encountered. See detailed log.'
  return `${errors} ERRORS encountered. See detailed log.`
}

/** The two closing lines every summary ends with (also the whole file in accuracy mode). */
export function summaryFooter(warnings: number, errors: number): string {
  return `\n${warningLine(warnings)}\n\n${errorLine(errors)}\n`
}

function latencyLines(out: string[], b: LatencyBlock): void {
  out.push(`Min latency (ns)                : ${formatInteger(b.min)}`)
  out.push(`Max latency (ns)                : ${formatInteger(b.max)}`)
  out.push(`Mean latency (ns)               : ${formatInteger(b.mean)}`)
  for (const { label } of REPORTED_PERCENTILES) {
    out.push(`${label} percentile latency (ns)   : ${formatInteger(b.percentiles[label] ?? 0)}`)
  }
}

/** Which LoadGen's layout: 4.1–5.0 ("90th", no accuracy_sample_count) or 6.0 (the app's). */
export type SummaryFormat = 'v4.1' | 'v6.0'

/** The "Test Parameters Used" lines (effective settings). */
export function testParameterLines(s: EffectiveSettings, format: SummaryFormat = 'v6.0'): string[] {
  const b = (v: boolean): string => (v ? '1' : '0')
  return [
    `samples_per_query : ${formatInteger(s.samplesPerQuery)}`,
    `target_qps : ${formatCppDefault(s.targetQps)}`,
    `target_latency (ns): ${formatInteger(s.targetLatencyNs)}`,
    `max_async_queries : ${formatInteger(s.maxAsyncQueries)}`,
    `min_duration (ms): ${formatInteger(s.minDurationMs)}`,
    `max_duration (ms): ${formatInteger(s.maxDurationMs)}`,
    `min_query_count : ${formatInteger(s.minQueryCount)}`,
    `max_query_count : ${formatInteger(s.maxQueryCount)}`,
    `qsl_rng_seed : ${s.qslRngSeed.toString()}`,
    `sample_index_rng_seed : ${s.sampleIndexRngSeed.toString()}`,
    `schedule_rng_seed : ${s.scheduleRngSeed.toString()}`,
    `accuracy_log_rng_seed : ${s.accuracyLogRngSeed.toString()}`,
    `accuracy_log_probability : ${formatCppDefault(s.accuracyLogProbability)}`,
    `accuracy_log_sampling_target : ${formatInteger(s.accuracyLogSamplingTarget)}`,
    `print_timestamps : ${b(s.printTimestamps)}`,
    `performance_issue_unique : ${b(s.performanceIssueUnique)}`,
    `performance_issue_same : ${b(s.performanceIssueSame)}`,
    `performance_issue_same_index : ${formatInteger(s.performanceIssueSameIndex)}`,
    `performance_sample_count : ${formatInteger(s.performanceSampleCount)}`,
    ...(format === 'v6.0'
      ? [`accuracy_sample_count : ${formatInteger(s.accuracySampleCount)}`]
      : [])
  ]
}

export type SummaryOptions = {
  sutName: string
  warnings: number
  errors: number
  /** Layout; default 'v6.0' ("90.0th" labels, accuracy_sample_count). */
  format?: SummaryFormat
}

/** The full performance-mode summary file. */
export function writeSummary(ps: PerformanceSummary, opt: SummaryOptions): string {
  const s = ps.settings
  const out: string[] = [RULE, 'MLPerf Results Summary', RULE]
  out.push(`SUT name : ${opt.sutName}`)
  out.push(`Scenario : ${s.scenario}`)
  out.push(`Mode     : ${s.mode}`)
  const format = opt.format ?? 'v6.0'
  // DoubleToString(p · 100, 0) up to LoadGen 5.0 ("90th"), 1 decimal from 5.1 ("90.0th").
  const pct = formatFixed(s.targetLatencyPercentile * 100, format === 'v6.0' ? 1 : 0)
  switch (s.scenario) {
    case 'SingleStream':
    case 'MultiStream':
      out.push(`${pct}th percentile latency (ns) : ${formatInteger(ps.targetPercentileLatency)}`)
      break
    case 'Server':
      out.push(
        `Completed samples per second    : ${formatFixed(ps.completedSamplesPerSecond ?? 0)}`
      )
      break
    case 'Offline':
      out.push(`Samples per second: ${formatCppDefault(ps.samplesPerSecond ?? 0)}`)
      break
  }
  out.push(`Result is : ${ps.valid ? 'VALID' : 'INVALID'}`)
  const yes = (v: boolean): string => (v ? 'Yes' : 'NO')
  if (s.scenario === 'Server') {
    out.push(`  Performance constraints satisfied : ${yes(ps.perfConstraintsMet ?? true)}`)
  }
  out.push(`  Min duration satisfied : ${yes(ps.minDurationMet)}`)
  out.push(`  Min queries satisfied : ${yes(ps.minQueriesMet)}`)
  out.push(`  Early stopping satisfied: ${yes(ps.earlyStopping?.met ?? true)}`)
  if (!ps.valid) {
    out.push('Recommendations:')
    for (const r of ps.recommendations) out.push(` * ${r}`)
  }
  if (ps.earlyStopping !== null) {
    out.push('Early Stopping Result:')
    out.push(ps.earlyStopping.text)
  }
  out.push('', RULE, 'Additional Stats', RULE)
  if (s.scenario === 'SingleStream') {
    out.push(`QPS w/ loadgen overhead         : ${formatFixed(ps.qpsWithLoadgenOverhead ?? 0)}`)
    out.push(`QPS w/o loadgen overhead        : ${formatFixed(ps.qpsWithoutLoadgenOverhead ?? 0)}`)
    out.push('')
  } else if (s.scenario === 'Server') {
    out.push(`Scheduled samples per second : ${formatFixed(ps.scheduledSamplesPerSecond ?? 0)}`)
  } else if (s.scenario === 'MultiStream' && ps.perQuery !== null) {
    out.push('Per-query latency:  ')
    latencyLines(out, ps.perQuery)
  }
  if (s.scenario !== 'MultiStream') latencyLines(out, ps.sample)
  out.push('', RULE, 'Test Parameters Used', RULE)
  out.push(...testParameterLines(s, format))
  return out.join('\n') + '\n' + summaryFooter(opt.warnings, opt.errors)
}
