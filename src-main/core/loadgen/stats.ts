/**
 * Latency statistics exactly as LoadGen computes them (rules A.6): sort, take the element at
 * index floor(n·p), truncate the integer mean. Latencies are integer nanoseconds held in
 * Float64Arrays (exact up to 2^53 ns ≈ 104 days); the sum switches to BigInt when it could
 * exceed 2^53 so the mean stays exact. (LoadGen's int64 sum overflows on huge Offline runs;
 * that artefact is deliberately not reproduced.)
 */

/** The percentiles LoadGen reports, with their printed labels. */
export const REPORTED_PERCENTILES: readonly { p: number; label: string }[] = [
  { p: 0.5, label: '50.00' },
  { p: 0.9, label: '90.00' },
  { p: 0.95, label: '95.00' },
  { p: 0.97, label: '97.00' },
  { p: 0.99, label: '99.00' },
  { p: 0.999, label: '99.90' }
]

export type LatencyStats = {
  count: number
  min: number
  max: number
  /** Truncating integer mean. */
  mean: number
  /** Sorted copy of the latencies (ascending). */
  sorted: Float64Array
  /** Label ('50.00' …) → latency. */
  percentiles: Record<string, number>
}

/** Element at index floor(n·p) of an ascending array, as LoadGen indexes it. */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0
  const i = Math.min(sorted.length - 1, Math.floor(sorted.length * p))
  return sorted[i]!
}

/** Truncating integer mean of integer values. */
export function truncatedMean(values: Float64Array): number {
  const n = values.length
  if (n === 0) return 0
  let sum = 0
  for (let i = 0; i < n; i++) sum += values[i]!
  if (sum <= Number.MAX_SAFE_INTEGER) return Math.floor(sum / n)
  let big = 0n
  for (let i = 0; i < n; i++) big += BigInt(values[i]!)
  return Number(big / BigInt(n))
}

/** Min, max, mean and the reported percentiles of `values` (not modified). */
export function latencyStats(values: Float64Array): LatencyStats {
  const sorted = Float64Array.from(values).sort()
  const percentiles: Record<string, number> = {}
  for (const { p, label } of REPORTED_PERCENTILES)
    percentiles[label] = percentileOfSorted(sorted, p)
  return {
    count: sorted.length,
    min: sorted.length > 0 ? sorted[0]! : 0,
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : 0,
    mean: truncatedMean(values),
    sorted,
    percentiles
  }
}

/**
 * Fixed-memory log-scale histogram for live progress: O(1) per sample, no allocation on the
 * hot path, ~1% relative resolution from 100 ns to ~1000 s.
 */
export class LiveHistogram {
  private static readonly MIN_LOG = Math.log(100)
  private static readonly STEP = Math.log(1.01)
  private readonly counts = new Uint32Array(1700)
  private total = 0

  add(latencyNs: number): void {
    const v = latencyNs < 100 ? 100 : latencyNs
    let i = Math.floor((Math.log(v) - LiveHistogram.MIN_LOG) / LiveHistogram.STEP)
    if (i >= this.counts.length) i = this.counts.length - 1
    this.counts[i]!++
    this.total++
  }

  get count(): number {
    return this.total
  }

  /** Approximate percentile (upper edge of the bucket holding rank floor(n·p)). */
  percentile(p: number): number {
    if (this.total === 0) return 0
    const rank = Math.min(this.total - 1, Math.floor(this.total * p))
    let seen = 0
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!
      if (seen > rank)
        return Math.round(Math.exp(LiveHistogram.MIN_LOG + (i + 1) * LiveHistogram.STEP))
    }
    return 0
  }
}

/** Linear histogram of sorted latencies between min and max. */
export function histogramBins(
  sorted: Float64Array,
  bins = 40
): { fromNs: number; toNs: number; count: number }[] {
  if (sorted.length === 0) return []
  const min = sorted[0]!
  const max = sorted[sorted.length - 1]!
  const width = Math.max(1, Math.ceil((max - min + 1) / bins))
  const out: { fromNs: number; toNs: number; count: number }[] = []
  for (let b = 0; b < bins; b++) {
    const from = min + b * width
    if (from > max) break
    out.push({ fromNs: from, toNs: from + width, count: 0 })
  }
  for (let i = 0; i < sorted.length; i++) {
    const b = Math.min(out.length - 1, Math.floor((sorted[i]! - min) / width))
    out[b]!.count++
  }
  return out
}

/** Latency by percentile for a curve: 0–99 in steps of 1, then 99.5, 99.9, 99.99 and 100. */
export function percentileCurve(sorted: Float64Array): { percentile: number; latencyNs: number }[] {
  if (sorted.length === 0) return []
  const ps: number[] = []
  for (let i = 0; i < 100; i++) ps.push(i)
  ps.push(99.5, 99.9, 99.99)
  const out = ps.map((p) => ({ percentile: p, latencyNs: percentileOfSorted(sorted, p / 100) }))
  out.push({ percentile: 100, latencyNs: sorted[sorted.length - 1]! })
  return out
}

/** Samples completed per second in `windows` equal windows from 0 to the last completion. */
export function throughputSeries(
  completionNs: Float64Array,
  windows = 50
): { timeS: number; samplesPerSecond: number }[] {
  if (completionNs.length === 0) return []
  let end = 0
  for (let i = 0; i < completionNs.length; i++) if (completionNs[i]! > end) end = completionNs[i]!
  if (end <= 0) return []
  const width = end / windows
  const counts = new Float64Array(windows)
  for (let i = 0; i < completionNs.length; i++) {
    counts[Math.min(windows - 1, Math.floor(completionNs[i]! / width))]!++
  }
  const out: { timeS: number; samplesPerSecond: number }[] = []
  for (let w = 0; w < windows; w++) {
    out.push({ timeS: ((w + 1) * width) / 1e9, samplesPerSecond: counts[w]! / (width / 1e9) })
  }
  return out
}
