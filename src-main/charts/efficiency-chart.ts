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
  MAX_COLOURED,
  OTHER_NAME,
  axisNumber,
  chartFrame,
  escapeHtml,
  formatNumber,
  log2CountAxis,
  paletteColor,
  withEmptyMessage
} from './chart-frame'
import type { ChartRow } from '../shared/charts/chart-points'
import { decodePoints, isLocal } from '../shared/charts/chart-points'
import { systemLabel } from './row-text'
import { benchmarkNamer, compareWorkloads, topGroups, workloadLabel } from './chart-scope'
import { LIGHT_CHART_THEME } from './chart-theme'
import { maxOf, minOf, paretoFront } from './chart-stats'
import type { BuildInput, BuiltChart } from './chart-types'
import { RESULT_COLUMNS, bump, countText, resultCells, withLazyTable } from './chart-types'
import type { Derived } from './efficiency'
import { energyEfficiency, perAccelerator } from './efficiency'
import { citationFootnote } from './footnote'

type Point = { row: ChartRow; x: number; y: number; unit: string; front: boolean }

export const ENERGY_FORMULAS =
  'samples/J (or tokens/J) = result ÷ measured average W (Offline, Server); 1000 ÷ mJ per query (SingleStream); 8000 ÷ mJ per query (MultiStream)'

export function buildEfficiency(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const theme = input.theme ?? LIGHT_CHART_THEME
  const perWatt = view.efficiency === 'per-watt'
  const metric = (r: ChartRow): Derived => (perWatt ? energyEfficiency(r) : perAccelerator(r))
  const dropped = new Map<string, number>()
  const groups = new Map<string, Point[]>()
  const decoded = decodePoints(input.data.points)
  const name = benchmarkNamer(decoded)
  for (const r of decoded) {
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
  const sorted = [...groups.keys()].sort((a, b) => {
    const x = groups.get(a)?.[0]?.row
    const y = groups.get(b)?.[0]?.row
    return (x && y ? compareWorkloads(x, y) : 0) || a.localeCompare(b)
  })
  // The ten largest groups in colour with their Pareto fronts; the rest grey points, "Other".
  const colouredKeys = new Set(
    topGroups(new Map(sorted.map((k) => [k, groups.get(k)?.length ?? 0])), MAX_COLOURED)
  )
  const keys = [
    ...sorted.filter((k) => colouredKeys.has(k)),
    ...sorted.filter((k) => !colouredKeys.has(k))
  ]
  const all = keys.flatMap((k) => groups.get(k) ?? [])
  const large = all.length > LARGE_THRESHOLD
  const series: (ScatterSeriesOption | LineSeriesOption)[] = []
  const seriesPoints: Point[][] = []
  keys.forEach((key, i) => {
    const pts = groups.get(key) ?? []
    const published = pts.filter((p) => !isLocal(p.row))
    const coloured = colouredKeys.has(key)
    if (coloured) {
      for (const k of paretoFront(published.map((p) => [p.x, p.y]))) {
        const p = published[k]
        if (p) p.front = true
      }
    }
    const first = pts[0]
    const label = !coloured
      ? OTHER_NAME
      : first
        ? `${workloadLabel(first.row, name)}${multiUnit(keys, key) ? ` (${first.unit})` : ''}`
        : key
    const color = coloured ? paletteColor(i) : theme.other
    seriesPoints.push(published)
    series.push({
      type: 'scatter',
      name: label,
      data: published.map((p) => [p.x, p.y]),
      symbolSize: large ? 4 : 8,
      large,
      largeThreshold: largeThreshold(large),
      itemStyle: { color, opacity: 0.75 },
      z: coloured ? 2 : 1
    })
    const front = published.filter((p) => p.front).sort((a, b) => a.x - b.x)
    if (front.length > 0) {
      seriesPoints.push(front)
      series.push({
        type: 'line',
        name: label,
        data: front.map((p) => [p.x, p.y]),
        step: 'start',
        symbol: 'emptyCircle',
        symbolSize: 9,
        lineStyle: { color, type: 'dashed', width: 1.5 },
        itemStyle: { color },
        z: 4
      })
    }
    const local = pts.filter((p) => isLocal(p.row))
    if (local.length) {
      seriesPoints.push(local)
      series.push({
        type: 'scatter',
        name: 'Your runs (unverified)',
        data: local.map((p) => [p.x, p.y]),
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: LOCAL_COLOR, borderColor: theme.background, borderWidth: 1.5 },
        z: 10
      })
    }
  })
  const units = [...new Set(all.map((p) => p.unit))]
  const title =
    view.title ??
    (perWatt
      ? 'Energy efficiency against scale (measured power only)'
      : 'Throughput per accelerator against scale')
  const derived = perWatt
    ? [ENERGY_FORMULAS]
    : ['throughput per accelerator = result ÷ total accelerators']
  const subtitle = [
    perWatt
      ? `Performance per measured watt from power submissions only (never TDP): ${ENERGY_FORMULAS}. Derived, not an official MLPerf metric.`
      : 'Official throughput divided by the total accelerators in the system (latency results are not divided). Derived, not an official MLPerf metric.',
    `${all.length} results in ${keys.length} benchmark–scenario groups` +
      (keys.length > colouredKeys.size
        ? ` (the ${colouredKeys.size} largest in colour, ${keys.length - colouredKeys.size} more in grey)`
        : '') +
      `; dashed: each coloured group's Pareto front (no other system is both larger and more efficient). Log–log.`
  ]
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
    subtitle,
    footnote: footnote.short,
    size,
    points: all.length,
    legend: series.map((x) => String(x.name ?? '')),
    zoomX: [0],
    zoomY: [0],
    target: input.target ?? 'screen'
  })
  const xs = all.map((p) => p.x)
  const ys = all.map((p) => p.y)
  const tooltip = (params: unknown): string => {
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
  const option: EChartsOption = withEmptyMessage(
    {
      ...frame.option,
      tooltip: { trigger: 'item', confine: true, formatter: tooltip },
      grid: frame.grid,
      xAxis: {
        ...log2CountAxis(xs.length ? minOf(xs) : 1, xs.length ? maxOf(xs) : 2),
        name: 'Total accelerators',
        nameLocation: 'middle',
        nameGap: 30
      },
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
      },
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
  return withLazyTable(
    {
      kind: 'efficiency',
      title,
      option,
      rows,
      notes,
      exclusions: [],
      derived,
      footnote,
      points: all.length,
      height: Math.max(size.height, frame.minHeight)
    },
    () => ({
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
    })
  )
}

function multiUnit(keys: readonly string[], key: string): boolean {
  const prefix = key.slice(0, key.lastIndexOf('|'))
  return keys.filter((k) => k.startsWith(`${prefix}|`)).length > 1
}
