/**
 * Efficiency against scale: performance per measured watt (power submissions only, never TDP)
 * or performance per accelerator, against total accelerators, one colour per benchmark and
 * scenario, with each group's Pareto front (no other system is both larger and more efficient)
 * drawn as a dashed step line. Every y value is derived and labelled so.
 */
import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from 'echarts'
import type { Cell } from '../shared/api'
import {
  DEFAULT_SIZE,
  LARGE_THRESHOLD,
  largeThreshold,
  LOCAL_COLOR,
  axisNumber,
  chartFrame,
  escapeHtml,
  formatNumber,
  acceleratorsAxis,
  paletteColor,
  withEmptyMessage
} from './chart-frame'
import { decodePoints, isLocal } from '../shared/charts/chart-points'
import { systemLabel } from './row-text'
import type { BenchmarkNamer } from './chart-scope'
import { benchmarkNamer, workloadLabel } from './chart-scope'
import type { ChartTheme } from './chart-theme'
import { LIGHT_CHART_THEME } from './chart-theme'
import { maxOf, minOf } from './chart-stats'
import type { BuildInput, BuiltChart, ChartTable } from './chart-types'
import { RESULT_COLUMNS, countText, resultCells, withLazyTable } from './chart-types'
import type { EfficiencyGroup, EfficiencyPoint } from './efficiency-groups'
import { efficiencyGroups } from './efficiency-groups'
import { citationFootnote } from './footnote'

export const ENERGY_FORMULAS =
  'samples/J (or tokens/J) = result ÷ measured average W (Offline, Server); 1000 ÷ mJ per query (SingleStream); 8000 ÷ mJ per query (MultiStream)'

type Series = ScatterSeriesOption | LineSeriesOption

/**
 * A group's series: its published points, its Pareto front as a dashed step line and the user's
 * runs as diamonds. `seriesPoints` gets the points of each series pushed, for the tooltip.
 */
function groupSeries(
  g: EfficiencyGroup,
  i: number,
  large: boolean,
  theme: ChartTheme,
  seriesPoints: EfficiencyPoint[][]
): Series[] {
  const color = g.coloured ? paletteColor(i) : theme.other
  const series: Series[] = []
  seriesPoints.push(g.published)
  series.push({
    type: 'scatter',
    name: g.label,
    data: g.published.map((p) => [p.x, p.y]),
    symbolSize: large ? 4 : 8,
    large,
    largeThreshold: largeThreshold(large),
    itemStyle: { color, opacity: 0.75 },
    z: g.coloured ? 2 : 1
  })
  if (g.front.length > 0) {
    seriesPoints.push(g.front)
    series.push({
      type: 'line',
      name: g.label,
      data: g.front.map((p) => [p.x, p.y]),
      step: 'start',
      symbol: 'emptyCircle',
      symbolSize: 9,
      lineStyle: { color, type: 'dashed', width: 1.5 },
      itemStyle: { color },
      z: 4
    })
  }
  if (g.local.length) {
    seriesPoints.push(g.local)
    series.push({
      type: 'scatter',
      name: 'Your runs (unverified)',
      data: g.local.map((p) => [p.x, p.y]),
      symbol: 'diamond',
      symbolSize: 14,
      itemStyle: { color: LOCAL_COLOR, borderColor: theme.background, borderWidth: 1.5 },
      z: 10
    })
  }
  return series
}

function subtitleOf(
  perWatt: boolean,
  groups: readonly EfficiencyGroup[],
  points: number
): string[] {
  const colouredCount = groups.filter((g) => g.coloured).length
  return [
    perWatt
      ? `Performance per measured watt from power submissions only (never TDP): ${ENERGY_FORMULAS}. Derived, not an official MLPerf metric.`
      : 'Official throughput divided by the total accelerators in the system (latency results are not divided). Derived, not an official MLPerf metric.',
    `${points} results in ${groups.length} benchmark–scenario groups` +
      (groups.length > colouredCount
        ? ` (the ${colouredCount} largest in colour, ${groups.length - colouredCount} more in grey)`
        : '') +
      `; dashed: each coloured group's Pareto front (no other system is both larger and more efficient). Log–log.`
  ]
}

/** The accelerator axis (log 2) and the efficiency axis (log 10) around every point. */
function axes(
  perWatt: boolean,
  all: readonly EfficiencyPoint[]
): Pick<EChartsOption, 'xAxis' | 'yAxis'> {
  const xs = all.map((p) => p.x)
  const ys = all.map((p) => p.y)
  const units = [...new Set(all.map((p) => p.unit))]
  return {
    xAxis: acceleratorsAxis(xs),
    yAxis: {
      type: 'log',
      min: 10 ** Math.floor(Math.log10(ys.length ? minOf(ys) : 1)),
      max: 10 ** Math.ceil(Math.log10(ys.length ? maxOf(ys) * 1.05 : 10)),
      // The units, where they fit along the axis ("samples/J, tokens/J"); else said to differ.
      name: `${perWatt ? 'Energy efficiency' : 'Throughput per accelerator'}${
        units.length > 0 && units.join(', ').length <= 40
          ? `: ${units.join(', ')}`
          : ' (units differ by benchmark)'
      } · derived`,
      nameLocation: 'middle',
      nameGap: 54,
      axisLabel: { formatter: (v: number) => axisNumber(v) },
      minorTick: { show: true },
      minorSplitLine: { show: true }
    }
  }
}

function tooltipFormatter(
  seriesPoints: readonly EfficiencyPoint[][],
  perWatt: boolean,
  name: BenchmarkNamer
): (params: unknown) => string {
  return (params) => {
    const p = params as { seriesIndex?: number; dataIndex?: number }
    const pt = seriesPoints[p.seriesIndex ?? -1]?.[p.dataIndex ?? -1]
    if (!pt) return ''
    const r = pt.row
    return [
      `<b>${escapeHtml(systemLabel(r))}</b> · ${escapeHtml(r.round)}`,
      `${escapeHtml(r.accelerator ?? '')} × ${r.acceleratorsTotal ?? 0}`,
      `${escapeHtml(workloadLabel(r, name))}: ${r.value === null ? '—' : formatNumber(r.value)} ${escapeHtml(r.unit)}`,
      ...(perWatt && r.powerValue !== null
        ? [`Measured power: ${formatNumber(r.powerValue)} ${escapeHtml(r.powerUnit ?? '')}`]
        : []),
      `<b>${formatNumber(pt.y)} ${escapeHtml(pt.unit)}</b> (derived)${pt.front ? ' · Pareto front' : ''}`,
      ...(isLocal(r) ? [`<b style="color:${LOCAL_COLOR}">Your run: UNVERIFIED</b>`] : [])
    ].join('<br/>')
  }
}

/** The CSV: every point with its power, derived metric and whether it is on the front. */
function tableOf(all: readonly EfficiencyPoint[]): ChartTable {
  return {
    columns: [
      ...RESULT_COLUMNS,
      'power_value',
      'power_unit',
      'derived_metric',
      'derived_unit',
      'pareto_front'
    ],
    rows: all.map((p): Cell[] => [
      ...resultCells(p.row),
      p.row.powerValue,
      p.row.powerUnit,
      p.y,
      p.unit,
      p.front ? 'yes' : 'no'
    ])
  }
}

export function buildEfficiency(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const theme = input.theme ?? LIGHT_CHART_THEME
  const perWatt = view.efficiency === 'per-watt'
  const decoded = decodePoints(input.data.points)
  const name = benchmarkNamer(decoded)
  const { groups, all, dropped } = efficiencyGroups(decoded, view, name)
  const large = all.length > LARGE_THRESHOLD
  const seriesPoints: EfficiencyPoint[][] = []
  const series = groups.flatMap((g, i) => groupSeries(g, i, large, theme, seriesPoints))
  const title =
    view.title ??
    (perWatt
      ? 'Energy efficiency against scale (measured power only)'
      : 'Throughput per accelerator against scale')
  const derived = perWatt
    ? [ENERGY_FORMULAS]
    : ['throughput per accelerator = result ÷ total accelerators']
  const notes: string[] = []
  if (dropped.size) notes.push(`Left out: ${countText(dropped)}.`)
  const rows = all.map((p) => p.row)
  const footnote = citationFootnote({
    suite: input.data.suite,
    rows,
    provenance: input.data.provenance,
    derived,
    exportedAt: input.now
  })
  const frame = chartFrame({
    title,
    subtitle: subtitleOf(perWatt, groups, all.length),
    footnote: footnote.short,
    size,
    points: all.length,
    legend: series.map((x) => String(x.name ?? '')),
    zoomX: [0],
    zoomY: [0],
    target: input.target ?? 'screen'
  })
  const formatter = tooltipFormatter(seriesPoints, perWatt, name)
  const option: EChartsOption = withEmptyMessage(
    {
      ...frame.option,
      tooltip: { trigger: 'item', confine: true, formatter },
      grid: frame.grid,
      ...axes(perWatt, all),
      series
    },
    frame,
    size,
    all.length === 0
      ? perWatt
        ? 'No power submission among these results: energy efficiency needs measured power. Widen the filters or pick “per accelerator”.'
        : 'No throughput result with an accelerator count among these results: widen the filters.'
      : null
  )
  const built = {
    kind: 'efficiency' as const,
    title,
    option,
    rows,
    notes,
    exclusions: [],
    derived,
    footnote,
    points: all.length,
    height: Math.max(size.height, frame.minHeight)
  }
  return withLazyTable(built, () => tableOf(all))
}
