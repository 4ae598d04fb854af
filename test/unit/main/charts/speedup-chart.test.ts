import { describe, expect, it } from 'vitest'
import { buildSpeedup, speedupAxis } from '../../../../src-main/charts/speedup-chart'
import { speedupSegments } from '../../../../src-main/charts/speedup-lines'
import type { ChartRow } from '../../../../src-main/shared/charts/chart-points'
import { NOW, chartData, chartRow, view } from '../../../support/chart-rows'

function byRound(rows: ChartRow[]): Map<string, ChartRow> {
  return new Map(rows.map((r) => [r.round, r]))
}

describe('speedupSegments', () => {
  it('speedup over the first round; latencies inverted', () => {
    const { segments, exclusions } = speedupSegments(
      'resnet SingleStream',
      byRound([
        chartRow({ round: 'v3.0', scenario: 'SingleStream', unit: 'Latency (ms)', value: 4 }),
        chartRow({ round: 'v4.1', scenario: 'SingleStream', unit: 'Latency (ms)', value: 1 }),
        chartRow({ round: 'v3.1', scenario: 'SingleStream', unit: 'Latency (ms)', value: 2 })
      ])
    )
    expect(exclusions).toEqual([])
    expect(segments).toHaveLength(1)
    expect(segments[0]?.points.map((p) => [p.round, p.speedup])).toEqual([
      ['v3.0', 1],
      ['v3.1', 2],
      ['v4.1', 4]
    ])
  })

  it('restarts at an incomparable round and records the pair and the reason', () => {
    const ms = { scenario: 'MultiStream' }
    const { segments, exclusions } = speedupSegments(
      'resnet MultiStream',
      byRound([
        chartRow({ ...ms, round: 'v0.5', unit: 'Streams', value: 100 }),
        chartRow({ ...ms, round: 'v1.0', unit: 'Streams', value: 300 }),
        chartRow({ ...ms, round: 'v3.0', unit: 'Latency (ms)', value: 10 }),
        chartRow({ ...ms, round: 'v4.1', unit: 'Latency (ms)', value: 5 })
      ])
    )
    expect(segments.map((s) => s.label)).toEqual([
      'resnet MultiStream',
      'resnet MultiStream (from v3.0)'
    ])
    expect(segments[0]?.points.at(-1)?.speedup).toBe(3)
    expect(segments[1]?.points.at(-1)?.speedup).toBe(2)
    expect(exclusions).toHaveLength(1)
    expect(exclusions[0]?.subject).toBe('resnet MultiStream: v0.5 → v3.0')
    expect(exclusions[0]?.reason).toMatch(/MultiStream changed meaning in v2\.0/)
  })
})

describe('speedup chart', () => {
  it('best result at the chosen accelerator count per round; other counts, open and local left out', () => {
    const rows = [
      chartRow({ round: 'v3.0', acceleratorsTotal: 8, value: 100 }),
      chartRow({ round: 'v3.0', acceleratorsTotal: 8, value: 150 }),
      chartRow({ round: 'v4.1', acceleratorsTotal: 8, value: 300 }),
      chartRow({ round: 'v4.1', acceleratorsTotal: 16, value: 900 }),
      chartRow({ round: 'v4.1', acceleratorsTotal: 8, value: 9000, division: 'open' }),
      chartRow({ round: 'local', acceleratorsTotal: 8, value: 9000, sourceKind: 'local' })
    ]
    const c = buildSpeedup({
      view: view({ kind: 'speedup', accelerators: 8 }),
      data: chartData(rows),
      now: NOW
    })
    const speedup = c.table.columns.indexOf('speedup')
    expect(c.table.rows.map((r) => r[speedup])).toEqual([1, 2])
    const notes = c.notes.join(' ')
    expect(notes).toMatch(/different accelerator count than 8 \(1\)/)
    expect(notes).toMatch(/open-division results/)
    expect(notes).toMatch(/your own runs/)
    expect(c.title).toBe('Round-over-round speedup: best result at 8 accelerators')
  })

  it('labels the speedup axis every octave, or every few over a wide span, always at 1×', () => {
    const axis = (speedups: number[]): { min: number; max: number; interval: number } => {
      const a = speedupAxis(speedups) as { min: number; max: number; interval: number }
      return { min: a.min, max: a.max, interval: a.interval }
    }
    // 1/64 to 64: twelve octaves, a label every second one (64, 16, 4, 1, 1/4, 1/16, 1/64).
    expect(axis([1 / 64, 1, 40])).toEqual({ min: 1 / 64, max: 64, interval: 2 })
    // The ends move out to a multiple of the step, so that 1× stays a tick.
    expect(axis([1 / 40, 1, 40])).toEqual({ min: 1 / 64, max: 64, interval: 2 })
    expect(axis([0.3, 3])).toEqual({ min: 0.25, max: 4, interval: 1 })
    expect(axis([1, 1000])).toEqual({ min: 1, max: 1024, interval: 2 })
    expect(axis([])).toEqual({ min: 0.5, max: 4, interval: 1 })
    for (const a of [axis([1 / 40, 40]), axis([0.01, 3000]), axis([1, 1.5])]) {
      const lo = Math.log2(a.min) / a.interval
      const hi = Math.log2(a.max) / a.interval
      expect(Number.isInteger(lo) && Number.isInteger(hi)).toBe(true)
      expect(hi - lo).toBeLessThanOrEqual(8)
    }
  })

  it('keeps power submissions in their own line (their performance is not comparable)', () => {
    const rows = [
      chartRow({ round: 'v3.0', value: 100 }),
      chartRow({ round: 'v4.1', value: 200 }),
      chartRow({ round: 'v3.0', value: 90, powerValue: 1000, powerUnit: 'Watts' }),
      chartRow({ round: 'v4.1', value: 270, powerValue: 1000, powerUnit: 'Watts' })
    ]
    const c = buildSpeedup({ view: view({ kind: 'speedup' }), data: chartData(rows), now: NOW })
    const line = c.table.columns.indexOf('line')
    const speedup = c.table.columns.indexOf('speedup')
    expect(c.table.rows.map((r) => [r[line], r[speedup]])).toEqual([
      ['resnet50 Offline', 1],
      ['resnet50 Offline', 2],
      ['resnet50 Offline (power submissions)', 1],
      ['resnet50 Offline (power submissions)', 3]
    ])
  })

  it('same accelerator: pairs spellings through the alias table and the count', () => {
    const rows = [
      chartRow({
        round: 'v3.0',
        accelerator: 'NVIDIA H100-SXM-80GB',
        acceleratorsTotal: 8,
        value: 100
      }),
      chartRow({ round: 'v4.1', accelerator: 'H100 SXM5 80GB', acceleratorsTotal: 8, value: 130 }),
      chartRow({ round: 'v4.1', accelerator: 'H100 SXM5 80GB', acceleratorsTotal: 4, value: 70 }),
      chartRow({ round: 'v3.0', accelerator: 'Foo 1', acceleratorsTotal: 8, value: 10 }),
      chartRow({ round: 'v4.1', accelerator: 'Foo One', acceleratorsTotal: 8, value: 20 })
    ]
    const same = view({ kind: 'speedup', speedupMode: 'same-accelerator' })
    const c = buildSpeedup({ view: same, data: chartData(rows), now: NOW })
    const line = c.table.columns.indexOf('line')
    expect([...new Set(c.table.rows.map((r) => r[line]))]).toEqual([
      'resnet50 Offline · h100-sxm ×8'
    ])
    expect(c.table.rows.at(-1)?.at(-1)).toBeCloseTo(1.3)
    // A user override pairs the two "Foo" spellings.
    const aliases = [{ raw: 'Foo One', canonical: 'foo-1' }]
    const withAlias = buildSpeedup({ view: same, data: chartData(rows, { aliases }), now: NOW })
    expect(new Set(withAlias.table.rows.map((r) => r[line]))).toContain(
      'resnet50 Offline · foo-1 ×8'
    )
  })

  it('lists excluded pairs in the notes, exclusions and footnote, and variant notes', () => {
    const rows = [
      chartRow({ round: 'v1.1', benchmark: '3d-unet-99', value: 1 }),
      chartRow({ round: 'v2.1', benchmark: '3d-unet-99', value: 3 }),
      chartRow({ round: 'v4.1', benchmark: '3d-unet-99', value: 6 }),
      chartRow({ round: 'v4.1', benchmark: '3d-unet-99.9', value: 6 })
    ]
    const c = buildSpeedup({ view: view({ kind: 'speedup' }), data: chartData(rows), now: NOW })
    expect(c.exclusions).toHaveLength(1)
    expect(c.exclusions[0]?.reason).toMatch(/KiTS 2019/)
    expect(c.footnote.full.join(' ')).toMatch(/Not compared .*3d-unet-99 Offline: v1\.1 → v2\.1/)
    expect(c.notes.join(' ')).toMatch(/3d-unet-99 and 3d-unet-99\.9 are separate benchmarks/)
    const speedup = c.table.columns.indexOf('speedup')
    expect(c.table.rows.map((r) => r[speedup])).toEqual([1, 2])
  })
})
