/**
 * Performance distribution on a log axis (MLPerf Inference paper, Figure 4): for every benchmark
 * and scenario, every result of the chosen rounds and divisions, normalised so that different
 * benchmarks share one axis; a box (or violin) per group and a jittered strip of the points,
 * coloured by submitter or accelerator. The user's own runs are drawn as large diamonds in a
 * colour used nowhere else and named "unverified" everywhere.
 */
import type {
  BoxplotSeriesOption,
  CustomSeriesOption,
  ScatterSeriesOption,
  XAXisComponentOption,
  YAXisComponentOption
} from 'echarts'
import type { Cell } from '../shared/api'
import { acceleratorMapper } from './accelerator-alias'
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
  paletteColor,
  withEmptyMessage
} from './chart-frame'
import type { ChartRow } from '../shared/charts/chart-points'
import { acceleratorText, systemLabel } from './row-text'
import { decodePoints, isLocal } from '../shared/charts/chart-points'
import type { BenchmarkNamer } from './chart-scope'
import { benchmarkNamer, scopeText, topGroups, workloadLabel } from './chart-scope'
import type { ChartTheme } from './chart-theme'
import { LIGHT_CHART_THEME } from './chart-theme'
import { fiveNumbers, kernelDensity } from './chart-stats'
import type { BuildInput, BuiltChart, ChartTable } from './chart-types'
import { RESULT_COLUMNS, countText, resultCells, withLazyTable } from './chart-types'
import type { ChartData } from '../shared/charts/chart-data'
import type { ChartView } from '../shared/charts/chart-view'
import type { Distribution, Group, Metric, Placed, Plotted } from './distribution-groups'
import {
  distributionGroups,
  metricFor,
  placePoints,
  publishedValues,
  roundScope
} from './distribution-groups'
import { citationFootnote } from './footnote'

function yAxisName(view: ChartView, units: readonly string[], reference: string | null): string {
  switch (view.normalisation) {
    case 'best':
      return 'Relative to the best result of each group (1 = best) · derived'
    case 'reference':
      return `Relative to ${reference ?? 'the reference system'} (1 = reference) · derived`
    case 'per-accelerator':
      return 'Throughput per accelerator, relative to the best (1 = best) · derived'
    case 'per-dollar':
      return `Performance per dollar of your ${view.priceBasis === 'system' ? 'system prices' : 'accelerator-hour prices'}, relative to the best · derived`
    case 'raw':
      return units.length === 1
        ? (units[0] ?? '')
        : 'Official result (units differ by benchmark and scenario)'
  }
}

function normalisationText(view: ChartView, reference: string | null): string {
  switch (view.normalisation) {
    case 'best':
      return 'normalised to the best published result of each benchmark and scenario (1 = best; latencies inverted so higher is better)'
    case 'reference':
      return `normalised to the reference system ${reference ?? ''} (1 = reference; latencies inverted so higher is better)`
    case 'per-accelerator':
      return 'throughput per accelerator, normalised to the best per-accelerator result of each group (latency results and CPU-only systems left out)'
    case 'per-dollar':
      return `performance per dollar from your ${view.priceBasis === 'system' ? 'system prices' : 'accelerator-hour prices'}, normalised to the best of each group`
    case 'raw':
      return 'official result values; latency groups are lower-is-better, throughput groups higher-is-better'
  }
}

function derivedText(view: ChartView): string[] {
  switch (view.normalisation) {
    case 'best':
      return [
        'relative performance = result ÷ best result of the group (best ÷ result for latencies)'
      ]
    case 'reference':
      return ['relative performance = result ÷ reference result (reference ÷ result for latencies)']
    case 'per-accelerator':
      return ['throughput per accelerator = result ÷ total accelerators, relative to the best']
    case 'per-dollar':
      return view.priceBasis === 'system'
        ? ["performance per dollar = result ÷ the user's system price (derived from your prices)"]
        : [
            "performance per dollar = result × 3600 ÷ (the user's hourly accelerator price × accelerators) (derived from your prices)"
          ]
    case 'raw':
      return []
  }
}

/** Pixels a category label line needs per character at the axis font size. */
const LABEL_CHAR_PX = 6
/** Pixels between two rotated labels' baselines for them not to touch. */
const LABEL_LINE_PX = 14

/**
 * How to lay out `categories` in `spacing` pixels each: upright on two lines where they fit,
 * else one line rotated just enough (45° or 90°) for neighbours not to overlap, smaller below
 * that. Returns the rotation, font size and the extra room under the axis.
 */
export function categoryLayout(
  twoLine: readonly string[],
  spacing: number
): { rotate: number; fontSize: number; room: number; oneLine: boolean } {
  const widest = twoLine.reduce(
    (m, c) => Math.max(m, ...c.split('\n').map((l) => l.length * LABEL_CHAR_PX)),
    0
  )
  const lines = twoLine.reduce((m, c) => Math.max(m, c.split('\n').length), 1)
  if (widest + 6 <= spacing) {
    return { rotate: 0, fontSize: 10.5, room: Math.max(0, (lines - 2) * 14), oneLine: false }
  }
  const longest = twoLine.reduce((m, c) => Math.max(m, c.replaceAll('\n', ' ').length), 0)
  const sin45 = Math.SQRT1_2
  const rotate = spacing * sin45 >= LABEL_LINE_PX ? 45 : 90
  const fontSize = rotate === 90 && spacing < LABEL_LINE_PX ? 9 : 10.5
  const px = longest * LABEL_CHAR_PX * (fontSize / 10.5)
  const room = Math.round(rotate === 45 ? px * sin45 : px) - 14
  return { rotate, fontSize, room, oneLine: true }
}

/** What an empty distribution asks the reader to do, drawn inside the plot area. */
function emptyMessage(view: ChartView, dropped: ReadonlyMap<string, number>): string {
  if (view.normalisation === 'per-dollar') {
    return 'No result has a price yet: enter system or accelerator prices with “Prices…” to see performance per dollar.'
  }
  if (view.normalisation === 'reference' && !view.reference) {
    return 'Pick a reference system above to normalise every result to it.'
  }
  if (view.normalisation === 'reference') {
    return 'The reference system has no result among these results: pick another system or widen the filters.'
  }
  if (dropped.size > 0) {
    return 'None of these results can be drawn (see the notes below): widen the filters.'
  }
  return 'No results match these filters: remove a filter or the search to see results.'
}

/** The x axis's categories: upright two-line labels where they fit, else one rotated line each. */
function categoryAxes(
  ordered: readonly Group[],
  name: BenchmarkNamer,
  width: number
): { xAxis: XAXisComponentOption[]; count: number; labelRoom: number } {
  const workloadCount = new Map<string, number>()
  for (const g of ordered) {
    const k = `${g.benchmark} ${g.scenario ?? ''}`
    workloadCount.set(k, (workloadCount.get(k) ?? 0) + 1)
  }
  const twoLine = ordered.map((g) => {
    const base = g.scenario ? `${name(g.benchmark)}\n${g.scenario}` : name(g.benchmark)
    return (workloadCount.get(`${g.benchmark} ${g.scenario ?? ''}`) ?? 0) > 1
      ? `${base}\n(${g.unit})`
      : base
  })
  const layout = categoryLayout(twoLine, (width - 108) / Math.max(1, twoLine.length))
  const categories = layout.oneLine ? twoLine.map((c) => c.replaceAll('\n', ' ')) : twoLine
  const maxLines = categories.reduce((m, c) => Math.max(m, c.split('\n').length), 1)
  const xAxis: XAXisComponentOption[] = [
    {
      type: 'category',
      data: categories,
      axisLabel: {
        interval: 0,
        fontSize: layout.fontSize,
        lineHeight: 14,
        rotate: layout.rotate
      },
      axisTick: { alignWithLabel: false },
      splitLine: { show: true },
      name: 'Benchmark and scenario',
      nameLocation: 'middle',
      nameGap: layout.oneLine ? layout.room + 34 : 20 + 14 * maxLines
    },
    {
      type: 'value',
      min: -0.5,
      max: Math.max(0.5, categories.length - 0.5),
      show: false
    }
  ]
  return { xAxis, count: categories.length, labelRoom: layout.room }
}

/**
 * A strip's points as ECharts data. In large mode a flat typed array (x0, y0, x1, y1, …), which
 * ECharts reads as it is: 10,000 [x, y] arrays cost it 40–50 ms more on a first draw in Chromium.
 */
function stripData(rows: readonly Plotted[], large: boolean): Float64Array | [number, number][] {
  if (!large) return rows.map((p): [number, number] => [p.x, p.y])
  const flat = new Float64Array(rows.length * 2)
  rows.forEach((p, i) => {
    flat[2 * i] = p.x
    flat[2 * i + 1] = p.y
  })
  return flat
}

/**
 * One scatter per colour group (the largest MAX_COLOURED, the rest as Other), the user's runs
 * last and on top. `seriesRows[i]` holds the points of `scatter[i]`, for the tooltip.
 */
function scatterSeries(
  placed: Placed,
  colourKey: (r: ChartRow) => string,
  theme: ChartTheme
): { scatter: ScatterSeriesOption[]; seriesRows: Plotted[][] } {
  const { plotted, counts, labelCounts } = placed
  const shown = topGroups(counts, MAX_COLOURED)
  const shownSet = new Set(shown)
  const displayName = (k: string): string => {
    const names = labelCounts.get(k)
    if (!names) return k
    return topGroups(names, 1)[0] ?? k
  }
  const large = plotted.length > LARGE_THRESHOLD
  const other = `\u0000${OTHER_NAME}`
  const seriesRows: Plotted[][] = []
  const scatter: ScatterSeriesOption[] = []
  const bucket = new Map<string, Plotted[]>()
  const localPts: Plotted[] = []
  for (const p of plotted) {
    if (isLocal(p.row)) {
      localPts.push(p)
      continue
    }
    const k = colourKey(p.row)
    const name = shownSet.has(k) ? k : other
    const b = bucket.get(name)
    if (b) b.push(p)
    else bucket.set(name, [p])
  }
  // Large charts draw squares under 4 px: ECharts fills them as rectangles, one fillRect each,
  // where it builds an arc path per point from 4 px up (40 ms of a first draw of 10,000 points).
  // The symbol says so, so that the legend and an SVG export show the squares the screen shows.
  const symbolSize = plotted.length > 20000 ? 3 : large ? 3.9 : 7
  const symbol = large ? 'rect' : 'circle'
  const names = [...shown, other].filter((k) => bucket.has(k))
  names.forEach((k, i) => {
    const b = bucket.get(k)
    if (!b) return
    seriesRows.push(b)
    scatter.push({
      type: 'scatter',
      name: k === other ? OTHER_NAME : displayName(k),
      xAxisIndex: 1,
      yAxisIndex: 0,
      data: stripData(b, large),
      symbol,
      symbolSize,
      large,
      largeThreshold: largeThreshold(large),
      itemStyle: {
        color: k === other ? theme.other : paletteColor(i),
        opacity: large ? 0.55 : 0.8
      },
      emphasis: { focus: 'none', scale: 1.6 },
      z: 3
    })
  })
  if (localPts.length > 0) {
    seriesRows.push(localPts)
    scatter.push({
      type: 'scatter',
      name: 'Your runs (unverified)',
      xAxisIndex: 1,
      yAxisIndex: 0,
      // Never large (a handful of diamonds): plain [x, y] pairs.
      data: stripData(localPts, false),
      symbol: 'diamond',
      symbolSize: 15,
      itemStyle: { color: LOCAL_COLOR, borderColor: theme.background, borderWidth: 1.5 },
      // No text beside the diamonds: in a crowded strip it lands on other points. The legend
      // names them ("Your runs (unverified)"), as do the tooltip and the footnote.
      z: 10
    })
  }
  return { scatter, seriesRows }
}

/** The box (or violin) of each group's published values, under the points. */
function shapeSeriesOf(
  view: ChartView,
  published: readonly number[][],
  theme: ChartTheme
): (BoxplotSeriesOption | CustomSeriesOption)[] {
  if (view.shape === 'violin') return [violinSeries(published, theme.boxFill, theme.guide)]
  return [
    {
      type: 'boxplot',
      name: 'Box (quartiles)',
      xAxisIndex: 0,
      yAxisIndex: 0,
      data: published.map((v) => (v.length > 0 ? fiveNumbers(v) : ['-', '-', '-', '-', '-'])),
      boxWidth: ['20%', '62%'],
      itemStyle: { color: theme.boxFill, borderColor: theme.guide, borderWidth: 1 },
      silent: false,
      z: 2
    } satisfies BoxplotSeriesOption
  ]
}

/** The log value axis, from the smallest to the largest plotted value. */
function valueAxis(name: string, plotted: readonly Plotted[]): YAXisComponentOption[] {
  let yMin = Infinity
  let yMax = -Infinity
  for (const p of plotted) {
    if (p.y < yMin) yMin = p.y
    if (p.y > yMax) yMax = p.y
  }
  if (plotted.length === 0) {
    yMin = 0.1
    yMax = 1
  }
  return [
    {
      type: 'log',
      logBase: 10,
      min: logFloor(yMin),
      max: logCeil(yMax),
      name,
      nameLocation: 'middle',
      nameGap: 54,
      nameTextStyle: { fontSize: 11.5 },
      // The top bound sits a little above 1 so "best" points are not cut; its label is noise.
      axisLabel: {
        formatter: (v: number) => axisNumber(v),
        showMaxLabel: isPowerOfTen(logCeil(yMax))
      },
      minorTick: { show: true },
      minorSplitLine: { show: true }
    }
  ]
}

type TooltipParts = {
  view: ChartView
  metric: Metric
  name: BenchmarkNamer
  ordered: readonly Group[]
  published: readonly number[][]
  /** Series drawn before the scatters (the box or violin). */
  shapes: number
  seriesRows: readonly Plotted[][]
}

/** A box's (or violin's) tooltip: the group and its quartiles. */
function groupTooltip(parts: TooltipParts, i: number): string {
  const g = parts.ordered[i]
  const v = parts.published[i] ?? []
  if (!g) return ''
  const q = v.length ? fiveNumbers(v) : null
  return (
    `<b>${escapeHtml(workloadLabel(g, parts.name))}</b> (${escapeHtml(g.unit)})<br/>` +
    `${v.length} published results` +
    (q
      ? `<br/>median ${formatNumber(q[2])}, quartiles ${formatNumber(q[1])}–${formatNumber(q[3])}`
      : '')
  )
}

/** A point's tooltip: the result, its normalised value and whether it is the user's own. */
function pointTooltip(parts: TooltipParts, m: Plotted): string {
  const { view, name } = parts
  const r = m.row
  const lines = [
    `<b>${escapeHtml(systemLabel(r))}</b>`,
    escapeHtml(acceleratorText(r)),
    `${escapeHtml(r.round)} · ${escapeHtml(r.division)} · ${escapeHtml(r.usedModel ?? name(r.benchmark))} ${escapeHtml(r.scenario ?? '')}`,
    `Result: ${r.value === null ? '—' : formatNumber(r.value)} ${escapeHtml(r.unit)}`
  ]
  if (view.normalisation !== 'raw') {
    lines.push(`Normalised: ${formatNumber(m.y, 3)} (derived)`)
    if (view.normalisation === 'per-accelerator' || view.normalisation === 'per-dollar') {
      lines.push(`${formatNumber(m.metric)} ${escapeHtml(parts.metric.unit(r.unit))} (derived)`)
    }
  }
  if (r.publicId) lines.push(`ID ${escapeHtml(r.publicId)}`)
  if (isLocal(r)) {
    lines.push(`<b style="color:${LOCAL_COLOR}">Your run: UNVERIFIED, not an MLPerf result</b>`)
  }
  return lines.join('<br/>')
}

function tooltipFormatter(parts: TooltipParts): (params: unknown) => string {
  return (params) => {
    const p = params as {
      seriesType?: string
      seriesIndex?: number
      dataIndex?: number
      name?: string
    }
    if (p.seriesType === 'boxplot' || p.seriesType === 'custom') {
      return groupTooltip(parts, p.dataIndex ?? 0)
    }
    const m = parts.seriesRows[(p.seriesIndex ?? 0) - parts.shapes]?.[p.dataIndex ?? -1]
    return m ? pointTooltip(parts, m) : ''
  }
}

/** The subtitle: what is drawn, normalised how, and what the log axis could not draw. */
function subtitleOf(
  input: BuildInput,
  scope: { newest: string | null; rows: readonly ChartRow[] },
  refName: string | null,
  placed: Placed,
  categories: number
): string[] {
  const { view } = input
  const { plotted, nonPositive } = placed
  const local = plotted.filter((p) => isLocal(p.row)).length
  return [
    `Every result${scope.newest !== null ? ` of the newest round, ${scope.newest},` : ''} ${normalisationText(view, refName)}. Log scale.` +
      (view.normalisation === 'raw' ? '' : ' Derived: not an official MLPerf metric.'),
    `${plotted.length - local} published result${plotted.length - local === 1 ? '' : 's'} in ${categories} groups` +
      (local ? `; ${local} of your own runs (unverified) highlighted` : '') +
      (nonPositive ? `; ${nonPositive} values ≤ 0 not drawn on the log axis` : '') +
      (input.data.truncated
        ? `; showing ${scope.rows.length} of ${input.data.total} matching results`
        : '') +
      '.'
  ]
}

/** Notes under the chart: older rounds, results left out and incomparable results. */
function notesOf(
  scope: { newest: string | null; olderRounds: number },
  groups: Distribution
): string[] {
  const notes: string[] = []
  if (scope.olderRounds > 0) {
    notes.push(
      `Newest round only (${scope.newest ?? ''}): ${scope.olderRounds} results of older rounds are not drawn; pick rounds in the Round facet to see them.`
    )
  }
  if (groups.dropped.size) notes.push(`Left out: ${countText(groups.dropped)}.`)
  if (groups.exclusions.length) {
    notes.push(
      `${groups.exclusions.length} results not comparable with the reference were left out.`
    )
  }
  return notes
}

/** The CSV: every plotted result with its derived metric and normalised value. */
function tableOf(view: ChartView, metric: Metric, plotted: readonly Plotted[]): ChartTable {
  return {
    columns: [...RESULT_COLUMNS, 'normalisation', 'derived_metric', 'derived_unit', 'normalised'],
    rows: plotted.map((p): Cell[] => [
      ...resultCells(p.row),
      view.normalisation,
      p.metric,
      metric.unit(p.row.unit),
      view.normalisation === 'raw' ? null : p.y
    ])
  }
}

/**
 * What a distribution takes from its rows and view alone, not from the size, theme or date:
 * decoding, grouping, normalising and placing every point, most of a build of 10,000 points.
 */
type Prepared = {
  scope: ReturnType<typeof roundScope>
  name: BenchmarkNamer
  metric: Metric
  groups: Distribution
  colourKey: (r: ChartRow) => string
  placed: Placed
  published: number[][]
}

/**
 * The last preparation of each data object, for the view it was made for. A build of the same
 * rows and view reuses it: a resize, a theme switch or an export redraws 10,000 points without
 * decoding and grouping them again (a rebuild at a new size: 29 → 10 ms in Node). Chart data is
 * never changed in place (new prices or aliases are a new fetch), so the object is the key.
 */
const preparations = new WeakMap<ChartData, { view: string; value: Prepared }>()

export function prepareDistribution(view: ChartView, data: ChartData): Prepared {
  const key = JSON.stringify(view)
  const hit = preparations.get(data)
  if (hit?.view === key) return hit.value
  const scope = roundScope(view, decodePoints(data.points))
  const metric = metricFor(view, data)
  const groups = distributionGroups(scope.rows, view, metric.fn)
  const canon = acceleratorMapper(data.aliases)
  const colourKey = (r: ChartRow): string =>
    view.colorBy === 'submitter' ? r.submitter : (canon(r.accelerator) ?? 'CPU only')
  const value: Prepared = {
    scope,
    name: benchmarkNamer(scope.rows),
    metric,
    groups,
    colourKey,
    placed: placePoints(groups.ordered, view.colorBy, colourKey),
    published: publishedValues(groups.ordered)
  }
  preparations.set(data, { view: key, value })
  return value
}

/** Builds the distribution chart. */
export function buildDistribution(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const theme = input.theme ?? LIGHT_CHART_THEME
  const { scope, name, metric, groups, colourKey, placed, published } = prepareDistribution(
    view,
    input.data
  )
  const { ordered, refName } = groups
  const { plotted } = placed
  const { xAxis, count, labelRoom } = categoryAxes(ordered, name, size.width)
  const { scatter, seriesRows } = scatterSeries(placed, colourKey, theme)
  const shapes = shapeSeriesOf(view, published, theme)
  const units = [...new Set(ordered.map((g) => metric.unit(g.unit)))]
  const yAxis = valueAxis(yAxisName(view, units, refName), plotted)
  const parts = { view, metric, name, ordered, published, shapes: shapes.length, seriesRows }
  const title = view.title ?? `Performance distribution${scopeSuffix(scope.rows)}`
  const rows = plotted.map((p) => p.row)
  const derived = derivedText(view)
  const footnote = citationFootnote({
    suite: input.data.suite,
    rows,
    provenance: input.data.provenance,
    derived,
    exclusions: groups.exclusions,
    exportedAt: input.now
  })
  const series = [...shapes, ...scatter]
  const frame = chartFrame({
    title,
    subtitle: subtitleOf(input, scope, refName, placed, count),
    footnote: footnote.short,
    size,
    points: plotted.length,
    legend: series.map((x) => String(x.name ?? '')),
    zoomX: [0, 1],
    zoomY: [0],
    xLabelRoom: labelRoom,
    target: input.target ?? 'screen'
  })
  const option = withEmptyMessage(
    {
      ...frame.option,
      tooltip: { trigger: 'item', confine: true, formatter: tooltipFormatter(parts) },
      grid: frame.grid,
      xAxis,
      yAxis,
      series
    },
    frame,
    size,
    plotted.length === 0 ? emptyMessage(view, groups.dropped) : null
  )
  const built = {
    kind: 'distribution' as const,
    title,
    option,
    rows,
    notes: notesOf(scope, groups),
    exclusions: groups.exclusions,
    derived,
    footnote,
    points: plotted.length,
    height: Math.max(size.height, frame.minHeight)
  }
  return withLazyTable(built, () => tableOf(view, metric, plotted))
}

function scopeSuffix(rows: readonly ChartRow[]): string {
  const s = scopeText(rows)
  return s ? ` · ${s}` : ''
}

function logFloor(v: number): number {
  return 10 ** Math.floor(Math.log10(v > 0 ? v : 1e-3))
}

function logCeil(v: number): number {
  const c = 10 ** Math.ceil(Math.log10(v > 0 ? v : 1))
  return c === v ? 10 ** (Math.log10(v) + 0.15) : c
}

function isPowerOfTen(v: number): boolean {
  return Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9
}

/**
 * A violin per group: a Gaussian kernel density of log10(value) (the axis is logarithmic, so
 * the density is computed where the eye reads it), mirrored around the category centre.
 */
function violinSeries(
  groups: readonly number[][],
  fill: string,
  stroke: string
): CustomSeriesOption {
  const shapes = groups.map((values) => {
    if (values.length < 3) return null
    const logs = values.map((v) => Math.log10(v))
    const kde = kernelDensity(logs, 48)
    const peak = Math.max(...kde.map((k) => k[1]))
    return peak > 0 ? kde.map(([x, d]) => [10 ** x, (d / peak) * 0.42] as [number, number]) : null
  })
  return {
    type: 'custom',
    name: 'Violin (density)',
    xAxisIndex: 1,
    yAxisIndex: 0,
    z: 2,
    data: groups.map((_, i) => [i]),
    renderItem: (_params, api) => {
      const i = Number(api.value(0))
      const shape = shapes[i]
      if (!shape) return { type: 'group', children: [] }
      const right = shape.map(([y, w]) => api.coord([i + w, y]))
      const left = [...shape].reverse().map(([y, w]) => api.coord([i - w, y]))
      return {
        type: 'polygon',
        shape: { points: [...right, ...left] },
        style: { fill, stroke, lineWidth: 1 }
      }
    }
  }
}
