import * as echarts from 'echarts'
import type { LineSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import { convergenceOption } from '../../../../src-main/charts/convergence'
import { evals, runView } from '../../../support/training-runs'

const input = {
  target: 0.759,
  direction: 'higher' as const,
  metricLabel: 'top-1 accuracy',
  runs: [
    runView(
      'result_0.txt',
      'counted',
      evals([
        [3, 4, 0.5],
        [6, 8, 0.7],
        [9, 12, 0.76]
      ])
    ),
    runView(
      'result_1.txt',
      'dropped-fastest',
      evals([
        [2.5, 4, 0.52],
        [5, 8, 0.76]
      ])
    ),
    runView('result_2.txt', 'failed', evals([[4, null, 0.3]]))
  ]
}

function lines(option: ReturnType<typeof convergenceOption>): LineSeriesOption[] {
  return (option.series ?? []) as LineSeriesOption[]
}

function axis(option: ReturnType<typeof convergenceOption>, key: 'xAxis' | 'yAxis') {
  const a = option[key]
  if (Array.isArray(a) || a === undefined) throw new Error(`${key} should be one object`)
  return a as Record<string, unknown>
}

describe('convergenceOption', () => {
  it('draws one line per run against minutes, plus the target line', () => {
    const option = convergenceOption(input, { x: 'time' })
    const series = lines(option)
    expect(series.map((s) => s.name)).toEqual([
      'result_0',
      'result_1',
      'result_2',
      'Quality target'
    ])
    expect(series[0]?.data).toEqual([
      [3, 0.5, 3, 4],
      [6, 0.7, 6, 8],
      [9, 0.76, 9, 12]
    ])
    const target = series[3]?.markLine?.data as { yAxis: number }[]
    expect(target).toEqual([{ yAxis: 0.759 }])
    // The target is labelled on the chart, not in the legend.
    expect((option.legend as { data: string[] }).data).toEqual(['result_0', 'result_1', 'result_2'])
    expect(axis(option, 'xAxis')['name']).toBe('Time since run_start (minutes)')
    expect(axis(option, 'yAxis')['name']).toBe('top-1 accuracy')
    expect(axis(option, 'yAxis')['type']).toBe('value')
  })

  it('styles runs by their role in the score', () => {
    const series = lines(convergenceOption(input, { x: 'time' }))
    const style = (i: number): unknown => (series[i]?.lineStyle as { type: string }).type
    expect(style(0)).toBe('solid')
    expect(style(1)).toBe('dotted')
    expect(style(2)).toBe('dashed')
  })

  it('plots against epochs and leaves out evaluations without an epoch, saying so', () => {
    const option = convergenceOption(input, { x: 'epoch' })
    const series = lines(option)
    expect(series[1]?.data).toEqual([
      [4, 0.52, 2.5, 4],
      [8, 0.76, 5, 8]
    ])
    // result_2's only point has no epoch: the run keeps its legend entry but has no points.
    expect(series[2]?.data).toEqual([])
    expect(axis(option, 'xAxis')['name']).toBe('Epoch')
    const title = option.title as { subtext: string }
    expect(title.subtext).toContain('1 evaluation without an epoch number')
  })

  it('keeps the target inside the quality axis range', () => {
    const low = { ...input, target: 0.9 }
    const y = axis(convergenceOption(low, { x: 'time' }), 'yAxis')
    expect(y['max']).toBeGreaterThanOrEqual(0.9)
    expect(y['min']).toBeLessThanOrEqual(0.3)
  })

  it('switches to a log axis and drops values that are not positive', () => {
    const withZero = {
      ...input,
      direction: 'lower' as const,
      target: 2.7,
      runs: [
        runView(
          'result_0.txt',
          'counted',
          evals([
            [1, 1, 0],
            [2, 2, 4.1],
            [3, 3, 2.6]
          ])
        )
      ]
    }
    const option = convergenceOption(withZero, { x: 'time', yScale: 'log' })
    expect(axis(option, 'yAxis')['type']).toBe('log')
    expect(lines(option)[0]?.data).toHaveLength(2)
    expect((option.title as { subtext: string }).subtext).toContain('1 value ≤ 0 left out')
  })

  it('has no target line when the target is unknown, and names multi-metric series', () => {
    const multi = {
      ...input,
      target: null,
      runs: [
        runView('result_0.txt', 'counted', [
          ...evals([[1, 1, 0.3]], 'BBOX'),
          ...evals([[1, 1, 0.25]], 'SEGM')
        ])
      ]
    }
    const names = lines(convergenceOption(multi, { x: 'time' })).map((s) => s.name)
    expect(names).toEqual(['result_0 · BBOX', 'result_0 · SEGM'])
  })

  it('says when there is nothing to draw', () => {
    const option = convergenceOption({ ...input, runs: [] }, { x: 'time' })
    expect((option.title as { subtext: string }).subtext).toBe('No evaluations to draw.')
  })

  it('escapes run names in the tooltip', () => {
    const odd = { ...input, runs: [runView('<b>x</b>.txt', 'counted', evals([[1, 1, 0.5]]))] }
    const option = convergenceOption(odd, { x: 'time' })
    const tooltip = option.tooltip as { formatter: (p: unknown) => string }
    const html = tooltip.formatter({ seriesName: '<b>x</b>', marker: '', value: [1, 0.5, 1, 1] })
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;')
    expect(html).toContain('1.00 min since run_start · epoch 1')
  })

  it('renders server-side to an SVG with the target label', () => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 360 })
    chart.setOption(convergenceOption(input, { x: 'time' }))
    const svg = chart.renderToSVGString()
    chart.dispose()
    expect(svg).toContain('<svg')
    expect(svg).toContain('Target 0.759')
    expect(svg).toContain('top-1 accuracy')
  })
})
