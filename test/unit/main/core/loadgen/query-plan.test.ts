/**
 * Query generation as LoadGen's GenerateQueries does it (loadgen/loadgen.cc): the counts and
 * `generated_query_duration` of real LoadGen 6.0.16 logs, the Server schedule, and the samples
 * of each query per scenario and mode.
 */
import { describe, expect, it } from 'vitest'
import type { TestSettings } from '../../../../../src-main/core/loadgen/config'
import { builtInTestSettings, effectiveSettings } from '../../../../../src-main/core/loadgen/config'
import {
  constantPeriodNs,
  generateQueries,
  MAX_PLANNED_SAMPLES,
  QueryPlanTooLarge,
  querySamples,
  scheduledAt,
  scheduleGapStats
} from '../../../../../src-main/core/loadgen/query-plan'
import type { LocalScenario } from '../../../../../src-main/shared/local-run'

const SEEDS = {
  qslRngSeed: 2085463073848966840n,
  sampleIndexRngSeed: 2747215439041700203n,
  scheduleRngSeed: 16159082839903944936n
}

function eff(
  scenario: LocalScenario,
  over: Partial<TestSettings>,
  mode: TestSettings['mode'] = 'PerformanceOnly',
  loaded = 16
) {
  return effectiveSettings({ ...builtInTestSettings(scenario, mode), ...SEEDS, ...over }, loaded)
}

const loaded = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i * 3 + 1)

describe('SingleStream and MultiStream: 2 × min_duration at the expected latency', () => {
  it('matches a real LoadGen 6.0.16 SingleStream log: 100 queries, duration 2.1e12 ns', () => {
    // closed/AMD/.../wan-2.2-t2v-a14b/SingleStream/performance/run_1/mlperf_log_detail.txt
    // (inference_results_v6.1): expected latency 2.1e10 ns, min_duration 600 s, min queries 100.
    const p = generateQueries(
      eff('SingleStream', {
        singleStreamExpectedLatencyNs: 2.1e10,
        minDurationMs: 600_000,
        minQueryCount: 100
      }),
      loaded(248)
    )
    expect(p.count).toBe(100)
    expect(p.samplesPerQuery).toBe(1)
    expect(p.durationNs).toBe(2_100_000_000_000)
  })

  it('generates 601 queries for 3 s at a 10 ms expected latency (the issue report)', () => {
    const p = generateQueries(
      eff('SingleStream', { singleStreamExpectedLatencyNs: 10e6, minDurationMs: 3000 }),
      loaded(32)
    )
    // Queries at 0, 10 ms, … while the last is below 6 s: the one at 6 s is the 601st.
    expect(p.count).toBe(601)
    expect(scheduledAt(p, 600)).toBe(6e9)
    expect(p.durationNs).toBe(601 * 10e6)
  })

  it('truncates the period to integer ns as duration_cast does', () => {
    expect(constantPeriodNs(1e9 / 3)).toBe(3)
    expect(constantPeriodNs(1e9 / 2.1e10)).toBe(21_000_000_000)
    expect(constantPeriodNs(3)).toBe(333_333_333)
  })

  it('MultiStream takes 8 contiguous samples of the padded set from a random start', () => {
    const set = loaded(10)
    const p = generateQueries(
      eff('MultiStream', {
        multiStreamExpectedLatencyNs: 80e6,
        minDurationMs: 1000,
        minQueryCount: 662
      }),
      set
    )
    expect(p.count).toBe(662)
    expect(p.samplesPerQuery).toBe(8)
    for (let q = 0; q < 20; q++) {
      const qs = querySamples(p, q)
      const start = set.indexOf(qs[0]!)
      for (let k = 0; k < 8; k++) expect(qs[k]).toBe(set[(start + k) % 10])
    }
  })

  it('refuses settings that would not fit in memory', () => {
    const s = eff('SingleStream', { singleStreamExpectedLatencyNs: 1, minDurationMs: 600_000 })
    expect(() => generateQueries(s, loaded(8))).toThrow(QueryPlanTooLarge)
    expect(() => generateQueries(s, loaded(8))).toThrow(/raise the expected latency/)
    expect(MAX_PLANNED_SAMPLES).toBeGreaterThan(1e7)
  })
})

describe('Server Poisson schedule', () => {
  const server = (over: Partial<TestSettings>) =>
    eff('Server', { serverTargetQps: 2000, minDurationMs: 10_000, minQueryCount: 100, ...over })

  it('has exponential gaps with mean 1/qps (coefficient of variation ≈ 1)', () => {
    const { scheduledNs, count } = generateQueries(server({}), loaded(16))
    const { meanGapNs, cv } = scheduleGapStats(scheduledNs!)
    expect(meanGapNs / 500_000).toBeGreaterThan(0.97)
    expect(meanGapNs / 500_000).toBeLessThan(1.03)
    expect(cv).toBeGreaterThan(0.95)
    expect(cv).toBeLessThan(1.05)
    expect(count / 20_000).toBeGreaterThan(0.97)
    expect(count / 20_000).toBeLessThan(1.03)
  })

  it('starts at 0, is integer and increasing, ends at or after 1 × the duration', () => {
    const p = generateQueries(server({}), loaded(16))
    const s = p.scheduledNs!
    expect(s[0]).toBe(0)
    let ok = true
    for (let i = 1; i < s.length; i++) ok &&= Number.isInteger(s[i]) && s[i]! >= s[i - 1]!
    expect(ok).toBe(true)
    expect(s.at(-1)!).toBeGreaterThanOrEqual(10_000 * 1e6)
    expect(s.at(-2)!).toBeLessThan(10_000 * 1e6)
    // generated_query_duration is the timestamp after the last query.
    expect(p.durationNs).toBeGreaterThan(s.at(-1)!)
  })

  it('honours min_query_count; max_query_count does not limit generation (only issuing)', () => {
    expect(generateQueries(server({ minDurationMs: 1, minQueryCount: 500 }), loaded(4)).count).toBe(
      500
    )
    expect(generateQueries(server({ maxQueryCount: 42 }), loaded(4)).count).toBeGreaterThan(42)
  })

  it('is deterministic per schedule seed and independent of the sample seed', () => {
    const a = generateQueries(server({}), loaded(4)).scheduledNs!
    const b = generateQueries(server({ sampleIndexRngSeed: 7n }), loaded(4)).scheduledNs!
    const c = generateQueries(server({ scheduleRngSeed: 1n }), loaded(4)).scheduledNs!
    expect(Array.from(a.slice(0, 50))).toEqual(Array.from(b.slice(0, 50)))
    expect(Array.from(a.slice(1, 50))).not.toEqual(Array.from(c.slice(1, 50)))
  })
})

describe('Offline', () => {
  it('one query: the loaded set repeated in order, duration one period', () => {
    const s = eff('Offline', { offlineExpectedQps: 100, minDurationMs: 1000, minQueryCount: 24 })
    expect(s.samplesPerQuery).toBe(110)
    const set = loaded(16)
    const p = generateQueries(s, set)
    expect(p.count).toBe(1)
    expect(p.samplesPerQuery).toBe(110)
    expect(p.querySize).toBe(110)
    expect(Array.from(p.samples.slice(0, 20))).toEqual([...set, ...set.slice(0, 4)])
    expect(p.durationNs).toBe(10_000_000)
  })
})

describe('accuracy mode: every loaded sample once', () => {
  it('SingleStream and Server: n one-sample queries in a shuffled order', () => {
    const set = loaded(12)
    for (const sc of ['SingleStream', 'Server'] as const) {
      const p = generateQueries(eff(sc, { minDurationMs: 600_000 }, 'AccuracyOnly'), set)
      expect(p.count).toBe(12)
      expect(Array.from(p.samples).sort((a, b) => a - b)).toEqual(Array.from(set))
      expect(Array.from(p.samples)).not.toEqual(Array.from(set))
    }
  })

  it('MultiStream: ceil(n / 8) queries from shuffled starts, padding repeats the first samples', () => {
    const set = loaded(20)
    const p = generateQueries(eff('MultiStream', {}, 'AccuracyOnly'), set)
    expect(p.count).toBe(3)
    expect(p.samples.length).toBe(24)
    const counts = new Map<number, number>()
    for (const v of p.samples) counts.set(v, (counts.get(v) ?? 0) + 1)
    expect(counts.size).toBe(20)
    // The last start (16) covers 16…19 then the padding: the first 4 samples again.
    expect([...counts].filter(([, c]) => c === 2).map(([v]) => v)).toEqual(
      expect.arrayContaining(Array.from(set.slice(0, 4)))
    )
  })

  it('Offline: one query with the loaded set in order', () => {
    const set = loaded(9)
    const p = generateQueries(eff('Offline', { minQueryCount: 24576 }, 'AccuracyOnly'), set)
    expect(p.count).toBe(1)
    expect(Array.from(p.samples)).toEqual(Array.from(set))
  })
})
