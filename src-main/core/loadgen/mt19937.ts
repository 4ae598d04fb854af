/**
 * The 32-bit Mersenne Twister (std::mt19937), plus the few draws LoadGen makes from it.
 *
 * The engine is fully specified by the C++ standard, so its raw output matches C++ exactly
 * (first outputs for the default seed 5489: 3499211612, 581869302, …). The distributions on
 * top of it are not portable across standard libraries (rules A.4): uniformInt follows
 * libstdc++'s current "nearly divisionless" method and exponential its generate_canonical
 * formula, but shuffles and thus sample orders are not bit-identical to the C++ LoadGen.
 * Within this app the same seed always gives the same sequence.
 */

const N = 624
const M = 397
const UPPER = 0x80000000
const LOWER = 0x7fffffff
const MATRIX_A = 0x9908b0df

export class Mt19937 {
  private readonly state = new Uint32Array(N)
  private index = N

  /** `seed` is reduced modulo 2^32 as std::mt19937 does with a 64-bit seed. */
  constructor(seed: bigint | number = 5489) {
    const s = typeof seed === 'bigint' ? Number(BigInt.asUintN(32, seed)) : seed >>> 0
    this.state[0] = s
    for (let i = 1; i < N; i++) {
      const prev = this.state[i - 1]! ^ (this.state[i - 1]! >>> 30)
      // 1812433253 * prev in 32-bit arithmetic, split to stay exact in doubles.
      this.state[i] = (Math.imul(1812433253, prev) + i) >>> 0
    }
  }

  /** Next 32-bit output as an unsigned integer. */
  next(): number {
    if (this.index >= N) this.twist()
    let y = this.state[this.index++]!
    y ^= y >>> 11
    y ^= (y << 7) & 0x9d2c5680
    y ^= (y << 15) & 0xefc60000
    y ^= y >>> 18
    return y >>> 0
  }

  private twist(): void {
    const st = this.state
    for (let i = 0; i < N; i++) {
      const y = (st[i]! & UPPER) | (st[(i + 1) % N]! & LOWER)
      st[i] = st[(i + M) % N]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)
    }
    this.index = 0
  }
}

/** High 32 bits of the 64-bit product a·b of two uint32 values, exact in doubles. */
function mulHigh32(a: number, b: number): { high: number; low: number } {
  const aHi = a >>> 16
  const aLo = a & 0xffff
  const bHi = b >>> 16
  const bLo = b & 0xffff
  const ll = aLo * bLo
  const lh = aLo * bHi
  const hl = aHi * bLo
  const hh = aHi * bHi
  const mid = (ll >>> 16) + (lh & 0xffff) + (hl & 0xffff)
  const high = hh + (lh >>> 16) + (hl >>> 16) + Math.floor(mid / 0x10000)
  const low = (((mid & 0xffff) << 16) | (ll & 0xffff)) >>> 0
  return { high, low }
}

/** Uniform integer in [0, n) (n ≤ 2^32), Lemire's unbiased multiply-and-reject method. */
export function uniformBelow(rng: Mt19937, n: number): number {
  if (n <= 1) return 0
  let p = mulHigh32(rng.next(), n)
  if (p.low < n) {
    const threshold = (0x100000000 - n) % n
    while (p.low < threshold) p = mulHigh32(rng.next(), n)
  }
  return p.high
}

/** Uniform double in [0, 1) from two 32-bit draws, as libstdc++'s generate_canonical<double, 53>. */
export function canonical(rng: Mt19937): number {
  const lo = rng.next()
  const hi = rng.next()
  const r = (lo + hi * 0x100000000) / 18446744073709551616
  return r >= 1 ? 1 - Number.EPSILON / 2 : r
}

/** Exponential variate with rate `lambda` (std::exponential_distribution). */
export function exponential(rng: Mt19937, lambda: number): number {
  return -Math.log(1 - canonical(rng)) / lambda
}

/** In-place Fisher–Yates shuffle driven by the engine. */
export function shuffleInPlace(rng: Mt19937, a: Uint32Array): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = uniformBelow(rng, i + 1)
    const t = a[i]!
    a[i] = a[j]!
    a[j] = t
  }
}

/** Parse a uint64 seed given as a decimal (or 0x hex) string or number. */
export function parseSeed(seed: string | number | bigint): bigint {
  if (typeof seed === 'bigint') return BigInt.asUintN(64, seed)
  if (typeof seed === 'number') return BigInt.asUintN(64, BigInt(Math.trunc(seed)))
  const t = seed.trim()
  if (!/^(0x[0-9a-f]+|\d+)$/i.test(t))
    throw new Error(`Invalid seed "${seed}": expected an unsigned integer`)
  return BigInt.asUintN(64, BigInt(t))
}
