import { describe, expect, it } from 'vitest'
import { builtInTestSettings, effectiveSettings } from '../../../../../src-main/core/loadgen/config'
import { summarizePerformance } from '../../../../../src-main/core/loadgen/performance-summary'
import type { LoopOutcome } from '../../../../../src-main/core/loadgen/run-loop'
import { RunRecord } from '../../../../../src-main/core/loadgen/run-record'
import {
  jitterP99,
  lastCompletion,
  resultLabel,
  toRunSummary
} from '../../../../../src-main/core/runner/run-summary'
import type { LocalScenario } from '../../../../../src-main/shared/local-run'

/** `n` one-sample queries issued 1 ms apart, each done `lat` ns later; the last `open` never complete. */
function record(n: number, lat: number, open = 0): RunRecord {
  const r = new RunRecord(n, n, false)
  for (let q = 0; q < n; q++) {
    const t = q * 1_000_000
    r.addQuery(Uint32Array.of(q % 7), t, t)
    if (q < n - open) r.complete(q, 0, 1, t + lat, null, 0)
  }
  return r
}

const eff = (scenario: LocalScenario, minQueryCount = 1) =>
  effectiveSettings(
    { ...builtInTestSettings(scenario, 'PerformanceOnly'), minDurationMs: 0, minQueryCount },
    7
  )

describe('lastCompletion', () => {
  it('is the latest completion among the samples from `from` on', () => {
    const r = record(5, 300)
    expect(lastCompletion(r)).toBe(4_000_300)
    const early = new RunRecord(2, 2, false)
    early.addQuery(Uint32Array.of(0), 0, 0)
    early.addQuery(Uint32Array.of(1), 10, 10)
    early.complete(0, 0, 1, 900, null, 0)
    early.complete(1, 0, 1, 50, null, 0)
    expect(lastCompletion(early)).toBe(900)
    expect(lastCompletion(early, 1)).toBe(50)
    expect(lastCompletion(new RunRecord(0, 0, false))).toBe(0)
  })
})

describe('jitterP99', () => {
  it('is the p99 of the measured issue delays, 0 when none were measured', () => {
    const jitter = Float64Array.from({ length: 200 }, (_, i) => 199 - i)
    // Only the first jitterCount values were measured: 199 … 100.
    expect(jitterP99({ jitterNs: jitter, jitterCount: 100 } as LoopOutcome)).toBe(199)
    expect(jitterP99({ jitterNs: jitter, jitterCount: 200 } as LoopOutcome)).toBe(198)
    expect(jitterP99({ jitterNs: jitter, jitterCount: 0 } as LoopOutcome)).toBe(0)
    expect(jitterP99(null)).toBe(0)
  })
})

describe('resultLabel', () => {
  it('names the throughput of Server and Offline', () => {
    expect(resultLabel(summarizePerformance(eff('Server'), record(50, 1000)))).toBe(
      'Completed samples per second'
    )
    expect(resultLabel(summarizePerformance(eff('Offline'), record(50, 1000)))).toBe(
      'Samples per second'
    )
  })

  it('says when a latency is an estimate and when it is only measured', () => {
    expect(resultLabel(summarizePerformance(eff('SingleStream'), record(2000, 1000)))).toBe(
      '90th percentile latency (early stopping estimate)'
    )
    expect(resultLabel(summarizePerformance(eff('SingleStream'), record(5, 1000)))).toBe(
      '90th percentile latency (measured; too few queries for an early-stopping estimate, so no official result)'
    )
  })
})

describe('toRunSummary', () => {
  it("carries LoadGen's statistics and what only the runner knows", () => {
    const r = record(100, 2000, 3)
    const ps = summarizePerformance(eff('SingleStream'), r)
    const s = toRunSummary(ps, r, 1234)
    expect(s).toMatchObject({
      scenario: 'SingleStream',
      mode: 'PerformanceOnly',
      resultUnit: 'ns',
      queryCount: 100,
      sampleCount: 97,
      incompleteSamples: 3,
      durationNs: 96_002_000,
      minLatencyNs: 2000,
      targetPercentile: 90,
      issueJitterP99Ns: 1234,
      perQuery: null
    })
    expect(s.validity).toBe(ps.valid ? 'VALID' : 'INVALID')
  })

  it('maps the per-query block of MultiStream and the rate of Server', () => {
    const r = record(30, 5000)
    const ms = toRunSummary(summarizePerformance(eff('MultiStream'), r), r, 0)
    expect(ms.perQuery).toMatchObject({ minNs: 5000, maxNs: 5000, meanNs: 5000 })
    expect(ms.perQuery!.percentilesNs['50.00']).toBe(5000)
    const server = toRunSummary(summarizePerformance(eff('Server'), r), r, 0)
    expect(server.resultUnit).toBe('samples/s')
    expect(server.result).toBe(server.completedSamplesPerSecond)
  })
})
