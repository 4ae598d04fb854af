/**
 * The pure steps under the speedup chart: which results may be compared (closed, valid,
 * published, positive), which line each belongs to (a workload at one accelerator count, or one
 * canonical accelerator model and count), the best result per line and round, and the split of
 * each line into comparable segments. No ECharts here: the chart draws what these return.
 */
import type { ChartRow } from '../shared/charts/chart-points'
import { isLocal } from '../shared/charts/chart-points'
import type { ChartView } from '../shared/charts/chart-view'
import { MAX_COLOURED } from './chart-frame'
import type { BenchmarkNamer } from './chart-scope'
import { compareWorkloads, workloadLabel } from './chart-scope'
import type { Exclusion } from './chart-types'
import { bump } from './chart-types'
import { comparability, toComparable } from './comparability'
import { bestPerRound, betterRatio, directionOf } from './direction'
import { compareRounds } from '../mlperf'

/** Most lines drawn in the same-accelerator mode (the ones seen in most rounds). */
export const MAX_SPEEDUP_SERIES = 16

/** One plotted point: a round's best row and its speedup over the segment's baseline. */
export type SpeedupPoint = { round: string; row: ChartRow; base: ChartRow; speedup: number }

/** A line: consecutive comparable rounds sharing one baseline. */
export type SpeedupSegment = { label: string; points: SpeedupPoint[]; caveats: string[] }

/**
 * Splits one series (best row per round, any order) into comparable segments and the
 * exclusions between them.
 */
export function speedupSegments(
  label: string,
  bestByRound: ReadonlyMap<string, ChartRow>
): { segments: SpeedupSegment[]; exclusions: Exclusion[] } {
  const rounds = [...bestByRound.keys()].sort(compareRounds)
  const segments: SpeedupSegment[] = []
  const exclusions: Exclusion[] = []
  let current: SpeedupSegment | null = null
  for (const round of rounds) {
    const row = bestByRound.get(round)
    if (!row) continue
    const base = current?.points[0]?.row
    if (current && base) {
      const c = comparability(toComparable(base), toComparable(row))
      if (c.ok) {
        const s = betterRatio(row.value, base.value, directionOf(base.unit, base.metric))
        if (s !== null) {
          current.points.push({ round, row, base, speedup: s })
          for (const cv of c.caveats) if (!current.caveats.includes(cv)) current.caveats.push(cv)
          continue
        }
      } else {
        exclusions.push({ subject: `${label}: ${base.round} → ${round}`, reason: c.reason })
      }
    }
    current = {
      label: segments.length === 0 ? label : `${label} (from ${round})`,
      points: [{ round, row, base: row, speedup: 1 }],
      caveats: []
    }
    segments.push(current)
  }
  return { segments, exclusions }
}

/**
 * The results a published speedup may use: closed, valid, published and positive. The others
 * are counted in `dropped` by reason.
 */
export function eligibleRows(rows: readonly ChartRow[], dropped: Map<string, number>): ChartRow[] {
  const eligible: ChartRow[] = []
  for (const r of rows) {
    if (isLocal(r)) bump(dropped, 'your own runs (unverified) are not part of published speedups')
    else if (r.division !== 'closed') {
      bump(dropped, `${r.division}-division results (only closed results are compared)`)
    } else if (!r.valid) bump(dropped, 'marked invalid')
    else if (r.value === null || !(r.value > 0)) bump(dropped, 'no positive result value')
    else eligible.push(r)
  }
  return eligible
}

/** A line's name and a result of its workload (for the axis order). */
export type LineName = { label: string; workload: ChartRow }

/**
 * The line of a result (null: not on any line) and the lines' names. Best-at-count: one line
 * per workload at exactly `view.accelerators`; same-accelerator: one per workload, canonical
 * accelerator and count. Power submissions are lines of their own.
 */
export function lineKeys(
  view: ChartView,
  name: BenchmarkNamer,
  canon: (raw: string | null) => string | null
): { keyOf: (r: ChartRow) => string | null; names: Map<string, LineName> } {
  const names = new Map<string, LineName>()
  const named = (key: string, r: ChartRow, label: () => string): string => {
    if (!names.has(key)) names.set(key, { label: label(), workload: r })
    return key
  }
  const keyOf = (r: ChartRow): string | null => {
    const power = r.powerValue !== null
    if (view.speedupMode !== 'same-accelerator') {
      if (r.acceleratorsTotal !== view.accelerators) return null
      const key = `${r.benchmark}|${r.scenario ?? ''}|${power ? 'p' : ''}`
      return named(key, r, () => `${workloadLabel(r, name)}${power ? ' (power submissions)' : ''}`)
    }
    const acc = canon(r.accelerator)
    if (acc === null || r.acceleratorsTotal === null || !(r.acceleratorsTotal > 0)) return null
    const key = `${r.benchmark}|${r.scenario ?? ''}|${acc}|${r.acceleratorsTotal}|${power ? 'p' : ''}`
    return named(
      key,
      r,
      () => `${workloadLabel(r, name)} · ${acc} ×${r.acceleratorsTotal}${power ? ' (power)' : ''}`
    )
  }
  return { keyOf, names }
}

/** Counts the eligible results no line takes (another count, or no accelerator to pair on). */
function countUnpaired(
  eligible: readonly ChartRow[],
  view: ChartView,
  canon: (raw: string | null) => string | null,
  dropped: Map<string, number>
): void {
  if (view.speedupMode !== 'same-accelerator') {
    const other = eligible.filter((r) => r.acceleratorsTotal !== view.accelerators).length
    if (other > 0)
      bump(dropped, `systems with a different accelerator count than ${view.accelerators}`, other)
  } else {
    const cpu = eligible.filter((r) => canon(r.accelerator) === null).length
    if (cpu > 0) bump(dropped, 'CPU-only systems (no accelerator to pair on)', cpu)
  }
}

/** Every line's comparable segments, lines in workload order, and the pairs not comparable. */
function allSegments(
  series: ReadonlyMap<string, ReadonlyMap<string, ChartRow>>,
  names: ReadonlyMap<string, LineName>
): { segments: SpeedupSegment[]; exclusions: Exclusion[] } {
  const segments: SpeedupSegment[] = []
  const exclusions: Exclusion[] = []
  const keys = [...series.keys()].sort((a, b) => {
    const x = names.get(a)?.workload
    const y = names.get(b)?.workload
    return (x && y ? compareWorkloads(x, y) : 0) || a.localeCompare(b)
  })
  for (const key of keys) {
    const byRound = series.get(key)
    const name = names.get(key)
    if (!byRound || !name) continue
    const r = speedupSegments(name.label, byRound)
    segments.push(...r.segments)
    exclusions.push(...r.exclusions)
  }
  return { segments, exclusions }
}

/** Lines seen in most rounds first (ties by label). */
function byRoundsSeen(segments: readonly SpeedupSegment[]): SpeedupSegment[] {
  return [...segments].sort(
    (a, b) => b.points.length - a.points.length || a.label.localeCompare(b.label)
  )
}

export type SpeedupLines = {
  /** The lines drawn: the coloured ones first, then the grey "Other" ones. */
  segments: SpeedupSegment[]
  coloured: ReadonlySet<SpeedupSegment>
  exclusions: Exclusion[]
  /** Results left out, by reason. */
  dropped: Map<string, number>
  eligible: ChartRow[]
  /** Lines with a result in one comparable round only (not drawn). */
  single: number
  /** Lines there were before the same-accelerator cap (null: not capped). */
  capped: number | null
}

/**
 * eligibleRows → lineKeys → best result per line and round → comparable segments; lines of
 * one round dropped, the same-accelerator mode capped at MAX_SPEEDUP_SERIES, and the lines seen
 * in most rounds given the MAX_COLOURED colours.
 */
export function speedupLines(
  rows: readonly ChartRow[],
  view: ChartView,
  name: BenchmarkNamer,
  canon: (raw: string | null) => string | null
): SpeedupLines {
  const dropped = new Map<string, number>()
  const eligible = eligibleRows(rows, dropped)
  const { keyOf, names } = lineKeys(view, name, canon)
  const series = bestPerRound(eligible, keyOf)
  countUnpaired(eligible, view, canon, dropped)
  const all = allSegments(series, names)
  let segments = all.segments.filter((s) => s.points.length >= 2)
  const single = all.segments.length - segments.length
  let capped: number | null = null
  if (view.speedupMode === 'same-accelerator' && segments.length > MAX_SPEEDUP_SERIES) {
    capped = segments.length
    segments = byRoundsSeen(segments).slice(0, MAX_SPEEDUP_SERIES)
  }
  const coloured = new Set(byRoundsSeen(segments).slice(0, MAX_COLOURED))
  segments = [
    ...segments.filter((s) => coloured.has(s)),
    ...segments.filter((s) => !coloured.has(s))
  ]
  return { segments, coloured, exclusions: all.exclusions, dropped, eligible, single, capped }
}
