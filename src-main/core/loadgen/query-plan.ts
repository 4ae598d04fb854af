/**
 * The queries of a run, generated before timing starts as LoadGen's GenerateQueries does (spec
 * A.5; loadgen/loadgen.cc `GenerateQueries`, `ScheduleDistribution`, `SampleDistribution`):
 *
 * - timestamps start at 0; Server draws exponential gaps with the schedule seed, the other
 *   scenarios use the constant period 1 / target_qps (SingleStream and MultiStream: the expected
 *   latency), each gap cast to integer ns by truncation as `duration_cast` does;
 * - queries are generated while the last timestamp is below 2 × target_duration (1 × for
 *   Server) or fewer than min_query_count exist; accuracy mode generates exactly the queries
 *   that issue every loaded sample once (gen duration 0);
 * - `generated_query_duration` is the timestamp after the last query.
 *
 * SingleStream and MultiStream issue from this list and end naturally once min_query_count
 * and min_duration are met; a fast system that uses every generated query first has "run out
 * of generated queries", which LoadGen logs as an error and usually judges INVALID (min
 * duration not met). Sample choices follow LoadGen's rules with this app's mt19937 draws, so
 * they are not bit-identical to the C++ standard library's; the schedule is.
 */
import type { EffectiveSettings } from './config'
import { exponential, Mt19937 } from './mt19937'
import {
  accuracyMultiStreamSamples,
  accuracyOrder,
  offlineQuerySamples,
  performanceSamples
} from './sample-order'

/** Largest number of samples a plan may hold (4 bytes each), so a mistyped setting fails early. */
export const MAX_PLANNED_SAMPLES = 64 * 1024 * 1024

export type QueryPlan = {
  /** Number of generated queries (generated_query_count). */
  count: number
  /** LoadGen's effective samples_per_query (generated_samples_per_query). */
  samplesPerQuery: number
  /** Timestamp after the last query in ns (generated_query_duration). */
  durationNs: number
  /** Samples in every query: samples of query i are samples[i·querySize … (i+1)·querySize). */
  querySize: number
  samples: Uint32Array
  /** Server: scheduled offset of each query (ns); elsewhere query i is at i × periodNs. */
  scheduledNs: Float64Array | null
  periodNs: number
}

/** Scheduled offset of query i from the start, ns. */
export function scheduledAt(p: QueryPlan, i: number): number {
  return p.scheduledNs ? p.scheduledNs[i]! : i * p.periodNs
}

/** The samples of query i (a view: the SUT copies what it keeps). */
export function querySamples(p: QueryPlan, i: number): Uint32Array {
  return p.samples.subarray(i * p.querySize, (i + 1) * p.querySize)
}

/** A plan that would not fit in memory, with the settings that caused it. */
export class QueryPlanTooLarge extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'QueryPlanTooLarge'
  }
}

/** std::chrono::duration_cast<nanoseconds>(duration<double>(seconds)): truncation to integer ns. */
export function secondsToNs(seconds: number): number {
  return Math.trunc(seconds * 1e9)
}

/** The constant gap of every scenario but Server: 1 / target_qps cast to ns. */
export function constantPeriodNs(targetQps: number): number {
  return secondsToNs(1 / targetQps)
}

function tooLarge(s: EffectiveSettings, samples: number): QueryPlanTooLarge {
  const what =
    s.scenario === 'SingleStream' || s.scenario === 'MultiStream'
      ? 'raise the expected latency or lower the minimum duration'
      : s.scenario === 'Server'
        ? 'lower the target QPS or the minimum duration'
        : 'lower the expected QPS or the minimum duration'
  return new QueryPlanTooLarge(
    `These settings make LoadGen pre-generate ${Math.round(samples).toLocaleString('en-US')} samples, ` +
      `more than the ${MAX_PLANNED_SAMPLES.toLocaleString('en-US')} a local run can hold; ${what}.`
  )
}

/** The timestamps of a plan: how many queries, their offsets (Server) and the duration after. */
export type QuerySchedule = { count: number; durationNs: number; scheduledNs: Float64Array | null }

/**
 * Server's Poisson schedule: exponential gaps drawn with the schedule seed, each truncated to
 * integer ns, while the previous timestamp is below the gen duration or fewer than
 * `minQueries` exist. Fails as soon as the plan would exceed MAX_PLANNED_SAMPLES.
 */
export function serverSchedule(
  s: EffectiveSettings,
  querySize: number,
  genDurationNs: number,
  minQueries: number
): QuerySchedule {
  const rng = new Mt19937(s.scheduleRngSeed)
  const scheduled: number[] = []
  let prev = 0
  let timestamp = 0
  while (prev < genDurationNs || scheduled.length < minQueries) {
    scheduled.push(timestamp)
    if (scheduled.length * querySize > MAX_PLANNED_SAMPLES)
      throw tooLarge(s, scheduled.length * querySize)
    prev = timestamp
    timestamp += secondsToNs(exponential(rng, s.targetQps))
  }
  return {
    count: scheduled.length,
    durationNs: timestamp,
    scheduledNs: Float64Array.from(scheduled)
  }
}

/**
 * Every other scenario: queries at 0, P, 2P… (P = 1 / target_qps); the loop stops after the
 * first timestamp ≥ the gen duration, or at `minQueries` if that is more.
 */
export function constantSchedule(
  s: EffectiveSettings,
  querySize: number,
  genDurationNs: number,
  minQueries: number
): QuerySchedule {
  const periodNs = constantPeriodNs(s.targetQps)
  if (!(periodNs >= 1)) {
    throw new QueryPlanTooLarge(
      `target_qps ${s.targetQps} gives a query period below 1 ns; LoadGen would generate queries forever.`
    )
  }
  const byDuration = genDurationNs > 0 ? Math.ceil(genDurationNs / periodNs) + 1 : 0
  const count = Math.max(minQueries, byDuration)
  if (count * querySize > MAX_PLANNED_SAMPLES) throw tooLarge(s, count * querySize)
  return { count, durationNs: count * periodNs, scheduledNs: null }
}

/**
 * How long and how many queries to generate: 2 × target duration (1 × for Server) and
 * min_query_count in performance mode; in accuracy mode no duration and exactly the queries
 * that issue the loaded set once (Offline: one query of the whole set).
 */
export function generationLimits(
  s: EffectiveSettings,
  loadedCount: number
): { querySize: number; genDurationNs: number; minQueries: number } {
  const accuracy = s.mode === 'AccuracyOnly'
  const querySize = accuracy && s.scenario === 'Offline' ? loadedCount : s.samplesPerQuery
  if (!accuracy) {
    const genDurationNs = (s.scenario === 'Server' ? 1 : 2) * s.targetDurationMs * 1e6
    return { querySize, genDurationNs, minQueries: s.minQueryCount }
  }
  const padded = s.scenario === 'MultiStream' ? loadedCount + s.samplesPerQuery - 1 : loadedCount
  // LoadGen truncates on purpose: MultiStream's padded set has exactly ceil(n / spq) starts.
  return { querySize, genDurationNs: 0, minQueries: Math.floor(padded / querySize) }
}

/** The samples of `count` queries of `querySize` each, as the scenario and mode choose them. */
export function querySampleList(
  s: EffectiveSettings,
  loaded: Uint32Array,
  count: number,
  querySize: number
): Uint32Array {
  const accuracy = s.mode === 'AccuracyOnly'
  // Offline: one query repeating the loaded set in order (accuracy: exactly the loaded set).
  if (s.scenario === 'Offline') return offlineQuerySamples(loaded, querySize)
  if (accuracy && s.scenario === 'MultiStream')
    return accuracyMultiStreamSamples(loaded, count, querySize, s.sampleIndexRngSeed)
  if (accuracy) return accuracyOrder(loaded, s.sampleIndexRngSeed)
  return performanceSamples(
    loaded,
    count,
    querySize,
    s.scenario === 'MultiStream',
    s.sampleIndexRngSeed
  )
}

/** Queries for one loadable set (`loaded`, without MultiStream padding). */
export function generateQueries(s: EffectiveSettings, loaded: Uint32Array): QueryPlan {
  const server = s.scenario === 'Server'
  const { querySize, genDurationNs, minQueries } = generationLimits(s, loaded.length)
  const periodNs = server ? 0 : constantPeriodNs(s.targetQps)
  if (loaded.length === 0 || querySize === 0) {
    return {
      count: 0,
      samplesPerQuery: s.samplesPerQuery,
      durationNs: 0,
      querySize,
      samples: new Uint32Array(0),
      scheduledNs: server ? new Float64Array(0) : null,
      periodNs
    }
  }
  // Timestamps first (they decide the count), then the samples of each query.
  const schedule = (server ? serverSchedule : constantSchedule)(
    s,
    querySize,
    genDurationNs,
    minQueries
  )
  return {
    count: schedule.count,
    // LoadGen logs the setting even where an Offline accuracy query holds the whole set.
    samplesPerQuery: s.samplesPerQuery,
    durationNs: schedule.durationNs,
    querySize,
    samples: querySampleList(s, loaded, schedule.count, querySize),
    scheduledNs: schedule.scheduledNs,
    periodNs
  }
}

/** Mean and coefficient of variation of the gaps of a schedule (for checks and tests). */
export function scheduleGapStats(offsetsNs: Float64Array): { meanGapNs: number; cv: number } {
  const n = offsetsNs.length - 1
  if (n < 1) return { meanGapNs: 0, cv: 0 }
  let sum = 0
  for (let i = 1; i <= n; i++) sum += offsetsNs[i]! - offsetsNs[i - 1]!
  const mean = sum / n
  let sq = 0
  for (let i = 1; i <= n; i++) sq += (offsetsNs[i]! - offsetsNs[i - 1]! - mean) ** 2
  return { meanGapNs: mean, cv: Math.sqrt(sq / n) / mean }
}
