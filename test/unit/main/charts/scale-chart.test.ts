import { describe, expect, it } from 'vitest'
import { buildScale } from '../../../../src-main/charts/scale-chart'
import { fastestPerRound } from '../../../../src-main/charts/scale-groups'
import { NOW, chartData, chartRow, view } from '../../../support/chart-rows'

describe('scale chart', () => {
  it('the accelerators behind the fastest result per round; latency: the lowest', () => {
    const rows = [
      chartRow({ round: 'v3.0', acceleratorsTotal: 8, value: 100 }),
      chartRow({ round: 'v3.0', acceleratorsTotal: 64, value: 700 }),
      chartRow({ round: 'v4.1', acceleratorsTotal: 16, value: 900 }),
      chartRow({
        round: 'v4.1',
        scenario: 'SingleStream',
        unit: 'Latency (ms)',
        acceleratorsTotal: 1,
        value: 0.5
      }),
      chartRow({
        round: 'v4.1',
        scenario: 'SingleStream',
        unit: 'Latency (ms)',
        acceleratorsTotal: 4,
        value: 0.9
      })
    ]
    const f = fastestPerRound(rows)
    expect(f.get('resnet|Offline')?.get('v3.0')?.acceleratorsTotal).toBe(64)
    expect(f.get('resnet|SingleStream')?.get('v4.1')?.acceleratorsTotal).toBe(1)
    const c = buildScale({ view: view({ kind: 'scale' }), data: chartData(rows), now: NOW })
    const series = c.option.series as {
      name: string
      data: (number | string)[]
      lineStyle: { type: string }
    }[]
    // Colour and legend name by benchmark (as the table names it), line style by scenario.
    expect(series.map((s) => [s.name, s.lineStyle.type, s.data])).toEqual([
      ['resnet50', 'solid', [64, 16]],
      ['resnet50', 'dotted', ['-', 1]]
    ])
    expect(c.table.rows.map((r) => r[0])).toEqual([
      'resnet50 Offline',
      'resnet50 Offline',
      'resnet50 SingleStream'
    ])
  })

  it('flags a CPU-only fastest result instead of dropping it silently', () => {
    const rows = [chartRow({ acceleratorsTotal: 0, accelerator: 'N/A' })]
    const c = buildScale({ view: view({ kind: 'scale' }), data: chartData(rows), now: NOW })
    expect(c.notes[0]).toMatch(/CPU-only/)
  })

  it('training: time to train against total accelerators, with the fastest-at-scale front', () => {
    const t = { unit: 'minutes', scenario: null, metric: null, benchmark: 'bert' }
    const rows = [
      chartRow({ ...t, id: 1, acceleratorsTotal: 8, value: 100 }),
      chartRow({ ...t, id: 2, acceleratorsTotal: 64, value: 20 }),
      chartRow({ ...t, id: 3, acceleratorsTotal: 64, value: 30 }),
      chartRow({ ...t, id: 4, acceleratorsTotal: 512, value: 5 })
    ]
    const c = buildScale({
      view: view({ kind: 'scale', suite: 'training' }),
      data: chartData(rows, { suite: 'training' }),
      now: NOW
    })
    expect(c.title).toBe('Time to train against total accelerators')
    const front = c.table.columns.indexOf('fastest_at_scale')
    expect(c.table.rows.map((r) => [r[0], r[front]])).toEqual([
      [1, 'yes'],
      [2, 'yes'],
      [3, 'no'],
      [4, 'yes']
    ])
    expect(c.footnote.full[0]).toMatch(/^MLPerf™ Training v4\.1/)
  })
})
