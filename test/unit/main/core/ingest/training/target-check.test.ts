import { describe, expect, it } from 'vitest'
import {
  bestValue,
  componentMatches,
  describeTarget,
  evalsReachTarget
} from '../../../../../../src-main/core/ingest/training/target-check'
import type { EvalPoint } from '../../../../../../src-main/shared/training'
import { trainingTarget } from '../../../../../../src-main/mlperf'

const p = (value: number, metric: string | null, samples: number | null = null): EvalPoint => ({
  timeMs: 0,
  epoch: null,
  samples,
  value,
  metric
})

describe('componentMatches', () => {
  it('takes any metric for a component without one, else the same name in any case', () => {
    expect(componentMatches({ metric: null, target: 1, direction: 'higher' }, 'x')).toBe(true)
    expect(componentMatches({ metric: 'BBOX', target: 1, direction: 'higher' }, 'bbox')).toBe(true)
    expect(componentMatches({ metric: 'BBOX', target: 1, direction: 'higher' }, null)).toBe(false)
  })
})

describe('evalsReachTarget', () => {
  const mask = trainingTarget('v1.0', 'maskrcnn')
  if (mask === null) throw new Error('no target')

  it('needs one point at or beyond a single-component target', () => {
    const resnet = trainingTarget('v4.0', 'resnet')
    if (resnet === null) throw new Error('no target')
    expect(evalsReachTarget([p(0.75, null), p(0.759, null)], resnet.components)).toBe(true)
    expect(evalsReachTarget([p(0.758, null)], resnet.components)).toBe(false)
    expect(evalsReachTarget([p(1, null)], [])).toBe(false)
  })

  it('needs every component met by the same evaluation', () => {
    const [bbox, segm] = mask.components.map((c) => c.target)
    const hi = (bbox ?? 0) + 0.01
    const hiSegm = (segm ?? 0) + 0.01
    // BBOX reached at 100 samples, SEGM at 200: never both at once.
    expect(
      evalsReachTarget(
        [p(hi, 'BBOX', 100), p(0, 'SEGM', 100), p(0, 'BBOX', 200), p(hiSegm, 'SEGM', 200)],
        mask.components
      )
    ).toBe(false)
    expect(evalsReachTarget([p(hi, 'BBOX', 100), p(hiSegm, 'SEGM', 100)], mask.components)).toBe(
      true
    )
  })
})

describe('describeTarget and bestValue', () => {
  it('says the target in words and finds the best logged value', () => {
    const mask = trainingTarget('v1.0', 'maskrcnn')
    expect(describeTarget(mask)).toMatch(/^BBOX ≥ [\d.]+ and SEGM ≥ [\d.]+$/)
    expect(describeTarget(null)).toBe('(unknown)')
    const rnnt = trainingTarget('v1.0', 'rnnt')
    expect(describeTarget(rnnt)).toMatch(/^≤ [\d.]+$/)
    expect(bestValue([p(0.07, null), p(0.06, null)], rnnt)).toBe(0.06)
    expect(bestValue([p(0.3, 'BBOX'), p(0.35, 'BBOX'), p(0.9, 'SEGM')], mask)).toBe(0.35)
    expect(bestValue([], mask)).toBeNull()
    expect(bestValue([p(1, null)], null)).toBeNull()
  })
})
