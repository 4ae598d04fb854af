import { describe, expect, it } from 'vitest'
import {
  closedPublished,
  fastestAtScale,
  scaleLines,
  trainingByBenchmark
} from '../../../../src-main/charts/scale-groups'
import { chartRow } from '../../../support/chart-rows'

const train = { unit: 'minutes', scenario: null, metric: null, benchmark: 'bert' }

describe('scale groups: inference', () => {
  it('keeps closed, valid, published results; counts the rest', () => {
    const dropped = new Map<string, number>()
    const kept = closedPublished(
      [
        chartRow({ id: 1 }),
        chartRow({ id: 2, sourceKind: 'local' }),
        chartRow({ id: 3, division: 'open' }),
        chartRow({ id: 4, valid: false })
      ],
      dropped
    )
    expect(kept.map((r) => r.id)).toEqual([1])
    expect([...dropped.keys()]).toEqual([
      'your own runs (unverified)',
      'open-division results',
      'marked invalid'
    ])
  })

  it('a line per workload: the fastest result’s count per round; CPU-only fastest not drawn', () => {
    const sl = scaleLines([
      chartRow({ id: 1, round: 'v3.1', value: 100, acceleratorsTotal: 8 }),
      chartRow({ id: 2, round: 'v3.1', value: 300, acceleratorsTotal: 64 }),
      chartRow({ id: 3, round: 'v4.1', value: 500, acceleratorsTotal: 0 }),
      chartRow({ id: 4, round: 'v4.1', value: 200, acceleratorsTotal: 16 }),
      chartRow({
        id: 5,
        round: 'v4.1',
        scenario: 'SingleStream',
        unit: 'Latency (ms)',
        value: 2,
        acceleratorsTotal: 1
      }),
      chartRow({
        id: 6,
        round: 'v4.1',
        scenario: 'SingleStream',
        unit: 'Latency (ms)',
        value: 1,
        acceleratorsTotal: 4
      }),
      chartRow({ id: 7, round: 'v4.1', benchmark: 'bert-99', value: 10, acceleratorsTotal: 2 })
    ])
    expect(sl.rounds).toEqual(['v3.1', 'v4.1'])
    expect(sl.lines.map((l) => [l.key, l.data])).toEqual([
      ['bert-99|Offline', ['-', 2]],
      ['resnet|Offline', [64, '-']],
      ['resnet|SingleStream', ['-', 4]]
    ])
    expect(sl.cpuOnly).toBe(1)
    expect(sl.plotted.map((p) => p.row.id)).toEqual([7, 2, 6])
    expect(sl.benchmarks).toEqual(['bert-99', 'resnet'])
    expect(sl.roundsSeen).toEqual(
      new Map([
        ['bert-99', 1],
        ['resnet', 3]
      ])
    )
  })
})

describe('scale groups: training', () => {
  it('groups scored results with an accelerator count by benchmark; counts the rest', () => {
    const dropped = new Map<string, number>()
    const by = trainingByBenchmark(
      [
        chartRow({ ...train, id: 1, value: 10, acceleratorsTotal: 8 }),
        chartRow({ ...train, id: 2, benchmark: 'resnet', value: 20, acceleratorsTotal: 8 }),
        chartRow({ ...train, id: 3, value: null }),
        chartRow({ ...train, id: 4, value: 5, acceleratorsTotal: null }),
        chartRow({ ...train, id: 5, valid: false })
      ],
      dropped
    )
    expect([...by].map(([b, l]) => [b, l.map((r) => r.id)])).toEqual([
      ['bert', [1]],
      ['resnet', [2]]
    ])
    expect(dropped).toEqual(
      new Map([
        ['no score', 1],
        ['no accelerator count (CPU-only or not stated)', 1],
        ['marked invalid', 1]
      ])
    )
  })

  it('the front: the fastest result at each scale or smaller, by scale', () => {
    const list = [
      chartRow({ ...train, acceleratorsTotal: 8, value: 100 }),
      chartRow({ ...train, acceleratorsTotal: 8, value: 120 }),
      chartRow({ ...train, acceleratorsTotal: 64, value: 20 }),
      chartRow({ ...train, acceleratorsTotal: 256, value: 30 }),
      chartRow({ ...train, acceleratorsTotal: 1024, value: 5 })
    ]
    const { idx, points } = fastestAtScale(list)
    expect([...idx].sort()).toEqual([0, 2, 4])
    expect(points).toEqual([
      [8, 100],
      [64, 20],
      [1024, 5]
    ])
  })
})
