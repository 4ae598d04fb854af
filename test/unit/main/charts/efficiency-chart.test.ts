import { describe, expect, it } from 'vitest'
import { buildEfficiency } from '../../../../src-main/charts/efficiency-chart'
import { NOW, chartData, chartRow, view } from '../../../support/chart-rows'

describe('efficiency chart', () => {
  it('per watt only from power results, with each group’s Pareto front', () => {
    const w = { powerUnit: 'Watts' }
    const rows = [
      chartRow({ id: 1, acceleratorsTotal: 1, value: 100, powerValue: 50, ...w }),
      chartRow({ id: 2, acceleratorsTotal: 8, value: 800, powerValue: 200, ...w }),
      chartRow({ id: 3, acceleratorsTotal: 8, value: 400, powerValue: 200, ...w }),
      chartRow({ id: 4, acceleratorsTotal: 8, value: 900 }),
      chartRow({
        id: 5,
        scenario: 'SingleStream',
        unit: 'Latency (ms)',
        acceleratorsTotal: 1,
        value: 1,
        powerValue: 10,
        powerUnit: 'millijoules'
      }),
      chartRow({
        id: 6,
        scenario: 'MultiStream',
        unit: 'Latency (ms)',
        acceleratorsTotal: 1,
        value: 1,
        powerValue: 80,
        powerUnit: 'millijoules'
      })
    ]
    const c = buildEfficiency({
      view: view({ kind: 'efficiency' }),
      data: chartData(rows),
      now: NOW
    })
    const col = (name: string): number => c.table.columns.indexOf(name)
    const byId = new Map(c.table.rows.map((r) => [r[0], r]))
    expect(byId.get(1)?.[col('derived_metric')]).toBe(2)
    expect(byId.get(2)?.[col('derived_metric')]).toBe(4)
    expect(byId.get(2)?.[col('pareto_front')]).toBe('yes')
    expect(byId.get(3)?.[col('pareto_front')]).toBe('no')
    expect(byId.get(5)?.[col('derived_metric')]).toBe(100)
    expect(byId.get(6)?.[col('derived_metric')]).toBe(100)
    expect(byId.has(4)).toBe(false)
    expect(c.notes[0]).toMatch(/no measured power \(not a power submission\) \(1\)/)
    expect(c.derived[0]).toMatch(/8000 ÷ mJ/)
    expect(String((c.option.yAxis as { name?: string }).name)).toMatch(/samples\/J · derived/)
  })

  it('per accelerator against total accelerators', () => {
    const rows = [
      chartRow({ id: 1, acceleratorsTotal: 2, value: 400 }),
      chartRow({ id: 2, acceleratorsTotal: 8, value: 800 })
    ]
    const c = buildEfficiency({
      view: view({ kind: 'efficiency', efficiency: 'per-accelerator' }),
      data: chartData(rows),
      now: NOW
    })
    const m = c.table.columns.indexOf('derived_metric')
    expect(c.table.rows.map((r) => r[m])).toEqual([200, 100])
    const front = c.table.columns.indexOf('pareto_front')
    expect(c.table.rows.map((r) => r[front])).toEqual(['yes', 'yes'])
  })
})
