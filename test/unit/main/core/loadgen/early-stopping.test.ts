import { describe, expect, it } from 'vitest'
import {
  betaRegularized,
  earlyStoppingLatency,
  earlyStoppingServer,
  logGamma,
  minPassingQueries,
  minQueriesForEarlyStopping,
  overLatencyAllowance
} from '../../../../../src-main/core/loadgen/early-stopping'

describe('incomplete beta', () => {
  it('matches closed forms', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12)
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12)
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12)
    // I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b
    expect(betaRegularized(0.9, 44, 1)).toBeCloseTo(0.9 ** 44, 12)
    expect(betaRegularized(0.3, 1, 5)).toBeCloseTo(1 - 0.7 ** 5, 12)
  })
})

describe('early stopping test vectors (rules A.7)', () => {
  it.each([
    [0.9, 64, 44],
    [0.99, 662, 459],
    [0.999, 6636, 4603]
  ])('p=%s: minimum %s queries, h(0)=%s', (p, min, h0) => {
    expect(minQueriesForEarlyStopping(p)).toBe(min)
    expect(minPassingQueries(0, p)).toBe(h0)
  })

  it('reproduces the real-log discards', () => {
    expect(overLatencyAllowance(1_580_640, 0.9)).toBe(157_186)
    expect(overLatencyAllowance(813_433, 0.99)).toBe(7_925)
  })

  it('takes the largest t with h(t) + t ≤ n', () => {
    const n = 5000
    const t = overLatencyAllowance(n, 0.9)!
    expect(minPassingQueries(t, 0.9) + t).toBeLessThanOrEqual(n)
    expect(minPassingQueries(t + 1, 0.9) + t + 1).toBeGreaterThan(n)
    expect(overLatencyAllowance(63, 0.9)).toBeNull()
    expect(overLatencyAllowance(64, 0.9)).toBe(1)
  })
})

describe('summary texts', () => {
  it('SingleStream reports the p90 and p99 estimates like LoadGen ≤ 5.0 ("90th")', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => 1000 + i)
    const out = earlyStoppingLatency('SingleStream', sorted, 100, 0.9, 0)
    const t = overLatencyAllowance(100, 0.9)!
    expect(out.met).toBe(true)
    expect(out.estimate).toBe(sorted[100 - t])
    expect(out.text).toBe(
      ` * Processed at least 64 queries (100).\n * Would discard ${t - 1} highest latency queries.\n` +
        ` * Early stopping 90th percentile estimate: ${sorted[100 - t]}\n` +
        ' * Not enough queries processed for 99th percentile\n' +
        ' early stopping estimate (would need to process at\n least 662 total queries).'
    )
    expect(out.estimateP99).toBeNull()
  })

  it('labels percentiles with one decimal like LoadGen ≥ 5.1 by default ("90.0th", "99.0th")', () => {
    const sorted = Float64Array.from({ length: 700 }, (_, i) => 1000 + i)
    const out = earlyStoppingLatency('SingleStream', sorted, 700, 0.9)
    expect(out.text).toContain(' * Early stopping 90.0th percentile estimate: ')
    expect(out.text).toContain(' * Early stopping 99.0th percentile estimate: ')
  })

  it('too few queries fail early stopping', () => {
    const out = earlyStoppingLatency('MultiStream', new Float64Array(10), 10, 0.99)
    expect(out.met).toBe(false)
    expect(out.text).toBe(
      ' * Only processed 10 queries.\n * Need to process at least 662 queries for early stopping.'
    )
  })

  it('Server passes with enough queries for its over-latency count', () => {
    expect(earlyStoppingServer(0, 459, 0.99)).toMatchObject({
      met: true,
      text: ' * Run successful.'
    })
    const fail = earlyStoppingServer(0, 100, 0.99)
    expect(fail.met).toBe(false)
    expect(fail.text).toBe(
      ' * Run unsuccessful.\n * Processed 100 queries.\n * Would need to run at least 359 more queries,\n' +
        ' with the run being successful if every additional\n query were under latency.'
    )
  })
})
