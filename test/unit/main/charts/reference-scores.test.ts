import { describe, expect, it } from 'vitest'
import type { Exclusion } from '../../../../src-main/charts/chart-types'
import type { SystemScore } from '../../../../src-main/charts/reference-scores'
import {
  MAX_REFERENCE_BARS,
  clipMiddle,
  drawnName,
  referenceScores,
  rowMetas,
  scorePairs,
  shownScores
} from '../../../../src-main/charts/reference-scores'
import { chartRow } from '../../../support/chart-rows'

const ref = { round: 'v4.1', submitter: 'Ref', systemId: 'r' }

function score(over: Partial<SystemScore>): SystemScore {
  return {
    key: 'v4.1/Acme/a',
    label: 'Acme X8 (v4.1)',
    system: 'Acme X8',
    meta: 'NVIDIA H100 × 8 · v4.1',
    local: false,
    isReference: false,
    pairs: [],
    score: 1,
    ...over
  }
}

describe('reference scores: pairs', () => {
  it('one speedup per workload the reference ran; latencies inverted; others skipped', () => {
    const refResnet = chartRow({ submitter: 'Ref', systemId: 'r', value: 100 })
    const refLat = chartRow({
      submitter: 'Ref',
      systemId: 'r',
      scenario: 'SingleStream',
      unit: 'Latency (ms)',
      value: 4
    })
    const byWorkload = new Map([
      ['resnet|Offline', refResnet],
      ['resnet|SingleStream', refLat]
    ])
    const exclusions: Exclusion[] = []
    const pairs = scorePairs(
      [
        chartRow({ id: 1, value: 250 }),
        chartRow({ id: 2, scenario: 'SingleStream', unit: 'Latency (ms)', value: 1 }),
        chartRow({ id: 3, benchmark: 'bert-99', value: 9 })
      ],
      byWorkload,
      exclusions
    )
    expect(pairs.map((p) => [p.row.id, p.speedup])).toEqual([
      [1, 2.5],
      [2, 4]
    ])
    expect(exclusions).toEqual([])
  })

  it('a pair MLPerf does not compare is listed, not scored', () => {
    const exclusions: Exclusion[] = []
    const pairs = scorePairs(
      [chartRow({ value: 300, powerValue: 900, powerUnit: 'Watts' })],
      new Map([['resnet|Offline', chartRow({ submitter: 'Ref', systemId: 'r', value: 100 })]]),
      exclusions
    )
    expect(pairs).toEqual([])
    expect(exclusions[0]?.subject).toBe('Acme X8 (v4.1) resnet Offline')
  })
})

describe('reference scores: systems', () => {
  it('invalid published results are not scored; the user runs are, marked unverified', () => {
    const rows = [
      chartRow({ submitter: 'Ref', systemId: 'r', value: 100 }),
      chartRow({ submitter: 'Bad', systemId: 'b', value: 400, valid: false }),
      chartRow({ submitter: 'You', systemId: 'y', value: 200, valid: false, sourceKind: 'local' })
    ]
    const { scores, refRows } = referenceScores(rows, ref)
    expect(refRows).toHaveLength(1)
    expect(scores.map((s) => [s.label, s.local, s.isReference, s.score])).toEqual([
      ['You Acme X8 (v4.1) · unverified', true, false, 2],
      ['Ref Acme X8 (v4.1)', false, true, 1]
    ])
  })

  it('meta names the accelerators, the round and the first public id', () => {
    const rows = [
      chartRow({ submitter: 'Ref', systemId: 'r', value: 100 }),
      chartRow({ submitter: 'B', systemId: 'b', value: 100, publicId: '4.1-0067' })
    ]
    const b = referenceScores(rows, ref).scores.find((s) => s.key === 'v4.1/B/b')
    expect(b?.meta).toMatch(/ · v4\.1 · ID 4\.1-0067$/)
  })
})

describe('reference scores: what is drawn', () => {
  it('all systems up to the cap; beyond it the highest, the reference in place of the last', () => {
    const few = [score({ score: 2 }), score({ score: 1, isReference: true })]
    expect(shownScores(few)).toBe(few)
    const many = Array.from({ length: MAX_REFERENCE_BARS + 5 }, (_, i) =>
      score({ key: `k${i}`, score: 1000 - i, isReference: i === MAX_REFERENCE_BARS + 4 })
    )
    const shown = shownScores(many)
    expect(shown).toHaveLength(MAX_REFERENCE_BARS)
    expect(shown.at(-1)?.isReference).toBe(true)
    expect(shown.at(-2)?.key).toBe(`k${MAX_REFERENCE_BARS - 2}`)
  })

  it('clips long names in the middle and tells look-alike rows apart by system id', () => {
    const long = 'A'.repeat(40) + 'Z'.repeat(40)
    expect(clipMiddle(long, 54)).toHaveLength(54)
    expect(clipMiddle(long, 54)).toMatch(/^A+…Z+$/)
    expect(clipMiddle('short', 54)).toBe('short')
    expect(drawnName(score({ system: long }))).toBe(clipMiddle(long, 54))
    const a = score({ key: 'v4.1/Acme/a1' })
    const b = score({ key: 'v4.1/Acme/a2' })
    const c = score({ key: 'v4.1/Acme/c', system: 'Other' })
    const meta = rowMetas([a, b, c])
    expect(meta(a)).toBe('NVIDIA H100 × 8 · v4.1 · a1')
    expect(meta(b)).toBe('NVIDIA H100 × 8 · v4.1 · a2')
    expect(meta(c)).toBe('NVIDIA H100 × 8 · v4.1')
  })
})
