import { describe, expect, it } from 'vitest'
import {
  fiveNumbers,
  geometricMean,
  kernelDensity,
  paretoFront,
  quantile,
  stableJitter
} from '../../../../src-main/charts/chart-stats'

describe('chart statistics', () => {
  it('quartiles interpolate like numpy', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(fiveNumbers([4, 1, 3, 2, 5])).toEqual([1, 2, 3, 4, 5])
  })

  it('geometric mean of positive values, in log space', () => {
    expect(geometricMean([2, 8])).toBeCloseTo(4)
    expect(geometricMean([1e300, 1e300])).toBeCloseTo(1e300, -290)
    expect(geometricMean([])).toBeNull()
    expect(geometricMean([0, -1])).toBeNull()
  })

  it('Pareto front: nothing else is larger in both, sorted by x', () => {
    const pts: [number, number][] = [
      [1, 10],
      [2, 8],
      [2, 5],
      [4, 9],
      [8, 3],
      [8, 1]
    ]
    expect(paretoFront(pts)).toEqual([0, 3, 4])
  })

  it('kernel density peaks where the values are', () => {
    const kde = kernelDensity([1, 1.1, 0.9, 5], 40)
    const peak = kde.reduce((a, b) => (b[1] > a[1] ? b : a))
    expect(peak[0]).toBeLessThan(2)
    expect(kernelDensity([3, 3])).toEqual([[3, 1]])
  })

  it('jitter is stable per id and within [-1, 1)', () => {
    expect(stableJitter(42)).toBe(stableJitter(42))
    for (let id = 0; id < 1000; id++) {
      const j = stableJitter(id)
      expect(j).toBeGreaterThanOrEqual(-1)
      expect(j).toBeLessThan(1)
    }
  })
})
