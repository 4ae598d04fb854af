/**
 * Scale (MLPerf Inference paper, Figure 3): how many accelerators the system behind the fastest
 * result of each round had, per benchmark and scenario. For training the same question is asked
 * the other way round: time to train against total accelerators, every result a point, with the
 * front of the fastest result at each scale marked.
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
  roundAxis,
  escapeHtml,
  formatNumber,
  acceleratorsAxis,
  log2CountAxis,
  paletteColor,
  withEmptyMessage
} from './chart-frame'
import type { ChartRow } from '../shared/charts/chart-points'
import { acceleratorText, systemLabel } from './row-text'
import { decodePoints, isLocal } from '../shared/charts/chart-points'
import type { BenchmarkNamer } from './chart-scope'
import { benchmarkNamer, topGroups, workloadLabel } from './chart-scope'
import type { ChartTheme } from './chart-theme'
import { LIGHT_CHART_THEME } from './chart-theme'
import { maxOf, minOf } from './chart-stats'
import type { BuildInput, BuiltChart } from './chart-types'
import { RESULT_COLUMNS, countText, resultCells, withLazyTable } from './chart-types'
import { citationFootnote } from './footnote'
import type { ScaleLines } from './scale-groups'
import { closedPublished, fastestAtScale, scaleLines, trainingByBenchmark } from './scale-groups'

const SCENARIO_LINE: Readonly<Record<string, 'solid' | 'dashed' | 'dotted'>> = {
  Offline: 'solid',
  Server: 'dashed',
  Interactive: 'dashed',
  SingleStream: 'dotted',
  MultiStream: 'dotted'
}

const SCENARIO_SYMBOL: Readonly<Record<string, string>> = {
  Offline: 'circle',
  Server: 'rect',
  Interactive: 'roundRect',
  SingleStream: 'triangle',
  MultiStream: 'diamond'
}

export function buildScale(input: BuildInput): BuiltChart {
  return input.data.suite === 'training' ? buildTrainingScale(input) : buildInferenceScale(input)
}

/**
 * Colour of each group: the `MAX_COLOURED` largest get the palette (in `order`), the rest the
 * theme's "Other" grey, under one legend name.
 */
function colourGroups(
  sizes: ReadonlyMap<string, number>,
  order: readonly string[],
  theme: ChartTheme
): { color: (key: string) => string; legend: (key: string, name: string) => string } {
  const shown = new Set(topGroups(sizes, MAX_COLOURED))
  const index = new Map(order.filter((k) => shown.has(k)).map((k, i) => [k, i]))
  return {
    color: (k) => {
      const i = index.get(k)
      return i === undefined ? theme.other : paletteColor(i)
    },
    legend: (k, name) => (index.has(k) ? name : OTHER_NAME)
  }
}

/** Inference: one line per workload, coloured by benchmark, styled by scenario. */
function inferenceSeries(
  sl: ScaleLines,
  name: BenchmarkNamer,
  theme: ChartTheme
): LineSeriesOption[] {
  // Colour by benchmark (the ten seen in most rounds; the rest grey), line style by scenario:
  // dozens of lines stay tellable apart and the legend names benchmarks, not every line.
  const groups = colourGroups(sl.roundsSeen, sl.benchmarks, theme)
  return sl.lines.map((line) => ({
    type: 'line',
    name: groups.legend(line.benchmark, name(line.benchmark)),
    data: line.data,
    connectNulls: true,
    symbol: SCENARIO_SYMBOL[line.scenario] ?? 'circle',
    symbolSize: 7,
    lineStyle: { type: SCENARIO_LINE[line.scenario] ?? 'solid', width: 2 },
    itemStyle: { color: groups.color(line.benchmark) },
    emphasis: { focus: 'series' }
  }))
}

function inferenceNotes(sl: ScaleLines, dropped: ReadonlyMap<string, number>): string[] {
  const notes: string[] = []
  const { cpuOnly } = sl
  if (cpuOnly) {
    notes.push(
      `${cpuOnly} fastest result${cpuOnly === 1 ? '' : 's'} came from CPU-only systems (no accelerators) and cannot be placed on the log axis.`
    )
  }
  if (dropped.size) notes.push(`Left out: ${countText(dropped)}.`)
  return notes
}

function inferenceTooltip(sl: ScaleLines, name: BenchmarkNamer): (params: unknown) => string {
  return (params) => {
    const p = params as { seriesIndex?: number; dataIndex?: number }
    const key = sl.keys[p.seriesIndex ?? -1]
    const round = sl.rounds[p.dataIndex ?? -1]
    const r = key && round ? sl.fastest.get(key)?.get(round) : undefined
    if (!r) return ''
    return [
      `<b>${escapeHtml(workloadLabel(r, name))}</b> · ${escapeHtml(r.round)}`,
      escapeHtml(systemLabel(r)),
      escapeHtml(acceleratorText(r)),
      `Fastest: ${r.value === null ? '—' : formatNumber(r.value)} ${escapeHtml(r.unit)}`,
      ...(r.publicId ? [`ID ${escapeHtml(r.publicId)}`] : [])
    ].join('<br/>')
  }
}

function buildInferenceScale(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const dropped = new Map<string, number>()
  const decoded = decodePoints(input.data.points)
  const name = benchmarkNamer(decoded)
  const sl = scaleLines(closedPublished(decoded, dropped))
  const { plotted, rounds, benchmarks } = sl
  const series = inferenceSeries(sl, name, input.theme ?? LIGHT_CHART_THEME)
  const counts = plotted.map((p) => p.row.acceleratorsTotal ?? 1)
  const hi = counts.length ? Math.max(...counts) : 8
  const title = view.title ?? 'Scale of the fastest result per round'
  const subtitle = [
    'Total accelerators of the system that produced the fastest closed-division result of each benchmark, scenario and round (latencies: the lowest). Log scale.',
    `${series.length} benchmark–scenario lines over ${rounds.length} rounds. Colour: benchmark${benchmarks.length > MAX_COLOURED ? ` (${benchmarks.length - MAX_COLOURED} more in grey)` : ''}; line: solid Offline, dashed Server and Interactive, dotted SingleStream and MultiStream.`
  ]
  const rowsShown = plotted.map((p) => p.row)
  const footnote = citationFootnote({
    suite: input.data.suite,
    rows: rowsShown,
    provenance: input.data.provenance,
    derived: [],
    exportedAt: input.now
  })
  const frame = chartFrame({
    title,
    subtitle,
    footnote: footnote.short,
    size,
    points: plotted.length,
    legend: series.map((x) => String(x.name ?? '')),
    zoomX: [0],
    target: input.target ?? 'screen'
  })
  const option: EChartsOption = withEmptyMessage(
    {
      ...frame.option,
      tooltip: { trigger: 'item', confine: true, formatter: inferenceTooltip(sl, name) },
      grid: frame.grid,
      xAxis: roundAxis(rounds),
      yAxis: {
        ...log2CountAxis(1, hi),
        name: 'Accelerators in the fastest system',
        nameLocation: 'middle',
        nameGap: 50
      },
      series
    },
    frame,
    size,
    plotted.length === 0
      ? 'No closed-division result with an accelerator count among these results: widen the filters (division, rounds).'
      : null
  )
  return {
    kind: 'scale',
    title,
    option,
    table: {
      columns: ['line', ...RESULT_COLUMNS],
      rows: plotted.map((p): Cell[] => [workloadLabel(p.row, name), ...resultCells(p.row)])
    },
    rows: rowsShown,
    notes: inferenceNotes(sl, dropped),
    exclusions: [],
    derived: [],
    footnote,
    points: plotted.length,
    height: Math.max(size.height, frame.minHeight)
  }
}

type TrainingSeries = {
  series: (ScatterSeriesOption | LineSeriesOption)[]
  /** The results behind each series (none for a front line), for the tooltip. */
  seriesRows: ChartRow[][]
  /** Ids of the results on a front. */
  front: Set<number>
}

/**
 * Training: per benchmark (the ten with most results first, in colour with their fronts; the
 * rest grey points) a scatter of its results and a dashed step line of its front.
 */
function trainingSeries(
  byBench: ReadonlyMap<string, ChartRow[]>,
  ordered: readonly string[],
  groups: ReturnType<typeof colourGroups>,
  large: boolean
): TrainingSeries {
  const out: TrainingSeries = { series: [], seriesRows: [], front: new Set<number>() }
  for (const b of ordered) {
    const list = byBench.get(b) ?? []
    const color = groups.color(b)
    const legendName = groups.legend(b, b)
    const { idx, points } = fastestAtScale(list)
    for (const k of idx) out.front.add(list[k]?.id ?? -1)
    out.seriesRows.push(list)
    out.series.push({
      type: 'scatter',
      name: legendName,
      data: list.map((r) => [r.acceleratorsTotal ?? 1, r.value ?? 0]),
      symbolSize: large ? 4 : 8,
      large,
      largeThreshold: largeThreshold(large),
      itemStyle: {
        color,
        opacity: 0.8,
        ...(list.some(isLocal) ? { borderColor: LOCAL_COLOR } : {})
      },
      z: legendName === OTHER_NAME ? 1 : 2
    })
    if (legendName === OTHER_NAME) continue
    out.seriesRows.push([])
    out.series.push({
      type: 'line',
      name: legendName,
      data: points,
      step: 'end',
      symbol: 'none',
      silent: true,
      lineStyle: { color, type: 'dashed', width: 1.5 },
      tooltip: { show: false }
    })
  }
  return out
}

function trainingTooltip(seriesRows: readonly ChartRow[][]): (params: unknown) => string {
  return (params) => {
    const p = params as { seriesIndex?: number; dataIndex?: number }
    const r = seriesRows[p.seriesIndex ?? -1]?.[p.dataIndex ?? -1]
    if (!r) return ''
    return [
      `<b>${escapeHtml(systemLabel(r))}</b> · ${escapeHtml(r.round)}`,
      `${escapeHtml(r.benchmark)}: ${r.value === null ? '—' : formatNumber(r.value)} min`,
      `${escapeHtml(r.accelerator ?? '')} × ${r.acceleratorsTotal ?? 0}`
    ].join('<br/>')
  }
}

/** Training axes: accelerators (log 2) and minutes (log 10, powers around the data). */
function trainingAxes(rows: readonly ChartRow[]): Pick<EChartsOption, 'xAxis' | 'yAxis'> {
  const xs = rows.map((r) => r.acceleratorsTotal ?? 1)
  const ys = rows.map((r) => r.value ?? 1)
  // Powers around the data, not beyond it: 4–16 accelerators is a 4–16 axis, not 4–32.
  const yLo = 10 ** Math.floor(Math.log10(ys.length ? minOf(ys) : 1))
  let yHi = 10 ** Math.ceil(Math.log10(ys.length ? maxOf(ys) : 10))
  if (yHi <= yLo) yHi = yLo * 10
  return {
    xAxis: acceleratorsAxis(xs),
    yAxis: {
      type: 'log',
      min: yLo,
      max: yHi,
      name: 'Time to train (minutes, lower is better)',
      nameLocation: 'middle',
      nameGap: 54,
      axisLabel: { formatter: (v: number) => axisNumber(v) }
    }
  }
}

/** Training: time to train (minutes, lower is better) against total accelerators. */
function buildTrainingScale(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const theme = input.theme ?? LIGHT_CHART_THEME
  const dropped = new Map<string, number>()
  const byBench = trainingByBenchmark(decodePoints(input.data.points), dropped)
  const benches = [...byBench.keys()].sort()
  const rows = [...byBench.values()].flat()
  // The ten benchmarks with most results in colour with their fronts; the rest grey points.
  const groups = colourGroups(new Map([...byBench].map(([b, l]) => [b, l.length])), benches, theme)
  const named = benches.filter((b) => groups.legend(b, b) !== OTHER_NAME)
  const ordered = [...named, ...benches.filter((b) => !named.includes(b))]
  const drawn = trainingSeries(byBench, ordered, groups, rows.length > LARGE_THRESHOLD)
  const title = view.title ?? 'Time to train against total accelerators'
  const subtitle = [
    'Every training result: official score (minutes, lower is better) against the accelerators in the system; dashed: the fastest result at each scale or smaller. Log–log.',
    `${rows.length} results in ${benches.length} benchmarks` +
      (benches.length > named.length
        ? `; the ${named.length} with most results in colour, ${benches.length - named.length} more in grey (hover a point to name it).`
        : '.')
  ]
  const notes: string[] = []
  if (dropped.size) notes.push(`Left out: ${countText(dropped)}.`)
  const footnote = citationFootnote({
    suite: input.data.suite,
    rows,
    provenance: input.data.provenance,
    derived: [],
    exportedAt: input.now
  })
  const frame = chartFrame({
    title,
    subtitle,
    footnote: footnote.short,
    size,
    points: rows.length,
    legend: ordered.map((b) => groups.legend(b, b)),
    zoomX: [0],
    zoomY: [0],
    target: input.target ?? 'screen'
  })
  const option: EChartsOption = withEmptyMessage(
    {
      ...frame.option,
      tooltip: { trigger: 'item', confine: true, formatter: trainingTooltip(drawn.seriesRows) },
      grid: frame.grid,
      ...trainingAxes(rows),
      series: drawn.series
    },
    frame,
    size,
    rows.length === 0
      ? 'No training result with a score and an accelerator count matches these filters: widen the filters.'
      : null
  )
  const built = {
    kind: 'scale' as const,
    title,
    option,
    rows,
    notes,
    exclusions: [],
    derived: [],
    footnote,
    points: rows.length,
    height: Math.max(size.height, frame.minHeight)
  }
  return withLazyTable(built, () => ({
    columns: [...RESULT_COLUMNS, 'fastest_at_scale'],
    rows: rows.map((r): Cell[] => [...resultCells(r), drawn.front.has(r.id) ? 'yes' : 'no'])
  }))
}
