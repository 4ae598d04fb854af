import { describe, expect, it } from 'vitest'
import type { TtmtView } from '../../../../src-main/shared/api'
import type { SetTtmt, Spread } from '../../../../src-main/shared/training'
import { kindsOf, ttmtCurves, ttmtNotes } from '../../../../src-main/charts/ttmt-curves'
import { colourOrOther } from '../../../../src-main/charts/training-chart-util'

const thresholds = [0.7, 0.73, 0.759]

const spread = (mean: number | null): Spread => ({
  n: mean === null ? 0 : 2,
  missing: mean === null ? 2 : 0,
  mean,
  std: null,
  cv: null
})

function set(scale: number, runs = 2): SetTtmt {
  return {
    thresholds,
    direction: 'higher',
    runs: Array.from({ length: runs }, (_, i) => ({
      file: `result_${i}.txt`,
      thresholds,
      tta: [10 * scale, 12 * scale, i === 1 ? null : 15 * scale],
      attmt: [10 * scale, 11 * scale, i === 1 ? null : 12 * scale]
    })),
    tta: [spread(10 * scale), spread(12 * scale), spread(15 * scale)],
    attmt: [spread(10 * scale), spread(11 * scale), spread(12 * scale)]
  }
}

const one: TtmtView = {
  thresholds,
  direction: 'higher',
  sets: [{ id: 1, label: 'v4.0 Acme T1 resnet', ttmt: set(1) }],
  speedup: null
}
const two: TtmtView = {
  ...one,
  sets: [
    { id: 1, label: 'v4.0 Acme T1 resnet', ttmt: set(1) },
    { id: 2, label: 'v4.0 Acme T2 resnet', ttmt: set(0.5) }
  ]
}

describe('ttmt curves', () => {
  it('one set: every run, a colour each, TTA then ATTMT; unreached thresholds are gaps', () => {
    const c = ttmtCurves(one, {})
    expect(c.curves.map((x) => [x.name, x.kind, x.mean, x.faint])).toEqual([
      ['result_0 TTA', 'TTA', false, false],
      ['result_0 ATTMT', 'ATTMT', false, false],
      ['result_1 TTA', 'TTA', false, false],
      ['result_1 ATTMT', 'ATTMT', false, false]
    ])
    expect(c.curves.map((x) => x.color)).toEqual([0, 0, 1, 1].map(colourOrOther))
    expect(c.curves[2]?.data).toEqual([
      [0.7, 10],
      [0.73, 12],
      [0.759, null]
    ])
    expect(c.unreached).toBe(2)
    expect(c.times).toHaveLength(10)
  })

  it('several sets: means by default, named by what tells the sets apart', () => {
    const c = ttmtCurves(two, { measure: 'attmt' })
    expect(c.curves.map((x) => x.name)).toEqual(['T1 · mean ATTMT', 'T2 · mean ATTMT'])
    expect(c.curves.every((x) => x.mean && x.coloured)).toBe(true)
    expect(c.curves[1]?.data.map((p) => p[1])).toEqual([5, 5.5, 6])
  })

  it('several sets with runs: the runs in their set colour, faint behind the mean', () => {
    const c = ttmtCurves(two, { measure: 'tta', showRuns: true })
    const t2 = c.curves.filter((x) => x.name.startsWith('T2'))
    expect(t2.map((x) => [x.name, x.faint])).toEqual([
      ['T2 · result_0 TTA', true],
      ['T2 · result_1 TTA', true],
      ['T2 · mean TTA', false]
    ])
    expect(new Set(t2.map((x) => x.color))).toEqual(new Set([colourOrOther(1)]))
  })

  it('beyond ten runs the curves are not coloured (they go under Other)', () => {
    const many: TtmtView = { ...one, sets: [{ id: 1, label: 'A', ttmt: set(1, 12) }] }
    const c = ttmtCurves(many, { measure: 'tta' })
    expect(c.curves.map((x) => x.coloured)).toEqual(Array.from({ length: 12 }, (_, i) => i < 10))
  })

  it('log scale: times ≤ 0 are left out and counted', () => {
    const zero: TtmtView = {
      ...one,
      sets: [
        {
          id: 1,
          label: 'A',
          ttmt: {
            ...set(1, 1),
            runs: [{ file: 'result_0.txt', thresholds, tta: [0, 5, 9], attmt: [0, 2.5, 4.67] }]
          }
        }
      ]
    }
    const c = ttmtCurves(zero, { yScale: 'log' })
    expect(c.dropped).toBe(2)
    expect(c.curves[0]?.data[0]).toEqual([0.7, null])
    expect(ttmtNotes(thresholds, c)).toEqual(['2 times ≤ 0 left out on the log scale.'])
  })
})

describe('ttmt notes', () => {
  it('says when there is nothing to draw, or where the gaps are', () => {
    expect(ttmtNotes([], { curves: [], times: [], unreached: 0, dropped: 0 })).toEqual([
      'No thresholds.'
    ])
    expect(ttmtNotes(thresholds, { curves: [], times: [], unreached: 3, dropped: 0 })).toEqual([
      'No run reached any of these thresholds.'
    ])
    expect(ttmtNotes(thresholds, { curves: [], times: [1], unreached: 1, dropped: 1 })).toEqual([
      'Gaps: threshold not reached.',
      '1 time ≤ 0 left out on the log scale.'
    ])
    expect(kindsOf('both')).toEqual(['TTA', 'ATTMT'])
  })
})
