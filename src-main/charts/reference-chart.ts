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
import { acceleratorText, systemLabel } from './row-text'
import { decodePoints, isLocal } from '../shared/charts/chart-points'
import { benchmarkNamer, workloadLabel } from './chart-scope'
import { LIGHT_CHART_THEME } from './chart-theme'
import { geometricMean } from './chart-stats'
import type { BuildInput, BuiltChart, Exclusion } from './chart-types'
import type { SystemKey } from '../shared/charts/chart-view'
import { systemKeyText } from '../shared/charts/chart-view'
import { comparability, toComparable } from './comparability'
import { betterRatio, directionOf } from './direction'
import { citationFootnote } from './footnote'

/**
 * Most systems drawn as bars (the highest scores, and the reference). Every scored system is
 * drawn up to this many, and the subtitle states how many are drawn: the count drawn is the
 * count stated.
 */
export const MAX_REFERENCE_BARS = 120

/** Pixel height of one bar's row: two label lines (system; accelerators · round · ID). */
const ROW_PX = 32

export type SystemScore = {
  key: string
  /** "Acme X8 (v4.1)": the system and its round (tooltips, CSV). */
  label: string
  /** "Acme X8": the system alone (the bar's label; its round is in `meta`). */
  system: string
  /** "NVIDIA H100-SXM-80GB × 8 · v4.1 · ID 4.1-0067": what tells two similar systems apart. */
  meta: string
  local: boolean
  isReference: boolean
  /** Per benchmark–scenario speedup over the reference. */
  pairs: { row: ChartRow; ref: ChartRow; speedup: number }[]
  /** Geometric mean of the pairs' speedups. */
  score: number
}

/** Scores every system against the reference; pure and exported for tests. */
export function referenceScores(
  rows: readonly ChartRow[],
  reference: SystemKey
): { scores: SystemScore[]; exclusions: Exclusion[]; refRows: ChartRow[] } {
  const refText = systemKeyText(reference)
  const keyOf = (r: ChartRow): string =>
    systemKeyText({ round: r.round, submitter: r.submitter, systemId: r.systemId })
  const refRows = rows.filter((r) => keyOf(r) === refText && r.value !== null && r.value > 0)
  const refByWorkload = new Map(refRows.map((r) => [`${r.benchmark}|${r.scenario ?? ''}`, r]))
  const bySystem = new Map<string, ChartRow[]>()
  for (const r of rows) {
    if (r.value === null || !(r.value > 0)) continue
    if (!r.valid && !isLocal(r)) continue
    const list = bySystem.get(keyOf(r)) ?? []
    list.push(r)
    bySystem.set(keyOf(r), list)
  }
  const exclusions: Exclusion[] = []
  const scores: SystemScore[] = []
  for (const [key, list] of bySystem) {
    const pairs: SystemScore['pairs'] = []
    for (const r of list) {
      const ref = refByWorkload.get(`${r.benchmark}|${r.scenario ?? ''}`)
      if (!ref) continue
      const c = comparability(toComparable(ref), toComparable(r))
      if (!c.ok) {
        exclusions.push({
          subject: `${systemLabel(r)} (${r.round}) ${workloadLabel(r)}`,
          reason: c.reason
        })
        continue
      }
      const s = betterRatio(r.value, ref.value, directionOf(ref.unit, ref.metric))
      if (s !== null) pairs.push({ row: r, ref, speedup: s })
    }
    const score = geometricMean(pairs.map((p) => p.speedup))
    const first = list[0]
    if (score === null || !first) continue
    const id = list.find((r) => r.publicId)?.publicId
    scores.push({
      key,
      label: `${systemLabel(first)} (${first.round})${isLocal(first) ? ' · unverified' : ''}`,
      system: `${systemLabel(first)}${isLocal(first) ? ' · unverified' : ''}`,
      meta: [acceleratorText(first), first.round, id ? `ID ${id}` : null]
        .filter((x) => x !== null)
        .join(' · '),
      local: isLocal(first),
      isReference: key === refText,
      pairs,
      score
    })
  }
  scores.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
  return { scores, exclusions, refRows }
}

export function buildReference(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const theme = input.theme ?? LIGHT_CHART_THEME
  const rows = decodePoints(input.data.points)
  const name = benchmarkNamer(rows)
  const ref = view.reference
  const result = ref
    ? referenceScores(rows, ref)
    : { scores: [], exclusions: [], refRows: [] as ChartRow[] }
  const refRow = result.refRows[0]
  const refName = refRow ? `${systemLabel(refRow)} (${refRow.round})` : null
  const notes: string[] = []
  let empty: string | null = null
  if (!ref) {
    empty = 'Pick a reference system above: every other system is scored by its speedup over it.'
    notes.push('Pick a reference system to score the others against.')
  } else if (!refRow) {
    empty = `The reference system ${systemKeyText(ref)} has no result among these results: pick another system or widen the filters.`
    notes.push(`The reference system ${systemKeyText(ref)} has no result in the filtered set.`)
  }
  let shown = result.scores
  if (shown.length > MAX_REFERENCE_BARS) {
    const top = shown.slice(0, MAX_REFERENCE_BARS)
    const refScore = shown.find((s) => s.isReference)
    shown = refScore && !top.includes(refScore) ? [...top.slice(0, -1), refScore] : top
  }
  if (result.exclusions.length) {
    notes.push(
      `${result.exclusions.length} benchmark pairs with the reference were left out as not comparable.`
    )
  }
  // Bars top to bottom: the category axis draws its first entry at the bottom.
  const ordered = [...shown].reverse()
  // Labels that would read the same get the system id: no two rows may look alike.
  const drawnName = (s: SystemScore): string => clipMiddle(s.system, 54)
  const sameLabel = new Map<string, number>()
  for (const s of ordered) {
    const k = `${drawnName(s)}\u0000${s.meta}`
    sameLabel.set(k, (sameLabel.get(k) ?? 0) + 1)
  }
  const rowMeta = (s: SystemScore): string =>
    (sameLabel.get(`${drawnName(s)}\u0000${s.meta}`) ?? 0) > 1
      ? `${s.meta} · ${s.key.split('/').slice(2).join('/')}`
      : s.meta
  const title = view.title ?? `Reference score over ${refName ?? 'a reference system'}`
  const drawnText =
    shown.length === result.scores.length
      ? `${result.scores.length} system${result.scores.length === 1 ? '' : 's'} scored, all drawn`
      : `${result.scores.length} systems scored; the ${shown.length} highest drawn (the reference among them)`
  const subtitle = [
    `Unofficial composite: each system's speedup over the reference on every benchmark and scenario both ran (latencies inverted), combined by geometric mean. Not an MLPerf score; MLCommons does not endorse combined results.`,
    `${drawnText}. Bar: the score; dots: the per-benchmark speedups behind it.`
  ]
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
    subtitle,
    footnote: footnote.short,
    size: { ...size, height },
    points: plottedRows.length,
    legend: false,
    zoomX: [],
    target: input.target ?? 'screen'
  })
  const grid = { ...frame.grid, left: 320, right: 24 }
  const plotWidth = size.width - grid.left - grid.right
  // The value label sits right of everything in its row (bar and dots), so nothing is drawn
  // over it; the axis leaves room for the longest label after the largest value.
  const rowMax = ordered.map((s) => Math.max(s.score, ...s.pairs.map((p) => p.speedup)))
  const maxX = Math.max(1, ...rowMax)
  const labelPx = 118
  const axisMax = niceCeil((maxX * plotWidth) / Math.max(80, plotWidth - labelPx))
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
  const dotRefs = ordered.flatMap((s) => s.pairs.map((p) => ({ s, p })))
  const tooltip = (params: unknown): string => {
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
  const option: EChartsOption = withEmptyMessage(
    {
      ...frame.option,
      tooltip: { trigger: 'item', confine: true, formatter: tooltip },
      grid,
      xAxis: {
        type: 'value',
        min: 0,
        max: axisMax,
        name: `Speedup over the reference (×) · unofficial, derived`,
        nameLocation: 'middle',
        nameGap: 30,
        axisLabel: { formatter: (v: number) => `${axisNumber(v)}×`, showMaxLabel: false }
      },
      yAxis: {
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
      },
      series: [bars, dots, labels]
    },
    frame,
    { ...size, height },
    empty
  )
  const table = {
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
    rows: result.scores.flatMap((s) =>
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
  return {
    kind: 'reference',
    title,
    option,
    table,
    rows: plottedRows,
    notes,
    exclusions: result.exclusions,
    derived,
    footnote,
    points: plottedRows.length,
    height
  }
}

/** Shortened in the middle, so both the start and the distinguishing end stay readable. */
function clipMiddle(text: string, max: number): string {
  if (text.length <= max) return text
  const keep = max - 1
  return `${text.slice(0, Math.ceil(keep * 0.6))}…${text.slice(text.length - Math.floor(keep * 0.4))}`
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
