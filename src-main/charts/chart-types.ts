/**
 * What goes into a results chart and what comes out: the chart data the API returns
 * (`charts.data`, shared/charts/chart-data.ts) and the built chart (option, table for the CSV,
 * notes, exclusions, footnote) that the renderer draws, the CLI renders to SVG/PNG and the
 * exports write.
 */
import type { EChartsOption } from 'echarts'
import type { Cell } from '../shared/api'
import type { ChartData } from '../shared/charts/chart-data'
import type { ChartRow } from '../shared/charts/chart-points'
import type { ChartKind, ChartView } from '../shared/charts/chart-view'
import type { Footnote } from '../shared/charts/citation'
import type { ChartSize } from '../shared/charts/export-types'
import type { ChartTarget } from './chart-style'
import type { ChartTheme } from './chart-theme'

/** A result or pair the chart left out because MLPerf does not allow the comparison. */
export type Exclusion = {
  /** What was left out, e.g. "resnet MultiStream v1.0 → v3.0". */
  subject: string
  reason: string
}

/** The chart's data as a table (one row per plotted point or bar), for CSV export. */
export type ChartTable = { columns: string[]; rows: Cell[][] }

/**
 * `built.table` made on first read: the window draws charts of tens of thousands of points and
 * never reads it (its CSV comes from the main side), so it is not built for every redraw.
 */
export function withLazyTable<T extends Omit<BuiltChart, 'table'>>(
  chart: T,
  make: () => ChartTable
): T & { table: ChartTable } {
  let table: ChartTable | null = null
  return Object.defineProperty(chart, 'table', {
    enumerable: true,
    get: () => (table ??= make())
  }) as T & { table: ChartTable }
}

export type BuiltChart = {
  kind: ChartKind
  title: string
  option: EChartsOption
  table: ChartTable
  /** The results the chart draws from (the footnote cites them). */
  rows: ChartRow[]
  /** Plain-words notes shown under the chart: what was dropped and why, caveats. */
  notes: string[]
  exclusions: Exclusion[]
  /** Derived metrics shown, with their formulas (the footnote lists them as not official). */
  derived: string[]
  footnote: Footnote
  /** Points drawn (drives large mode). */
  points: number
  /** Pixel height the chart needs to stay readable (bar charts grow with their bars). */
  height: number
}

export type BuildInput = {
  view: ChartView
  data: ChartData
  size?: ChartSize
  /** ISO date of the export or render (the footnote prints it). */
  now: string
  /** Neutral colours (default light); exports are always light. */
  theme?: ChartTheme
  /** 'screen' (default) adds dataZoom; 'export' builds a figure for a report. */
  target?: ChartTarget
}

/**
 * The fields of every chart's CSV that identify a result. `benchmark` is the name the results
 * table shows (as submitted), `mlperf_model` the MLPerf model the chart groups by.
 */
export const RESULT_COLUMNS = [
  'id',
  'public_id',
  'round',
  'division',
  'submitter',
  'system',
  'accelerator',
  'accelerators_total',
  'benchmark',
  'mlperf_model',
  'scenario',
  'value',
  'unit',
  'source_kind',
  'verified'
] as const

/** A row's identifying cells, in RESULT_COLUMNS order. */
export function resultCells(r: ChartRow): Cell[] {
  return [
    r.id,
    r.publicId,
    r.round,
    r.division,
    r.submitter,
    r.systemName ?? r.systemId,
    r.accelerator,
    r.acceleratorsTotal,
    r.usedModel ?? r.benchmark,
    r.benchmark,
    r.scenario,
    r.value,
    r.unit,
    r.sourceKind,
    r.sourceKind === 'local' ? 'no (unverified)' : 'yes'
  ]
}

/** "3 without a value, 2 CPU-only": reasons with counts, largest first. */
export function countText(counts: ReadonlyMap<string, number>): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${reason} (${n})`)
    .join('; ')
}

export function bump(counts: Map<string, number>, reason: string, by = 1): void {
  counts.set(reason, (counts.get(reason) ?? 0) + by)
}
