import { describe, expect, it } from 'vitest'
import { SAME_NAME } from '../../../../src-main/charts/chart-scope'
import {
  itemLabel,
  perAcceleratorOf,
  sharedWorkloads
} from '../../../../src-main/charts/compare-shared'
import { chartRow } from '../../../support/chart-rows'

const a = { submitter: 'A', systemId: 'a', systemName: 'A1' }
const b = { submitter: 'B', systemId: 'b', systemName: 'B1' }

describe('compare: shared workloads', () => {
  it('only workloads every system ran, sorted, with % better than the first', () => {
    const shared = sharedWorkloads(
      'inference',
      [
        {
          siblings: [
            chartRow({ ...a, id: 1, value: 100 }),
            chartRow({ ...a, id: 2, scenario: 'SingleStream', unit: 'Latency (ms)', value: 2 }),
            chartRow({ ...a, id: 3, benchmark: 'bert-99', value: 9 })
          ]
        },
        {
          siblings: [
            chartRow({ ...b, id: 4, value: 150 }),
            chartRow({ ...b, id: 5, scenario: 'SingleStream', unit: 'Latency (ms)', value: 4 })
          ]
        }
      ],
      SAME_NAME
    )
    expect(shared.map((w) => [w.scenario, w.ids, w.deltas, w.direction])).toEqual([
      ['Offline', [1, 4], [0, 50], 'higher'],
      ['SingleStream', [2, 5], [0, -50], 'lower']
    ])
    expect(shared.every((w) => w.reasons.length === 0 && w.perAccelerator === null)).toBe(true)
  })

  it('a pair MLPerf does not compare has no delta and says why', () => {
    const [w] = sharedWorkloads(
      'inference',
      [
        { siblings: [chartRow({ ...a, value: 100 })] },
        { siblings: [chartRow({ ...b, value: 300, powerValue: 900, powerUnit: 'Watts' })] }
      ],
      SAME_NAME
    )
    expect(w?.deltas).toEqual([0, null])
    expect(w?.reasons[0]).toMatch(/^B1 \(v4\.1\): .*power submission/)
  })

  it('names benchmarks with the namer given', () => {
    const [w] = sharedWorkloads(
      'inference',
      [{ siblings: [chartRow({ ...a })] }, { siblings: [chartRow({ ...b })] }],
      (x) => `${x}50`
    )
    expect(w?.benchmark).toBe('resnet50')
  })
})

describe('compare: per accelerator', () => {
  it('inference throughput ÷ accelerators when counts differ; none for equal counts or latencies', () => {
    const rows = [
      chartRow({ value: 800, acceleratorsTotal: 8 }),
      chartRow({ value: 300, acceleratorsTotal: 2 })
    ]
    expect(perAcceleratorOf('inference', rows, 'Samples/s', 'higher', [true, true])).toEqual({
      unit: 'Samples/s per accelerator',
      direction: 'higher',
      values: [100, 150],
      deltas: [0, 50]
    })
    const equal = [chartRow({ acceleratorsTotal: 8 }), chartRow({ acceleratorsTotal: 8 })]
    expect(perAcceleratorOf('inference', equal, 'Samples/s', 'higher', [true, true])).toBeNull()
    expect(perAcceleratorOf('inference', rows, 'Latency (ms)', 'lower', [true, true])).toBeNull()
  })

  it('training: accelerator-minutes, lower is better; no delta where not comparable', () => {
    const rows = [
      chartRow({ value: 10, acceleratorsTotal: 8, unit: 'minutes' }),
      chartRow({ value: 30, acceleratorsTotal: 2, unit: 'minutes' }),
      chartRow({ value: 5, acceleratorsTotal: 64, unit: 'minutes' })
    ]
    const p = perAcceleratorOf('training', rows, 'minutes', 'lower', [true, true, false])
    expect(p?.unit).toBe('accelerator-minutes')
    expect(p?.values).toEqual([80, 60, 320])
    expect(p?.deltas[0]).toBe(0)
    expect(p?.deltas[1]).toBeCloseTo((80 / 60 - 1) * 100)
    expect(p?.deltas[2]).toBeNull()
  })

  it('labels the user runs unverified', () => {
    expect(itemLabel(chartRow({ ...a }))).toBe('A1 (v4.1)')
    expect(itemLabel(chartRow({ ...a, sourceKind: 'local' }))).toBe('A1 (v4.1) · unverified')
  })
})
