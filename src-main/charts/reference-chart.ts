/**
 * Reference score, SPEC-style: pick a reference system; every other system's speedup over it on
 * each benchmark and scenario both ran (comparable pairs only), and the geometric mean of those
 * speedups as one summary score. MLCommons allows but does not endorse combining results: the
 * chart says how the score is made and that it is not an MLPerf score.
 */
import type { BarSeriesOption, EChartsOption, ScatterSeriesOption } from 'echarts'
import type { Cell } from '../shared/api'
import {
  DEFAULT_SIZE,
  LOCAL_COLOR,
  axisNumber,
  chartFrame,
  escapeHtml,
  formatNumber,
  withEmptyMessage
} from './chart-frame'
import type { ChartRow } from '../shared/charts/chart-points'
import { systemLabel } from './row-text'
import { decodePoints } from '../shared/charts/chart-points'
import type { BenchmarkNamer } from './chart-scope'
import { benchmarkNamer, workloadLabel } from './chart-scope'
import type { ChartTheme } from './chart-theme'
import { LIGHT_CHART_THEME } from './chart-theme'
import type { BuildInput, BuiltChart, ChartTable, Exclusion } from './chart-types'
import type { ChartView } from '../shared/charts/chart-view'
import { systemKeyText } from '../shared/charts/chart-view'
import { citationFootnote } from './footnote'
import type { SystemScore } from './reference-scores'
import { clipMiddle, drawnName, referenceScores, rowMetas, shownScores } from './reference-scores'

/** Pixel height of one bar's row: two label lines (system; accelerators · round · ID). */
const ROW_PX = 32

type Scored = { scores: SystemScore[]; exclusions: Exclusion[]; refRows: ChartRow[] }

/** What an empty chart says, and the note under it, when the reference is missing. */
function missingReference(
  ref: ChartView['reference'],
  refRow: ChartRow | undefined
): { empty: string | null; notes: string[] } {
  if (!ref) {
    return {
      empty: 'Pick a reference system above: every other system is scored by its speedup over it.',
      notes: ['Pick a reference system to score the others against.']
    }
  }
  if (!refRow) {
    return {
      empty: `The reference system ${systemKeyText(ref)} has no result among these results: pick another system or widen the filters.`,
      notes: [`The reference system ${systemKeyText(ref)} has no result in the filtered set.`]
    }
  }
  return { empty: null, notes: [] }
}

function subtitleOf(scored: number, drawn: number): string[] {
  const drawnText =
    drawn === scored
      ? `${scored} system${scored === 1 ? '' : 's'} scored, all drawn`
      : `${scored} systems scored; the ${drawn} highest drawn (the reference among them)`
  return [
    `Unofficial composite: each system's speedup over the reference on every benchmark and scenario both ran (latencies inverted), combined by geometric mean. Not an MLPerf score; MLCommons does not endorse combined results.`,
    `${drawnText}. Bar: the score; dots: the per-benchmark speedups behind it.`
  ]
}

/**
 * The bars (the score), the dots (the speedups behind it) and the value labels, which sit right
 * of everything in their row so nothing is drawn over them.
 */
function scoreSeries(
  ordered: readonly SystemScore[],
  rowMax: readonly number[],
  theme: ChartTheme
): [BarSeriesOption, ScatterSeriesOption, ScatterSeriesOption] {
  const valueText = (s: SystemScore): string =>
    `${formatNumber(s.score, 3)}× · ${s.pairs.length} bench.`
  const bars: BarSeriesOption = {
    type: 'bar',
    name: 'Geometric mean',
    data: ordered.map((s) => ({
      value: s.score,
      itemStyle: {
        color: s.isReference ? theme.ink : s.local ? LOCAL_COLOR : '#1f5fbf',
        opacity: s.isReference ? 1 : 0.85
      }
    })),
    barMaxWidth: 16,
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed' },
      label: { formatter: 'reference = 1' },
      data: [{ xAxis: 1 }]
    }
  }
  const dots: ScatterSeriesOption = {
    type: 'scatter',
    name: 'Per-benchmark speedup',
    data: ordered.flatMap((s, i) => s.pairs.map((p) => [p.speedup, i])),
    symbolSize: 5,
    itemStyle: { color: theme.other, opacity: 0.9, borderColor: theme.guide, borderWidth: 0.5 },
    z: 3
  }
  const labels: ScatterSeriesOption = {
    type: 'scatter',
    name: 'Score',
    data: ordered.map((s, i) => [rowMax[i] ?? s.score, i]),
    symbolSize: 0,
    silent: true,
    tooltip: { show: false },
    label: {
      show: true,
      position: 'right',
      distance: 6,
      fontSize: 10,
      color: theme.text,
      formatter: (p: unknown) => {
        const s = ordered[(p as { dataIndex: number }).dataIndex]
        return s ? valueText(s) : ''
      }
    },
    z: 4
  }
  return [bars, dots, labels]
}

/** A bar's tooltip: the score and its pairs; a dot's: the pair and both results. */
function tooltipFormatter(
  ordered: readonly SystemScore[],
  refName: string | null,
  name: BenchmarkNamer
): (params: unknown) => string {
  const dotRefs = ordered.flatMap((s) => s.pairs.map((p) => ({ s, p })))
  return (params) => {
    const p = params as { seriesIndex?: number; dataIndex?: number }
    if (p.seriesIndex === 0) {
      const s = ordered[p.dataIndex ?? -1]
      if (!s) return ''
      return [
        `<b>${escapeHtml(s.label)}</b>`,
        escapeHtml(s.meta),
        `Score ${formatNumber(s.score, 4)}× over ${escapeHtml(refName ?? '')} (unofficial, derived)`,
        `${s.pairs.length} shared benchmark–scenario pairs:`,
        ...s.pairs
          .slice(0, 12)
          .map((x) => `${escapeHtml(workloadLabel(x.row, name))}: ${formatNumber(x.speedup, 3)}×`)
      ].join('<br/>')
    }
    const d = dotRefs[p.dataIndex ?? -1]
    if (!d) return ''
    return `${escapeHtml(d.s.label)}<br/>${escapeHtml(workloadLabel(d.p.row, name))}: ${formatNumber(d.p.speedup, 3)}× (${formatNumber(d.p.row.value ?? 0)} vs ${formatNumber(d.p.ref.value ?? 0)} ${escapeHtml(d.p.ref.unit)})`
  }
}

/** The speedup axis, with room after the largest value for the longest value label. */
function speedupAxis(rowMax: readonly number[], plotWidth: number): EChartsOption['xAxis'] {
  const maxX = Math.max(1, ...rowMax)
  const labelPx = 118
  return {
    type: 'value',
    min: 0,
    max: niceCeil((maxX * plotWidth) / Math.max(80, plotWidth - labelPx)),
    name: `Speedup over the reference (×) · unofficial, derived`,
    nameLocation: 'middle',
    nameGap: 30,
    axisLabel: { formatter: (v: number) => `${axisNumber(v)}×`, showMaxLabel: false }
  }
}

/** The systems axis: each row's system on one line, what tells it apart on the next. */
function systemAxis(ordered: readonly SystemScore[], theme: ChartTheme): EChartsOption['yAxis'] {
  const rowMeta = rowMetas(ordered)
  return {
    type: 'category',
    data: ordered.map((s) => s.label),
    axisTick: { show: false },
    axisLabel: {
      fontSize: 10.5,
      lineHeight: 13,
      formatter: (_: string, i: number) => {
        const s = ordered[i]
        return s
          ? `{name|${richText(drawnName(s))}}\n{meta|${richText(clipMiddle(rowMeta(s), 60))}}`
          : ''
      },
      rich: {
        name: { fontSize: 10.5, color: theme.text, align: 'right' },
        meta: { fontSize: 9.5, color: theme.textMuted, align: 'right' }
      }
    }
  }
}

/** The CSV: every pair of every scored system (drawn or not). */
function tableOf(scores: readonly SystemScore[]): ChartTable {
  return {
    columns: [
      'system',
      'system_detail',
      'round',
      'submitter',
      'system_id',
      'verified',
      'reference_score',
      'shared_benchmarks',
      'benchmark',
      'scenario',
      'id',
      'public_id',
      'value',
      'reference_value',
      'unit',
      'speedup'
    ],
    rows: scores.flatMap((s) =>
      s.pairs.map((p): Cell[] => [
        s.label,
        s.meta,
        p.row.round,
        p.row.submitter,
        p.row.systemId,
        s.local ? 'no (unverified)' : 'yes',
        s.score,
        s.pairs.length,
        p.row.benchmark,
        p.row.scenario,
        p.row.id,
        p.row.publicId,
        p.row.value,
        p.ref.value,
        p.row.unit,
        p.speedup
      ])
    )
  }
}

export function buildReference(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const theme = input.theme ?? LIGHT_CHART_THEME
  const rows = decodePoints(input.data.points)
  const ref = view.reference
  const result: Scored = ref
    ? referenceScores(rows, ref)
    : { scores: [], exclusions: [], refRows: [] }
  const refRow = result.refRows[0]
  const refName = refRow ? `${systemLabel(refRow)} (${refRow.round})` : null
  const { empty, notes } = missingReference(ref, refRow)
  const shown = shownScores(result.scores)
  if (result.exclusions.length) {
    notes.push(
      `${result.exclusions.length} benchmark pairs with the reference were left out as not comparable.`
    )
  }
  // Bars top to bottom: the category axis draws its first entry at the bottom.
  const ordered = [...shown].reverse()
  const title = view.title ?? `Reference score over ${refName ?? 'a reference system'}`
  const plottedRows = shown.flatMap((s) => s.pairs.map((p) => p.row))
  const derived = [
    'reference score = geometric mean over shared benchmarks of (result ÷ reference result; reference ÷ result for latencies)'
  ]
  const footnote = citationFootnote({
    suite: input.data.suite,
    rows: [...plottedRows, ...result.refRows.filter((r) => !plottedRows.includes(r))],
    provenance: input.data.provenance,
    derived,
    exclusions: result.exclusions,
    exportedAt: input.now
  })
  const height = Math.max(size.height, 330 + ordered.length * ROW_PX)
  const frame = chartFrame({
    title,
    subtitle: subtitleOf(result.scores.length, shown.length),
    footnote: footnote.short,
    size: { ...size, height },
    points: plottedRows.length,
    legend: false,
    zoomX: [],
    target: input.target ?? 'screen'
  })
  const grid = { ...frame.grid, left: 320, right: 24 }
  const rowMax = ordered.map((s) => Math.max(s.score, ...s.pairs.map((p) => p.speedup)))
  const formatter = tooltipFormatter(ordered, refName, benchmarkNamer(rows))
  const option: EChartsOption = withEmptyMessage(
    {
      ...frame.option,
      tooltip: { trigger: 'item', confine: true, formatter },
      grid,
      xAxis: speedupAxis(rowMax, size.width - grid.left - grid.right),
      yAxis: systemAxis(ordered, theme),
      series: scoreSeries(ordered, rowMax, theme)
    },
    frame,
    { ...size, height },
    empty
  )
  return {
    kind: 'reference',
    title,
    option,
    table: tableOf(result.scores),
    rows: plottedRows,
    notes,
    exclusions: result.exclusions,
    derived,
    footnote,
    points: plottedRows.length,
    height
  }
}

/** ECharts rich text reserves `{`, `}` and `|`: system names may contain them. */
function richText(text: string): string {
  return text.replace(/[{}|]/g, ' ')
}

/** A round axis maximum: 1, 2 or 5 times a power of ten at or above `v`. */
function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v))
  const m = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((k) => k * p >= v) ?? 10
  return Number((m * p).toPrecision(6))
}
