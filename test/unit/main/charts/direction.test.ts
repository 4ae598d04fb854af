import { describe, expect, it } from 'vitest'
import { betterRatio, directionOf, isBetter } from '../../../../src-main/charts/direction'
import { compareRounds, roundAtLeast, sortedRounds } from '../../../../src-main/mlperf'

describe('directionOf', () => {
  it('reads latencies and training minutes as lower-is-better, rates and streams as higher', () => {
    expect(directionOf('Latency (ms)')).toBe('lower')
    expect(directionOf('Latency (s)')).toBe('lower')
    expect(directionOf('minutes')).toBe('lower')
    expect(directionOf('Samples/s')).toBe('higher')
    expect(directionOf('Queries/s')).toBe('higher')
    expect(directionOf('Tokens/s')).toBe('higher')
    // Pre-v2.0 MultiStream counts streams: more is better.
    expect(directionOf('Streams')).toBe('higher')
    expect(directionOf('', 'latency_p90_ms')).toBe('lower')
  })
})

describe('betterRatio', () => {
  it('divides rates and inverts latencies, so > 1 always means better', () => {
    expect(betterRatio(300, 100, 'higher')).toBe(3)
    expect(betterRatio(2, 8, 'lower')).toBe(4)
    expect(betterRatio(8, 2, 'lower')).toBe(0.25)
  })

  it('gives no ratio for missing, zero or negative values', () => {
    expect(betterRatio(null, 1, 'higher')).toBeNull()
    expect(betterRatio(0, 1, 'higher')).toBeNull()
    expect(betterRatio(1, -2, 'lower')).toBeNull()
  })

  it('isBetter honours the direction', () => {
    expect(isBetter(5, 4, 'higher')).toBe(true)
    expect(isBetter(5, 4, 'lower')).toBe(false)
  })
})

describe('rounds', () => {
  it('orders rounds by version, not as strings', () => {
    expect(sortedRounds(['v4.1', 'v0.7', 'v10.0', 'v0.5', 'v2.0', 'local'])).toEqual([
      'v0.5',
      'v0.7',
      'v2.0',
      'v4.1',
      'v10.0',
      'local'
    ])
    expect(compareRounds('v1.1', 'v1.0')).toBeGreaterThan(0)
    expect(roundAtLeast('v2.0', 'v2.0')).toBe(true)
    expect(roundAtLeast('v1.1', 'v2.0')).toBe(false)
    expect(roundAtLeast('local', 'v2.0')).toBe(false)
  })
})
