/**
 * The pure steps under the distribution chart: pick the rows (newest round), derive each row's
 * metric, group by benchmark, scenario and unit, normalise each group to its base (the best
 * published result or the reference system's) and place the points in their category strips.
 * No ECharts here: the chart composes series and axes from what these return.
 */
import type { ChartRow } from '../shared/charts/chart-points'
import { isLocal } from '../shared/charts/chart-points'
import type { ChartView } from '../shared/charts/chart-view'
import { systemKeyText } from '../shared/charts/chart-view'
import type { AcceleratorAlias } from '../shared/charts/chart-data'
import type { Price } from '../shared/charts/prices'
import { acceleratorMapper } from './accelerator-alias'
import { compareWorkloads, newestRound } from './chart-scope'
import { stableJitter } from './chart-stats'
import type { Exclusion } from './chart-types'
import { bump } from './chart-types'
import { comparability, toComparable } from './comparability'
import type { Direction } from './direction'
import { betterRatio, directionOf, isBetter } from './direction'
import type { Derived } from './efficiency'
import { perAccelerator } from './efficiency'
import { perDollar, perDollarUnit, priceLookup } from './per-dollar'
import { systemLabel } from './row-text'

/** Half the width of the strip around a category centre (in category units). */
const JITTER = 0.3

/** A row in its group: the derived metric and the plotted (normalised) value. */
export type Member = { row: ChartRow; metric: number; y: number }

export type Group = {
  key: string
  benchmark: string
  scenario: string | null
  unit: string
  dir: Direction
  /** Rows plotted, with their derived metric. */
  members: Member[]
  /** The value everything is divided by (best or reference); null in raw mode. */
  base: number | null
  baseLabel: string | null
}

/** How a row's plotted metric is derived, and the unit it is in. */
export type Metric = { fn: (r: ChartRow) => Derived; unit: (u: string) => string }

/** The metric of a normalisation mode: the result, per accelerator or per dollar. */
export function metricFor(
  view: ChartView,
  data: { prices: readonly Price[]; aliases: readonly AcceleratorAlias[] }
): Metric {
  if (view.normalisation === 'per-accelerator') {
    return { fn: perAccelerator, unit: (u) => `${u} per accelerator` }
  }
  if (view.normalisation === 'per-dollar') {
    const lookup = priceLookup(data.prices, view.priceBasis)
    const canon = acceleratorMapper(data.aliases)
    return {
      fn: (r) => perDollar(r, view.priceBasis, lookup, canon),
      unit: (u) => perDollarUnit(u, view.priceBasis)
    }
  }
  return {
    fn: (r) =>
      r.value !== null && r.value > 0
        ? { value: r.value, unit: r.unit }
        : { value: null, reason: 'no positive result value' },
    unit: (u) => u
  }
}

/**
 * The rows a distribution draws: without a round filter, the newest round's (results of several
 * rounds, i.e. benchmark versions, in one distribution mislead more than they inform) and the
 * user's runs. `olderRounds` counts the rows left out.
 */
export function roundScope(
  view: ChartView,
  decoded: readonly ChartRow[]
): { rows: readonly ChartRow[]; newest: string | null; olderRounds: number } {
  const newest = view.filters.some((f) => f.column === 'round') ? null : newestRound(decoded)
  const rows = newest === null ? decoded : decoded.filter((r) => isLocal(r) || r.round === newest)
  return { rows, newest, olderRounds: decoded.length - rows.length }
}

/**
 * Groups by benchmark, scenario and unit: a unit change (samples/s → tokens/s, streams →
 * latency) is a different metric and never shares a "best". Invalid published rows and rows
 * without a metric are counted in `dropped`.
 */
export function groupRows(
  rows: readonly ChartRow[],
  view: ChartView,
  metric: Metric['fn'],
  dropped: Map<string, number>
): Map<string, Group> {
  const groups = new Map<string, Group>()
  for (const row of rows) {
    if (!row.valid && !isLocal(row)) {
      bump(dropped, 'marked invalid')
      continue
    }
    const d = metric(row)
    if (d.value === null) {
      bump(dropped, d.reason)
      continue
    }
    const key = `${row.benchmark}\u0000${row.scenario ?? ''}\u0000${row.unit}`
    let g = groups.get(key)
    if (!g) {
      const dir =
        view.normalisation === 'per-accelerator' || view.normalisation === 'per-dollar'
          ? 'higher'
          : directionOf(row.unit, row.metric)
      g = {
        key,
        benchmark: row.benchmark,
        scenario: row.scenario,
        unit: row.unit,
        dir,
        members: [],
        base: null,
        baseLabel: null
      }
      groups.set(key, g)
    }
    g.members.push({ row, metric: d.value, y: d.value })
  }
  return groups
}

/**
 * Bases a group on the reference system's result: a group without one is emptied (counted in
 * `dropped`), results not comparable with it are left out (listed in `exclusions`). Returns the
 * reference's label, or null when the group has no reference result.
 */
function referenceBase(
  g: Group,
  ref: ChartView['reference'],
  dropped: Map<string, number>,
  exclusions: Exclusion[]
): string | null {
  const base = ref
    ? g.members.find(
        (m) =>
          m.row.round === ref.round &&
          m.row.submitter === ref.submitter &&
          m.row.systemId === ref.systemId
      )
    : undefined
  if (!base) {
    bump(dropped, 'the reference system has no result in this group', g.members.length)
    g.members = []
    return null
  }
  const label = systemLabel(base.row) + ` (${base.row.round})`
  g.base = base.metric
  g.baseLabel = label
  const kept: Member[] = []
  for (const m of g.members) {
    const c = comparability(toComparable(base.row), toComparable(m.row))
    if (!c.ok && m.row.id !== base.row.id) {
      exclusions.push({
        subject:
          `${systemLabel(m.row)} ${m.row.round} ${m.row.benchmark} ${m.row.scenario ?? ''}`.trim(),
        reason: c.reason
      })
      continue
    }
    kept.push(m)
  }
  g.members = kept
  return label
}

/** The best published result of a group (the user's runs never define the best). */
function bestBase(g: Group): number | null {
  let best: number | null = null
  for (const m of g.members) {
    if (isLocal(m.row)) continue
    if (best === null || isBetter(m.metric, best, g.dir)) best = m.metric
  }
  return best
}

/**
 * Sets each group's base (the best published result, or the reference system's result; none in
 * raw mode) and every member's normalised value, direction-aware so that higher is better.
 * Returns the reference's name for the axis and the results left out as not comparable.
 */
export function normaliseGroups(
  groups: Iterable<Group>,
  view: ChartView,
  dropped: Map<string, number>
): { refName: string | null; exclusions: Exclusion[] } {
  const exclusions: Exclusion[] = []
  let refName: string | null = view.reference ? systemKeyText(view.reference) : null
  for (const g of groups) {
    if (view.normalisation === 'raw') continue
    if (view.normalisation === 'reference') {
      const label = referenceBase(g, view.reference, dropped, exclusions)
      if (label === null) continue
      refName = label
    } else {
      g.base = bestBase(g)
    }
    for (const m of g.members) {
      m.y = g.base === null ? m.metric : (betterRatio(m.metric, g.base, g.dir) ?? NaN)
    }
  }
  return { refName, exclusions }
}

/** Non-empty groups in axis order: benchmark, scenario, then unit. */
export function orderGroups(groups: Iterable<Group>): Group[] {
  return [...groups]
    .filter((g) => g.members.length > 0)
    .sort((a, b) => compareWorkloads(a, b) || a.unit.localeCompare(b.unit))
}

/** The grouped, normalised rows of a distribution, in axis order. */
export type Distribution = {
  ordered: Group[]
  dropped: Map<string, number>
  exclusions: Exclusion[]
  refName: string | null
}

/** groupRows → normaliseGroups → orderGroups. */
export function distributionGroups(
  rows: readonly ChartRow[],
  view: ChartView,
  metric: Metric['fn']
): Distribution {
  const dropped = new Map<string, number>()
  const groups = groupRows(rows, view, metric, dropped)
  const { refName, exclusions } = normaliseGroups(groups.values(), view, dropped)
  return { ordered: orderGroups(groups.values()), dropped, exclusions, refName }
}

/** A plotted point: x in category units (jittered around its strip), y normalised. */
export type Plotted = { row: ChartRow; x: number; y: number; metric: number }

export type Placed = {
  plotted: Plotted[]
  /** Values ≤ 0 (or not finite) that the log axis cannot draw. */
  nonPositive: number
  /** Published points per colour group. */
  counts: Map<string, number>
  /** Per colour group (by accelerator): how often each raw accelerator name occurs. */
  labelCounts: Map<string, Map<string, number>>
}

/**
 * Places every drawable member in its category's strip and counts the published points per
 * colour group (`colourKey`), with the raw accelerator names behind each group when colouring
 * by accelerator.
 */
export function placePoints(
  ordered: readonly Group[],
  colorBy: ChartView['colorBy'],
  colourKey: (r: ChartRow) => string
): Placed {
  const labelCounts = new Map<string, Map<string, number>>()
  const counts = new Map<string, number>()
  const plotted: Plotted[] = []
  let nonPositive = 0
  ordered.forEach((g, cat) => {
    for (const m of g.members) {
      if (!(m.y > 0) || !Number.isFinite(m.y)) {
        nonPositive++
        continue
      }
      plotted.push({
        row: m.row,
        x: cat + JITTER * stableJitter(m.row.id),
        y: m.y,
        metric: m.metric
      })
      if (isLocal(m.row)) continue
      const k = colourKey(m.row)
      counts.set(k, (counts.get(k) ?? 0) + 1)
      if (colorBy === 'accelerator') {
        const names = labelCounts.get(k) ?? new Map<string, number>()
        const raw = m.row.accelerator ?? 'CPU only'
        names.set(raw, (names.get(raw) ?? 0) + 1)
        labelCounts.set(k, names)
      }
    }
  })
  return { plotted, nonPositive, counts, labelCounts }
}

/** The drawable published values of each group (what the box or violin summarises). */
export function publishedValues(ordered: readonly Group[]): number[][] {
  return ordered.map((g) =>
    g.members.filter((m) => !isLocal(m.row) && m.y > 0 && Number.isFinite(m.y)).map((m) => m.y)
  )
}
