/**
 * The pure steps under the efficiency chart: each result's derived efficiency (per measured
 * watt or per accelerator) against its total accelerators, grouped by benchmark, scenario and
 * derived unit; the largest groups coloured, each with its Pareto front. No ECharts here: the
 * chart draws what these return.
 */
import type { ChartRow } from '../shared/charts/chart-points'
import { isLocal } from '../shared/charts/chart-points'
import type { ChartView } from '../shared/charts/chart-view'
import { MAX_COLOURED, OTHER_NAME } from './chart-frame'
import type { BenchmarkNamer } from './chart-scope'
import { compareWorkloads, topGroups, workloadLabel } from './chart-scope'
import { paretoFront } from './chart-stats'
import { bump } from './chart-types'
import type { Derived } from './efficiency'
import { energyEfficiency, perAccelerator } from './efficiency'

/** A result placed on the chart: x total accelerators, y its derived efficiency. */
export type EfficiencyPoint = {
  row: ChartRow
  x: number
  y: number
  unit: string
  /** On its group's Pareto front (coloured groups only). */
  front: boolean
}

export type EfficiencyGroup = {
  key: string
  /** Legend name: the workload (with its unit where one workload has several), or Other. */
  label: string
  coloured: boolean
  points: EfficiencyPoint[]
  published: EfficiencyPoint[]
  /** The Pareto front of the published points, by accelerator count (empty when grey). */
  front: EfficiencyPoint[]
  /** The user's runs. */
  local: EfficiencyPoint[]
}

/** The derived metric of the view: energy efficiency, or throughput per accelerator. */
export function efficiencyMetric(view: ChartView): (r: ChartRow) => Derived {
  return view.efficiency === 'per-watt' ? energyEfficiency : perAccelerator
}

/**
 * Groups the results by benchmark, scenario and derived unit; invalid published results, those
 * without the metric and CPU-only systems are counted in `dropped`.
 */
export function groupByWorkload(
  rows: readonly ChartRow[],
  metric: (r: ChartRow) => Derived,
  dropped: Map<string, number>
): Map<string, EfficiencyPoint[]> {
  const groups = new Map<string, EfficiencyPoint[]>()
  for (const r of rows) {
    if (!r.valid && !isLocal(r)) {
      bump(dropped, 'marked invalid')
      continue
    }
    const d = metric(r)
    if (d.value === null) {
      bump(dropped, d.reason)
      continue
    }
    if (r.acceleratorsTotal === null || !(r.acceleratorsTotal > 0)) {
      bump(dropped, 'CPU-only systems (no accelerators to place on the axis)')
      continue
    }
    const key = `${r.benchmark}|${r.scenario ?? ''}|${d.unit}`
    const list = groups.get(key) ?? []
    list.push({ row: r, x: r.acceleratorsTotal, y: d.value, unit: d.unit, front: false })
    groups.set(key, list)
  }
  return groups
}

/**
 * Group keys in drawing order: the MAX_COLOURED largest groups first (in workload order), then
 * the rest, which are drawn grey as "Other".
 */
export function colourOrder(groups: ReadonlyMap<string, readonly EfficiencyPoint[]>): {
  keys: string[]
  coloured: ReadonlySet<string>
} {
  const sorted = [...groups.keys()].sort((a, b) => {
    const x = groups.get(a)?.[0]?.row
    const y = groups.get(b)?.[0]?.row
    return (x && y ? compareWorkloads(x, y) : 0) || a.localeCompare(b)
  })
  const coloured = new Set(
    topGroups(new Map(sorted.map((k) => [k, groups.get(k)?.length ?? 0])), MAX_COLOURED)
  )
  const keys = [...sorted.filter((k) => coloured.has(k)), ...sorted.filter((k) => !coloured.has(k))]
  return { keys, coloured }
}

/** Marks the Pareto front of `published` (no other point is both larger and more efficient). */
export function markFront(published: readonly EfficiencyPoint[]): EfficiencyPoint[] {
  for (const k of paretoFront(published.map((p) => [p.x, p.y]))) {
    const p = published[k]
    if (p) p.front = true
  }
  return published.filter((p) => p.front).sort((a, b) => a.x - b.x)
}

/** Whether the workload of `key` has several derived units among `keys`. */
function multiUnit(keys: readonly string[], key: string): boolean {
  const prefix = key.slice(0, key.lastIndexOf('|'))
  return keys.filter((k) => k.startsWith(`${prefix}|`)).length > 1
}

/** groupByWorkload → colourOrder → each coloured group's Pareto front and legend name. */
export function efficiencyGroups(
  rows: readonly ChartRow[],
  view: ChartView,
  name: BenchmarkNamer
): { groups: EfficiencyGroup[]; all: EfficiencyPoint[]; dropped: Map<string, number> } {
  const dropped = new Map<string, number>()
  const byKey = groupByWorkload(rows, efficiencyMetric(view), dropped)
  const { keys, coloured } = colourOrder(byKey)
  const groups = keys.map((key): EfficiencyGroup => {
    const points = byKey.get(key) ?? []
    const published = points.filter((p) => !isLocal(p.row))
    const isColoured = coloured.has(key)
    const front = isColoured ? markFront(published) : []
    const first = points[0]
    const label = !isColoured
      ? OTHER_NAME
      : first
        ? `${workloadLabel(first.row, name)}${multiUnit(keys, key) ? ` (${first.unit})` : ''}`
        : key
    const local = points.filter((p) => isLocal(p.row))
    return { key, label, coloured: isColoured, points, published, front, local }
  })
  return { groups, all: groups.flatMap((g) => g.points), dropped }
}
