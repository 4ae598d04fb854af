import { describe, expect, it } from 'vitest'
import type { EffectiveSettings, TestSettings } from '../../../../../src-main/core/loadgen/config'
import { builtInTestSettings, effectiveSettings } from '../../../../../src-main/core/loadgen/config'
import { overLatencyAllowance } from '../../../../../src-main/core/loadgen/early-stopping'
import { summarizePerformance } from '../../../../../src-main/core/loadgen/performance-summary'
import type { CompletionSink, Sut } from '../../../../../src-main/core/loadgen/run-loop'
import { RAN_OUT_MESSAGE, runScenario } from '../../../../../src-main/core/loadgen/run-loop'
import { performanceChecks } from '../../../../../src-main/core/loadgen/validity'
import { serialSut, SimulatedClock } from '../../../../support/simulated-clock'

/** Every query completes `latency(qsl)` ns after its issue, all samples at once; unlimited concurrency. */
function parallelSut(
  clock: SimulatedClock,
  latency: (qsl: number) => bigint,
  hook?: (id: number, sink: CompletionSink) => void
): Sut {
  let sink: CompletionSink
  return {
    start: (s) => (sink = s),
    issueQuery(id, samples) {
      const n = samples.length
      const lat = latency(samples[0]!)
      const responses = Int32Array.from(samples, (q) => q * 2)
      void clock.sleepUntil(clock.now() + lat).then(() => {
        sink.complete(id, 0, n, clock.now(), responses)
        hook?.(id, sink)
      })
    }
  }
}

function settings(
  scenario: EffectiveSettings['scenario'],
  over: Partial<TestSettings>,
  perf = 16
): EffectiveSettings {
  return effectiveSettings(
    {
      ...builtInTestSettings(scenario, 'PerformanceOnly'),
      minDurationMs: 100,
      ...over,
      sampleIndexRngSeed: 5n,
      scheduleRngSeed: 9n
    },
    perf
  )
}

const loaded = Uint32Array.from({ length: 16 }, (_, i) => i * 3)

describe('SingleStream', () => {
  it('issues the next query when the previous completes and stops after min duration and count', async () => {
    const clock = new SimulatedClock()
    const s = settings('SingleStream', { minQueryCount: 64 })
    const out = await runScenario({
      settings: s,
      loadedSet: loaded,
      sut: parallelSut(clock, () => 1_000_000n),
      clock
    })
    expect(out.status).toBe('done')
    expect(out.end).toEqual({
      message: 'Ending naturally: Minimum query count and test duration met.',
      error: false
    })
    // 2 × 100 ms at the built-in 1 ms expected latency: 201 generated, 101 issued.
    expect(out.plan.count).toBe(201)
    const r = out.record
    // Issued at 0, 1, …, 100 ms: the query issued at 100 ms meets the duration.
    expect(r.queryCount).toBe(101)
    expect(r.qIssued[100]).toBe(100_000_000)
    expect(Array.from(r.sLatency.slice(0, r.sampleCount)).every((l) => l === 1_000_000)).toBe(true)
    const ps = summarizePerformance(s, r)
    expect(ps).toMatchObject({
      valid: true,
      minDurationMet: true,
      minQueriesMet: true,
      targetPercentileLatency: 1_000_000
    })
    expect(ps.qpsWithoutLoadgenOverhead).toBeCloseTo(1000, 6)
    expect(ps.qpsWithLoadgenOverhead).toBeCloseTo(1000, 6)
    expect(ps.earlyStopping?.estimate).toBe(1_000_000)
    const checks = performanceChecks(ps)
    expect(checks.map((c) => c.id)).toEqual([
      'loadgen_verdict',
      'min_duration',
      'min_queries',
      'early_stopping'
    ])
    expect(checks.every((c) => c.passed)).toBe(true)
    expect(checks[1]!.explanation).toBe(
      'The last query was issued 0.1 s after the start; at least 0.1 s required.'
    )
  })

  it('reports the early-stopping estimate from the sorted latencies', async () => {
    const clock = new SimulatedClock()
    const s = settings('SingleStream', { minQueryCount: 500, minDurationMs: 1 })
    const out = await runScenario({
      settings: s,
      loadedSet: loaded,
      sut: parallelSut(clock, (q) => 100_000n + BigInt(q) * 1000n),
      clock
    })
    const ps = summarizePerformance(s, out.record)
    const sorted = out.record.completedLatencies().sort()
    const t = overLatencyAllowance(500, 0.9)!
    expect(ps.earlyStopping?.estimate).toBe(sorted[500 - t])
    expect(ps.earlyStopping?.text).toContain(`Would discard ${t - 1} highest latency queries.`)
  })

  it('draws samples from the loaded set, the same sequence for the same seed', async () => {
    const run = async (seed: bigint): Promise<number[]> => {
      const clock = new SimulatedClock()
      const s = {
        ...settings('SingleStream', { minQueryCount: 50, minDurationMs: 1 }),
        sampleIndexRngSeed: seed
      }
      const out = await runScenario({
        settings: s,
        loadedSet: loaded,
        sut: parallelSut(clock, () => 1000n),
        clock
      })
      return Array.from(out.record.sQsl.slice(0, out.record.sampleCount))
    }
    const a = await run(1n)
    expect(a).toEqual(await run(1n))
    expect(a).not.toEqual(await run(2n))
    expect(a.every((q) => loaded.includes(q))).toBe(true)
  })

  it('ends early at max_query_count (logged as an error by LoadGen) and is then invalid', async () => {
    const clock = new SimulatedClock()
    const s = settings('SingleStream', { minQueryCount: 64, maxQueryCount: 10 })
    const out = await runScenario({
      settings: s,
      loadedSet: loaded,
      sut: parallelSut(clock, () => 1_000_000n),
      clock
    })
    expect(out.record.queryCount).toBe(10)
    expect(out.end).toEqual({
      message: 'IssueQueryThread 0 Ending early: Max query count reached. query_count 10',
      error: true
    })
    const ps = summarizePerformance(s, out.record)
    expect(ps.valid).toBe(false)
    expect(ps.recommendations).toEqual([
      'Decrease the expected latency so the loadgen pre-generates more queries.',
      'The test exited early, before enough queries were issued.\n   See the detailed log for why this may have occurred.'
    ])
    expect(performanceChecks(ps)[0]!.explanation).toMatch(
      /^INVALID: failed minimum duration, minimum queries, early stopping\./
    )
  })
})

describe('running out of generated queries', () => {
  it('a system faster than the expected latency uses every query before min duration: INVALID', async () => {
    const clock = new SimulatedClock()
    // Expected 10 ms for 3 s: 601 queries generated; at 1 ms each they are gone after 0.6 s.
    const s = settings('SingleStream', {
      singleStreamExpectedLatencyNs: 10e6,
      minDurationMs: 3000
    })
    const out = await runScenario({
      settings: s,
      loadedSet: loaded,
      sut: parallelSut(clock, () => 1_000_000n),
      clock
    })
    expect(out.status).toBe('done')
    expect(out.plan.count).toBe(601)
    expect(out.record.queryCount).toBe(601)
    expect(out.end).toEqual({ message: RAN_OUT_MESSAGE, error: true })
    const ps = summarizePerformance(s, out.record)
    expect(ps.valid).toBe(false)
    expect(ps.minDurationMet).toBe(false)
    expect(ps.recommendations).toEqual([
      'Decrease the expected latency so the loadgen pre-generates more queries.'
    ])
  })

  it('the same system with a matching expected latency ends naturally: VALID', async () => {
    const clock = new SimulatedClock()
    const s = settings('SingleStream', {
      singleStreamExpectedLatencyNs: 1e6,
      minDurationMs: 3000
    })
    const out = await runScenario({
      settings: s,
      loadedSet: loaded,
      sut: parallelSut(clock, () => 1_000_000n),
      clock
    })
    expect(out.plan.count).toBe(6001)
    expect(out.record.queryCount).toBe(3001)
    expect(out.end?.error).toBe(false)
    expect(summarizePerformance(s, out.record).valid).toBe(true)
  })
})

describe('MultiStream', () => {
  it('issues 8 contiguous samples per query and measures query latency to the last sample', async () => {
    const clock = new SimulatedClock()
    const s = settings('MultiStream', { minQueryCount: 662, minDurationMs: 10 })
    const out = await runScenario({
      settings: s,
      loadedSet: loaded,
      sut: serialSut(clock, 100_000n),
      clock
    })
    const r = out.record
    expect(r.queryCount).toBe(662)
    expect(r.sampleCount).toBe(662 * 8)
    for (const q of [0, 1, 100]) {
      const first = r.qFirst[q]!
      const start = loaded.indexOf(r.sQsl[first]!)
      for (let k = 0; k < 8; k++)
        expect(r.sQsl[first + k]).toBe(loaded[(start + k) % loaded.length])
    }
    const ps = summarizePerformance(s, r)
    expect(ps.perQuery).toMatchObject({ min: 800_000, max: 800_000, mean: 800_000 })
    expect(ps.sample.min).toBe(100_000)
    expect(ps.targetPercentileLatency).toBe(800_000)
    expect(ps.valid).toBe(true)
    expect(ps.earlyStopping?.text).toContain('Processed at least 662 queries (662).')
  })
})

describe('Server', () => {
  it('issues at the scheduled times and counts latency from them', async () => {
    const clock = new SimulatedClock()
    const s = settings('Server', {
      serverTargetQps: 1000,
      serverTargetLatencyNs: 10_000_000,
      minDurationMs: 1000
    })
    const out = await runScenario({
      settings: s,
      loadedSet: loaded,
      sut: parallelSut(clock, () => 2_000_000n),
      clock
    })
    const r = out.record
    expect(r.queryCount).toBeGreaterThan(900)
    expect(r.queryCount).toBeLessThan(1100)
    expect(Array.from(out.jitterNs.slice(0, out.jitterCount)).every((j) => j === 0)).toBe(true)
    const ps = summarizePerformance(s, r)
    expect(ps.sample.max).toBe(2_000_000)
    expect(ps).toMatchObject({
      perfConstraintsMet: true,
      minDurationMet: true,
      overLatencyCount: 0,
      valid: true
    })
    expect(ps.finalQueryScheduledS).toBeGreaterThanOrEqual(1)
    expect(ps.scheduledSamplesPerSecond).toBeCloseTo(
      (r.queryCount - 1) / ps.finalQueryScheduledS,
      9
    )
    expect(ps.completedSamplesPerSecond).toBeCloseTo(
      (r.queryCount - 1) / (ps.finalQueryScheduledS + 0.002),
      6
    )
  })

  it('shows falling behind as latency (overloaded server → invalid)', async () => {
    const clock = new SimulatedClock()
    const s = settings('Server', {
      serverTargetQps: 1000,
      serverTargetLatencyNs: 10_000_000,
      minDurationMs: 500
    })
    const out = await runScenario({
      settings: s,
      loadedSet: loaded,
      sut: serialSut(clock, 2_000_000n),
      clock
    })
    const ps = summarizePerformance(s, out.record)
    expect(ps.sample.max).toBeGreaterThan(400_000_000)
    expect(ps.perfConstraintsMet).toBe(false)
    expect(ps.valid).toBe(false)
    expect(ps.recommendations).toContain('Reduce target QPS to improve latency.')
    const check = performanceChecks(ps).find((c) => c.id === 'latency_bound')!
    expect(check.passed).toBe(false)
    expect(check.explanation).toMatch(
      /^99th percentile latency [\d,.]+ ms is above the 10 ms bound/
    )
  })

  it('respects max_async_queries by waiting for a free slot', async () => {
    const clock = new SimulatedClock()
    const s = settings('Server', {
      serverTargetQps: 1000,
      serverMaxAsyncQueries: 1,
      minDurationMs: 50
    })
    let outstanding = 0
    let peak = 0
    const inner = serialSut(clock, 500_000n)
    const sut: Sut = {
      start: (sink) =>
        inner.start({
          complete: (...a) => {
            outstanding--
            sink.complete(...a)
          },
          fail: (r) => sink.fail(r)
        }),
      issueQuery: (id, samples) => {
        peak = Math.max(peak, ++outstanding)
        inner.issueQuery(id, samples)
      }
    }
    const out = await runScenario({ settings: s, loadedSet: loaded, sut, clock })
    expect(out.status).toBe('done')
    expect(peak).toBe(1)
  })
})

describe('Offline', () => {
  it('issues one query with the loaded set repeated and measures samples per second', async () => {
    const clock = new SimulatedClock()
    const s = settings('Offline', {
      offlineExpectedQps: 10000,
      minDurationMs: 100,
      minQueryCount: 100
    })
    expect(s.samplesPerQuery).toBe(1100)
    const out = await runScenario({
      settings: s,
      loadedSet: loaded,
      sut: serialSut(clock, 100_000n),
      clock
    })
    const r = out.record
    expect(r.queryCount).toBe(1)
    expect(Array.from(r.sQsl.slice(0, 20))).toEqual([...loaded, ...loaded.slice(0, 4)])
    const ps = summarizePerformance(s, r)
    expect(ps.samplesPerSecond).toBeCloseTo(10000, 6)
    expect(ps.maxLatencyS).toBeCloseTo(0.11, 9)
    expect(ps).toMatchObject({
      minDurationMet: true,
      minQueriesMet: true,
      valid: true,
      earlyStopping: null
    })
  })
})

describe('accuracy mode, cancel and failure', () => {
  it('issues every loaded sample exactly once and keeps responses', async () => {
    const clock = new SimulatedClock()
    const s = { ...settings('SingleStream', {}), mode: 'AccuracyOnly' as const }
    const out = await runScenario({
      settings: s,
      loadedSet: loaded,
      sut: parallelSut(clock, () => 1000n),
      clock,
      keepResponses: true
    })
    const r = out.record
    expect(r.sampleCount).toBe(16)
    expect(Array.from(r.sQsl.slice(0, 16)).sort((a, b) => a - b)).toEqual(Array.from(loaded))
    for (let k = 0; k < 16; k++) {
      const seq = r.completionOrder![k]!
      expect(r.sResponse![seq]).toBe(r.sQsl[seq]! * 2)
    }
  })

  it('stops issuing on cancel and reports cancelled', async () => {
    const clock = new SimulatedClock()
    const ac = new AbortController()
    const s = settings('SingleStream', { minQueryCount: 64 })
    const sut = parallelSut(
      clock,
      () => 1_000_000n,
      (id) => {
        if (id === 29) ac.abort()
      }
    )
    const out = await runScenario({ settings: s, loadedSet: loaded, sut, clock, signal: ac.signal })
    expect(out.status).toBe('cancelled')
    expect(out.record.queryCount).toBe(30)
    expect(out.end).toBeNull()
    expect(out.reason).toBe('Cancelled by you.')
  })

  it('ends as failed with the SUT reason', async () => {
    const clock = new SimulatedClock()
    const s = settings('Server', { serverTargetQps: 1000, minDurationMs: 100 })
    const sut = parallelSut(
      clock,
      () => 1_000_000n,
      (id, sink) => {
        if (id === 9) sink.fail('the inference worker crashed: boom')
      }
    )
    const out = await runScenario({ settings: s, loadedSet: loaded, sut, clock })
    expect(out.status).toBe('failed')
    expect(out.reason).toBe('the inference worker crashed: boom')
    expect(out.record.completedSamples).toBeGreaterThanOrEqual(10)
  })

  it('reports progress', async () => {
    const clock = new SimulatedClock()
    const s = settings('SingleStream', { minQueryCount: 64 })
    const seen: number[] = []
    await runScenario({
      settings: s,
      loadedSet: loaded,
      sut: parallelSut(clock, () => 1_000_000n),
      clock,
      onProgress: (p) => seen.push(p.completed)
    })
    expect(seen.at(-1)).toBe(101)
  })
})
