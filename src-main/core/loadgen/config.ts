/**
 * LoadGen test settings: the mlperf.conf / user.conf syntax (rules A.2), the requested settings
 * it fills (LoadGen's TestSettings with the built-in defaults of test_settings.h) and the
 * effective settings LoadGen derives from them per scenario (TestSettingsInternal).
 */
import type { LocalRunMode, LocalScenario } from '../../shared/local-run'
import { parseSeed } from './mt19937'

/** A `key = value` config line that could not be read. */
export type ConfError = { line: number; message: string }

/** Parsed config: full key (`model.scenario.setting`) → raw value; later lines win. */
export type ConfEntries = Map<string, string>

/** Thrown when a config file has syntax errors; the message names every bad line. */
export class ConfSyntaxError extends Error {
  constructor(
    readonly source: string,
    readonly errors: ConfError[]
  ) {
    super(`${source}: ${errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`)
    this.name = 'ConfSyntaxError'
  }
}

const INTEGER_RE = /^[+-]?(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i
const DOUBLE_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/**
 * Parse mlperf.conf/user.conf text: whitespace-separated tokens `key = value`, a `#` token
 * (before the value) ends the line, values must be an integer (base auto-detected) or a double.
 */
export function parseConf(text: string): { entries: ConfEntries; errors: ConfError[] } {
  const entries: ConfEntries = new Map()
  const errors: ConfError[] = []
  const lines = text.split(/\r?\n/)
  lines.forEach((line, i) => {
    const tokens = line.split(/\s+/).filter((t) => t !== '')
    let key: string | null = null
    let state = 0 // 0 = key, 1 = '=', 2 = value
    let valueSeen = false
    for (const tok of tokens) {
      if (tok === '#' && state !== 2) return
      if (state === 2) {
        if (INTEGER_RE.test(tok) || DOUBLE_RE.test(tok)) {
          if (key !== null) entries.set(key, tok)
          valueSeen = true
          continue
        }
        errors.push({ line: i + 1, message: `value needs to be integer or double: "${tok}"` })
        return
      }
      if (state === 1 && tok !== '=') {
        errors.push({ line: i + 1, message: "expected 'key = value'" })
        return
      }
      if (state === 0) {
        // "key=value" written without spaces is not LoadGen syntax either; say so clearly.
        if (tok.includes('=')) {
          errors.push({ line: i + 1, message: "expected spaces around '=' ('key = value')" })
          return
        }
        key = tok
      }
      state++
    }
    if (state === 1 || (state === 2 && !valueSeen)) {
      errors.push({ line: i + 1, message: "expected 'key = value'" })
    }
  })
  return { entries, errors }
}

/** Value of `setting` for a model and scenario with LoadGen's precedence. */
export function lookupConf(
  entries: ConfEntries,
  model: string,
  scenario: string,
  setting: string
): string | undefined {
  return (
    entries.get(`${model}.${scenario}.${setting}`) ??
    entries.get(`*.${scenario}.${setting}`) ??
    entries.get(`${model}.*.${setting}`) ??
    entries.get(`*.*.${setting}`)
  )
}

/** C strtoull(s, 0) on the leading part of a token: 0x hex, leading-0 octal, else decimal. */
export function confInteger(value: string): bigint {
  const m = /^[+-]?(0x[0-9a-f]+|0[0-7]*|\d+)/i.exec(value.trim())
  if (!m) return 0n
  let s = m[0]
  const neg = s.startsWith('-')
  s = s.replace(/^[+-]/, '')
  let n: bigint
  if (/^0x/i.test(s)) n = BigInt(s)
  else if (s.length > 1 && s.startsWith('0')) n = BigInt('0o' + s.slice(1))
  else n = BigInt(s)
  return BigInt.asUintN(64, neg ? -n : n)
}

/** LoadGen's requested settings (TestSettings), with percentiles as fractions and times in ns/ms. */
export type TestSettings = {
  scenario: LocalScenario
  mode: LocalRunMode
  singleStreamExpectedLatencyNs: number
  singleStreamTargetLatencyPercentile: number
  multiStreamExpectedLatencyNs: number
  multiStreamTargetLatencyPercentile: number
  multiStreamSamplesPerQuery: number
  serverTargetQps: number
  serverTargetLatencyNs: number
  serverTargetLatencyPercentile: number
  serverCoalesceQueries: boolean
  serverMaxAsyncQueries: number
  offlineExpectedQps: number
  minDurationMs: number
  maxDurationMs: number
  minQueryCount: number
  maxQueryCount: number
  qslRngSeed: bigint
  sampleIndexRngSeed: bigint
  scheduleRngSeed: bigint
  accuracyLogRngSeed: bigint
  accuracyLogProbability: number
  accuracyLogSamplingTarget: number
  printTimestamps: boolean
  performanceIssueUnique: boolean
  performanceIssueSame: boolean
  performanceIssueSameIndex: number
  performanceSampleCountOverride: number
  /** LoadGen 6.x: samples accuracy mode issues; 0 = the QSL's total count. */
  accuracySampleCountOverride: number
  sampleConcatenatePermutation: boolean
}

/** LoadGen's built-in defaults (test_settings.h) for a scenario and mode. */
export function builtInTestSettings(scenario: LocalScenario, mode: LocalRunMode): TestSettings {
  return {
    scenario,
    mode,
    singleStreamExpectedLatencyNs: 1_000_000,
    singleStreamTargetLatencyPercentile: 0.9,
    multiStreamExpectedLatencyNs: 8_000_000,
    multiStreamTargetLatencyPercentile: 0.99,
    multiStreamSamplesPerQuery: 8,
    serverTargetQps: 1,
    serverTargetLatencyNs: 100_000_000,
    serverTargetLatencyPercentile: 0.99,
    serverCoalesceQueries: false,
    serverMaxAsyncQueries: 0,
    offlineExpectedQps: 1,
    minDurationMs: 10_000,
    maxDurationMs: 0,
    minQueryCount: 100,
    maxQueryCount: 0,
    qslRngSeed: 0n,
    sampleIndexRngSeed: 0n,
    scheduleRngSeed: 0n,
    accuracyLogRngSeed: 0n,
    accuracyLogProbability: 0,
    accuracyLogSamplingTarget: 0,
    printTimestamps: false,
    performanceIssueUnique: false,
    performanceIssueSame: false,
    performanceIssueSameIndex: 0,
    performanceSampleCountOverride: 0,
    accuracySampleCountOverride: 0,
    sampleConcatenatePermutation: false
  }
}

/** Keys LoadGen ≥ 5.0 only takes from its built-in mlperf.conf, never from user.conf. */
const BUILT_IN_ONLY = new Set([
  'qsl_rng_seed',
  'sample_index_rng_seed',
  'schedule_rng_seed',
  'accuracy_log_probability',
  'accuracy_log_rng_seed'
])

/** Keys of a user.conf that LoadGen ≥ 5.0 ignores there (only the built-in mlperf.conf sets them). */
export function userConfIgnoredKeys(text: string): string[] {
  const keys = new Set<string>()
  for (const k of parseConf(text).entries.keys()) {
    const setting = k.split('.').at(-1) ?? ''
    if (BUILT_IN_ONLY.has(setting)) keys.add(k)
  }
  return [...keys]
}

/**
 * Apply config entries to test settings as LoadGen's FromConfig does (integer keys through
 * strtoull, ms → ns for latencies, percent → fraction for percentiles). `userConf` drops the
 * keys LoadGen only reads from mlperf.conf.
 */
export function applyConf(
  base: TestSettings,
  entries: ConfEntries,
  model: string,
  userConf = false
): TestSettings {
  const s = { ...base }
  const scenario = s.scenario
  const get = (sc: string, key: string): string | undefined =>
    userConf && BUILT_IN_ONLY.has(key) ? undefined : lookupConf(entries, model, sc, key)
  const int = (sc: string, key: string, set: (v: bigint) => void): void => {
    const v = get(sc, key)
    if (v !== undefined) set(confInteger(v))
  }
  const dbl = (sc: string, key: string, set: (v: number) => void): void => {
    const v = get(sc, key)
    if (v !== undefined) set(Number(v))
  }
  int(scenario, 'mode', (v) => {
    if (v === 1n) s.mode = 'AccuracyOnly'
    else if (v === 2n) s.mode = 'PerformanceOnly'
  })
  int(scenario, 'min_duration', (v) => (s.minDurationMs = Number(v)))
  int(scenario, 'max_duration', (v) => (s.maxDurationMs = Number(v)))
  int(scenario, 'min_query_count', (v) => (s.minQueryCount = Number(v)))
  int(scenario, 'max_query_count', (v) => (s.maxQueryCount = Number(v)))
  int(scenario, 'qsl_rng_seed', (v) => (s.qslRngSeed = v))
  int(scenario, 'sample_index_rng_seed', (v) => (s.sampleIndexRngSeed = v))
  int(scenario, 'schedule_rng_seed', (v) => (s.scheduleRngSeed = v))
  int(scenario, 'accuracy_log_rng_seed', (v) => (s.accuracyLogRngSeed = v))
  dbl(scenario, 'accuracy_log_probability', (v) => (s.accuracyLogProbability = v * 0.01))
  int(scenario, 'accuracy_log_sampling_target', (v) => (s.accuracyLogSamplingTarget = Number(v)))
  int(scenario, 'print_timestamps', (v) => (s.printTimestamps = v !== 0n))
  int(scenario, 'performance_issue_unique', (v) => (s.performanceIssueUnique = v !== 0n))
  int(scenario, 'performance_issue_same', (v) => (s.performanceIssueSame = v !== 0n))
  int(scenario, 'performance_issue_same_index', (v) => (s.performanceIssueSameIndex = Number(v)))
  int(
    scenario,
    'performance_sample_count_override',
    (v) => (s.performanceSampleCountOverride = Number(v))
  )
  int(
    scenario,
    'accuracy_sample_count_override',
    (v) => (s.accuracySampleCountOverride = Number(v))
  )
  int(
    scenario,
    'sample_concatenate_permutation',
    (v) => (s.sampleConcatenatePermutation = v !== 0n)
  )
  dbl(
    'SingleStream',
    'target_latency_percentile',
    (v) => (s.singleStreamTargetLatencyPercentile = v * 0.01)
  )
  // The expected latencies are doubles in LoadGen 6.x (logged as "2.1e+10"), so "0.5" is 0.5 ms.
  dbl('SingleStream', 'target_latency', (v) => (s.singleStreamExpectedLatencyNs = v * 1e6))
  dbl(
    'MultiStream',
    'target_latency_percentile',
    (v) => (s.multiStreamTargetLatencyPercentile = v * 0.01)
  )
  dbl('MultiStream', 'target_latency', (v) => (s.multiStreamExpectedLatencyNs = v * 1e6))
  int('MultiStream', 'samples_per_query', (v) => (s.multiStreamSamplesPerQuery = Number(v)))
  dbl('Server', 'target_latency_percentile', (v) => (s.serverTargetLatencyPercentile = v * 0.01))
  int('Server', 'target_latency', (v) => (s.serverTargetLatencyNs = Number(v) * 1e6))
  dbl('Server', 'target_qps', (v) => (s.serverTargetQps = v))
  int('Server', 'coalesce_queries', (v) => (s.serverCoalesceQueries = v !== 0n))
  int('Server', 'max_async_queries', (v) => (s.serverMaxAsyncQueries = Number(v)))
  dbl('Offline', 'target_qps', (v) => (s.offlineExpectedQps = v))
  return s
}

/** Settings LoadGen actually runs with (TestSettingsInternal), as logged under effective_*. */
export type EffectiveSettings = {
  scenario: LocalScenario
  mode: LocalRunMode
  samplesPerQuery: number
  targetQps: number
  targetLatencyNs: number
  targetLatencyPercentile: number
  maxAsyncQueries: number
  targetDurationMs: number
  minDurationMs: number
  maxDurationMs: number
  minQueryCount: number
  maxQueryCount: number
  minSampleCount: number
  qslRngSeed: bigint
  sampleIndexRngSeed: bigint
  scheduleRngSeed: bigint
  accuracyLogRngSeed: bigint
  accuracyLogProbability: number
  accuracyLogSamplingTarget: number
  printTimestamps: boolean
  performanceIssueUnique: boolean
  performanceIssueSame: boolean
  performanceIssueSameIndex: number
  performanceSampleCount: number
  /** Samples accuracy mode covers (LoadGen 6.x effective_accuracy_sample_count). */
  accuracySampleCount: number
  sampleConcatenatePermutation: boolean
}

type ScenarioTargets = Pick<
  EffectiveSettings,
  | 'samplesPerQuery'
  | 'targetQps'
  | 'targetLatencyNs'
  | 'targetLatencyPercentile'
  | 'maxAsyncQueries'
>

/**
 * What each scenario takes from its own settings: the query rate (SingleStream and MultiStream
 * from the expected latency), the latency bound and percentile, queries in flight and (for
 * MultiStream) samples per query. Offline's query size is decided later, from the duration.
 */
export function scenarioTargets(ts: TestSettings): ScenarioTargets {
  switch (ts.scenario) {
    case 'SingleStream':
      return {
        samplesPerQuery: 1,
        targetQps: 1e9 / ts.singleStreamExpectedLatencyNs,
        targetLatencyNs: 0,
        targetLatencyPercentile: ts.singleStreamTargetLatencyPercentile,
        maxAsyncQueries: 1
      }
    case 'MultiStream':
      return {
        samplesPerQuery: ts.multiStreamSamplesPerQuery,
        targetQps: 1e9 / ts.multiStreamExpectedLatencyNs,
        targetLatencyNs: 0,
        targetLatencyPercentile: ts.multiStreamTargetLatencyPercentile,
        maxAsyncQueries: 1
      }
    case 'Server':
      return {
        samplesPerQuery: 1,
        targetQps: ts.serverTargetQps,
        targetLatencyNs: ts.serverTargetLatencyNs,
        targetLatencyPercentile: ts.serverTargetLatencyPercentile,
        maxAsyncQueries: ts.serverMaxAsyncQueries
      }
    case 'Offline':
      return {
        samplesPerQuery: 1,
        targetQps: ts.offlineExpectedQps,
        targetLatencyNs: 0,
        targetLatencyPercentile: 0.99,
        maxAsyncQueries: 1
      }
  }
}

/** Derive the effective settings from requested ones (rules A.5 and B.2 "effective values"). */
export function effectiveSettings(
  ts: TestSettings,
  qslPerformanceCount: number,
  qslTotalCount = qslPerformanceCount
): EffectiveSettings {
  const targets = scenarioTargets(ts)
  const { targetQps, targetLatencyNs, targetLatencyPercentile, maxAsyncQueries } = targets
  let samplesPerQuery = targets.samplesPerQuery
  let targetDurationMs = ts.minDurationMs
  let minQueryCount = ts.minQueryCount
  const performanceSampleCount =
    ts.performanceSampleCountOverride === 0
      ? qslPerformanceCount
      : ts.performanceSampleCountOverride
  if (ts.scenario === 'Offline') {
    // LoadGen pads the single query by 10% so it outlasts min_duration at the expected rate.
    const target = Math.floor(1.1 * (targetDurationMs / 1000) * targetQps)
    samplesPerQuery =
      ts.performanceIssueUnique || ts.performanceIssueSame
        ? performanceSampleCount
        : Math.max(minQueryCount, target)
    minQueryCount = 1
    targetDurationMs = 0
  }
  return {
    scenario: ts.scenario,
    mode: ts.mode,
    samplesPerQuery,
    targetQps,
    targetLatencyNs,
    targetLatencyPercentile,
    maxAsyncQueries,
    targetDurationMs,
    minDurationMs: ts.minDurationMs,
    maxDurationMs: ts.maxDurationMs,
    minQueryCount,
    maxQueryCount: ts.maxQueryCount,
    minSampleCount: minQueryCount * samplesPerQuery,
    qslRngSeed: ts.qslRngSeed,
    sampleIndexRngSeed: ts.sampleIndexRngSeed,
    scheduleRngSeed: ts.scheduleRngSeed,
    accuracyLogRngSeed: ts.accuracyLogRngSeed,
    accuracyLogProbability: ts.accuracyLogProbability,
    accuracyLogSamplingTarget: ts.accuracyLogSamplingTarget,
    printTimestamps: ts.printTimestamps,
    performanceIssueUnique: ts.performanceIssueUnique,
    performanceIssueSame: ts.performanceIssueSame,
    performanceIssueSameIndex: ts.performanceIssueSameIndex,
    performanceSampleCount,
    accuracySampleCount:
      ts.accuracySampleCountOverride === 0 ? qslTotalCount : ts.accuracySampleCountOverride,
    sampleConcatenatePermutation: ts.sampleConcatenatePermutation
  }
}

/** Seeds in RunSettings are decimal strings; LoadGen's are uint64. */
export function seedFromSetting(value: string, name: string): bigint {
  try {
    return parseSeed(value)
  } catch {
    throw new Error(`${name} must be an unsigned 64-bit integer, got "${value}"`)
  }
}
