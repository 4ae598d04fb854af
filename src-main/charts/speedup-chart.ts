/**
 * Round-over-round speedup (MLPerf Inference paper, Figure 2), in two flavours:
 *  - best-at-count: the best closed-division result per benchmark and scenario among systems
 *    with exactly N accelerators, each round as a speedup over the first round;
 *  - same-accelerator: the same canonical accelerator model at the same count across rounds,
 *    which isolates what software added (canonical ids via the alias table).
 * Every pair is checked with `comparability`: a pair MLCommons does not consider comparable is
 * never divided; the line restarts at the later round (its own baseline) and the chart lists
 * the pair and the reason. Latencies invert (baseline ÷ result), so > 1 always means faster.
 */
import type { EChartsOption, LineSeriesOption, YAXisComponentOption } from 'echarts'
import type { Cell } from '../shared/api'
import { acceleratorMapper } from './accelerator-alias'
import {
  DEFAULT_SIZE,
  OTHER_NAME,
  axisNumber,
  chartFrame,
  octaveTicks,
  roundAxis,
  escapeHtml,
  formatNumber,
  paletteColor,
  withEmptyMessage
} from './chart-frame'
import type { ChartView } from '../shared/charts/chart-view'
import { acceleratorText, systemLabel } from './row-text'
import { decodePoints } from '../shared/charts/chart-points'
import type { BenchmarkNamer } from './chart-scope'
import { benchmarkNamer } from './chart-scope'
import type { ChartTheme } from './chart-theme'
import { LIGHT_CHART_THEME } from './chart-theme'
import type { BuildInput, BuiltChart, ChartTable } from './chart-types'
import { countText } from './chart-types'
import { benchmarkSetNotes } from './comparability'
import { citationFootnote } from './footnote'
import { sortedRounds } from '../mlperf'
import { maxOf, minOf } from './chart-stats'
import type { SpeedupLines, SpeedupSegment } from './speedup-lines'
import { MAX_SPEEDUP_SERIES, speedupLines } from './speedup-lines'

/** Notes under the chart: lines not drawn or capped, results left out, caveats, grey lines. */
function notesOf(lines: SpeedupLines, name: BenchmarkNamer): string[] {
  const { segments, coloured, single, capped, dropped } = lines
  const notes: string[] = []
  if (single > 0) {
    notes.push(
      `${single} benchmark lines have a result in one comparable round only and are not drawn.`
    )
  }
  if (capped !== null) {
    notes.push(
      `Showing the ${MAX_SPEEDUP_SERIES} accelerator lines seen in most rounds of ${capped}; filter by benchmark or accelerator to see others.`
    )
  }
  if (dropped.size) notes.push(`Left out: ${countText(dropped)}.`)
  notes.push(...benchmarkSetNotes(lines.eligible.map((r) => name(r.benchmark))))
  const caveats = [...new Set(segments.flatMap((s) => s.caveats))]
  for (const c of caveats) notes.push(`Caveat: ${c}.`)
  const greyLines = segments.length - coloured.size
  if (greyLines > 0) {
    notes.push(
      `${greyLines} more line${greyLines === 1 ? '' : 's'} drawn in grey as “${OTHER_NAME}” (hover a line to name it); filter by benchmark to colour them.`
    )
  }
  return notes
}

/**
 * A line per segment over the rounds: the coloured lines on top, the rest thin grey "Other"
 * lines (hover names each). The first carries the "no change" line at 1×.
 */
function lineSeries(
  lines: SpeedupLines,
  rounds: readonly string[],
  theme: ChartTheme
): LineSeriesOption[] {
  const roundIndex = new Map(rounds.map((r, i) => [r, i]))
  return lines.segments.map((s, i) => {
    const data: (number | '-')[] = rounds.map(() => '-')
    for (const p of s.points) data[roundIndex.get(p.round) ?? 0] = p.speedup
    const other = !lines.coloured.has(s)
    return {
      type: 'line',
      name: other ? OTHER_NAME : s.label,
      data,
      connectNulls: true,
      symbol: 'circle',
      symbolSize: other ? 4 : 7,
      lineStyle: { width: other ? 1 : 2 },
      itemStyle: { color: other ? theme.other : paletteColor(i) },
      emphasis: { focus: 'series' },
      z: other ? 1 : 2,
      ...(i === 0
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              // Right of the plot: inside it, the label sits under the lines that end near 1×.
              label: { formatter: 'no change', position: 'end' },
              lineStyle: { type: 'dashed' },
              data: [{ yAxis: 1 }]
            }
          }
        : {})
    }
  })
}

/** Most labelled steps on the speedup axis: one per octave up to this many, else every 2nd, 3rd… */
const MAX_SPEEDUP_LABELS = 8

/**
 * The log-2 speedup axis, spanning 1× and every speedup drawn, labelled every octave or every
 * few (ECharts' own choice labelled only 64×, 1× and 0.0156× over 1/64–64); 1× is always a tick.
 */
export function speedupAxis(speedups: readonly number[]): YAXisComponentOption {
  const lo = Math.floor(Math.log2(speedups.length ? Math.min(1, minOf(speedups)) : 0.5))
  const hi = Math.ceil(Math.log2(speedups.length ? Math.max(1, maxOf(speedups)) : 2) + 0.01)
  return {
    type: 'log',
    logBase: 2,
    ...octaveTicks(lo, hi, MAX_SPEEDUP_LABELS),
    name: 'Speedup over the first comparable round (×) · derived',
    nameLocation: 'middle',
    nameGap: 54,
    axisLabel: { formatter: (v: number) => `${axisNumber(v)}×` },
    minorTick: { show: true },
    minorSplitLine: { show: true }
  }
}

function accelerators(view: ChartView): string {
  return `${view.accelerators} accelerator${view.accelerators === 1 ? '' : 's'}`
}

function titleOf(view: ChartView): string {
  return (
    view.title ??
    (view.speedupMode === 'same-accelerator'
      ? 'Same-accelerator speedup across rounds (software gains)'
      : `Round-over-round speedup: best result at ${accelerators(view)}`)
  )
}

function subtitleOf(view: ChartView, lines: SpeedupLines, rounds: number): string[] {
  const { exclusions } = lines
  return [
    (view.speedupMode === 'same-accelerator'
      ? 'Best closed-division result per benchmark, scenario, canonical accelerator model and count in each round'
      : `Best closed-division result per benchmark and scenario in each round on systems with exactly ${accelerators(view)}`) +
      ', as a speedup over the first comparable round (latencies inverted: higher is better). Log scale. Derived, not an official MLPerf metric.',
    `${lines.segments.length} lines over ${rounds} rounds` +
      (exclusions.length
        ? `; ${exclusions.length} round pairs not comparable under MLPerf rules (listed in the footnote)`
        : '') +
      '.'
  ]
}

/** What an empty chart asks the reader to do. */
function emptyText(view: ChartView, lines: SpeedupLines): string | null {
  if (lines.segments.length > 0) return null
  return view.speedupMode === 'same-accelerator'
    ? 'No accelerator model and count was submitted in two comparable rounds among these results: widen the filters (rounds, benchmarks).'
    : `No benchmark has results on exactly ${accelerators(view)} in two comparable rounds: pick another accelerator count or widen the filters.`
}

/** A point's tooltip: the line, the round's best result and its speedup over the baseline. */
function tooltipFormatter(
  segments: readonly SpeedupSegment[],
  rounds: readonly string[]
): (params: unknown) => string {
  return (params) => {
    const p = params as { seriesIndex?: number; dataIndex?: number }
    const seg = segments[p.seriesIndex ?? -1]
    const round = rounds[p.dataIndex ?? -1]
    const pt = seg?.points.find((x) => x.round === round)
    if (!seg || !pt) return ''
    const r = pt.row
    return [
      `<b>${escapeHtml(seg.label)}</b> · ${escapeHtml(pt.round)}`,
      `${escapeHtml(systemLabel(r))}`,
      escapeHtml(acceleratorText(r)),
      `Result: ${r.value === null ? '—' : formatNumber(r.value)} ${escapeHtml(r.unit)}`,
      `Speedup over ${escapeHtml(pt.base.round)}: <b>${formatNumber(pt.speedup, 3)}×</b> (derived)`,
      ...(r.publicId ? [`ID ${escapeHtml(r.publicId)}`] : [])
    ].join('<br/>')
  }
}

/** The CSV: every point of every line with its baseline. */
function tableOf(segments: readonly SpeedupSegment[]): ChartTable {
  return {
    columns: [
      'line',
      'baseline_round',
      'round',
      'id',
      'public_id',
      'submitter',
      'system',
      'accelerator',
      'accelerators_total',
      'benchmark',
      'scenario',
      'value',
      'unit',
      'speedup'
    ],
    rows: segments.flatMap((s) =>
      s.points.map((p): Cell[] => [
        s.label,
        p.base.round,
        p.round,
        p.row.id,
        p.row.publicId,
        p.row.submitter,
        p.row.systemName ?? p.row.systemId,
        p.row.accelerator,
        p.row.acceleratorsTotal,
        p.row.benchmark,
        p.row.scenario,
        p.row.value,
        p.row.unit,
        p.speedup
      ])
    )
  }
}

/** Builds the speedup chart. */
export function buildSpeedup(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const all = decodePoints(input.data.points)
  const name = benchmarkNamer(all)
  const lines = speedupLines(all, view, name, acceleratorMapper(input.data.aliases))
  const { segments, exclusions } = lines
  const rounds = sortedRounds(segments.flatMap((s) => s.points.map((p) => p.round)))
  const series = lineSeries(lines, rounds, input.theme ?? LIGHT_CHART_THEME)
  const speedups = segments.flatMap((s) => s.points.map((p) => p.speedup))
  const title = titleOf(view)
  const plottedRows = segments.flatMap((s) => s.points.map((p) => p.row))
  const derived = [
    'speedup = result ÷ first comparable round (baseline ÷ result for latencies)',
    ...(view.speedupMode === 'same-accelerator'
      ? ['accelerators paired by canonical id (alias table with your overrides)']
      : [])
  ]
  const footnote = citationFootnote({
    suite: input.data.suite,
    rows: plottedRows,
    provenance: input.data.provenance,
    derived,
    exclusions,
    exportedAt: input.now
  })
  const frame = chartFrame({
    title,
    subtitle: subtitleOf(view, lines, rounds.length),
    footnote: footnote.short,
    size,
    points: speedups.length,
    legend: series.map((x) => String(x.name)),
    zoomX: [0],
    target: input.target ?? 'screen'
  })
  const formatter = tooltipFormatter(segments, rounds)
  const option: EChartsOption = withEmptyMessage(
    {
      ...frame.option,
      tooltip: { trigger: 'item', confine: true, formatter },
      grid: { ...frame.grid, right: 84 },
      xAxis: roundAxis(rounds),
      yAxis: speedupAxis(speedups),
      series
    },
    frame,
    size,
    emptyText(view, lines)
  )
  return {
    kind: 'speedup',
    title,
    option,
    table: tableOf(segments),
    rows: plottedRows,
    notes: notesOf(lines, name),
    exclusions,
    derived,
    footnote,
    points: speedups.length,
    height: Math.max(size.height, frame.minHeight)
  }
}
