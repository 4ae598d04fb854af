/**
 * LoadGen's early-stopping criterion (rules A.7; MLPerf inference rules § Early Stopping).
 *
 * For t over-latency queries, h(t) is the smallest number of under-latency queries such that a
 * system whose true pass rate is exactly p would show at most t failures in h + t queries with
 * probability below 1 − c (c = 0.99): I_p(h, t + 1) < 1 − c, with I the regularised incomplete
 * beta function (the binomial CDF). LoadGen evaluates I through a hypergeometric series and
 * walks t upwards; here I is the standard continued fraction and both searches are binary
 * (h(t) + t grows with t), which reproduces the published numbers.
 */

import { formatFixed } from './format-number'

const CONFIDENCE = 0.99

/** ln Γ(x) for x > 0: Stirling series above 10, recurrence below; ~1e-15 relative. */
export function logGamma(x: number): number {
  let shift = 0
  let y = x
  while (y < 10) {
    shift += Math.log(y)
    y += 1
  }
  const inv = 1 / y
  const inv2 = inv * inv
  const series =
    inv *
    (1 / 12 -
      inv2 *
        (1 / 360 -
          inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188 - inv2 * (691 / 360360))))))
  return (y - 0.5) * Math.log(y) - y + 0.5 * Math.log(2 * Math.PI) + series - shift
}

/** Continued fraction for the incomplete beta (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300
  const qab = a + b
  const qap = a + 1
  const qam = a - 1
  let c = 1
  let d = 1 - (qab * x) / qap
  if (Math.abs(d) < tiny) d = tiny
  d = 1 / d
  let h = d
  for (let m = 1; m <= 1_000_000; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2))
    d = 1 + aa * d
    if (Math.abs(d) < tiny) d = tiny
    c = 1 + aa / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < 1e-15) return h
  }
  return h
}

/** Regularised incomplete beta I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1. */
export function betaRegularized(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x)
  const front = Math.exp(lnFront)
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b
}

/** Probability of at most t over-latency queries in h + t when the pass rate is p. */
function odds(h: number, t: number, p: number): number {
  if (h <= 0) return 1
  return betaRegularized(p, h, t + 1)
}

/** Per-percentile cache of h(t): t → h. */
const caches = new Map<number, Map<number, number>>()

/** h(t): minimum under-latency queries needed with t over-latency ones at percentile p. */
export function minPassingQueries(t: number, p: number): number {
  let cache = caches.get(p)
  if (!cache) {
    cache = new Map()
    caches.set(p, cache)
  }
  const hit = cache.get(t)
  if (hit !== undefined) return hit
  const threshold = 1 - CONFIDENCE
  // Bracket: the answer is above the mean t·p/(1−p) and below it plus a generous margin.
  let lo = Math.max(1, Math.floor((t * p) / (1 - p)))
  if (odds(lo, t, p) < threshold) lo = 1
  let hi = Math.max(lo + 1, Math.ceil(lo + (10 * Math.sqrt(t + 1)) / (1 - p)) + 64)
  while (odds(hi, t, p) >= threshold) hi *= 2
  // Invariant: odds(lo) ≥ threshold or lo is the first candidate; odds(hi) < threshold.
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (odds(mid, t, p) < threshold) hi = mid
    else lo = mid + 1
  }
  cache.set(t, lo)
  return lo
}

/** Queries needed before early stopping can say anything (h(1) + 1). */
export function minQueriesForEarlyStopping(p: number): number {
  return minPassingQueries(1, p) + 1
}

/**
 * SingleStream/MultiStream: with n queries processed, t = the largest i with h(i) + i ≤ n.
 * The estimate is then the t-th largest latency. Returns null when n < h(1) + 1.
 */
export function overLatencyAllowance(n: number, p: number): number | null {
  if (n < minQueriesForEarlyStopping(p)) return null
  let lo = 1
  let hi = n
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (minPassingQueries(mid, p) + mid <= n) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Outcome of the early-stopping rule for one run, with LoadGen's summary text. */
export type EarlyStoppingOutcome = {
  met: boolean
  /** Lines of the summary block, each starting with " * " (may span lines as LoadGen's do). */
  text: string
  /** Target-percentile estimate (SS: early_stopping_latency_ss; MS: early_stopping_latency_ms). */
  estimate: number | null
  /** SingleStream's additional p99 estimate (early_stopping_latency_ms). */
  estimateP99: number | null
}

/**
 * LoadGen prints percentiles here with DoubleToString(p·100, d): d = 0 up to 5.0 ("90th"),
 * 1 from 5.1 ("90.0th", loadgen/results.cc `EarlyStopping`).
 */
function pctLabel(p: number, decimals: 0 | 1): string {
  return formatFixed(p * 100, decimals)
}

function latencyEstimate(
  sorted: Float64Array,
  n: number,
  p: number
): { t: number; hMin: number; estimate: number } | { t: null; hMin: number; estimate: null } {
  const hMin = minPassingQueries(1, p)
  const t = overLatencyAllowance(n, p)
  if (t === null) return { t: null, hMin, estimate: null }
  return { t, hMin, estimate: sorted[n - t]! }
}

/**
 * SingleStream (p = target, plus p99) or MultiStream (p = target) early stopping over the
 * ascending latencies (sample latencies for SS, query latencies for MS).
 */
export function earlyStoppingLatency(
  scenario: 'SingleStream' | 'MultiStream',
  sorted: Float64Array,
  queriesIssued: number,
  p: number,
  labelDecimals: 0 | 1 = 1
): EarlyStoppingOutcome {
  const n = Math.min(queriesIssued, sorted.length)
  const main = latencyEstimate(sorted, n, p)
  if (main.t === null) {
    return {
      met: false,
      text:
        ` * Only processed ${queriesIssued} queries.\n` +
        ` * Need to process at least ${main.hMin + 1} queries for early stopping.`,
      estimate: null,
      estimateP99: null
    }
  }
  let text =
    ` * Processed at least ${main.hMin + 1} queries (${queriesIssued}).\n` +
    ` * Would discard ${main.t - 1} highest latency queries.\n` +
    ` * Early stopping ${pctLabel(p, labelDecimals)}th percentile estimate: ${main.estimate}`
  let estimateP99: number | null = null
  if (scenario === 'SingleStream') {
    const ms = latencyEstimate(sorted, n, 0.99)
    if (ms.t === null) {
      text +=
        `\n * Not enough queries processed for ${pctLabel(0.99, labelDecimals)}th percentile\n` +
        ` early stopping estimate (would need to process at\n least ${ms.hMin + 1} total queries).`
    } else {
      text += `\n * Early stopping ${pctLabel(0.99, labelDecimals)}th percentile estimate: ${ms.estimate}`
      estimateP99 = ms.estimate
    }
  }
  return { met: true, text, estimate: main.estimate, estimateP99 }
}

/** Server early stopping: passes when queries issued ≥ h(t) + t for t over-latency samples. */
export function earlyStoppingServer(
  overLatency: number,
  queriesIssued: number,
  p: number
): EarlyStoppingOutcome {
  const h = minPassingQueries(overLatency, p)
  if (queriesIssued >= h + overLatency) {
    return { met: true, text: ' * Run successful.', estimate: null, estimateP99: null }
  }
  return {
    met: false,
    text:
      ` * Run unsuccessful.\n * Processed ${queriesIssued} queries.\n` +
      ` * Would need to run at least ${h + overLatency - queriesIssued} more queries,\n` +
      ` with the run being successful if every additional\n query were under latency.`,
    estimate: null,
    estimateP99: null
  }
}
