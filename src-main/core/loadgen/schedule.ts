/**
 * Server query schedule (spec A.3, A.5): Poisson arrivals at `target_qps`, i.e. exponential
 * gaps drawn with the schedule seed, pre-generated before timing starts so the issue loop
 * only reads two typed arrays. The first query is at 0; LoadGen keeps generating while the
 * last scheduled time is below the target duration or fewer than min_query_count queries
 * exist, so the final query is scheduled at or after min_duration.
 */
import { Mt19937, exponential } from './mt19937'

export type ServerSchedule = {
  /** Scheduled time of each query in integer ns from the start. */
  offsetsNs: Float64Array
}

/** Number of Poisson-scheduled queries and their offsets. */
export function serverSchedule(opts: {
  targetQps: number
  durationMs: number
  minQueryCount: number
  maxQueryCount: number
  scheduleSeed: bigint
  /** Accuracy mode: exactly this many queries, ignoring duration and counts. */
  exactCount?: number
}): ServerSchedule {
  const rng = new Mt19937(opts.scheduleSeed)
  const durationNs = opts.durationMs * 1e6
  const offsets: number[] = []
  let t = 0
  let prev = 0
  for (;;) {
    if (opts.exactCount !== undefined) {
      if (offsets.length >= opts.exactCount) break
    } else {
      if (offsets.length > 0 && prev >= durationNs && offsets.length >= opts.minQueryCount) break
      if (opts.maxQueryCount > 0 && offsets.length >= opts.maxQueryCount) break
    }
    offsets.push(t)
    prev = t
    // std::chrono::duration_cast to nanoseconds truncates.
    t += Math.floor(exponential(rng, opts.targetQps) * 1e9)
  }
  return { offsetsNs: Float64Array.from(offsets) }
}

/** Mean and coefficient of variation of the gaps of a schedule (for checks and tests). */
export function scheduleGapStats(offsetsNs: Float64Array): { meanGapNs: number; cv: number } {
  const n = offsetsNs.length - 1
  if (n < 1) return { meanGapNs: 0, cv: 0 }
  let sum = 0
  for (let i = 1; i <= n; i++) sum += offsetsNs[i]! - offsetsNs[i - 1]!
  const mean = sum / n
  let sq = 0
  for (let i = 1; i <= n; i++) sq += (offsetsNs[i]! - offsetsNs[i - 1]! - mean) ** 2
  return { meanGapNs: mean, cv: Math.sqrt(sq / n) / mean }
}
