import { describe, expect, it } from 'vitest'
import { MAX_COLOURED } from '../../../../src-main/charts/chart-frame'
import { SAME_NAME } from '../../../../src-main/charts/chart-scope'
import type { EfficiencyPoint } from '../../../../src-main/charts/efficiency-groups'
import {
  colourOrder,
  efficiencyGroups,
  efficiencyMetric,
  groupByWorkload,
  markFront
} from '../../../../src-main/charts/efficiency-groups'
import { chartRow, view } from '../../../support/chart-rows'

const perAcc = view({ kind: 'efficiency', efficiency: 'per-accelerator' })
const perWatt = view({ kind: 'efficiency', efficiency: 'per-watt' })

function pt(x: number, y: number): EfficiencyPoint {
  return { row: chartRow({ acceleratorsTotal: x }), x, y, unit: 'samples/s', front: false }
}

describe('efficiency groups: grouping', () => {
  it('per accelerator: result ÷ accelerators at x = accelerators; what cannot be placed is counted', () => {
    const dropped = new Map<string, number>()
    const groups = groupByWorkload(
      [
        chartRow({ id: 1, value: 800, acceleratorsTotal: 8 }),
        chartRow({ id: 2, value: 100, valid: false }),
        chartRow({ id: 3, scenario: 'SingleStream', unit: 'Latency (ms)', value: 1 }),
        chartRow({ id: 4, value: 50, acceleratorsTotal: 0 })
      ],
      efficiencyMetric(perAcc),
      dropped
    )
    expect([...groups.values()].flat().map((p) => [p.row.id, p.x, p.y])).toEqual([[1, 8, 100]])
    expect(dropped.get('marked invalid')).toBe(1)
    expect(dropped.get('latency results are not divided per accelerator')).toBe(1)
    expect(dropped.size).toBe(3)
  })

  it('per watt: measured power only, grouped by derived unit', () => {
    const dropped = new Map<string, number>()
    const groups = groupByWorkload(
      [
        chartRow({ id: 1, value: 1000, powerValue: 250, powerUnit: 'Watts' }),
        chartRow({ id: 2, unit: 'Tokens/s', value: 500, powerValue: 250, powerUnit: 'Watts' }),
        chartRow({ id: 3, value: 1000 })
      ],
      efficiencyMetric(perWatt),
      dropped
    )
    expect([...groups.keys()]).toEqual(['resnet|Offline|samples/J', 'resnet|Offline|tokens/J'])
    expect(groups.get('resnet|Offline|samples/J')?.[0]?.y).toBe(4)
    expect(dropped.get('no measured power (not a power submission)')).toBe(1)
  })
})

describe('efficiency groups: colours and fronts', () => {
  it('the largest groups are coloured, in workload order, the rest follow', () => {
    const groups = new Map<string, EfficiencyPoint[]>()
    for (let i = 0; i <= MAX_COLOURED; i++) {
      const bench = `b${String(i).padStart(2, '0')}`
      const pts = Array.from({ length: i === 0 ? 1 : 2 }, () => ({
        ...pt(8, 1),
        row: chartRow({ benchmark: bench })
      }))
      groups.set(`${bench}|Offline|samples/s`, pts)
    }
    const { keys, coloured } = colourOrder(groups)
    expect(coloured.size).toBe(MAX_COLOURED)
    expect(coloured.has('b00|Offline|samples/s')).toBe(false)
    expect(keys.at(-1)).toBe('b00|Offline|samples/s')
    expect(keys[0]).toBe('b01|Offline|samples/s')
  })

  it('marks the Pareto front: no other point both larger and more efficient', () => {
    const pts = [pt(1, 10), pt(8, 6), pt(8, 2), pt(64, 7), pt(16, 3)]
    const front = markFront(pts)
    expect(front.map((p) => [p.x, p.y])).toEqual([
      [1, 10],
      [64, 7]
    ])
    expect(pts.filter((p) => p.front)).toHaveLength(2)
  })

  it('names groups by workload (with the unit where it has several); user runs apart', () => {
    const rows = [
      chartRow({ id: 1, value: 800, acceleratorsTotal: 8 }),
      chartRow({ id: 2, value: 200, acceleratorsTotal: 1 }),
      chartRow({ id: 3, unit: 'Tokens/s', value: 90, acceleratorsTotal: 1 }),
      chartRow({ id: 4, value: 900, acceleratorsTotal: 2, sourceKind: 'local' })
    ]
    const { groups, all } = efficiencyGroups(rows, perAcc, SAME_NAME)
    expect(groups.map((g) => g.label)).toEqual([
      'resnet Offline (Samples/s per accelerator)',
      'resnet Offline (Tokens/s per accelerator)'
    ])
    const samples = groups[0]
    expect(samples?.published.map((p) => p.row.id)).toEqual([1, 2])
    expect(samples?.local.map((p) => p.row.id)).toEqual([4])
    // The user's run (450/accelerator) is not on the published front.
    expect(samples?.front.map((p) => p.row.id)).toEqual([2, 1])
    expect(all).toHaveLength(4)
  })
})
