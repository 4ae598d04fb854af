import { describe, expect, it } from 'vitest'
import { openDb } from '../../../../../src-main/core/db/open-db'
import { QueryInputError } from '../../../../../src-main/core/query/column-registry'
import { trainingRunsView } from '../../../../../src-main/core/query/training-runs'
import { thresholdDefaults } from '../../../../../src-main/core/query/training-thresholds'
import type { TtmtSetInput } from '../../../../../src-main/core/query/training-ttmt'
import { buildTtmtView, loadTtmtSet } from '../../../../../src-main/core/query/training-ttmt'
import { upsertTrainingResults } from '../../../../../src-main/core/repo/training-results'
import { makeRun, makeTrainingRecord } from '../../../../support/training-records'

const set = (over: Partial<TtmtSetInput> = {}): TtmtSetInput => ({
  id: 1,
  label: 'A',
  round: 'v3.0',
  benchmark: 'resnet',
  // Evals at 1, 2, 3… minutes after run_start.
  runs: [
    makeRun('result_0.txt', [0.7, 0.74, 0.76]),
    makeRun('result_1.txt', [0.69, 0.75, 0.76]),
    makeRun('result_2.txt', [0.68, 0.73, 0.75, 0.76])
  ],
  ...over
})

describe('buildTtmtView', () => {
  it('computes TTA, ATTMT (running mean) and their spread on a shared ladder', () => {
    const v = buildTtmtView([set()], [0.75, 0.7])
    expect(v.thresholds).toEqual([0.7, 0.75])
    expect(v.direction).toBe('higher')
    const runs = v.sets[0]?.ttmt.runs
    // result_0: 0.70 at 1 min, 0.75 first reached at 3 min → ATTMT 1, (1 + 3) / 2 = 2.
    expect(runs?.map((r) => [r.tta, r.attmt])).toEqual([
      [
        [1, 3],
        [1, 2]
      ],
      [
        [2, 2],
        [2, 2]
      ],
      [
        [2, 3],
        [2, 2.5]
      ]
    ])
    expect(v.sets[0]?.ttmt.tta[0]).toMatchObject({ n: 3, missing: 0, mean: 5 / 3 })
    expect(v.speedup).toBeNull()
  })

  it('leaves unreached thresholds empty and compares two sets', () => {
    const b = set({ id: 2, label: 'B', runs: [makeRun('result_0.txt', [0.76])] })
    const v = buildTtmtView([set(), b], [0.7, 0.8])
    expect(v.sets[0]?.ttmt.runs[0]?.tta).toEqual([1, null])
    expect(v.sets[0]?.ttmt.runs[0]?.attmt).toEqual([1, null])
    expect(v.sets[0]?.ttmt.tta[1]).toMatchObject({ n: 0, missing: 3, mean: null })
    // A reaches 0.70 after 5/3 min on average, B after 1 min: A is 0.6× as fast.
    expect(v.speedup?.[0]).toMatchObject({ threshold: 0.7, ttaA: 5 / 3, ttaB: 1 })
    expect(v.speedup?.[0]?.ttaSpeedup).toBeCloseTo(0.6, 12)
    expect(v.speedup?.[1]?.ttaSpeedup).toBeNull()
  })

  it('uses the default ladder of the first set without thresholds', () => {
    const v = buildTtmtView([set()])
    expect(v.thresholds).toEqual(thresholdDefaults('resnet', 'v3.0').thresholds)
    expect(v.thresholds.at(-1)).toBe(0.759)
  })

  it('refuses sets that cannot be compared, saying why', () => {
    expect(() => buildTtmtView([set(), set({ id: 7, benchmark: 'bert' })])).toThrow(
      /one benchmark; these are #1 resnet, #7 bert/
    )
    expect(() => buildTtmtView([set({ runs: [] })])).toThrow(/no run logs/)
    expect(() => buildTtmtView([set({ benchmark: 'mystery' })])).toThrow(QueryInputError)
    expect(() =>
      buildTtmtView([
        set({ benchmark: 'gnmt', round: 'v0.6' }),
        set({ id: 2, benchmark: 'gnmt', round: 'v0.7' })
      ])
    ).toThrow(/different scales/)
  })
})

describe('threshold defaults', () => {
  it('go from a level below the target up to the target', () => {
    const d = thresholdDefaults('resnet', 'v3.0')
    expect(d).toMatchObject({ target: 0.759, direction: 'higher', metricLabel: 'top-1 accuracy' })
    expect(d.thresholds[0]).toBe(0.7)
    expect(d.thresholds).toHaveLength(10)
    const lower = thresholdDefaults('llama2_70b_lora', 'v5.0')
    expect(lower.direction).toBe('lower')
    expect(lower.thresholds.at(-1)).toBe(0.925)
    expect(thresholdDefaults('mystery', 'v3.0')).toEqual({
      target: null,
      direction: null,
      metricLabel: '',
      thresholds: []
    })
  })
})

describe('training runs view', () => {
  it('reads the runs and target from the database', () => {
    const db = openDb(':memory:')
    upsertTrainingResults(db, [makeTrainingRecord()], null)
    const view = trainingRunsView(db, 1)
    expect(view).toMatchObject({
      id: 1,
      round: 'v3.0',
      benchmark: 'resnet',
      target: 0.759,
      direction: 'higher',
      metricLabel: 'top-1 accuracy'
    })
    expect(view?.runs.map((r) => [r.file, r.role])).toEqual([
      ['result_0.txt', 'dropped-fastest'],
      ['result_1.txt', 'counted'],
      ['result_2.txt', 'dropped-slowest']
    ])
    expect(view?.runs[1]?.evals).toHaveLength(3)
    expect(trainingRunsView(db, 99)).toBeNull()
    expect(loadTtmtSet(db, 1)?.label).toBe('v3.0 Acme Acme X8 resnet')
  })
})
