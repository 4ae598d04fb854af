/**
 * The pure step under the comparison's "shared benchmarks" table: every benchmark and scenario
 * all compared systems ran, each system's value and its % better than the first system's
 * (direction-aware, only where MLPerf allows the comparison), and the per-accelerator view where
 * the systems' accelerator counts differ.
 */
import type { Suite } from '../shared/api'
import type { ChartRow } from '../shared/charts/chart-points'
import { isLocal } from '../shared/charts/chart-points'
import type { PerAccelerator, SharedWorkload } from '../shared/comparison'
import type { BenchmarkNamer } from './chart-scope'
import { comparability, toComparable } from './comparability'
import { betterRatio, directionOf } from './direction'
import { systemLabel } from './row-text'

/** "Acme X8 (v4.1)", "· unverified" for the user's own runs. */
export function itemLabel(r: ChartRow): string {
  return `${systemLabel(r)} (${r.round})${isLocal(r) ? ' · unverified' : ''}`
}

/** Percent better than `base` (+ = better, honouring lower-is-better units). */
export function percentBetter(
  value: number | null,
  base: number | null,
  unit: string
): number | null {
  const ratio = betterRatio(value, base, directionOf(unit))
  return ratio === null ? null : (ratio - 1) * 100
}

/**
 * The per-accelerator view of one shared workload, when the systems' accelerator counts differ:
 * throughput ÷ accelerators (higher is better), or for training minutes × accelerators (lower
 * is better). Deltas only where the main values are comparable (`deltas[i]` not null).
 */
export function perAcceleratorOf(
  suite: Suite,
  rows: readonly ChartRow[],
  unit: string,
  direction: 'higher' | 'lower',
  comparable: readonly boolean[]
): PerAccelerator | null {
  const counts = rows.map((r) => ((r.acceleratorsTotal ?? 0) > 0 ? r.acceleratorsTotal : null))
  if (new Set(counts.filter((c) => c !== null)).size < 2) return null
  if (suite === 'inference' && direction !== 'higher') return null
  const values = rows.map((r, i) => {
    const n = counts[i]
    if (r.value === null || n === null || n === undefined) return null
    return suite === 'training' ? r.value * n : r.value / n
  })
  const perUnit = suite === 'training' ? `accelerator-${unit}` : `${unit} per accelerator`
  const dir = suite === 'training' ? 'lower' : 'higher'
  const base = values[0] ?? null
  const deltas = values.map((v, i) => {
    if (i === 0) return 0
    if (!comparable[i]) return null
    const ratio = betterRatio(v, base, dir)
    return ratio === null ? null : (ratio - 1) * 100
  })
  return { unit: perUnit, direction: dir, values, deltas }
}

/** One shared workload: every system's row of it, compared with the first system's. */
function sharedWorkload(
  suite: Suite,
  base: ChartRow,
  rows: readonly ChartRow[],
  name: BenchmarkNamer
): SharedWorkload {
  const reasons: string[] = []
  const deltas = rows.map((r, i) => {
    if (i === 0) return 0
    const c = comparability(toComparable(base), toComparable(r))
    if (!c.ok) {
      reasons.push(`${itemLabel(r)}: ${c.reason}`)
      return null
    }
    return percentBetter(r.value, base.value, base.unit)
  })
  const direction = directionOf(base.unit, base.metric)
  return {
    benchmark: name(base.benchmark),
    scenario: base.scenario,
    unit: base.unit,
    direction,
    ids: rows.map((r) => r.id),
    values: rows.map((r) => r.value),
    deltas,
    reasons,
    perAccelerator: perAcceleratorOf(
      suite,
      rows,
      base.unit,
      direction,
      deltas.map((d) => d !== null)
    )
  }
}

/**
 * The benchmarks and scenarios every compared system ran (by the first system's key order),
 * from each system's results (`siblings`: every result of its round, submitter and system).
 */
export function sharedWorkloads(
  suite: Suite,
  sources: readonly { siblings: readonly ChartRow[] }[],
  name: BenchmarkNamer
): SharedWorkload[] {
  const maps = sources.map(
    (s) => new Map(s.siblings.map((r) => [`${r.benchmark}|${r.scenario ?? ''}`, r]))
  )
  const first = maps[0] ?? new Map<string, ChartRow>()
  const shared: SharedWorkload[] = []
  for (const [key, base] of [...first].sort((a, b) => a[0].localeCompare(b[0]))) {
    const rows = maps.map((m) => m.get(key) ?? null)
    if (rows.some((r) => r === null)) continue
    shared.push(sharedWorkload(suite, base, rows as ChartRow[], name))
  }
  return shared
}
