import { describe, expect, it } from 'vitest'
import type { ComparableResult } from '../../../../src-main/charts/comparability'
import {
  benchmarkSetNotes,
  comparability,
  definitionIndex,
  splitVariant
} from '../../../../src-main/charts/comparability'

function r(over: Partial<ComparableResult> = {}): ComparableResult {
  return {
    round: 'v3.0',
    benchmark: 'resnet',
    scenario: 'Offline',
    unit: 'Samples/s',
    division: 'closed',
    hasPower: false,
    sourceKind: 'tree',
    ...over
  }
}

function reason(a: ComparableResult, b: ComparableResult): string {
  const c = comparability(a, b)
  if (c.ok) throw new Error('expected not comparable')
  return c.reason
}

describe('comparability', () => {
  it('allows the same benchmark and scenario across rounds of one definition', () => {
    expect(comparability(r({ round: 'v3.0' }), r({ round: 'v4.1' }))).toEqual({
      ok: true,
      caveats: []
    })
  })

  it('excludes MultiStream before v2.0 against v2.0 and later (streams became a latency)', () => {
    const a = r({ round: 'v1.1', scenario: 'MultiStream', unit: 'Latency (ms)' })
    const b = r({ round: 'v2.0', scenario: 'MultiStream', unit: 'Latency (ms)' })
    expect(reason(a, b)).toMatch(/MultiStream changed meaning in v2\.0/)
    // Both sides of the boundary on their own are fine.
    expect(
      comparability(
        r({ round: 'v0.5', scenario: 'MultiStream', unit: 'Streams' }),
        r({ round: 'v1.0', scenario: 'MultiStream', unit: 'Streams' })
      ).ok
    ).toBe(true)
    expect(
      comparability(b, r({ round: 'v4.1', scenario: 'MultiStream', unit: 'Latency (ms)' })).ok
    ).toBe(true)
  })

  it('excludes a benchmark across a dataset or quality-target change, naming every change', () => {
    const bench = '3d-unet-99'
    expect(definitionIndex(bench, 'v1.1')).toBe(0)
    expect(definitionIndex(bench, 'v2.0')).toBe(1)
    expect(definitionIndex(bench, 'v4.1')).toBe(2)
    expect(
      reason(r({ benchmark: bench, round: 'v1.1' }), r({ benchmark: bench, round: 'v2.0' }))
    ).toMatch(/BraTS 2019 to KiTS 2019/)
    const both = reason(
      r({ benchmark: bench, round: 'v0.7' }),
      r({ benchmark: bench, round: 'v3.0' })
    )
    expect(both).toMatch(/KiTS 2019/)
    expect(both).toMatch(/0\.86331 → 0\.86170/)
    expect(
      reason(
        r({ benchmark: 'mixtral-8x7b', round: 'v4.1' }),
        r({ benchmark: 'mixtral-8x7b', round: 'v5.0' })
      )
    ).toMatch(/accuracy targets/)
  })

  it('never pairs 99 and 99.9 variants or a benchmark with its successor', () => {
    expect(reason(r({ benchmark: 'bert-99' }), r({ benchmark: 'bert-99.9' }))).toMatch(
      /99 vs 99\.9 % of reference accuracy/
    )
    expect(
      reason(
        r({ benchmark: 'dlrm-99', round: 'v3.0' }),
        r({ benchmark: 'dlrm-v2-99', round: 'v3.1' })
      )
    ).toMatch(/replaced by DLRMv2/)
    expect(splitVariant('llama2-70b-99.9')).toEqual({ base: 'llama2-70b', variant: '99.9' })
    expect(splitVariant('resnet')).toEqual({ base: 'resnet', variant: null })
  })

  it('excludes power against non-power performance, other units, other scenarios', () => {
    expect(reason(r({ hasPower: true }), r())).toMatch(/power submission/)
    expect(
      reason(
        r({ benchmark: 'gptj-99', unit: 'Samples/s', round: 'v3.1' }),
        r({ benchmark: 'gptj-99', unit: 'Tokens/s' })
      )
    ).toMatch(/metric changed \(Samples\/s vs Tokens\/s\)/)
    expect(reason(r({ scenario: 'Server' }), r())).toMatch(/different scenarios/)
  })

  it('excludes open-division results and says why network results differ', () => {
    expect(reason(r({ division: 'open' }), r())).toMatch(/open-division/)
    expect(reason(r({ division: 'network' }), r())).toMatch(/network/)
  })

  it('returns caveats for metric changes MLCommons still compares across', () => {
    const ss = comparability(
      r({ scenario: 'SingleStream', unit: 'Latency (ms)', round: 'v1.1' }),
      r({ scenario: 'SingleStream', unit: 'Latency (ms)', round: 'v2.1' })
    )
    expect(ss.ok && ss.caveats[0]).toMatch(/early-stopping/)
    const server = comparability(
      r({ scenario: 'Server', round: 'v4.0' }),
      r({ scenario: 'Server', round: 'v4.1' })
    )
    expect(server.ok && server.caveats[0]).toMatch(/completed samples\/s/)
    const local = comparability(r(), r({ sourceKind: 'local', division: 'local', round: 'local' }))
    expect(local.ok && local.caveats[0]).toMatch(/unverified/)
  })
})

describe('benchmarkSetNotes', () => {
  it('names variants and successors that appear together', () => {
    const notes = benchmarkSetNotes(['bert-99', 'bert-99.9', 'ssd-large', 'retinanet', 'resnet'])
    expect(notes.some((n) => n.startsWith('bert-99 and bert-99.9 are separate'))).toBe(true)
    expect(notes.some((n) => n.includes('ssd-large → retinanet'))).toBe(true)
    expect(benchmarkSetNotes(['resnet'])).toEqual([])
  })
})
