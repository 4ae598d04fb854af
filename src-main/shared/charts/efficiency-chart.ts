/**
 * Efficiency against scale: performance per measured watt (power submissions only, never TDP)
 * or performance per accelerator, against total accelerators, one colour per benchmark and
 * scenario, with each group's Pareto front (no other system is both larger and more efficient)
 * drawn as a dashed step line. Every y value is derived and labelled so.
 */
import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from 'echarts'
import type { Cell } from '../api'
import {
  DEFAULT_SIZE,
  LARGE_THRESHOLD,
  LOCAL_COLOR,
  axisNumber,
  chartFrame,
  escapeHtml,
  formatNumber,
  paletteColor
} from './chart-frame'
import type { ChartRow } from './chart-points'
import { decodePoints, isLocal, systemLabel } from './chart-points'
import { compareWorkloads, workloadLabel } from './chart-scope'
import { paretoFront } from './chart-stats'
import type { BuildInput, BuiltChart } from './chart-types'
import { RESULT_COLUMNS, bump, countText, resultCells } from './chart-types'
import type { Derived } from './efficiency'
import { energyEfficiency, perAccelerator } from './efficiency'
import { citationFootnote } from './footnote'

type Point = { row: ChartRow; x: number; y: number; unit: string; front: boolean }

export const ENERGY_FORMULAS =
  'samples/J (or tokens/J) = result ÷ measured average W (Offline, Server); 1000 ÷ mJ per query (SingleStream); 8000 ÷ mJ per query (MultiStream)'

export function buildEfficiency(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const perWatt = view.efficiency === 'per-watt'
  const metric = (r: ChartRow): Derived => (perWatt ? energyEfficiency(r) : perAccelerator(r))
  const dropped = new Map<string, number>()
  const groups = new Map<string, Point[]>()
  for (const r of decodePoints(input.data.points)) {
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
  const keys = [...groups.keys()].sort((a, b) => {
    const x = groups.get(a)?.[0]?.row
    const y = groups.get(b)?.[0]?.row
    return (x && y ? compareWorkloads(x, y) : 0) || a.localeCompare(b)
  })
  const all = keys.flatMap((k) => groups.get(k) ?? [])
  const large = all.length > LARGE_THRESHOLD
  const series: (ScatterSeriesOption | LineSeriesOption)[] = []
  const seriesPoints: Point[][] = []
  keys.forEach((key, i) => {
    const pts = groups.get(key) ?? []
    const published = pts.filter((p) => !isLocal(p.row))
    for (const k of paretoFront(published.map((p) => [p.x, p.y]))) {
      const p = published[k]
      if (p) p.front = true
    }
    const first = pts[0]
    const name = first
      ? `${workloadLabel(first.row)}${multiUnit(keys, key) ? ` (${first.unit})` : ''}`
      : key
    const color = paletteColor(i)
    seriesPoints.push(published)
    series.push({
      type: 'scatter',
      name,
      data: published.map((p) => [p.x, p.y]),
      symbolSize: large ? 4 : 8,
      large,
      largeThreshold: LARGE_THRESHOLD,
      itemStyle: { color, opacity: 0.75 }
    })
    const front = published.filter((p) => p.front).sort((a, b) => a.x - b.x)
    seriesPoints.push(front)
    series.push({
      type: 'line',
      name,
      data: front.map((p) => [p.x, p.y]),
      step: 'start',
      symbol: 'emptyCircle',
      symbolSize: 9,
      lineStyle: { color, type: 'dashed', width: 1.5 },
      itemStyle: { color },
      z: 4
    })
    const local = pts.filter((p) => isLocal(p.row))
    if (local.length) {
      seriesPoints.push(local)
      series.push({
        type: 'scatter',
        name: 'Your runs (unverified)',
        data: local.map((p) => [p.x, p.y]),
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: LOCAL_COLOR, borderColor: '#fff', borderWidth: 1.5 },
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
    `${all.length} results in ${keys.length} benchmark–scenario groups; dashed: each group's Pareto front (no other system is both larger and more efficient). Log–log.`
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
    zoomY: [0]
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
      `${escapeHtml(workloadLabel(r))}: ${r.value === null ? '—' : formatNumber(r.value)} ${escapeHtml(r.unit)}`,
      ...(perWatt && r.powerValue !== null
        ? [`Measured power: ${formatNumber(r.powerValue)} ${escapeHtml(r.powerUnit ?? '')}`]
        : []),
      `<b>${formatNumber(pt.y)} ${escapeHtml(pt.unit)}</b> (derived)${pt.front ? ' · Pareto front' : ''}`,
      ...(isLocal(r) ? [`<b style="color:${LOCAL_COLOR}">Your run: UNVERIFIED</b>`] : [])
    ].join('<br/>')
  }
  const option: EChartsOption = {
    ...frame.option,
    tooltip: { trigger: 'item', confine: true, formatter: tooltip },
    grid: frame.grid,
    xAxis: {
      type: 'log',
      logBase: 2,
      min: 2 ** Math.floor(Math.log2(Math.max(1, xs.length ? minOf(xs) : 1))),
      max: 2 ** Math.ceil(Math.log2(Math.max(2, xs.length ? maxOf(xs) : 2)) + 0.01),
      name: 'Total accelerators',
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { formatter: (v: number) => axisNumber(v) }
    },
    yAxis: {
      type: 'log',
      min: 10 ** Math.floor(Math.log10(ys.length ? minOf(ys) : 1)),
      max: 10 ** Math.ceil(Math.log10(ys.length ? maxOf(ys) * 1.05 : 10)),
      name: `${perWatt ? 'Energy efficiency' : 'Per accelerator'}: ${units.length ? units.join(', ') : '—'} · derived`,
      nameLocation: 'middle',
      nameGap: 54,
      axisLabel: { formatter: (v: number) => axisNumber(v) },
      minorTick: { show: true },
      minorSplitLine: { show: true, lineStyle: { color: '#f3f4f6' } }
    },
    series
  }
  return {
    kind: 'efficiency',
    title,
    option,
    table: {
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
    },
    rows,
    notes,
    exclusions: [],
    derived,
    footnote,
    points: all.length,
    height: size.height
  }
}

function multiUnit(keys: readonly string[], key: string): boolean {
  const prefix = key.slice(0, key.lastIndexOf('|'))
  return keys.filter((k) => k.startsWith(`${prefix}|`)).length > 1
}

function minOf(v: readonly number[]): number {
  let m = Infinity
  for (const x of v) if (x < m) m = x
  return m
}

function maxOf(v: readonly number[]): number {
  let m = -Infinity
  for (const x of v) if (x > m) m = x
  return m
}
