import { describe, expect, it } from 'vitest'
import { toProbabilities, topK } from '../../../../../src-main/core/runner/inspect-sample'
import { describeModelInput, imageLayout } from '../../../../../src-main/core/runner/model-input'
import { qualityTarget } from '../../../../../src-main/core/runner/quality-target'
import { repetitionStats } from '../../../../../src-main/core/runner/repetitions'
import { fillSynthetic, syntheticDims } from '../../../../../src-main/core/runner/synthetic'

describe('model input', () => {
  it('finds the batch dimension and the image layout', () => {
    const nchw = describeModelInput(
      [{ name: 'x', isTensor: true, type: 'float32', shape: ['N', 3, 224, 224] }],
      'm'
    )
    expect(nchw).toMatchObject({ fixedBatch: null, sampleDims: [3, 224, 224] })
    expect(imageLayout(nchw)).toBe('NCHW')
    const nhwc = describeModelInput(
      [{ name: 'x', isTensor: true, type: 'uint8', shape: [1, 224, 224, 3] }],
      'm'
    )
    expect(nhwc.fixedBatch).toBe(1)
    expect(imageLayout(nhwc)).toBe('NHWC')
  })

  it('rejects models local runs cannot feed', () => {
    expect(() => describeModelInput([], 'm.onnx')).toThrow(/0 inputs/)
    expect(() =>
      describeModelInput([{ name: 'x', isTensor: true, type: 'string', shape: [1] }], 'm.onnx')
    ).toThrow(/element type string/)
  })
})

describe('synthetic inputs', () => {
  it('are deterministic per seed and index, floats in [0, 1)', () => {
    const a = new Uint8Array(64)
    const b = new Uint8Array(64)
    fillSynthetic('float32', a, 1n, 3)
    fillSynthetic('float32', b, 1n, 3)
    expect(Array.from(a)).toEqual(Array.from(b))
    const f = new Float32Array(a.buffer)
    expect(f.every((v) => v >= 0 && v < 1)).toBe(true)
    fillSynthetic('float32', b, 1n, 4)
    expect(Array.from(a)).not.toEqual(Array.from(b))
    const i64 = new Uint8Array(32)
    fillSynthetic('int64', i64, 1n, 0)
    expect(Array.from(new BigInt64Array(i64.buffer)).every((v) => v >= 0n && v < 128n)).toBe(true)
  })

  it('need a fixed shape', () => {
    expect(syntheticDims([3, 224, 224], 'x', null)).toEqual([3, 224, 224])
    expect(() => syntheticDims([3, null, null], 'x', null)).toThrow(/symbolic dimensions/)
  })
})

describe('quality target, repetitions, inspection', () => {
  it('judges 99% of the FP32 reference', () => {
    expect(qualityTarget(75.8, 76.46, 0.99)).toMatchObject({ met: true, threshold: 76.46 * 0.99 })
    const miss = qualityTarget(75.5, 76.46, 0.99)
    expect(miss.met).toBe(false)
    expect(miss.explanation).toBe(
      'Top-1 75.500% is below 99% of the FP32 reference 76.460% (at least 75.695% needed).'
    )
    expect(qualityTarget(76.4, 76.46, 0.999).met).toBe(true)
  })

  it('computes mean, sample std and CV', () => {
    const s = repetitionStats([10, 12, 14], 'Samples per second', 'samples/s')
    expect(s.mean).toBe(12)
    expect(s.std).toBe(2)
    expect(s.cv).toBeCloseTo(1 / 6, 12)
    expect(repetitionStats([5], 'x', 'ns')).toMatchObject({ std: 0, cv: 0 })
  })

  it('applies softmax only to logits and ranks classes', () => {
    const probs = Float64Array.from([0.1, 0.6, 0.3])
    expect(toProbabilities(probs)).toEqual({ probs, softmaxApplied: false })
    const logits = toProbabilities(Float64Array.from([1, 3, 2]))
    expect(logits.softmaxApplied).toBe(true)
    expect(logits.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    expect(topK(logits.probs, 2)).toEqual([1, 2])
  })
})
