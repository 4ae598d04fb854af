import { describe, expect, it } from 'vitest'
import { chartChoices, searchSystems } from '../../../../../src-renderer/lib/charts/chart-choices'
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

  it('labels every reference system unambiguously: system, accelerator × count, round, ID', () => {
    const twin = { round: 'v4.1', submitter: 'Acme', systemName: 'Acme Box', acceleratorsTotal: 8 }
    const data = chartData([
      chartRow({ ...twin, systemId: 'box_a', publicId: '4.1-0001' }),
      chartRow({ ...twin, systemId: 'box_b', publicId: '4.1-0002' }),
      // Same name, same accelerators, no ID: only the system id tells them apart.
      chartRow({ ...twin, systemId: 'box_c' }),
      chartRow({ ...twin, systemId: 'box_d' }),
      chartRow({ ...twin, round: 'v4.0', systemId: 'box_a', accelerator: 'NVIDIA L4' })
    ])
    const labels = chartChoices(data).systems.map((s) => s.label)
    expect(new Set(labels).size).toBe(labels.length)
    expect(labels).toContain('Acme Box — NVIDIA H100-SXM-80GB × 8 · v4.1 · ID 4.1-0001')
    expect(labels).toContain('Acme Box — NVIDIA H100-SXM-80GB × 8 · v4.1 · box_c')
    expect(labels).toContain('Acme Box — NVIDIA L4 × 8 · v4.0')
    // The search matches every word, anywhere: name, accelerator, round, result ID.
    const systems = chartChoices(data).systems
    expect(searchSystems(systems, 'l4 acme').map((s) => s.text)).toEqual(['v4.0/Acme/box_a'])
    expect(searchSystems(systems, '4.1-0002').map((s) => s.text)).toEqual(['v4.1/Acme/box_b'])
    expect(searchSystems(systems, 'v4.1 box')).toHaveLength(4)
    expect(searchSystems(systems, 'nothing like it')).toEqual([])
  })
})

describe('compare ids in the URL', () => {
  it('keeps positive integers once, in order, at most eight', () => {
    expect(parseCompareIds('12,15,x,15,-1,3')).toEqual([12, 15, 3])
    expect(parseCompareIds(undefined)).toEqual([])
    expect(parseCompareIds('1,2,3,4,5,6,7,8,9,10')).toHaveLength(8)
  })
})
