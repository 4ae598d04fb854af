import { describe, expect, it } from 'vitest'
import type { EffectiveSettings, TestSettings } from '../../../../../src-main/core/loadgen/config'
import { builtInTestSettings, effectiveSettings } from '../../../../../src-main/core/loadgen/config'
import {
  latencyConstraints,
  minDurationMet,
  minDurationRecommendation,
  recommendations
} from '../../../../../src-main/core/loadgen/performance-verdict'

function settings(
  scenario: EffectiveSettings['scenario'],
  over: Partial<TestSettings> = {}
): EffectiveSettings {
  return effectiveSettings(
    { ...builtInTestSettings(scenario, 'PerformanceOnly'), minDurationMs: 1000, ...over },
    64
  )
}

const sorted = (xs: number[]): Float64Array => Float64Array.from(xs).sort()

describe('minDurationMet', () => {
  // Each scenario measures its duration at a different point: only that one decides.
  const span = { finalScheduledNs: 0.5e9, finalIssuedNs: 0.5e9, maxLatencyNs: 0.5e9 }

  it('measures Offline by its longest latency', () => {
    const s = settings('Offline')
    expect(minDurationMet(s, { ...span, maxLatencyNs: 1e9 })).toBe(true)
    expect(minDurationMet(s, { ...span, finalIssuedNs: 5e9, finalScheduledNs: 5e9 })).toBe(false)
  })

  it('measures Server by the final scheduled time, not the issue time', () => {
    const s = settings('Server')
    expect(minDurationMet(s, { ...span, finalScheduledNs: 1e9 })).toBe(true)
    expect(minDurationMet(s, { ...span, finalIssuedNs: 5e9, maxLatencyNs: 5e9 })).toBe(false)
  })

  it('measures SingleStream and MultiStream by the final issue time', () => {
    for (const sc of ['SingleStream', 'MultiStream'] as const) {
      const s = settings(sc)
      expect(minDurationMet(s, { ...span, finalIssuedNs: 1e9 })).toBe(true)
      expect(minDurationMet(s, { ...span, finalIssuedNs: 0.999999999e9 })).toBe(false)
      expect(minDurationMet(s, { ...span, finalScheduledNs: 5e9, maxLatencyNs: 5e9 })).toBe(false)
    }
  })
})

describe('latencyConstraints', () => {
  it('counts Server samples over the bound and judges the percentile and early stopping', () => {
    const s = settings('Server', { serverTargetLatencyNs: 10, serverTargetLatencyPercentile: 0.5 })
    const lat = [5, 20, 8, 30, 1]
    const c = latencyConstraints(
      s,
      { sampleLatencies: Float64Array.from(lat), sortedSamples: sorted(lat), sortedQueries: null },
      5,
      1
    )
    expect(c.overLatencyCount).toBe(2)
    // p50 of [1, 5, 8, 20, 30] is 8 ≤ 10.
    expect(c.perfConstraintsMet).toBe(true)
    expect(c.earlyStopping?.met).toBe(false)
    expect(c.earlyStopping?.text).toMatch(/^ \* Run unsuccessful\./)
  })

  it('fails the Server bound when the target percentile is over it', () => {
    const s = settings('Server', { serverTargetLatencyNs: 10, serverTargetLatencyPercentile: 0.5 })
    const lat = [50, 60, 8]
    const c = latencyConstraints(
      s,
      { sampleLatencies: Float64Array.from(lat), sortedSamples: sorted(lat), sortedQueries: null },
      3,
      1
    )
    expect(c.perfConstraintsMet).toBe(false)
  })

  it('judges SingleStream early stopping on sample latencies with the label decimals asked', () => {
    const s = settings('SingleStream')
    const lat = Array.from({ length: 2000 }, (_, i) => 1000 + i)
    const c = latencyConstraints(
      s,
      { sampleLatencies: Float64Array.from(lat), sortedSamples: sorted(lat), sortedQueries: null },
      2000,
      0
    )
    expect(c.overLatencyCount).toBeNull()
    expect(c.perfConstraintsMet).toBeNull()
    expect(c.earlyStopping?.met).toBe(true)
    expect(c.earlyStopping?.text).toContain('Early stopping 90th percentile estimate:')
    expect(c.earlyStopping?.estimateP99).not.toBeNull()
  })

  it('judges MultiStream early stopping on query latencies, not sample latencies', () => {
    const s = settings('MultiStream')
    const samples = Array.from({ length: 800 }, () => 1)
    const queries = Array.from({ length: 700 }, (_, i) => 5000 + i)
    const c = latencyConstraints(
      s,
      {
        sampleLatencies: Float64Array.from(samples),
        sortedSamples: sorted(samples),
        sortedQueries: sorted(queries)
      },
      700,
      1
    )
    expect(c.earlyStopping?.met).toBe(true)
    expect(c.earlyStopping?.estimate).toBeGreaterThanOrEqual(5000)
    expect(c.earlyStopping?.estimateP99).toBeNull()
  })

  it('has no latency rule for Offline', () => {
    const c = latencyConstraints(
      settings('Offline'),
      {
        sampleLatencies: Float64Array.of(1e12),
        sortedSamples: Float64Array.of(1e12),
        sortedQueries: null
      },
      1,
      1
    )
    expect(c).toEqual({ overLatencyCount: null, perfConstraintsMet: null, earlyStopping: null })
  })
})

describe('recommendations', () => {
  it('says nothing for a run that met every rule', () => {
    expect(
      recommendations('Server', {
        perfConstraintsMet: true,
        minDurationMet: true,
        minQueriesMet: true
      })
    ).toEqual({ recommendations: [], invalidReason: '' })
  })

  it("lists LoadGen's lines in its order and the shortened reason", () => {
    const r = recommendations('Server', {
      perfConstraintsMet: false,
      minDurationMet: false,
      minQueriesMet: false
    })
    expect(r.recommendations).toEqual([
      'Reduce target QPS to improve latency.',
      'Increase the target QPS so the loadgen pre-generates more queries.',
      'The test exited early, before enough queries were issued.\n   See the detailed log for why this may have occurred.'
    ])
    expect(r.invalidReason).toBe(
      'Reduce target QPS to improve latency. Increase the target QPS so the loadgen pre-generates more queries. The test exited early, before enough queries were issued.'
    )
  })

  it('names the setting to change per scenario when min duration was missed', () => {
    const r = recommendations('Offline', {
      perfConstraintsMet: null,
      minDurationMet: false,
      minQueriesMet: true
    })
    expect(r.recommendations).toEqual([minDurationRecommendation('Offline')])
    expect(r.invalidReason).toBe(minDurationRecommendation('Offline') + ' ')
    expect(minDurationRecommendation('SingleStream')).toBe(minDurationRecommendation('MultiStream'))
    expect(minDurationRecommendation('SingleStream')).toMatch(/Decrease the expected latency/)
  })
})
