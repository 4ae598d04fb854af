/**
 * Which way is better for a result, from its unit: latencies (SingleStream, and MultiStream from
 * v2.0) are lower-is-better, throughputs (samples/s, queries/s, tokens/s) and the pre-v2.0
 * MultiStream stream count are higher-is-better, training times (minutes) lower-is-better.
 * Every ratio in the charts goes through here so a latency never reads as a slowdown.
 */
import type { ChartRow } from '../shared/charts/chart-points'

export type Direction = 'higher' | 'lower'

/** Lower is better for latencies and times; everything else is a rate or a count. */
export function directionOf(unit: string, metric?: string | null): Direction {
  const u = unit.toLowerCase()
  if (u.startsWith('latency') || u === 'ms' || u === 's' || u.includes('minute')) return 'lower'
  if (metric && /latency|_ms$|minutes|time_to/.test(metric.toLowerCase())) return 'lower'
  return 'higher'
}

/**
 * How many times better `value` is than `base` (> 1 = better), honouring the direction. Null
 * when either is not a positive number (a ratio of a zero or negative result means nothing).
 */
export function betterRatio(
  value: number | null,
  base: number | null,
  dir: Direction
): number | null {
  if (value === null || base === null || !(value > 0) || !(base > 0)) return null
  return dir === 'higher' ? value / base : base / value
}

/** The better of two values (ties keep the first). */
export function isBetter(value: number, than: number, dir: Direction): boolean {
  return dir === 'higher' ? value > than : value < than
}

/** "higher is better" / "lower is better", for axis names and tooltips. */
export function directionText(dir: Direction): string {
  return dir === 'higher' ? 'higher is better' : 'lower is better'
}

/** The best row per series and round; series keys come from `keyOf` (null = not charted). */
export function bestPerRound(
  rows: readonly ChartRow[],
  keyOf: (r: ChartRow) => string | null
): Map<string, Map<string, ChartRow>> {
  const out = new Map<string, Map<string, ChartRow>>()
  for (const r of rows) {
    const key = keyOf(r)
    if (key === null || r.value === null) continue
    const byRound = out.get(key) ?? new Map<string, ChartRow>()
    const cur = byRound.get(r.round)
    // Within a round the best of the same unit wins; a unit change is left to comparability.
    if (
      !cur ||
      (cur.unit === r.unit &&
        cur.value !== null &&
        isBetter(r.value, cur.value, directionOf(r.unit, r.metric)))
    ) {
      byRound.set(r.round, r)
    }
    out.set(key, byRound)
  }
  return out
}
