/**
 * Resolve a local run's settings the way LoadGen would: built-in defaults, then the official
 * mlperf.conf for the benchmark and scenario, then the user's user.conf text, then explicit
 * fields. Also maps RunSettings to LoadGen's requested TestSettings.
 */
import type { LocalScenario, RunSettings, RunSettingsInput } from '../../shared/local-run'
import type { TestSettings } from '../loadgen/config'
import {
  applyConf,
  builtInTestSettings,
  ConfSyntaxError,
  parseConf,
  seedFromSetting
} from '../loadgen/config'
import { MLPERF_CONF, MLPERF_CONF_MODELS } from '../loadgen/mlperf-conf-defaults'
import { DEFAULT_IMAGE_PREPROCESS } from './image-preprocess'

/** mlperf.conf lookups with no benchmark chosen: only the `*.` entries apply. */
export const ANY_BENCHMARK = '*'

/** Thrown when a run names no benchmark, or one mlperf.conf does not know. */
export class BenchmarkChoiceError extends Error {
  constructor(benchmark: string | undefined) {
    super(
      benchmark === undefined || benchmark.trim() === ''
        ? 'Choose the MLPerf benchmark the model stands for (its mlperf.conf settings and the published results it is compared with depend on it).'
        : `Unknown benchmark "${benchmark}"; choose one of ${MLPERF_CONF_MODELS.join(', ')}.`
    )
    this.name = 'BenchmarkChoiceError'
  }
}

/** Runner defaults per scenario: MultiStream runs its 8 samples as one batch, Offline batches 8. */
const DEFAULT_BATCH: Record<LocalScenario, number> = {
  SingleStream: 1,
  MultiStream: 8,
  Server: 4,
  Offline: 8
}

/** Requested LoadGen settings for a benchmark/scenario from mlperf.conf (+ user.conf text). */
export function confTestSettings(
  benchmark: string,
  scenario: LocalScenario,
  mode: RunSettings['mode'],
  userConf: string | null
): TestSettings {
  const official = parseConf(MLPERF_CONF)
  let ts = applyConf(builtInTestSettings(scenario, mode), official.entries, benchmark)
  if (userConf !== null && userConf.trim() !== '') {
    const user = parseConf(userConf)
    if (user.errors.length > 0) throw new ConfSyntaxError('user.conf', user.errors)
    ts = applyConf(ts, user.entries, benchmark, true)
  }
  return ts
}

/**
 * Fill every field of RunSettings. Throws on a missing or unknown benchmark (there is no silent
 * default: ANY_BENCHMARK gives the generic `*` settings for a form that has none chosen yet),
 * bad user.conf syntax or seeds.
 */
export function resolveRunSettings(input: RunSettingsInput): RunSettings {
  const benchmark = input.benchmark
  if (
    benchmark === undefined ||
    (benchmark !== ANY_BENCHMARK && !MLPERF_CONF_MODELS.includes(benchmark))
  ) {
    throw new BenchmarkChoiceError(benchmark)
  }
  const scenario = input.scenario ?? 'SingleStream'
  const ts = confTestSettings(
    benchmark,
    scenario,
    input.mode ?? 'PerformanceOnly',
    input.userConf ?? null
  )
  const percentile = {
    SingleStream: ts.singleStreamTargetLatencyPercentile,
    MultiStream: ts.multiStreamTargetLatencyPercentile,
    Server: ts.serverTargetLatencyPercentile,
    Offline: 0.99
  }[scenario]
  const expectedNs =
    scenario === 'MultiStream' ? ts.multiStreamExpectedLatencyNs : ts.singleStreamExpectedLatencyNs
  const settings: RunSettings = {
    modelPath: input.modelPath,
    benchmark,
    scenario,
    mode: input.mode ?? ts.mode,
    datasetPath: input.datasetPath ?? null,
    preprocess: { ...DEFAULT_IMAGE_PREPROCESS, ...input.preprocess },
    labelOffset: input.labelOffset ?? 'auto',
    outputDir: input.outputDir,
    sutName: input.sutName ?? 'MLPerf Explorer onnxruntime-node',
    minDurationMs: input.minDurationMs ?? ts.minDurationMs,
    maxDurationMs: input.maxDurationMs ?? ts.maxDurationMs,
    minQueryCount: input.minQueryCount ?? ts.minQueryCount,
    maxQueryCount: input.maxQueryCount ?? ts.maxQueryCount,
    targetQps:
      input.targetQps ?? (scenario === 'Offline' ? ts.offlineExpectedQps : ts.serverTargetQps),
    targetLatencyMs: input.targetLatencyMs ?? ts.serverTargetLatencyNs / 1e6,
    expectedLatencyMs: input.expectedLatencyMs ?? expectedNs / 1e6,
    targetLatencyPercentile:
      input.targetLatencyPercentile ?? Math.round(percentile * 100 * 1e6) / 1e6,
    samplesPerQuery:
      input.samplesPerQuery ?? (scenario === 'MultiStream' ? ts.multiStreamSamplesPerQuery : 1),
    performanceSampleCount: input.performanceSampleCount ?? ts.performanceSampleCountOverride,
    maxAsyncQueries: input.maxAsyncQueries ?? ts.serverMaxAsyncQueries,
    qslRngSeed: input.qslRngSeed ?? ts.qslRngSeed.toString(),
    sampleIndexRngSeed: input.sampleIndexRngSeed ?? ts.sampleIndexRngSeed.toString(),
    scheduleRngSeed: input.scheduleRngSeed ?? ts.scheduleRngSeed.toString(),
    batchSize: input.batchSize ?? DEFAULT_BATCH[scenario],
    executionProvider: input.executionProvider ?? 'cpu',
    intraOpThreads: input.intraOpThreads ?? 0,
    interOpThreads: input.interOpThreads ?? 0,
    workers: input.workers ?? 1,
    syntheticSampleCount: input.syntheticSampleCount ?? 32,
    warmupRuns: input.warmupRuns ?? 2,
    referenceAccuracy: input.referenceAccuracy ?? null,
    qualityTargetFraction: input.qualityTargetFraction ?? 0.99
  }
  // Fail early on seeds that are not uint64.
  seedFromSetting(settings.qslRngSeed, 'qslRngSeed')
  seedFromSetting(settings.sampleIndexRngSeed, 'sampleIndexRngSeed')
  seedFromSetting(settings.scheduleRngSeed, 'scheduleRngSeed')
  return settings
}

/** Plain-words problems with settings (empty when fine). */
export function settingsProblems(s: RunSettings): string[] {
  const p: string[] = []
  const pos = (v: number, name: string): void => {
    if (!(v > 0) || !Number.isFinite(v)) p.push(`${name} must be a positive number (got ${v})`)
  }
  const nonNeg = (v: number, name: string): void => {
    if (!(v >= 0) || !Number.isFinite(v)) p.push(`${name} must be zero or more (got ${v})`)
  }
  nonNeg(s.minDurationMs, 'minDurationMs')
  nonNeg(s.maxDurationMs, 'maxDurationMs')
  nonNeg(s.minQueryCount, 'minQueryCount')
  nonNeg(s.maxQueryCount, 'maxQueryCount')
  nonNeg(s.performanceSampleCount, 'performanceSampleCount')
  nonNeg(s.maxAsyncQueries, 'maxAsyncQueries')
  nonNeg(s.warmupRuns, 'warmupRuns')
  nonNeg(s.intraOpThreads, 'intraOpThreads')
  nonNeg(s.interOpThreads, 'interOpThreads')
  pos(s.targetQps, 'targetQps')
  pos(s.expectedLatencyMs, 'expectedLatencyMs')
  nonNeg(s.targetLatencyMs, 'targetLatencyMs')
  pos(s.samplesPerQuery, 'samplesPerQuery')
  pos(s.batchSize, 'batchSize')
  pos(s.workers, 'workers')
  pos(s.syntheticSampleCount, 'syntheticSampleCount')
  if (!(s.targetLatencyPercentile > 0 && s.targetLatencyPercentile < 100)) {
    p.push(`targetLatencyPercentile must be between 0 and 100 (got ${s.targetLatencyPercentile})`)
  }
  for (const [k, v] of [
    ['qslRngSeed', s.qslRngSeed],
    ['sampleIndexRngSeed', s.sampleIndexRngSeed],
    ['scheduleRngSeed', s.scheduleRngSeed]
  ] as const) {
    try {
      seedFromSetting(v, k)
    } catch (e) {
      p.push(e instanceof Error ? e.message : String(e))
    }
  }
  return p
}

/** LoadGen's requested settings for a resolved local run. */
export function testSettingsFor(s: RunSettings): TestSettings {
  const ts = builtInTestSettings(s.scenario, s.mode)
  const pct = s.targetLatencyPercentile * 0.01
  return {
    ...ts,
    // Doubles in LoadGen 6.x, from the ms value × 1e6 as user.conf's target_latency is read.
    singleStreamExpectedLatencyNs: s.expectedLatencyMs * 1e6,
    singleStreamTargetLatencyPercentile:
      s.scenario === 'SingleStream' ? pct : ts.singleStreamTargetLatencyPercentile,
    multiStreamExpectedLatencyNs: s.expectedLatencyMs * 1e6,
    multiStreamTargetLatencyPercentile:
      s.scenario === 'MultiStream' ? pct : ts.multiStreamTargetLatencyPercentile,
    multiStreamSamplesPerQuery: s.samplesPerQuery,
    serverTargetQps: s.targetQps,
    serverTargetLatencyNs: Math.round(s.targetLatencyMs * 1e6),
    serverTargetLatencyPercentile: s.scenario === 'Server' ? pct : ts.serverTargetLatencyPercentile,
    serverMaxAsyncQueries: s.maxAsyncQueries,
    offlineExpectedQps: s.targetQps,
    minDurationMs: s.minDurationMs,
    maxDurationMs: s.maxDurationMs,
    minQueryCount: s.minQueryCount,
    maxQueryCount: s.maxQueryCount,
    qslRngSeed: seedFromSetting(s.qslRngSeed, 'qslRngSeed'),
    sampleIndexRngSeed: seedFromSetting(s.sampleIndexRngSeed, 'sampleIndexRngSeed'),
    scheduleRngSeed: seedFromSetting(s.scheduleRngSeed, 'scheduleRngSeed'),
    performanceSampleCountOverride: s.performanceSampleCount
  }
}
