/**
 * mlperf_log_detail.txt in LoadGen's `:::MLLOG` format (rules B.3): one JSON object per line with
 * keys in LoadGen's order, `time_ms` relative to the log origin with 6 decimals, doubles in the
 * C++ stream default, integers plain (uint64 seeds as BigInt), booleans true/false.
 * Unlike LoadGen, strings are JSON-escaped so every line stays valid JSON.
 */
import type { LoadgenBuild } from './build-info'
import type { EffectiveSettings, TestSettings } from './config'
import { formatCppDefault, formatInteger } from './format-number'
import type { PerformanceSummary } from './performance-summary'
import { logEffectiveSettings, logRequestedSettings } from './detail-settings'
import { REPORTED_PERCENTILES } from './stats'

/** A detail value with the C++ type that decides how it prints. */
export type DetailValue =
  | { kind: 'string'; v: string }
  | { kind: 'int'; v: number | bigint }
  | { kind: 'double'; v: number }
  | { kind: 'bool'; v: boolean }
  | { kind: 'intList'; v: ArrayLike<number> }
  | { kind: 'map'; v: Record<string, string> }

function encode(value: DetailValue): string {
  switch (value.kind) {
    case 'string':
      return JSON.stringify(value.v)
    case 'int':
      return formatInteger(value.v)
    case 'double': {
      // JSON has no inf/nan; LoadGen prints Infinity/NaN (which Python's json accepts).
      if (Number.isNaN(value.v)) return 'NaN'
      if (!Number.isFinite(value.v)) return value.v > 0 ? 'Infinity' : '-Infinity'
      return formatCppDefault(value.v)
    }
    case 'bool':
      return value.v ? 'true' : 'false'
    case 'intList': {
      const parts: string[] = []
      for (let i = 0; i < value.v.length; i++) parts.push(formatInteger(value.v[i]!))
      return `[${parts.join(',')}]`
    }
    case 'map':
      // LoadGen prints maps without spaces: {"/loadgen.cc":"86bc…","/logging.cc":"f5d1…"}.
      return `{${Object.entries(value.v)
        .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
        .join(',')}}`
  }
}

/** `ns` since the log origin as LoadGen prints time_ms: integer ms, '.', 6 digits. */
export function formatTimeMs(ns: bigint): string {
  const v = ns < 0n ? 0n : ns
  return `${(v / 1_000_000n).toString()}.${(v % 1_000_000n).toString().padStart(6, '0')}`
}

/** Accumulates detail lines; the caller supplies timestamps so output is deterministic in tests. */
export class DetailLog {
  private readonly lines: string[] = []
  errors = 0
  warnings = 0

  constructor(
    private readonly originNs: bigint,
    private readonly pid: number,
    private readonly tid: number,
    private readonly file = 'mlperf-explorer'
  ) {}

  log(
    key: string,
    value: DetailValue,
    atNs: bigint,
    flags: { error?: boolean; warning?: boolean; file?: string; line?: number } = {}
  ): void {
    const isError = flags.error === true
    const isWarning = flags.warning === true
    if (isError) this.errors++
    if (isWarning) this.warnings++
    this.lines.push(
      `:::MLLOG {"key": ${JSON.stringify(key)}, "value": ${encode(value)}, "time_ms": ${formatTimeMs(atNs - this.originNs)}, ` +
        `"namespace": "mlperf::logging", "event_type": "POINT_IN_TIME", "metadata": {"is_error": ${isError}, ` +
        `"is_warning": ${isWarning}, "file": ${JSON.stringify(flags.file ?? this.file)}, "line_no": ${flags.line ?? 0}, "pid": ${this.pid}, "tid": ${this.tid}}}`
    )
  }

  str(key: string, v: string, at: bigint): void {
    this.log(key, { kind: 'string', v }, at)
  }
  int(key: string, v: number | bigint, at: bigint): void {
    this.log(key, { kind: 'int', v }, at)
  }
  dbl(key: string, v: number, at: bigint): void {
    this.log(key, { kind: 'double', v }, at)
  }
  bool(key: string, v: boolean, at: bigint): void {
    this.log(key, { kind: 'bool', v }, at)
  }
  error(key: string, message: string, at: bigint): void {
    this.log(key, { kind: 'string', v: message }, at, { error: true })
  }
  warning(message: string, at: bigint): void {
    this.log('warning_generic_message', { kind: 'string', v: message }, at, { warning: true })
  }

  text(): string {
    return this.lines.length === 0 ? '' : this.lines.join('\n') + '\n'
  }
}

/** Identity of the run written at the start of the log. */
export type DetailRunInfo = {
  build: LoadgenBuild
  /** Local time, formatted "YYYY-MM-DDTHH:MM:SSZ" as LoadGen does. */
  testDatetime: string
  sutName: string
  qslName: string
  qslTotalCount: number
  qslPerformanceCount: number
}

/**
 * Version block, identity, requested_* and effective_* blocks in LoadGen 6.x's order (real
 * 6.0.16 logs; loadgen/version.cc, loadgen.cc `StartTest`, test_settings_internal.cc). The app's
 * own notes follow the version block as generic_message lines.
 */
export function logRunStart(
  d: DetailLog,
  at: bigint,
  info: DetailRunInfo,
  notes: string[],
  req: TestSettings,
  eff: EffectiveSettings
): void {
  logVersionBlock(d, at, info.build)
  for (const n of notes) d.str('generic_message', n, at)
  logRunIdentity(d, at, info)
  logRequestedSettings(d, at, req)
  logEffectiveSettings(d, at, eff)
}

/** The LoadGen build, logged first (loadgen/version.cc). */
export function logVersionBlock(d: DetailLog, at: bigint, b: LoadgenBuild): void {
  d.str('loadgen_version', b.version, at)
  d.str('loadgen_build_date_local', b.dateLocal, at)
  d.str('loadgen_build_date_utc', b.dateUtc, at)
  d.str('loadgen_git_commit_date', b.gitCommitDate, at)
  d.str('loadgen_git_log_message', b.gitLogMessage, at)
  d.str('loadgen_git_status_message', b.gitStatusMessage, at)
  d.log('loadgen_file_sha1', { kind: 'map', v: b.fileSha1 }, at)
}

/** When the test ran and what it ran on: the SUT and the QSL with their reported counts. */
export function logRunIdentity(d: DetailLog, at: bigint, info: DetailRunInfo): void {
  d.str('test_datetime', info.testDatetime, at)
  d.str('sut_name', info.sutName, at)
  d.int('get_sut_name_duration_ns', 0, at)
  d.str('qsl_name', info.qslName, at)
  d.int('qsl_reported_total_count', info.qslTotalCount, at)
  d.int('qsl_reported_performance_count', info.qslPerformanceCount, at)
}

/** The query generation keys LoadGen logs before issuing (loadgen.cc `GenerateQueries`). */
export function logGeneratedQueries(
  d: DetailLog,
  at: bigint,
  g: { count: number; samplesPerQuery: number; durationNs: number }
): void {
  d.int('generated_query_count', g.count, at)
  d.int('generated_samples_per_query', g.samplesPerQuery, at)
  d.int('generated_query_duration', g.durationNs, at)
}

/**
 * The logger's contention counters LoadGen logs after every test as a sanity check
 * (logging.cc `LogContentionAndAllocations`); this logger has no lock-free buffers, so 0.
 */
export function logLoggerCounters(d: DetailLog, at: bigint): void {
  for (const key of [
    'logger_swap_request_slots_retry_count',
    'logger_swap_request_slots_retry_retry_count',
    'logger_swap_request_slots_retry_reencounter_count',
    'logger_start_reading_entries_retry_count',
    'logger_tls_total_log_cas_fail_count',
    'logger_tls_total_swap_buffers_slot_retry_count'
  ])
    d.int(key, 0, at)
}

/** UTC "MM-DD-YYYY HH:MM:SS.mmm" as LoadGen prints power_begin/power_end. */
export function powerTimestamp(ms: number): string {
  const d = new Date(ms)
  const p = (n: number, w = 2): string => n.toString().padStart(w, '0')
  return (
    `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${d.getUTCFullYear()} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`
  )
}

/** Local time as LoadGen's test_datetime ("%FT%TZ" of local time). */
export function testDatetime(ms: number): string {
  const d = new Date(ms)
  const p = (n: number): string => n.toString().padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}Z`
}

/** The result_* block of a performance run (results.cc LogDetail order). */
export function logResults(d: DetailLog, at: bigint, ps: PerformanceSummary): void {
  const s = ps.settings
  d.str('result_validity', ps.valid ? 'VALID' : 'INVALID', at)
  if (s.scenario === 'Server')
    d.bool('result_perf_constraints_met', ps.perfConstraintsMet ?? true, at)
  d.bool('result_min_duration_met', ps.minDurationMet, at)
  d.bool('result_min_queries_met', ps.minQueriesMet, at)
  d.bool('early_stopping_met', ps.earlyStopping?.met ?? true, at)
  if (!ps.valid) d.str('result_invalid_reason', ps.invalidReason, at)
  d.str('early_stopping_result', (ps.earlyStopping?.text ?? '').replace(/\n/g, ' '), at)
  d.int('result_query_count', ps.queryCount, at)
  if (s.scenario === 'Server') d.int('result_overlatency_query_count', ps.overLatencyCount ?? 0, at)
  switch (s.scenario) {
    case 'SingleStream':
      d.dbl('result_qps_with_loadgen_overhead', ps.qpsWithLoadgenOverhead ?? 0, at)
      d.dbl('result_qps_without_loadgen_overhead', ps.qpsWithoutLoadgenOverhead ?? 0, at)
      d.int('early_stopping_latency_ss', ps.earlyStopping?.estimate ?? 0, at)
      d.int('early_stopping_latency_ms', ps.earlyStopping?.estimateP99 ?? 0, at)
      break
    case 'MultiStream': {
      const q = ps.perQuery
      if (q) {
        d.int('result_min_query_latency_ns', q.min, at)
        d.int('result_max_query_latency_ns', q.max, at)
        d.int('result_mean_query_latency_ns', q.mean, at)
        for (const { label } of REPORTED_PERCENTILES) {
          d.int(`result_${label}_percentile_per_query_latency_ns`, q.percentiles[label] ?? 0, at)
        }
      }
      d.int('early_stopping_latency_ms', ps.earlyStopping?.estimate ?? 0, at)
      break
    }
    case 'Server':
      d.dbl('result_scheduled_samples_per_sec', ps.scheduledSamplesPerSecond ?? 0, at)
      d.dbl('result_completed_samples_per_sec', ps.completedSamplesPerSecond ?? 0, at)
      break
    case 'Offline':
      d.dbl('result_samples_per_second', ps.samplesPerSecond ?? 0, at)
      break
  }
  d.int('result_min_latency_ns', ps.sample.min, at)
  d.int('result_max_latency_ns', ps.sample.max, at)
  d.int('result_mean_latency_ns', ps.sample.mean, at)
  for (const { label } of REPORTED_PERCENTILES) {
    d.int(`result_${label}_percentile_latency_ns`, ps.sample.percentiles[label] ?? 0, at)
  }
}
