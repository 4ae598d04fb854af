import { describe, expect, it } from 'vitest'
import { scheduleGapStats, serverSchedule } from '../../../../../src-main/core/loadgen/schedule'

const base = {
  targetQps: 2000,
  durationMs: 10_000,
  minQueryCount: 100,
  maxQueryCount: 0,
  scheduleSeed: 16159082839903944936n
}

describe('Server Poisson schedule', () => {
  it('has exponential gaps with mean 1/qps (coefficient of variation ≈ 1)', () => {
    const { offsetsNs } = serverSchedule(base)
    const { meanGapNs, cv } = scheduleGapStats(offsetsNs)
    expect(meanGapNs / 500_000).toBeGreaterThan(0.97)
    expect(meanGapNs / 500_000).toBeLessThan(1.03)
    expect(cv).toBeGreaterThan(0.95)
    expect(cv).toBeLessThan(1.05)
    // ~qps × duration queries
    expect(offsetsNs.length / 20_000).toBeGreaterThan(0.97)
    expect(offsetsNs.length / 20_000).toBeLessThan(1.03)
  })

  it('starts at 0, is integer and increasing, and ends at or after the duration', () => {
    const { offsetsNs } = serverSchedule(base)
    expect(offsetsNs[0]).toBe(0)
    let ok = true
    for (let i = 1; i < offsetsNs.length; i++) {
      ok &&= Number.isInteger(offsetsNs[i]) && offsetsNs[i]! >= offsetsNs[i - 1]!
    }
    expect(ok).toBe(true)
    expect(offsetsNs.at(-1)!).toBeGreaterThanOrEqual(10_000 * 1e6)
    expect(offsetsNs.at(-2)!).toBeLessThan(10_000 * 1e6)
  })

  it('honours min and max query counts and an exact accuracy count', () => {
    expect(serverSchedule({ ...base, durationMs: 1, minQueryCount: 500 }).offsetsNs.length).toBe(
      500
    )
    expect(serverSchedule({ ...base, maxQueryCount: 42 }).offsetsNs.length).toBe(42)
    expect(serverSchedule({ ...base, exactCount: 7 }).offsetsNs.length).toBe(7)
  })

  it('is deterministic per seed', () => {
    const a = serverSchedule(base).offsetsNs
    const b = serverSchedule(base).offsetsNs
    const c = serverSchedule({ ...base, scheduleSeed: 1n }).offsetsNs
    expect(Array.from(a.slice(0, 50))).toEqual(Array.from(b.slice(0, 50)))
    expect(Array.from(a.slice(1, 50))).not.toEqual(Array.from(c.slice(1, 50)))
  })
})
