/**
 * Small numeric helpers of the chart builders: quartiles for box plots, a kernel density for
 * violins, the geometric mean of the reference score, the Pareto front, and a stable jitter.
 */

/** Linear-interpolated quantile of sorted values (the R-7 / numpy default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  const a = sorted[lo] ?? NaN
  const b = sorted[hi] ?? NaN
  return a + (b - a) * (pos - lo)
}

/** [min, Q1, median, Q3, max], the order ECharts' boxplot series reads. */
export function fiveNumbers(values: readonly number[]): [number, number, number, number, number] {
  const s = [...values].sort((x, y) => x - y)
  return [
    s[0] ?? NaN,
    quantile(s, 0.25),
    quantile(s, 0.5),
    quantile(s, 0.75),
    s[s.length - 1] ?? NaN
  ]
}

/** Geometric mean of positive values (null for none); computed in log space, so no overflow. */
export function geometricMean(values: readonly number[]): number | null {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v))
  if (pos.length === 0) return null
  return Math.exp(pos.reduce((sum, v) => sum + Math.log(v), 0) / pos.length)
}

/**
 * Gaussian kernel density of `values` at `steps` points between their min and max, with
 * Silverman's bandwidth. Returns [x, density] pairs; the violin draws them mirrored.
 */
export function kernelDensity(values: readonly number[], steps = 40): [number, number][] {
  const n = values.length
  if (n === 0) return []
  let min = Infinity
  let max = -Infinity
  for (const v of values) {
    if (v < min) min = v
    if (v > max) max = v
  }
  const mean = values.reduce((s, v) => s + v, 0) / n
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, n - 1))
  const bw = sd > 0 ? 1.06 * sd * n ** -0.2 : Math.max(Math.abs(mean) * 0.05, 0.05)
  if (max === min) return [[min, 1]]
  const out: [number, number][] = []
  for (let i = 0; i <= steps; i++) {
    const x = min + ((max - min) * i) / steps
    let d = 0
    for (const v of values) d += Math.exp(-0.5 * ((x - v) / bw) ** 2)
    out.push([x, d / (n * bw * Math.sqrt(2 * Math.PI))])
  }
  return out
}

/**
 * Indices of the Pareto-optimal points when both coordinates are better larger: no other point
 * is at least as large in both and larger in one. Sorted by x ascending, ready to draw as a line.
 */
export function paretoFront(points: readonly (readonly [number, number])[]): number[] {
  const order = points
    .map((p, i) => ({ x: p[0], y: p[1], i }))
    .sort((a, b) => b.x - a.x || b.y - a.y)
  const front: number[] = []
  let bestY = -Infinity
  for (const p of order) {
    if (p.y > bestY) {
      front.push(p.i)
      bestY = p.y
    }
  }
  return front.reverse()
}

/** A jitter in [-1, 1) that depends only on `id`, so a chart looks the same on every render. */
export function stableJitter(id: number): number {
  let h = (id ^ 0x9e3779b9) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  h = (h ^ (h >>> 16)) >>> 0
  return (h / 0x100000000) * 2 - 1
}

/** Smallest and largest of many values (no spread: `Math.min(...v)` overflows the stack). */
export function minOf(v: readonly number[]): number {
  let m = Infinity
  for (const x of v) if (x < m) m = x
  return m
}

export function maxOf(v: readonly number[]): number {
  let m = -Infinity
  for (const x of v) if (x > m) m = x
  return m
}
