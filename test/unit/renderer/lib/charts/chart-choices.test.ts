import { describe, expect, it } from 'vitest'
import { chartChoices } from '../../../../../src-renderer/lib/charts/chart-choices'
import { parseCompareIds } from '../../../../../src-renderer/lib/state/CompareScreen.svelte'
import { chartData, chartRow } from '../../../../support/chart-rows'

describe('chart choices', () => {
  it('offers reference systems newest first, closed accelerator counts, accelerator names', () => {
    const data = chartData([
      chartRow({ round: 'v3.0', submitter: 'B', systemId: 'b', acceleratorsTotal: 8 }),
      chartRow({ round: 'v4.1', submitter: 'A', systemId: 'a', acceleratorsTotal: 1 }),
      chartRow({
        round: 'v4.1',
        submitter: 'A',
        systemId: 'a',
        acceleratorsTotal: 1,
        accelerator: 'NVIDIA T4'
      }),
      chartRow({
        round: 'v4.1',
        submitter: 'O',
        systemId: 'o',
        division: 'open',
        acceleratorsTotal: 64
      })
    ])
    const c = chartChoices(data)
    expect(c.systems.map((s) => [s.text, s.results])).toEqual([
      ['v4.1/A/a', 2],
      ['v4.1/O/o', 1],
      ['v3.0/B/b', 1]
    ])
    expect(c.counts).toEqual([
      { count: 1, results: 2 },
      { count: 8, results: 1 }
    ])
    expect(c.accelerators.map((a) => [a.raw, a.canonical])).toEqual([
      ['NVIDIA H100-SXM-80GB', 'h100-sxm'],
      ['NVIDIA T4', 't4']
    ])
    expect(chartChoices(null).systems).toEqual([])
  })
})

describe('compare ids in the URL', () => {
  it('keeps positive integers once, in order, at most eight', () => {
    expect(parseCompareIds('12,15,x,15,-1,3')).toEqual([12, 15, 3])
    expect(parseCompareIds(undefined)).toEqual([])
    expect(parseCompareIds('1,2,3,4,5,6,7,8,9,10')).toHaveLength(8)
  })
})
