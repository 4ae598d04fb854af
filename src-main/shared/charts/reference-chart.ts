/**
 * Reference score, SPEC-style: pick a reference system; every other system's speedup over it on
 * each benchmark and scenario both ran (comparable pairs only), and the geometric mean of those
 * speedups as one summary score. MLCommons allows but does not endorse combining results: the
 * chart says how the score is made and that it is not an MLPerf score.
 */
import type { BarSeriesOption, EChartsOption, ScatterSeriesOption } from 'echarts'
import type { Cell } from '../api'
import {
  DEFAULT_SIZE,
  LOCAL_COLOR,
  OTHER_COLOR,
  axisNumber,
  chartFrame,
  escapeHtml,
  formatNumber
} from './chart-frame'
import type { ChartRow } from './chart-points'
import { decodePoints, isLocal, systemLabel } from './chart-points'
import { workloadLabel } from './chart-scope'
import { geometricMean } from './chart-stats'
import type { BuildInput, BuiltChart, Exclusion } from './chart-types'
import type { SystemKey } from './chart-view'
import { systemKeyText } from './chart-view'
import { comparability, toComparable } from './comparability'
import { betterRatio, directionOf } from './direction'
import { citationFootnote } from './footnote'

/** Most systems drawn as bars (the highest scores). */
export const MAX_REFERENCE_BARS = 40

export type SystemScore = {
  key: string
  label: string
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
    scores.push({
      key,
      label: `${systemLabel(first)} (${first.round})${isLocal(first) ? ' · unverified' : ''}`,
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
  const rows = decodePoints(input.data.points)
  const ref = view.reference
  const result = ref
    ? referenceScores(rows, ref)
    : { scores: [], exclusions: [], refRows: [] as ChartRow[] }
  const refRow = result.refRows[0]
  const refName = refRow ? `${systemLabel(refRow)} (${refRow.round})` : null
  const notes: string[] = []
  if (!ref) notes.push('Pick a reference system to score the others against.')
  else if (!refRow) {
    notes.push(`The reference system ${systemKeyText(ref)} has no result in the filtered set.`)
  }
  let shown = result.scores
  if (shown.length > MAX_REFERENCE_BARS) {
    notes.push(`Showing the ${MAX_REFERENCE_BARS} highest scores of ${shown.length} systems.`)
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
  const title = view.title ?? `Reference score over ${refName ?? 'a reference system'}`
  const subtitle = [
    `Unofficial composite: each system's speedup over the reference on every benchmark and scenario both ran (latencies inverted), combined by geometric mean. Not an MLPerf score; MLCommons does not endorse combined results.`,
    `${result.scores.length} systems scored; dots: the per-benchmark speedups behind each bar.`
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
  const height = Math.max(size.height, 300 + ordered.length * 22)
  const frame = chartFrame({
    title,
    subtitle,
    footnote: footnote.short,
    size: { ...size, height },
    points: plottedRows.length,
    legend: false,
    zoomX: []
  })
  const bars: BarSeriesOption = {
    type: 'bar',
    name: 'Geometric mean',
    data: ordered.map((s) => ({
      value: s.score,
      itemStyle: {
        color: s.isReference ? '#1c2430' : s.local ? LOCAL_COLOR : '#1f5fbf',
        opacity: s.isReference ? 1 : 0.85
      }
    })),
    barMaxWidth: 18,
    label: {
      show: true,
      position: 'right',
      fontSize: 10,
      formatter: (p: unknown) => {
        const s = ordered[(p as { dataIndex: number }).dataIndex]
        return s ? `${formatNumber(s.score, 3)}× · ${s.pairs.length} bench.` : ''
      }
    },
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: '#7b8594', type: 'dashed' },
      label: { formatter: 'reference = 1', color: '#7b8594' },
      data: [{ xAxis: 1 }]
    }
  }
  const dots: ScatterSeriesOption = {
    type: 'scatter',
    name: 'Per-benchmark speedup',
    data: ordered.flatMap((s, i) => s.pairs.map((p) => [p.speedup, i])),
    symbolSize: 5,
    itemStyle: { color: OTHER_COLOR, opacity: 0.9 },
    z: 3
  }
  const dotRefs = ordered.flatMap((s) => s.pairs.map((p) => ({ s, p })))
  const tooltip = (params: unknown): string => {
    const p = params as { seriesIndex?: number; dataIndex?: number }
    if (p.seriesIndex === 0) {
      const s = ordered[p.dataIndex ?? -1]
      if (!s) return ''
      return [
        `<b>${escapeHtml(s.label)}</b>`,
        `Score ${formatNumber(s.score, 4)}× over ${escapeHtml(refName ?? '')} (unofficial, derived)`,
        `${s.pairs.length} shared benchmark–scenario pairs:`,
        ...s.pairs
          .slice(0, 12)
          .map((x) => `${escapeHtml(workloadLabel(x.row))}: ${formatNumber(x.speedup, 3)}×`)
      ].join('<br/>')
    }
    const d = dotRefs[p.dataIndex ?? -1]
    if (!d) return ''
    return `${escapeHtml(d.s.label)}<br/>${escapeHtml(workloadLabel(d.p.row))}: ${formatNumber(d.p.speedup, 3)}× (${formatNumber(d.p.row.value ?? 0)} vs ${formatNumber(d.p.ref.value ?? 0)} ${escapeHtml(d.p.ref.unit)})`
  }
  const maxX = Math.max(1, ...shown.flatMap((s) => [s.score, ...s.pairs.map((p) => p.speedup)]))
  const option: EChartsOption = {
    ...frame.option,
    tooltip: { trigger: 'item', confine: true, formatter: tooltip },
    grid: { ...frame.grid, left: 300, right: 90 },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(maxX * 1.08 * 10) / 10,
      name: `Speedup over the reference (×) · unofficial, derived`,
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { formatter: (v: number) => `${axisNumber(v)}×` }
    },
    yAxis: {
      type: 'category',
      data: ordered.map((s) => s.label),
      axisLabel: {
        width: 280,
        overflow: 'truncate',
        fontSize: 10.5,
        color: '#1c2430'
      }
    },
    series: [bars, dots]
  }
  const table = {
    columns: [
      'system',
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
