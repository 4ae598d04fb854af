import { describe, expect, it } from 'vitest'
import { convergenceLines, convergenceNotes } from '../../../../src-main/charts/convergence-lines'
import { evals, runView } from '../../../support/training-runs'

const runs = [
  runView(
    'result_0.txt',
    'counted',
    evals([
      [6, 8, 0.7],
      [3, 4, 0.5],
      [9, null, 0.76]
    ])
  ),
  runView('result_1.txt', 'failed', evals([[4, 4, -0.1]])),
  runView('result_2.txt', 'dropped-fastest', [])
]

describe('convergence lines', () => {
  it('against time: a line per run, points sorted, a run with nothing still named', () => {
    const c = convergenceLines(runs, 'time', false)
    expect(c.lines.map((l) => [l.name, l.role, l.status, l.runIndex])).toEqual([
      ['result_0', 'counted', 'success', 0],
      ['result_1', 'failed', 'aborted', 1],
      ['result_2', 'dropped-fastest', 'success', 2]
    ])
    expect(c.lines[0]?.points).toEqual([
      [3, 0.5, 3, 4],
      [6, 0.7, 6, 8],
      [9, 0.76, 9, null]
    ])
    expect(c.lines[2]?.points).toEqual([])
    expect(c.values).toHaveLength(4)
    expect(convergenceNotes(c)).toEqual([])
  })

  it('against epochs: evaluations without an epoch left out and counted', () => {
    const c = convergenceLines(runs, 'epoch', false)
    expect(c.lines[0]?.points.map((p) => p[0])).toEqual([4, 8])
    expect(c.noEpoch).toBe(1)
    expect(convergenceNotes(c)).toEqual(['1 evaluation without an epoch number left out.'])
  })

  it('log scale: values ≤ 0 left out and counted', () => {
    const c = convergenceLines(runs, 'time', true)
    expect(c.lines[1]?.points).toEqual([])
    expect(c.nonPositive).toBe(1)
    expect(convergenceNotes(c)).toEqual(['1 value ≤ 0 left out on the log scale.'])
  })

  it('several sub-metrics: a line per run and metric, named by both', () => {
    const multi = [
      runView('result_0.txt', 'counted', [
        ...evals([[5, 1, 0.3]], 'BBOX'),
        ...evals(
          [
            [5, 1, 0.2],
            [2, 0, 0.1]
          ],
          'SEGM'
        )
      ])
    ]
    const c = convergenceLines(multi, 'time', false)
    expect(c.lines.map((l) => [l.name, l.metricIndex, l.points.length])).toEqual([
      ['result_0 · BBOX', 0, 1],
      ['result_0 · SEGM', 1, 2]
    ])
    expect(c.lines[1]?.points[0]?.[0]).toBe(2)
  })

  it('nothing to draw says so', () => {
    expect(convergenceNotes(convergenceLines([], 'time', false))).toEqual([
      'No evaluations to draw.'
    ])
  })
})
