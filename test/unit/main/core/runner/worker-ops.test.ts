import { describe, expect, it } from 'vitest'
import {
  argmaxRows,
  assembleBatch,
  firstRow,
  sessionOptions,
  tensorData,
  valueMetas
} from '../../../../../src-main/core/runner/worker-ops'

describe('worker batch assembly', () => {
  it('copies slots in order and pads a fixed batch with the first sample', () => {
    const store = Uint8Array.from([1, 1, 2, 2, 3, 3])
    const dst = new Uint8Array(8)
    assembleBatch(store, 2, Int32Array.from([2, 0]), 4, dst)
    expect(Array.from(dst)).toEqual([3, 3, 1, 1, 3, 3, 3, 3])
  })

  it('views bytes as the tensor element type', () => {
    const bytes = new Uint8Array(new Float32Array([1.5, 2]).buffer)
    expect(Array.from(tensorData('float32', bytes) as Float32Array)).toEqual([1.5, 2])
    expect(tensorData('int64', new Uint8Array(16))).toBeInstanceOf(BigInt64Array)
    expect(tensorData('bool', new Uint8Array(2))).toBeInstanceOf(Uint8Array)
  })
})

describe('reading outputs', () => {
  it('takes the argmax of each row, ignoring padded rows', () => {
    const out = Float32Array.from([0.1, 0.7, 0.2, 0.9, 0.05, 0.05, 0, 0, 1])
    expect(Array.from(argmaxRows(out, 3, 2))).toEqual([1, 0])
  })

  it('uses the value itself when a row has a single element (ArgMax outputs)', () => {
    expect(Array.from(argmaxRows(BigInt64Array.from([65n, 7n]), 2, 2))).toEqual([65, 7])
  })

  it('returns the first row', () => {
    expect(Array.from(firstRow(Float32Array.from([1, 2, 3, 4]), 2))).toEqual([1, 2])
  })
})

describe('worker set-up', () => {
  it('builds session options and plain metadata', () => {
    expect(
      sessionOptions({
        modelPath: 'm',
        executionProvider: 'cpu',
        intraOpThreads: 0,
        interOpThreads: 2
      })
    ).toEqual({
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      interOpNumThreads: 2
    })
    expect(
      valueMetas([
        { name: 'x', isTensor: true, type: 'float32', shape: ['N', 3] },
        { name: 'm', isTensor: false }
      ])
    ).toEqual([
      { name: 'x', isTensor: true, type: 'float32', shape: ['N', 3] },
      { name: 'm', isTensor: false, type: 'non-tensor', shape: [] }
    ])
  })
})
