import { describe, expect, it } from 'vitest'
import {
  bodyHistogram,
  fullestBinShare,
  latencyHistogramOption
} from '../../../../src-main/charts/latency-histogram-chart'
import {
  ninesLabel,
  ninesX,
  percentileCurveOption
} from '../../../../src-main/charts/percentile-curve-chart'
import { throughputOption } from '../../../../src-main/charts/throughput-chart'
import type { PercentilePoint } from '../../../../src-main/shared/local-run'

/** A curve like the runner's: 0–99 by 1, 99.5, 99.9, 99.99 and 100 (the maximum). */
function curve(latency: (p: number) => number): PercentilePoint[] {
  const ps = [...Array.from({ length: 100 }, (_, i) => i), 99.5, 99.9, 99.99, 100]
  return ps.map((percentile) => ({ percentile, latencyNs: latency(percentile) }))
}

describe('latency histogram', () => {
  it('rebuilds the body from the percentile curve, keeping p0–p99 of the samples', () => {
    // Uniform 1–2 ms up to p99, then a 30 ms outlier.
    const c = curve((p) => (p < 100 ? 1e6 + p * 1e4 : 30e6))
    const bins = bodyHistogram(c, 10_000, 10)
    expect(bins).toHaveLength(10)
    expect(bins[0]!.fromNs).toBe(1e6)
    expect(bins[9]!.toNs).toBeCloseTo(1e6 + 99 * 1e4)
    // 99 % of the samples, spread evenly over the body.
    expect(bins.reduce((a, b) => a + b.count, 0)).toBeCloseTo(9_900, -1)
    for (const b of bins) expect(b.count).toBeCloseTo(990, -1)
  })

  it('puts steps without width into their bin and says when one bin holds most samples', () => {
    const flat = curve(() => 5e6)
    expect(bodyHistogram(flat, 100, 4).reduce((a, b) => a + b.count, 0)).toBe(99)
    expect(bodyHistogram([], 100)).toEqual([])
    expect(
      fullestBinShare([
        { fromNs: 0, toNs: 1, count: 90 },
        { fromNs: 1, toNs: 2, count: 10 }
      ])
    ).toBe(0.9)
  })

  it('labels bins in milliseconds and marks a latency', () => {
    const o = latencyHistogramOption(
      [
        { fromNs: 1e6, toNs: 2e6, count: 3 },
        { fromNs: 2e6, toNs: 3e6, count: 1 }
      ],
      { markNs: 2.5e6, markLabel: 'p90', approximate: true }
    ) as {
      xAxis: { data: string[] }
      yAxis: { name: string }
      series: { markLine?: { data: unknown[] } }[]
    }
    expect(o.xAxis.data).toEqual(['1.5', '2.5'])
    expect(o.yAxis.name).toBe('Samples (approx.)')
    expect(o.series[0]!.markLine!.data).toEqual([{ xAxis: 1 }])
  })
})

describe('percentile curve', () => {
  it('places percentiles on a nines axis and labels it back', () => {
    expect(ninesX(0)).toBe(1)
    expect(ninesX(90)).toBeCloseTo(10)
    expect(ninesX(99.9)).toBeCloseTo(1000)
    expect(ninesLabel(10)).toBe('90%')
    expect(ninesLabel(1000)).toBe('99.9%')
  })

  it('leaves out p100, overlays several runs and marks the target percentile', () => {
    const o = percentileCurveOption(
      [
        { name: 'a', points: curve((p) => (p + 1) * 1e5) },
        { name: 'b', points: curve((p) => (p + 1) * 2e5) }
      ],
      { targetPercentile: 90 }
    ) as {
      legend?: unknown
      series: { data: number[][]; markLine?: { data: { xAxis: number }[] } }[]
    }
    expect(o.series).toHaveLength(2)
    expect(o.series[0]!.data).toHaveLength(103)
    // The last point is p99.99, in milliseconds.
    expect(o.series[0]!.data.at(-1)).toEqual([ninesX(99.99), ((99.99 + 1) * 1e5) / 1e6, 99.99])
    expect(o.series[0]!.markLine!.data[0]!.xAxis).toBeCloseTo(10)
    expect(o.series[1]!.markLine).toBeUndefined()
    expect(o.legend).toBeDefined()
  })
})

describe('throughput chart', () => {
  it('draws one line per run in samples per second against seconds', () => {
    const o = throughputOption([
      {
        name: 'run 1',
        points: [
          { timeS: 0.5, samplesPerSecond: 100 },
          { timeS: 1, samplesPerSecond: 120 }
        ]
      }
    ]) as { series: { data: number[][]; name: string }[]; legend?: unknown }
    expect(o.series[0]).toMatchObject({
      name: 'run 1',
      data: [
        [0.5, 100],
        [1, 120]
      ]
    })
    expect(o.legend).toBeUndefined()
  })
})
