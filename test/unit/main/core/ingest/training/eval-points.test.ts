import { describe, expect, it } from 'vitest'
import {
  evalPoints,
  scaledEvals,
  valueScaleFor
} from '../../../../../../src-main/core/ingest/training/eval-points'
import type { RawEval } from '../../../../../../src-main/core/ingest/training/eval-points'
import { parseLogLines } from '../../../../../../src-main/core/ingest/training/log-line'
import { text, num, isObject } from '../../../../../../src-main/core/ingest/training/log-values'
import { trainingTarget } from '../../../../../../src-main/mlperf'

const T0 = 1_700_000_000_000
const rec = (t: number, key: string, value: unknown, md: Record<string, unknown> = {}): string =>
  `:::MLLOG ${JSON.stringify({ namespace: '', time_ms: t, event_type: 'POINT_IN_TIME', key, value, metadata: md })}`
const records = (...lines: string[]) => parseLogLines(lines.join('\n')).records
const point = (value: number): RawEval => ({
  timeMs: 0,
  epoch: null,
  samples: null,
  value,
  metric: null,
  group: 'r:0'
})

describe('log values', () => {
  it('reads text, numbers written as strings, and dicts', () => {
    expect([text(' a '), text('  '), text(3), text(true), text(null)]).toEqual([
      'a',
      null,
      '3',
      'true',
      null
    ])
    expect([num(' 1.5e2 '), num('1.2.3'), num(Number.NaN), num(7)]).toEqual([150, null, null, 7])
    expect([isObject({}), isObject([]), isObject(null)]).toEqual([true, false, false])
  })
})

describe('evalPoints', () => {
  it('times points from run_start and groups them by samples count, else epoch, else record', () => {
    const rs = records(
      rec(T0, 'run_start', null),
      rec(T0 + 10, 'eval_accuracy', 0.5, { samples_count: 64, epoch_num: 1 }),
      rec(T0 + 20, 'eval_accuracy', '0.6', { epoch_num: 2, metric: 'top1' }),
      rec(T0 + 30, 'eval_accuracy', 'n/a'),
      rec(T0 + 40, 'eval_accuracy', 0.7)
    )
    const { points, skipped } = evalPoints(rs, T0)
    expect(skipped).toBe(1)
    expect(points).toEqual([
      { timeMs: 10, epoch: 1, samples: 64, value: 0.5, metric: null, group: 's:64' },
      { timeMs: 20, epoch: 2, samples: null, value: 0.6, metric: 'top1', group: 'e:2' },
      { timeMs: 40, epoch: null, samples: null, value: 0.7, metric: null, group: 'r:4' }
    ])
  })

  it('splits dict values: v0.5 {value, epoch} and Mask R-CNN {BBOX, SEGM}', () => {
    const rs = records(
      rec(T0 + 1, 'eval_accuracy', { value: 0.75, epoch: 3 }),
      rec(T0 + 2, 'eval_accuracy', { BBOX: 0.38, SEGM: 0.34 }, { epoch_num: 5 }),
      rec(T0 + 3, 'eval_accuracy', { note: 'none' })
    )
    const { points, skipped } = evalPoints(rs, T0)
    expect(points.map((p) => [p.metric, p.value, p.epoch])).toEqual([
      [null, 0.75, 3],
      ['BBOX', 0.38, 5],
      ['SEGM', 0.34, 5]
    ])
    expect(skipped).toBe(1)
  })
})

describe('valueScaleFor and scaledEvals', () => {
  it('rescales BLEU points against a fractional target, and only when unambiguous', () => {
    const bleu = trainingTarget('v0.7', 'transformer')
    if (bleu === null) throw new Error('no target')
    expect(valueScaleFor(bleu, [point(20.1), point(25.9)])).toBe(0.01)
    expect(valueScaleFor(bleu, [point(0.2), point(25.9)])).toBe(0.01)
    expect(valueScaleFor(bleu, [point(0.2), point(0.259)])).toBe(1)
    expect(valueScaleFor(bleu, [point(250)])).toBe(1)
    expect(valueScaleFor(bleu, [])).toBe(1)
    const wer = trainingTarget('v1.0', 'rnnt')
    if (wer === null) throw new Error('no target')
    expect(valueScaleFor(wer, [point(5.8)])).toBe(1)
  })

  it('gives the points on the target scale with the remarks, and nothing before run_start', () => {
    const bleu = trainingTarget('v0.7', 'transformer')
    const rs = records(
      rec(T0, 'run_start', null),
      rec(T0 + 5, 'eval_accuracy', 25.5),
      rec(T0 + 6, 'eval_accuracy', 'x')
    )
    const r = scaledEvals(rs, rs[0] ?? null, bleu)
    expect(r.valueScale).toBe(0.01)
    expect(r.points.map((p) => p.value)).toEqual([0.255])
    expect(r.notes).toEqual([
      '1 eval_accuracy value(s) are not numbers and were skipped.',
      `eval_accuracy values multiplied by 0.01 to match the scale of the target ${bleu?.target ?? ''}.`
    ])
    expect(scaledEvals(rs, null, bleu)).toEqual({ points: [], valueScale: 1, notes: [] })
    expect(scaledEvals(rs, rs[0] ?? null, null).points.map((p) => p.value)).toEqual([25.5])
  })
})
