import { describe, expect, it } from 'vitest'
import {
  canonical,
  exponential,
  Mt19937,
  parseSeed,
  shuffleInPlace,
  uniformBelow
} from '../../../../../src-main/core/loadgen/mt19937'

describe('Mt19937', () => {
  it('reproduces std::mt19937 for the default seed 5489', () => {
    const rng = new Mt19937()
    const first = Array.from({ length: 10 }, () => rng.next())
    expect(first).toEqual([
      3499211612, 581869302, 3890346734, 3586334585, 545404204, 4161255391, 3922919429, 949333985,
      2715962298, 1323567403
    ])
  })

  it('gives 4123659995 as the 10000th output (the C++ standard check)', () => {
    const rng = new Mt19937(5489)
    let v = 0
    for (let i = 0; i < 10000; i++) v = rng.next()
    expect(v).toBe(4123659995)
  })

  it('reduces 64-bit seeds modulo 2^32 as std::mt19937 does', () => {
    const a = new Mt19937((1n << 32n) + 5489n)
    const b = new Mt19937(5489)
    expect(a.next()).toBe(b.next())
    const seed = 14962580496156340209n
    expect(new Mt19937(seed).next()).toBe(new Mt19937(Number(seed % 2n ** 32n)).next())
  })
})

describe('distributions', () => {
  it('uniformBelow stays in range and is roughly uniform', () => {
    const rng = new Mt19937(42)
    const counts = new Array<number>(10).fill(0)
    for (let i = 0; i < 100_000; i++) counts[uniformBelow(rng, 10)]!++
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500)
    expect(uniformBelow(rng, 1)).toBe(0)
  })

  it('canonical is in [0, 1) and exponential has mean 1/lambda', () => {
    const rng = new Mt19937(7)
    let sum = 0
    let inRange = true
    for (let i = 0; i < 50_000; i++) {
      const u = canonical(rng)
      inRange &&= u >= 0 && u < 1
      sum += exponential(rng, 200)
    }
    expect(inRange).toBe(true)
    expect(sum / 50_000).toBeCloseTo(1 / 200, 4)
  })

  it('shuffles deterministically per seed', () => {
    const a = Uint32Array.from({ length: 20 }, (_, i) => i)
    const b = a.slice()
    const c = a.slice()
    shuffleInPlace(new Mt19937(1n), a)
    shuffleInPlace(new Mt19937(1n), b)
    shuffleInPlace(new Mt19937(2n), c)
    expect(Array.from(a)).toEqual(Array.from(b))
    expect(Array.from(a)).not.toEqual(Array.from(c))
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i))
  })

  it('parses uint64 seeds beyond 2^53 exactly', () => {
    expect(parseSeed('16159082839903944936')).toBe(16159082839903944936n)
    expect(parseSeed('0x10')).toBe(16n)
    expect(() => parseSeed('-1')).toThrow(/unsigned/)
  })
})
