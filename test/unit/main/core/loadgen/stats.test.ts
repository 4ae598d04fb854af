import { describe, expect, it } from 'vitest'
import {
  histogramBins,
  latencyStats,
  LiveHistogram,
  percentileCurve,
  percentileOfSorted,
  throughputSeries,
  truncatedMean
} from '../../../../../src-main/core/loadgen/stats'

describe('LoadGen statistics', () => {
  it('takes the element at floor(n·p) of the sorted latencies', () => {
    const sorted = Float64Array.from({ length: 10 }, (_, i) => (i + 1) * 100)
    expect(percentileOfSorted(sorted, 0.5)).toBe(600)
    expect(percentileOfSorted(sorted, 0.9)).toBe(1000)
    expect(percentileOfSorted(sorted, 0.99)).toBe(1000)
    const n1000 = Float64Array.from({ length: 1000 }, (_, i) => i)
    expect(percentileOfSorted(n1000, 0.999)).toBe(Math.floor(1000 * 0.999))
    expect(percentileOfSorted(n1000, 0.97)).toBe(970)
  })

  it('truncates the integer mean, exactly even past 2^53', () => {
    expect(truncatedMean(Float64Array.from([1, 2]))).toBe(1)
    expect(truncatedMean(Float64Array.from([10, 10, 11]))).toBe(10)
    const big = new Float64Array(4).fill(4e15 + 3)
    expect(truncatedMean(big)).toBe(4e15 + 3)
  })

  it('summarises unsorted input without changing it', () => {
    const v = Float64Array.from([5, 1, 4, 2, 3])
    const s = latencyStats(v)
    expect(Array.from(v)).toEqual([5, 1, 4, 2, 3])
    expect(s).toMatchObject({ count: 5, min: 1, max: 5, mean: 3 })
    expect(s.percentiles['50.00']).toBe(3)
    expect(s.percentiles['99.90']).toBe(5)
  })

  it('live histogram percentiles are within 1%', () => {
    const h = new LiveHistogram()
    for (let i = 1; i <= 10000; i++) h.add(i * 1000)
    expect(h.percentile(0.5) / 5_001_000).toBeGreaterThan(0.99)
    expect(h.percentile(0.5) / 5_001_000).toBeLessThan(1.02)
    expect(h.count).toBe(10000)
  })

  it('builds chart series', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => 1000 + i * 10)
    const bins = histogramBins(sorted, 10)
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(100)
    const curve = percentileCurve(sorted)
    expect(curve[0]).toEqual({ percentile: 0, latencyNs: 1000 })
    expect(curve.at(-1)).toEqual({ percentile: 100, latencyNs: 1990 })
    const series = throughputSeries(
      Float64Array.from({ length: 1000 }, (_, i) => (i + 1) * 1e6),
      10
    )
    expect(series).toHaveLength(10)
    expect(Math.abs(series[0]!.samplesPerSecond - 1000)).toBeLessThan(20)
  })
})
