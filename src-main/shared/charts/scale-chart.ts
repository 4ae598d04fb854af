/**
 * Scale (MLPerf Inference paper, Figure 3): how many accelerators the system behind the fastest
 * result of each round had, per benchmark and scenario. For training the same question is asked
 * the other way round: time to train against total accelerators, every result a point, with the
 * front of the fastest result at each scale marked.
 */
import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from 'echarts'
import type { Cell } from '../api'
import {
  DEFAULT_SIZE,
  LARGE_THRESHOLD,
  LOCAL_COLOR,
  axisNumber,
  chartFrame,
  roundAxis,
  escapeHtml,
  formatNumber,
  paletteColor
} from './chart-frame'
import type { ChartRow } from './chart-points'
import { acceleratorText, decodePoints, isLocal, systemLabel } from './chart-points'
import { compareWorkloads, workloadLabel } from './chart-scope'
import { paretoFront } from './chart-stats'
import type { BuildInput, BuiltChart } from './chart-types'
import { RESULT_COLUMNS, bump, countText, resultCells } from './chart-types'
import { bestPerRound } from './direction'
import { citationFootnote } from './footnote'
import { sortedRounds } from '../../mlperf'

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

function buildInferenceScale(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const dropped = new Map<string, number>()
  const eligible: ChartRow[] = []
  for (const r of decodePoints(input.data.points)) {
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
  // Colour by benchmark, line style by scenario: dozens of lines stay tellable apart.
  const benchmarks = [...new Set(keys.map((k) => k.split('|')[0] ?? ''))]
  const series: LineSeriesOption[] = keys.map((key) => {
    const [bench = '', scenario = ''] = key.split('|')
    const color = paletteColor(benchmarks.indexOf(bench))
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
    const sample = [...byRound.values()][0]
    return {
      type: 'line',
      name: sample ? workloadLabel(sample) : key,
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
    `${series.length} benchmark–scenario lines over ${rounds.length} rounds.`
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
    zoomX: [0]
  })
  const tooltip = (params: unknown): string => {
    const p = params as { seriesIndex?: number; dataIndex?: number; seriesName?: string }
    const key = keys[p.seriesIndex ?? -1]
    const round = rounds[p.dataIndex ?? -1]
    const r = key && round ? fastest.get(key)?.get(round) : undefined
    if (!r) return ''
    return [
      `<b>${escapeHtml(p.seriesName ?? '')}</b> · ${escapeHtml(r.round)}`,
      escapeHtml(systemLabel(r)),
      escapeHtml(acceleratorText(r)),
      `Fastest: ${r.value === null ? '—' : formatNumber(r.value)} ${escapeHtml(r.unit)}`,
      ...(r.publicId ? [`ID ${escapeHtml(r.publicId)}`] : [])
    ].join('<br/>')
  }
  const option: EChartsOption = {
    ...frame.option,
    tooltip: { trigger: 'item', confine: true, formatter: tooltip },
    grid: frame.grid,
    xAxis: roundAxis(rounds),
    yAxis: {
      type: 'log',
      logBase: 2,
      min: 1,
      max: 2 ** Math.ceil(Math.log2(Math.max(2, hi)) + 0.01),
      name: 'Accelerators in the fastest system',
      nameLocation: 'middle',
      nameGap: 50,
      axisLabel: { formatter: (v: number) => axisNumber(v) }
    },
    series
  }
  return {
    kind: 'scale',
    title,
    option,
    table: {
      columns: ['line', ...RESULT_COLUMNS],
      rows: plotted.map((p): Cell[] => [
        p.key.replace('|', ' ').replace(/\|$/, ''),
        ...resultCells(p.row)
      ])
    },
    rows: rowsShown,
    notes,
    exclusions: [],
    derived: [],
    footnote,
    points: plotted.length,
    height: size.height
  }
}

/** Training: time to train (minutes, lower is better) against total accelerators. */
function buildTrainingScale(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
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
  const series: (ScatterSeriesOption | LineSeriesOption)[] = []
  const seriesRows: ChartRow[][] = []
  const front = new Set<number>()
  benches.forEach((b, i) => {
    const list = byBench.get(b) ?? []
    seriesRows.push(list)
    series.push({
      type: 'scatter',
      name: b,
      data: list.map((r) => [r.acceleratorsTotal ?? 1, r.value ?? 0]),
      symbolSize: large ? 4 : 8,
      large,
      largeThreshold: LARGE_THRESHOLD,
      itemStyle: {
        color: paletteColor(i),
        opacity: 0.8,
        ...(list.some(isLocal) ? { borderColor: LOCAL_COLOR } : {})
      }
    })
    // Fastest at each scale or smaller: minimise both accelerators and minutes.
    const idx = paretoFront(list.map((r) => [-(r.acceleratorsTotal ?? 0), -(r.value ?? 0)]))
    for (const k of idx) front.add(list[k]?.id ?? -1)
    const pts = idx
      .map((k) => list[k])
      .filter((r): r is ChartRow => r !== undefined)
      .map((r) => [r.acceleratorsTotal ?? 1, r.value ?? 0])
      .sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0))
    seriesRows.push([])
    series.push({
      type: 'line',
      name: b,
      data: pts,
      step: 'end',
      symbol: 'none',
      silent: true,
      lineStyle: { color: paletteColor(i), type: 'dashed', width: 1.5 },
      tooltip: { show: false }
    })
  })
  const rows = [...byBench.values()].flat()
  const xs = rows.map((r) => r.acceleratorsTotal ?? 1)
  const ys = rows.map((r) => r.value ?? 1)
  const title = view.title ?? 'Time to train against total accelerators'
  const subtitle = [
    'Every training result: official score (minutes, lower is better) against the accelerators in the system; dashed: the fastest result at each scale or smaller. Log–log.',
    `${rows.length} results in ${benches.length} benchmarks.`
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
    legend: benches,
    zoomX: [0],
    zoomY: [0]
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
  const option: EChartsOption = {
    ...frame.option,
    tooltip: { trigger: 'item', confine: true, formatter: tooltip },
    grid: frame.grid,
    xAxis: {
      type: 'log',
      logBase: 2,
      min: 2 ** Math.floor(Math.log2(Math.max(1, xs.length ? Math.min(...xs) : 1))),
      max: 2 ** Math.ceil(Math.log2(Math.max(2, ...xs)) + 0.01),
      name: 'Total accelerators',
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { formatter: (v: number) => axisNumber(v) }
    },
    yAxis: {
      type: 'log',
      min: 10 ** Math.floor(Math.log10(ys.length ? Math.min(...ys) : 1)),
      max: 10 ** Math.ceil(Math.log10(Math.max(1.01, ...ys))),
      name: 'Time to train (minutes, lower is better)',
      nameLocation: 'middle',
      nameGap: 54,
      axisLabel: { formatter: (v: number) => axisNumber(v) }
    },
    series
  }
  return {
    kind: 'scale',
    title,
    option,
    table: {
      columns: [...RESULT_COLUMNS, 'fastest_at_scale'],
      rows: rows.map((r): Cell[] => [...resultCells(r), front.has(r.id) ? 'yes' : 'no'])
    },
    rows,
    notes,
    exclusions: [],
    derived: [],
    footnote,
    points: rows.length,
    height: size.height
  }
}
