import { describe, expect, it } from 'vitest'
import type { ChartRow } from '../../../../src-main/shared/charts/chart-points'
import {
  distributionGroups,
  groupRows,
  metricFor,
  normaliseGroups,
  orderGroups,
  placePoints,
  publishedValues,
  roundScope
} from '../../../../src-main/charts/distribution-groups'
import { NOW, chartRow, view } from '../../../support/chart-rows'

const raw = metricFor(view(), { prices: [], aliases: [] }).fn
const local = (over: Partial<ChartRow>): ChartRow =>
  chartRow({ submitter: 'You', systemId: 'mine', sourceKind: 'local', ...over })

/** Normalised value per row id. */
function ys(groups: { members: { row: ChartRow; y: number }[] }[]): Map<number, number> {
  return new Map(groups.flatMap((g) => g.members.map((m): [number, number] => [m.row.id, m.y])))
}

describe('distribution groups: round scope', () => {
  it('keeps the newest published round and the user runs of any round', () => {
    const rows = [
      chartRow({ id: 1, round: 'v3.1' }),
      chartRow({ id: 2, round: 'v4.1' }),
      local({ id: 3, round: 'v2.0' })
    ]
    const s = roundScope(view(), rows)
    expect(s.newest).toBe('v4.1')
    expect(s.rows.map((r) => r.id)).toEqual([2, 3])
    expect(s.olderRounds).toBe(1)
  })

  it('a round filter keeps every round', () => {
    const rows = [chartRow({ round: 'v3.1' }), chartRow({ round: 'v4.1' })]
    const s = roundScope(view({ filters: [{ column: 'round', op: 'in', value: ['v3.1'] }] }), rows)
    expect(s).toMatchObject({ newest: null, olderRounds: 0 })
    expect(s.rows).toHaveLength(2)
  })
})

describe('distribution groups: grouping', () => {
  it('splits by benchmark, scenario and unit; counts invalid and value-less rows', () => {
    const dropped = new Map<string, number>()
    const groups = groupRows(
      [
        chartRow({ id: 1, unit: 'Samples/s' }),
        chartRow({ id: 2, unit: 'Tokens/s' }),
        chartRow({ id: 3, unit: 'Samples/s', value: 5 }),
        chartRow({ id: 4, valid: false }),
        local({ id: 5, valid: false }),
        chartRow({ id: 6, value: null })
      ],
      view(),
      raw,
      dropped
    )
    expect([...groups.values()].map((g) => g.members.map((m) => m.row.id))).toEqual([
      [1, 3, 5],
      [2]
    ])
    expect(dropped).toEqual(
      new Map([
        ['marked invalid', 1],
        ['no positive result value', 1]
      ])
    )
  })

  it('latency groups are lower-is-better, except per accelerator where all are higher', () => {
    const lat = chartRow({ scenario: 'SingleStream', unit: 'Latency (ms)', value: 2 })
    const best = groupRows([lat], view(), raw, new Map())
    expect([...best.values()][0]?.dir).toBe('lower')
    const perAcc = view({ normalisation: 'per-accelerator' })
    const g = groupRows(
      [chartRow({ value: 800 })],
      perAcc,
      metricFor(perAcc, { prices: [], aliases: [] }).fn,
      new Map()
    )
    expect([...g.values()][0]).toMatchObject({ dir: 'higher', members: [{ metric: 100 }] })
  })

  it('orders groups by benchmark, the usual scenario order, then unit', () => {
    const dropped = new Map<string, number>()
    const groups = groupRows(
      [
        chartRow({ benchmark: 'resnet', scenario: 'SingleStream', unit: 'Latency (ms)' }),
        chartRow({ benchmark: 'resnet', scenario: 'Offline', unit: 'Tokens/s' }),
        chartRow({ benchmark: 'bert-99', scenario: 'Server', unit: 'Queries/s' }),
        chartRow({ benchmark: 'resnet', scenario: 'Offline', unit: 'Samples/s' })
      ],
      view(),
      raw,
      dropped
    )
    expect(
      orderGroups(groups.values()).map((g) => `${g.benchmark} ${g.scenario} ${g.unit}`)
    ).toEqual([
      'bert-99 Server Queries/s',
      'resnet Offline Samples/s',
      'resnet Offline Tokens/s',
      'resnet SingleStream Latency (ms)'
    ])
  })
})

describe('distribution groups: normalisation', () => {
  it('best: the best published result is 1, latencies inverted, user runs never the best', () => {
    const d = distributionGroups(
      [
        chartRow({ id: 1, value: 1000 }),
        chartRow({ id: 2, value: 250 }),
        local({ id: 3, value: 4000 }),
        chartRow({ id: 4, scenario: 'SingleStream', unit: 'Latency (ms)', value: 2 }),
        chartRow({ id: 5, scenario: 'SingleStream', unit: 'Latency (ms)', value: 8 })
      ],
      view(),
      raw
    )
    expect(ys(d.ordered)).toEqual(
      new Map([
        [1, 1],
        [2, 0.25],
        [3, 4],
        [4, 1],
        [5, 0.25]
      ])
    )
    expect(d.ordered.map((g) => g.base)).toEqual([1000, 2])
    expect(d.refName).toBeNull()
  })

  it('raw: values as they are, no base', () => {
    const d = distributionGroups(
      [chartRow({ id: 1, value: 123 })],
      view({ normalisation: 'raw' }),
      raw
    )
    expect(d.ordered[0]).toMatchObject({ base: null, members: [{ y: 123, metric: 123 }] })
  })

  it('reference: relative to the reference system; groups without it and incomparable results left out', () => {
    const ref = { round: 'v4.1', submitter: 'Ref', systemId: 'ref1' }
    const d = distributionGroups(
      [
        chartRow({ id: 1, submitter: 'Ref', systemId: 'ref1', systemName: 'Ref One', value: 500 }),
        chartRow({ id: 2, value: 1000 }),
        chartRow({ id: 3, value: 1500, powerValue: 900, powerUnit: 'Watts' }),
        chartRow({ id: 4, benchmark: 'bert-99', value: 77 }),
        chartRow({ id: 5, benchmark: 'bert-99', value: 70 })
      ],
      view({ normalisation: 'reference', reference: ref }),
      raw
    )
    expect(ys(d.ordered)).toEqual(
      new Map([
        [1, 1],
        [2, 2]
      ])
    )
    expect(d.refName).toBe('Ref One (v4.1)')
    expect(d.dropped.get('the reference system has no result in this group')).toBe(2)
    expect(d.exclusions).toHaveLength(1)
    expect(d.exclusions[0]?.subject).toMatch(/^Acme X8 v4.1 resnet Offline/)
  })

  it('reference without a result anywhere: named by its key, every group emptied', () => {
    const dropped = new Map<string, number>()
    const groups = groupRows([chartRow({ value: 10 })], view(), raw, dropped)
    const ref = { round: 'v4.1', submitter: 'Nobody', systemId: 'n1' }
    const r = normaliseGroups(
      groups.values(),
      view({ normalisation: 'reference', reference: ref }),
      dropped
    )
    expect(r.refName).toBe('v4.1/Nobody/n1')
    expect(orderGroups(groups.values())).toEqual([])
  })
})

describe('distribution groups: points', () => {
  it('places points in their strip, counts published points per colour, skips values ≤ 0', () => {
    const d = distributionGroups(
      [
        chartRow({ id: 1, benchmark: 'bert-99', accelerator: 'H100', value: 10 }),
        chartRow({ id: 2, benchmark: 'resnet', accelerator: 'NVIDIA H100', value: 5 }),
        chartRow({ id: 3, benchmark: 'resnet', accelerator: 'NVIDIA H100', value: 20 }),
        local({ id: 4, benchmark: 'resnet', value: 50 })
      ],
      view({ normalisation: 'raw' }),
      raw
    )
    // A value the log axis cannot draw (a derived ratio of 0).
    const first = d.ordered[0]?.members[0]
    if (first) first.y = 0
    const placed = placePoints(d.ordered, 'accelerator', () => 'h100')
    expect(placed.nonPositive).toBe(1)
    expect(placed.plotted.map((p) => p.row.id)).toEqual([2, 3, 4])
    for (const p of placed.plotted) expect(Math.abs(p.x - 1)).toBeLessThanOrEqual(0.3)
    expect(placed.counts).toEqual(new Map([['h100', 2]]))
    expect(placed.labelCounts.get('h100')).toEqual(new Map([['NVIDIA H100', 2]]))
    expect(publishedValues(d.ordered)).toEqual([[], [5, 20]])
  })

  it('by submitter: no accelerator names are gathered', () => {
    const d = distributionGroups([chartRow({ value: 10 })], view(), raw)
    const placed = placePoints(d.ordered, 'submitter', (r) => r.submitter)
    expect(placed.counts).toEqual(new Map([['Acme', 1]]))
    expect(placed.labelCounts.size).toBe(0)
  })
})

describe('distribution groups: metric', () => {
  it('per dollar: result ÷ the system price, a reason without one', () => {
    const v = view({ normalisation: 'per-dollar' })
    const prices = [
      { id: 1, basis: 'system' as const, key: 'Acme/acme_x8', usd: 100, note: null, updatedAt: NOW }
    ]
    const m = metricFor(v, { prices, aliases: [] })
    expect(m.fn(chartRow({ value: 1000 }))).toMatchObject({ value: 10 })
    expect(m.fn(chartRow({ systemId: 'other' }))).toEqual({
      value: null,
      reason: 'no price entered for this system'
    })
    expect(m.unit('Samples/s')).toBe('Samples/s per $')
  })
})
