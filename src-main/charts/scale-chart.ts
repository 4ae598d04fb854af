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
  log2CountAxis,
  paletteColor,
  withEmptyMessage
} from './chart-frame'
import type { ChartRow } from '../shared/charts/chart-points'
import { acceleratorText, systemLabel } from './row-text'
import { decodePoints, isLocal } from '../shared/charts/chart-points'
import { benchmarkNamer, compareWorkloads, topGroups, workloadLabel } from './chart-scope'
import type { ChartTheme } from './chart-theme'
import { LIGHT_CHART_THEME } from './chart-theme'
import { maxOf, minOf, paretoFront } from './chart-stats'
import type { BuildInput, BuiltChart } from './chart-types'
import { RESULT_COLUMNS, bump, countText, resultCells, withLazyTable } from './chart-types'
import { bestPerRound } from './direction'
import { citationFootnote } from './footnote'
import { sortedRounds } from '../mlperf'

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

/** The fastest published closed result per workload and round (direction-aware). */
export function fastestPerRound(rows: readonly ChartRow[]): Map<string, Map<string, ChartRow>> {
  return bestPerRound(rows, (r) =>
    r.value !== null && r.value > 0 ? `${r.benchmark}|${r.scenario ?? ''}` : null
  )
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

function buildInferenceScale(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const theme = input.theme ?? LIGHT_CHART_THEME
  const dropped = new Map<string, number>()
  const eligible: ChartRow[] = []
  const decoded = decodePoints(input.data.points)
  const name = benchmarkNamer(decoded)
  for (const r of decoded) {
    if (isLocal(r)) bump(dropped, 'your own runs (unverified)')
    else if (r.division !== 'closed') bump(dropped, `${r.division}-division results`)
    else if (!r.valid) bump(dropped, 'marked invalid')
    else eligible.push(r)
  }
  const fastest = fastestPerRound(eligible)
  const keys = [...fastest.keys()].sort((a, b) => {
    const [ba = '', sa = ''] = a.split('|')
    const [bb = '', sb = ''] = b.split('|')
    return compareWorkloads({ benchmark: ba, scenario: sa }, { benchmark: bb, scenario: sb })
  })
  const rounds = sortedRounds([...fastest.values()].flatMap((m) => [...m.keys()]))
  const notes: string[] = []
  let cpuOnly = 0
  const plotted: { key: string; row: ChartRow }[] = []
  // Colour by benchmark (the ten seen in most rounds; the rest grey), line style by scenario:
  // dozens of lines stay tellable apart and the legend names benchmarks, not every line.
  const benchmarks = [...new Set(keys.map((k) => k.split('|')[0] ?? ''))]
  const roundsSeen = new Map<string, number>()
  for (const key of keys) {
    const b = key.split('|')[0] ?? ''
    roundsSeen.set(b, (roundsSeen.get(b) ?? 0) + (fastest.get(key)?.size ?? 0))
  }
  const groups = colourGroups(roundsSeen, benchmarks, theme)
  const series: LineSeriesOption[] = keys.map((key) => {
    const [bench = '', scenario = ''] = key.split('|')
    const color = groups.color(bench)
    const byRound = fastest.get(key) ?? new Map<string, ChartRow>()
    const data: (number | '-')[] = rounds.map((round) => {
      const r = byRound.get(round)
      if (!r) return '-'
      if (r.acceleratorsTotal === null || !(r.acceleratorsTotal > 0)) {
        cpuOnly++
        return '-'
      }
      plotted.push({ key, row: r })
      return r.acceleratorsTotal
    })
    return {
      type: 'line',
      name: groups.legend(bench, name(bench)),
      data,
      connectNulls: true,
      symbol: SCENARIO_SYMBOL[scenario] ?? 'circle',
      symbolSize: 7,
      lineStyle: { type: SCENARIO_LINE[scenario] ?? 'solid', width: 2 },
      itemStyle: { color },
      emphasis: { focus: 'series' }
    }
  })
  if (cpuOnly) {
    notes.push(
      `${cpuOnly} fastest result${cpuOnly === 1 ? '' : 's'} came from CPU-only systems (no accelerators) and cannot be placed on the log axis.`
    )
  }
  if (dropped.size) notes.push(`Left out: ${countText(dropped)}.`)
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
  const tooltip = (params: unknown): string => {
    const p = params as { seriesIndex?: number; dataIndex?: number }
    const key = keys[p.seriesIndex ?? -1]
    const round = rounds[p.dataIndex ?? -1]
    const r = key && round ? fastest.get(key)?.get(round) : undefined
    if (!r) return ''
    return [
      `<b>${escapeHtml(workloadLabel(r, name))}</b> · ${escapeHtml(r.round)}`,
      escapeHtml(systemLabel(r)),
      escapeHtml(acceleratorText(r)),
      `Fastest: ${r.value === null ? '—' : formatNumber(r.value)} ${escapeHtml(r.unit)}`,
      ...(r.publicId ? [`ID ${escapeHtml(r.publicId)}`] : [])
    ].join('<br/>')
  }
  const option: EChartsOption = withEmptyMessage(
    {
      ...frame.option,
      tooltip: { trigger: 'item', confine: true, formatter: tooltip },
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
    notes,
    exclusions: [],
    derived: [],
    footnote,
    points: plotted.length,
    height: Math.max(size.height, frame.minHeight)
  }
}

/** Training: time to train (minutes, lower is better) against total accelerators. */
function buildTrainingScale(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const theme = input.theme ?? LIGHT_CHART_THEME
  const dropped = new Map<string, number>()
  const byBench = new Map<string, ChartRow[]>()
  for (const r of decodePoints(input.data.points)) {
    if (!r.valid) bump(dropped, 'marked invalid')
    else if (r.value === null || !(r.value > 0)) bump(dropped, 'no score')
    else if (r.acceleratorsTotal === null || !(r.acceleratorsTotal > 0)) {
      bump(dropped, 'no accelerator count (CPU-only or not stated)')
    } else {
      const list = byBench.get(r.benchmark) ?? []
      list.push(r)
      byBench.set(r.benchmark, list)
    }
  }
  const benches = [...byBench.keys()].sort()
  const total = [...byBench.values()].reduce((s, l) => s + l.length, 0)
  const large = total > LARGE_THRESHOLD
  // The ten benchmarks with most results in colour with their fronts; the rest grey points.
  const groups = colourGroups(new Map([...byBench].map(([b, l]) => [b, l.length])), benches, theme)
  const named = benches.filter((b) => groups.legend(b, b) !== OTHER_NAME)
  const ordered = [...named, ...benches.filter((b) => !named.includes(b))]
  const series: (ScatterSeriesOption | LineSeriesOption)[] = []
  const seriesRows: ChartRow[][] = []
  const front = new Set<number>()
  ordered.forEach((b) => {
    const list = byBench.get(b) ?? []
    const color = groups.color(b)
    const legendName = groups.legend(b, b)
    // Fastest at each scale or smaller: minimise both accelerators and minutes.
    const idx = paretoFront(list.map((r) => [-(r.acceleratorsTotal ?? 0), -(r.value ?? 0)]))
    for (const k of idx) front.add(list[k]?.id ?? -1)
    seriesRows.push(list)
    series.push({
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
    if (legendName === OTHER_NAME) return
    const pts = idx
      .map((k) => list[k])
      .filter((r): r is ChartRow => r !== undefined)
      .map((r) => [r.acceleratorsTotal ?? 1, r.value ?? 0])
      .sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0))
    seriesRows.push([])
    series.push({
      type: 'line',
      name: legendName,
      data: pts,
      step: 'end',
      symbol: 'none',
      silent: true,
      lineStyle: { color, type: 'dashed', width: 1.5 },
      tooltip: { show: false }
    })
  })
  const rows = [...byBench.values()].flat()
  const xs = rows.map((r) => r.acceleratorsTotal ?? 1)
  const ys = rows.map((r) => r.value ?? 1)
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
  const tooltip = (params: unknown): string => {
    const p = params as { seriesIndex?: number; dataIndex?: number }
    const r = seriesRows[p.seriesIndex ?? -1]?.[p.dataIndex ?? -1]
    if (!r) return ''
    return [
      `<b>${escapeHtml(systemLabel(r))}</b> · ${escapeHtml(r.round)}`,
      `${escapeHtml(r.benchmark)}: ${r.value === null ? '—' : formatNumber(r.value)} min`,
      `${escapeHtml(r.accelerator ?? '')} × ${r.acceleratorsTotal ?? 0}`
    ].join('<br/>')
  }
  // Powers around the data, not beyond it: 4–16 accelerators is a 4–16 axis, not 4–32.
  const yLo = 10 ** Math.floor(Math.log10(ys.length ? minOf(ys) : 1))
  let yHi = 10 ** Math.ceil(Math.log10(ys.length ? maxOf(ys) : 10))
  if (yHi <= yLo) yHi = yLo * 10
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
        min: yLo,
        max: yHi,
        name: 'Time to train (minutes, lower is better)',
        nameLocation: 'middle',
        nameGap: 54,
        axisLabel: { formatter: (v: number) => axisNumber(v) }
      },
      series
    },
    frame,
    size,
    rows.length === 0
      ? 'No training result with a score and an accelerator count matches these filters: widen the filters.'
      : null
  )
  return withLazyTable(
    {
      kind: 'scale',
      title,
      option,
      rows,
      notes,
      exclusions: [],
      derived: [],
      footnote,
      points: rows.length,
      height: Math.max(size.height, frame.minHeight)
    },
    () => ({
      columns: [...RESULT_COLUMNS, 'fastest_at_scale'],
      rows: rows.map((r): Cell[] => [...resultCells(r), front.has(r.id) ? 'yes' : 'no'])
    })
  )
}
