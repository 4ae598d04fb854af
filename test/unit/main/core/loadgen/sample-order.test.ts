import { describe, expect, it } from 'vitest'
import {
  accuracyMultiStreamSamples,
  accuracyOrder,
  loadableSets,
  offlineQuerySamples,
  performanceSamples
} from '../../../../../src-main/core/loadgen/sample-order'

const set = Uint32Array.from({ length: 6 }, (_, i) => 10 * (i + 1))

describe('loadableSets', () => {
  it('shuffles every index once and cuts it into sets of the performance count', () => {
    const sets = loadableSets(10, 4, 1n)
    expect(sets.map((s) => s.length)).toEqual([4, 4, 2])
    expect(sets.flatMap((s) => Array.from(s)).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9
    ])
    expect(loadableSets(0, 4, 1n)).toEqual([])
  })
})

describe('performanceSamples', () => {
  it('draws each sample from the loaded set, the same for the same seed', () => {
    const a = performanceSamples(set, 50, 2, false, 4n)
    expect(a.length).toBe(100)
    expect(Array.from(a).every((v) => set.includes(v))).toBe(true)
    expect(Array.from(performanceSamples(set, 50, 2, false, 4n))).toEqual(Array.from(a))
  })

  it('takes contiguous runs, wrapping at the end of the set', () => {
    const a = performanceSamples(set, 40, 3, true, 4n)
    for (let q = 0; q < 40; q++) {
      const start = set.indexOf(a[q * 3]!)
      expect([a[q * 3 + 1], a[q * 3 + 2]]).toEqual([set[(start + 1) % 6], set[(start + 2) % 6]])
    }
  })
})

describe('accuracyMultiStreamSamples', () => {
  it('covers the set from shuffled starts 0, spq, 2·spq…, padding with its first entries', () => {
    const a = accuracyMultiStreamSamples(set, 2, 4, 9n)
    const queries = [Array.from(a.slice(0, 4)), Array.from(a.slice(4))].sort(
      (x, y) => x[0]! - y[0]!
    )
    expect(queries).toEqual([
      [10, 20, 30, 40],
      [50, 60, 10, 20]
    ])
  })
})

describe('offlineQuerySamples and accuracyOrder', () => {
  it('repeats the set in order; shuffles it once per seed', () => {
    expect(Array.from(offlineQuerySamples(set, 8))).toEqual([10, 20, 30, 40, 50, 60, 10, 20])
    const order = accuracyOrder(set, 5n)
    expect(Array.from(order).sort((a, b) => a - b)).toEqual(Array.from(set))
    expect(Array.from(accuracyOrder(set, 5n))).toEqual(Array.from(order))
  })
})
