import * as echarts from 'echarts'
import type { LineSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import type { TtmtView } from '../../../../src-main/shared/api'
import { ttmtOption } from '../../../../src-main/charts/ttmt'
import type { SetTtmt, Spread } from '../../../../src-main/shared/training'

const s = (mean: number | null): Spread => ({
  n: mean === null ? 0 : 2,
  missing: mean === null ? 2 : 0,
  mean,
  std: null,
  cv: null
})

const thresholds = [0.7, 0.73, 0.759]

function set(scale: number): SetTtmt {
  return {
    thresholds,
    direction: 'higher',
    runs: [
      {
        file: 'result_0.txt',
        thresholds,
        tta: [10 * scale, 12 * scale, 15 * scale],
        attmt: [10 * scale, 11 * scale, 12.33 * scale]
      },
      {
        file: 'result_1.txt',
        thresholds,
        tta: [11 * scale, 13 * scale, null],
        attmt: [11 * scale, 12 * scale, null]
      }
    ],
    tta: [s(10.5 * scale), s(12.5 * scale), s(15 * scale)],
    attmt: [s(10.5 * scale), s(11.5 * scale), s(12.33 * scale)]
  }
}

const one: TtmtView = {
  thresholds,
  direction: 'higher',
  sets: [{ id: 1, label: 'Acme T1', ttmt: set(1) }],
  speedup: null
}

const two: TtmtView = {
  ...one,
  sets: [
    { id: 1, label: 'Acme T1', ttmt: set(1) },
    { id: 2, label: 'Acme T2', ttmt: set(0.5) }
  ],
  speedup: []
}

const lines = (o: ReturnType<typeof ttmtOption>): LineSeriesOption[] =>
  (o.series ?? []) as LineSeriesOption[]

function axis(option: ReturnType<typeof ttmtOption>, key: 'xAxis' | 'yAxis') {
  const a = option[key]
  if (Array.isArray(a) || a === undefined) throw new Error(`${key} should be one object`)
  return a as Record<string, unknown>
}

describe('ttmtOption', () => {
  it('draws TTA and ATTMT of every run of one set against the threshold', () => {
    const option = ttmtOption(one, { metricLabel: 'top-1 accuracy', target: 0.759 })
    const series = lines(option)
    expect(series.map((x) => x.name)).toEqual([
      'result_0 TTA',
      'result_0 ATTMT',
      'result_1 TTA',
      'result_1 ATTMT',
      'Quality target'
    ])
    expect(series[0]?.data).toEqual([
      [0.7, 10],
      [0.73, 12],
      [0.759, 15]
    ])
    // TTA dashed, ATTMT solid.
    expect((series[0]?.lineStyle as { type: string }).type).toBe('dashed')
    expect((series[1]?.lineStyle as { type: string }).type).toBe('solid')
    expect(series[4]?.markLine?.data).toEqual([{ xAxis: 0.759 }])
    expect(axis(option, 'yAxis')['name']).toBe('Time (minutes)')
    expect(axis(option, 'xAxis')['name']).toBe('top-1 accuracy threshold')
  })

  it('leaves a gap where a threshold was never reached', () => {
    const option = ttmtOption(one, { metricLabel: 'top-1 accuracy' })
    expect(lines(option)[2]?.data).toEqual([
      [0.7, 11],
      [0.73, 13],
      [0.759, null]
    ])
    expect((option.title as { subtext: string }).subtext).toContain('not reached')
  })

  it('overlays the mean curves of several sets, and their runs on request', () => {
    const means = lines(ttmtOption(two, { metricLabel: 'acc' })).map((x) => x.name)
    expect(means).toEqual(['T1 · mean TTA', 'T1 · mean ATTMT', 'T2 · mean TTA', 'T2 · mean ATTMT'])
    const all = lines(ttmtOption(two, { metricLabel: 'acc', showRuns: true, measure: 'attmt' }))
    expect(all.map((x) => x.name)).toEqual([
      'T1 · result_0 ATTMT',
      'T1 · result_1 ATTMT',
      'T1 · mean ATTMT',
      'T2 · result_0 ATTMT',
      'T2 · result_1 ATTMT',
      'T2 · mean ATTMT'
    ])
    expect(all[3]?.data).toEqual([
      [0.7, 5],
      [0.73, 5.5],
      [0.759, 6.165]
    ])
  })

  it('chooses between a linear and a log time axis', () => {
    expect(axis(ttmtOption(one, { metricLabel: 'a' }), 'yAxis')['type']).toBe('value')
    expect(axis(ttmtOption(one, { metricLabel: 'a' }), 'yAxis')['min']).toBe(0)
    const log = axis(ttmtOption(one, { metricLabel: 'a', yScale: 'log' }), 'yAxis')
    expect(log['type']).toBe('log')
    expect(log['min']).toBe(10)
    expect(log['max']).toBe(100)
  })

  it('reverses the threshold axis for lower-is-better metrics', () => {
    const lower = { ...one, direction: 'lower' as const }
    expect(axis(ttmtOption(lower, { metricLabel: 'loss' }), 'xAxis')['inverse']).toBe(true)
    expect(axis(ttmtOption(one, { metricLabel: 'acc' }), 'xAxis')['inverse']).toBe(false)
  })

  it('lists every curve at a threshold in the tooltip, "not reached" for gaps', () => {
    const tooltip = ttmtOption(one, { metricLabel: 'acc' }).tooltip as {
      formatter: (p: unknown) => string
    }
    const html = tooltip.formatter([
      { seriesName: 'result_0 TTA', marker: '', value: [0.759, 15] },
      { seriesName: 'result_1 TTA', marker: '', value: [0.759, null] }
    ])
    expect(html).toContain('acc ≥ 0.759')
    expect(html).toContain('result_0 TTA: 15.00 min')
    expect(html).toContain('result_1 TTA: not reached')
  })

  it('renders server-side to an SVG', () => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 360 })
    chart.setOption(ttmtOption(two, { metricLabel: 'top-1 accuracy', target: 0.759 }))
    const svg = chart.renderToSVGString()
    chart.dispose()
    expect(svg).toContain('Time (minutes)')
    expect(svg).toContain('Target 0.759')
  })
})
