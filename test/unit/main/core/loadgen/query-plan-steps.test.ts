/**
 * The steps of query generation on their own: how many queries to generate, the two kinds of
 * schedule, and which samples each query gets (generateQueries composes them; its own tests
 * check the whole plan against real LoadGen logs).
 */
import { describe, expect, it } from 'vitest'
import type { TestSettings } from '../../../../../src-main/core/loadgen/config'
import { builtInTestSettings, effectiveSettings } from '../../../../../src-main/core/loadgen/config'
import {
  constantSchedule,
  generationLimits,
  MAX_PLANNED_SAMPLES,
  QueryPlanTooLarge,
  querySampleList,
  serverSchedule
} from '../../../../../src-main/core/loadgen/query-plan'
import type { LocalScenario } from '../../../../../src-main/shared/local-run'

function eff(
  scenario: LocalScenario,
  over: Partial<TestSettings> = {},
  mode: TestSettings['mode'] = 'PerformanceOnly'
) {
  return effectiveSettings(
    {
      ...builtInTestSettings(scenario, mode),
      sampleIndexRngSeed: 11n,
      scheduleRngSeed: 3n,
      ...over
    },
    16
  )
}

const loaded = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => 100 + i)

describe('generationLimits', () => {
  it('performance: 2 × the target duration (Server 1 ×) and min_query_count', () => {
    const ss = eff('SingleStream', { minDurationMs: 3000, minQueryCount: 7 })
    expect(generationLimits(ss, 16)).toEqual({
      querySize: 1,
      genDurationNs: 2 * ss.targetDurationMs * 1e6,
      minQueries: 7
    })
    const server = eff('Server', { minDurationMs: 3000 })
    expect(generationLimits(server, 16).genDurationNs).toBe(server.targetDurationMs * 1e6)
  })

  it('accuracy: no duration, and the queries that cover the loaded set once', () => {
    expect(generationLimits(eff('SingleStream', {}, 'AccuracyOnly'), 12)).toEqual({
      querySize: 1,
      genDurationNs: 0,
      minQueries: 12
    })
    // 20 samples padded by 7 → 27 / 8 = 3 queries (LoadGen truncates).
    expect(generationLimits(eff('MultiStream', {}, 'AccuracyOnly'), 20)).toEqual({
      querySize: 8,
      genDurationNs: 0,
      minQueries: 3
    })
    // Offline accuracy: one query holding the whole set.
    expect(generationLimits(eff('Offline', {}, 'AccuracyOnly'), 9)).toEqual({
      querySize: 9,
      genDurationNs: 0,
      minQueries: 1
    })
  })
})

describe('constantSchedule', () => {
  it('stops after the first timestamp at or past the gen duration', () => {
    // 10 ms period over 100 ms: queries at 0 … 100 ms, 11 of them.
    const s = eff('SingleStream', { singleStreamExpectedLatencyNs: 10e6 })
    expect(constantSchedule(s, 1, 100e6, 1)).toEqual({
      count: 11,
      durationNs: 110e6,
      scheduledNs: null
    })
  })

  it('generates min_query_count when that is more, and nothing extra without a duration', () => {
    const s = eff('SingleStream', { singleStreamExpectedLatencyNs: 10e6 })
    expect(constantSchedule(s, 1, 100e6, 50).count).toBe(50)
    expect(constantSchedule(s, 1, 0, 4)).toEqual({ count: 4, durationNs: 40e6, scheduledNs: null })
  })

  it('refuses a period below 1 ns and plans that do not fit', () => {
    const fast = eff('SingleStream', { singleStreamExpectedLatencyNs: 0.1 })
    expect(() => constantSchedule(fast, 1, 1e6, 1)).toThrow(/below 1 ns/)
    const s = eff('Offline', { offlineExpectedQps: 1 })
    expect(() => constantSchedule(s, MAX_PLANNED_SAMPLES + 1, 0, 1)).toThrow(QueryPlanTooLarge)
    expect(() => constantSchedule(s, MAX_PLANNED_SAMPLES + 1, 0, 1)).toThrow(
      /lower the expected QPS/
    )
  })
})

describe('serverSchedule', () => {
  it('runs until the previous timestamp reaches the duration, then adds the next gap', () => {
    const s = eff('Server', { serverTargetQps: 1000 })
    const r = serverSchedule(s, 1, 50e6, 1)
    const t = r.scheduledNs!
    expect(r.count).toBe(t.length)
    expect(t[0]).toBe(0)
    expect(t.at(-1)!).toBeGreaterThanOrEqual(50e6)
    expect(t.at(-2)!).toBeLessThan(50e6)
    expect(r.durationNs).toBeGreaterThanOrEqual(t.at(-1)!)
    expect(Array.from(t).every((x) => Number.isInteger(x))).toBe(true)
  })

  it('is the same for the same seed and honours min queries', () => {
    const s = eff('Server', { serverTargetQps: 1000 })
    expect(Array.from(serverSchedule(s, 1, 10e6, 1).scheduledNs!)).toEqual(
      Array.from(serverSchedule(s, 1, 10e6, 1).scheduledNs!)
    )
    expect(serverSchedule(s, 1, 0, 300).count).toBe(300)
  })

  it('fails once the plan would not fit', () => {
    const s = eff('Server', { serverTargetQps: 1000 })
    expect(() => serverSchedule(s, MAX_PLANNED_SAMPLES, 10e6, 1)).toThrow(/lower the target QPS/)
  })
})

describe('querySampleList', () => {
  it('Offline repeats the loaded set in order up to the query size', () => {
    const s = eff('Offline')
    expect(Array.from(querySampleList(s, loaded(3), 1, 7))).toEqual([
      100, 101, 102, 100, 101, 102, 100
    ])
  })

  it('SingleStream and Server draw loaded samples with replacement, per seed', () => {
    const set = loaded(5)
    for (const sc of ['SingleStream', 'Server'] as const) {
      const a = querySampleList(eff(sc), set, 200, 1)
      expect(a.length).toBe(200)
      expect(Array.from(a).every((v) => set.includes(v))).toBe(true)
      expect(new Set(a).size).toBe(5)
      expect(Array.from(querySampleList(eff(sc), set, 200, 1))).toEqual(Array.from(a))
      expect(
        Array.from(querySampleList(eff(sc, { sampleIndexRngSeed: 12n }), set, 200, 1))
      ).not.toEqual(Array.from(a))
    }
  })

  it('MultiStream performance queries are contiguous runs of the padded set', () => {
    const set = loaded(10)
    const samples = querySampleList(eff('MultiStream'), set, 30, 4)
    for (let q = 0; q < 30; q++) {
      const start = set.indexOf(samples[q * 4]!)
      for (let k = 0; k < 4; k++) expect(samples[q * 4 + k]).toBe(set[(start + k) % 10])
    }
  })

  it('accuracy issues each sample once (MultiStream: from shuffled starts, padding repeated)', () => {
    const set = loaded(10)
    const ss = querySampleList(eff('SingleStream', {}, 'AccuracyOnly'), set, 10, 1)
    expect(Array.from(ss).sort()).toEqual(Array.from(set))
    const ms = querySampleList(eff('MultiStream', {}, 'AccuracyOnly'), set, 2, 8)
    // Starts 0 and 8 in some order: 100…107 and 108, 109, 100…105.
    const queries = [Array.from(ms.slice(0, 8)), Array.from(ms.slice(8))].sort(
      (a, b) => a[0]! - b[0]!
    )
    expect(queries).toEqual([
      [100, 101, 102, 103, 104, 105, 106, 107],
      [108, 109, 100, 101, 102, 103, 104, 105]
    ])
  })
})
