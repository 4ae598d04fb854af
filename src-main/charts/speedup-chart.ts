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
import type { EChartsOption, LineSeriesOption } from 'echarts'
import type { Cell } from '../shared/api'
import { acceleratorMapper } from './accelerator-alias'
import {
  DEFAULT_SIZE,
  MAX_COLOURED,
  OTHER_NAME,
  axisNumber,
  chartFrame,
  roundAxis,
  escapeHtml,
  formatNumber,
  paletteColor,
  withEmptyMessage
} from './chart-frame'
import type { ChartRow } from '../shared/charts/chart-points'
import { acceleratorText, systemLabel } from './row-text'
import { decodePoints, isLocal } from '../shared/charts/chart-points'
import { benchmarkNamer, compareWorkloads, workloadLabel } from './chart-scope'
import { LIGHT_CHART_THEME } from './chart-theme'
import type { BuildInput, BuiltChart, Exclusion } from './chart-types'
import { bump, countText } from './chart-types'
import { benchmarkSetNotes, comparability, toComparable } from './comparability'
import { bestPerRound, betterRatio, directionOf } from './direction'
import { citationFootnote } from './footnote'
import { compareRounds, sortedRounds } from '../mlperf'

/** Most lines drawn in the same-accelerator mode (the ones seen in most rounds). */
export const MAX_SPEEDUP_SERIES = 16

/** One plotted point: a round's best row and its speedup over the segment's baseline. */
export type SpeedupPoint = { round: string; row: ChartRow; base: ChartRow; speedup: number }

/** A line: consecutive comparable rounds sharing one baseline. */
export type SpeedupSegment = { label: string; points: SpeedupPoint[]; caveats: string[] }

/**
 * Splits one series (best row per round, any order) into comparable segments and the
 * exclusions between them. Pure and exported for tests.
 */
export function speedupSegments(
  label: string,
  bestByRound: ReadonlyMap<string, ChartRow>
): { segments: SpeedupSegment[]; exclusions: Exclusion[] } {
  const rounds = [...bestByRound.keys()].sort(compareRounds)
  const segments: SpeedupSegment[] = []
  const exclusions: Exclusion[] = []
  let current: SpeedupSegment | null = null
  for (const round of rounds) {
    const row = bestByRound.get(round)
    if (!row) continue
    const base = current?.points[0]?.row
    if (current && base) {
      const c = comparability(toComparable(base), toComparable(row))
      if (c.ok) {
        const s = betterRatio(row.value, base.value, directionOf(base.unit, base.metric))
        if (s !== null) {
          current.points.push({ round, row, base, speedup: s })
          for (const cv of c.caveats) if (!current.caveats.includes(cv)) current.caveats.push(cv)
          continue
        }
      } else {
        exclusions.push({ subject: `${label}: ${base.round} → ${round}`, reason: c.reason })
      }
    }
    current = {
      label: segments.length === 0 ? label : `${label} (from ${round})`,
      points: [{ round, row, base: row, speedup: 1 }],
      caveats: []
    }
    segments.push(current)
  }
  return { segments, exclusions }
}

/** Builds the speedup chart. */
export function buildSpeedup(input: BuildInput): BuiltChart {
  const { view } = input
  const size = input.size ?? DEFAULT_SIZE
  const theme = input.theme ?? LIGHT_CHART_THEME
  const all = decodePoints(input.data.points)
  const name = benchmarkNamer(all)
  const canon = acceleratorMapper(input.data.aliases)
  const dropped = new Map<string, number>()
  const eligible: ChartRow[] = []
  for (const r of all) {
    if (isLocal(r)) bump(dropped, 'your own runs (unverified) are not part of published speedups')
    else if (r.division !== 'closed') {
      bump(dropped, `${r.division}-division results (only closed results are compared)`)
    } else if (!r.valid) bump(dropped, 'marked invalid')
    else if (r.value === null || !(r.value > 0)) bump(dropped, 'no positive result value')
    else eligible.push(r)
  }
  const same = view.speedupMode === 'same-accelerator'
  const names = new Map<string, { label: string; workload: ChartRow }>()
  const keyOf = (r: ChartRow): string | null => {
    const power = r.powerValue !== null
    if (!same) {
      if (r.acceleratorsTotal !== view.accelerators) return null
      const key = `${r.benchmark}|${r.scenario ?? ''}|${power ? 'p' : ''}`
      if (!names.has(key)) {
        names.set(key, {
          label: `${workloadLabel(r, name)}${power ? ' (power submissions)' : ''}`,
          workload: r
        })
      }
      return key
    }
    const acc = canon(r.accelerator)
    if (acc === null || r.acceleratorsTotal === null || !(r.acceleratorsTotal > 0)) return null
    const key = `${r.benchmark}|${r.scenario ?? ''}|${acc}|${r.acceleratorsTotal}|${power ? 'p' : ''}`
    if (!names.has(key)) {
      names.set(key, {
        label: `${workloadLabel(r, name)} · ${acc} ×${r.acceleratorsTotal}${power ? ' (power)' : ''}`,
        workload: r
      })
    }
    return key
  }
  const series = bestPerRound(eligible, keyOf)
  if (!same) {
    const other = eligible.filter((r) => r.acceleratorsTotal !== view.accelerators).length
    if (other > 0)
      bump(dropped, `systems with a different accelerator count than ${view.accelerators}`, other)
  } else {
    const cpu = eligible.filter((r) => canon(r.accelerator) === null).length
    if (cpu > 0) bump(dropped, 'CPU-only systems (no accelerator to pair on)', cpu)
  }

  let segments: SpeedupSegment[] = []
  const exclusions: Exclusion[] = []
  const keys = [...series.keys()].sort((a, b) => {
    const x = names.get(a)?.workload
    const y = names.get(b)?.workload
    return (x && y ? compareWorkloads(x, y) : 0) || a.localeCompare(b)
  })
  for (const key of keys) {
    const byRound = series.get(key)
    const name = names.get(key)
    if (!byRound || !name) continue
    const r = speedupSegments(name.label, byRound)
    segments.push(...r.segments)
    exclusions.push(...r.exclusions)
  }
  const single = segments.filter((s) => s.points.length < 2).length
  segments = segments.filter((s) => s.points.length >= 2)
  const notes: string[] = []
  if (single > 0) {
    notes.push(
      `${single} benchmark lines have a result in one comparable round only and are not drawn.`
    )
  }
  if (same && segments.length > MAX_SPEEDUP_SERIES) {
    notes.push(
      `Showing the ${MAX_SPEEDUP_SERIES} accelerator lines seen in most rounds of ${segments.length}; filter by benchmark or accelerator to see others.`
    )
    segments = [...segments]
      .sort((a, b) => b.points.length - a.points.length || a.label.localeCompare(b.label))
      .slice(0, MAX_SPEEDUP_SERIES)
  }
  if (dropped.size) notes.push(`Left out: ${countText(dropped)}.`)
  notes.push(...benchmarkSetNotes(eligible.map((r) => name(r.benchmark))))
  const caveats = [...new Set(segments.flatMap((s) => s.caveats))]
  for (const c of caveats) notes.push(`Caveat: ${c}.`)

  // The lines seen in most rounds get the ten colours; the rest are thin grey "Other" lines
  // (hover names each). Coloured lines come first and are drawn on top.
  const coloured = new Set(
    [...segments]
      .sort((a, b) => b.points.length - a.points.length || a.label.localeCompare(b.label))
      .slice(0, MAX_COLOURED)
  )
  segments = [
    ...segments.filter((s) => coloured.has(s)),
    ...segments.filter((s) => !coloured.has(s))
  ]
  const greyLines = segments.length - coloured.size
  if (greyLines > 0) {
    notes.push(
      `${greyLines} more line${greyLines === 1 ? '' : 's'} drawn in grey as “${OTHER_NAME}” (hover a line to name it); filter by benchmark to colour them.`
    )
  }
  const rounds = sortedRounds(segments.flatMap((s) => s.points.map((p) => p.round)))
  const roundIndex = new Map(rounds.map((r, i) => [r, i]))
  const lines: LineSeriesOption[] = segments.map((s, i) => {
    const data: (number | '-')[] = rounds.map(() => '-')
    for (const p of s.points) data[roundIndex.get(p.round) ?? 0] = p.speedup
    const other = !coloured.has(s)
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

  const speedups = segments.flatMap((s) => s.points.map((p) => p.speedup))
  const lo = speedups.length ? Math.min(1, ...speedups) : 0.5
  const hi = speedups.length ? Math.max(1, ...speedups) : 2
  const title =
    view.title ??
    (same
      ? 'Same-accelerator speedup across rounds (software gains)'
      : `Round-over-round speedup: best result at ${view.accelerators} accelerator${view.accelerators === 1 ? '' : 's'}`)
  const subtitle = [
    (same
      ? 'Best closed-division result per benchmark, scenario, canonical accelerator model and count in each round'
      : `Best closed-division result per benchmark and scenario in each round on systems with exactly ${view.accelerators} accelerator${view.accelerators === 1 ? '' : 's'}`) +
      ', as a speedup over the first comparable round (latencies inverted: higher is better). Log scale. Derived, not an official MLPerf metric.',
    `${segments.length} lines over ${rounds.length} rounds` +
      (exclusions.length
        ? `; ${exclusions.length} round pairs not comparable under MLPerf rules (listed in the footnote)`
        : '') +
      '.'
  ]
  const plottedRows = segments.flatMap((s) => s.points.map((p) => p.row))
  const derived = [
    'speedup = result ÷ first comparable round (baseline ÷ result for latencies)',
    ...(same ? ['accelerators paired by canonical id (alias table with your overrides)'] : [])
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
    subtitle,
    footnote: footnote.short,
    size,
    points: speedups.length,
    legend: lines.map((x) => String(x.name)),
    zoomX: [0],
    target: input.target ?? 'screen'
  })
  const tooltip = (params: unknown): string => {
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
  const emptyText =
    segments.length > 0
      ? null
      : same
        ? 'No accelerator model and count was submitted in two comparable rounds among these results: widen the filters (rounds, benchmarks).'
        : `No benchmark has results on exactly ${view.accelerators} accelerator${view.accelerators === 1 ? '' : 's'} in two comparable rounds: pick another accelerator count or widen the filters.`
  const option: EChartsOption = withEmptyMessage(
    {
      ...frame.option,
      tooltip: { trigger: 'item', confine: true, formatter: tooltip },
      grid: { ...frame.grid, right: 84 },
      xAxis: roundAxis(rounds),
      yAxis: {
        type: 'log',
        logBase: 2,
        min: 2 ** Math.floor(Math.log2(lo)),
        max: 2 ** Math.ceil(Math.log2(hi) + 0.01),
        name: 'Speedup over the first comparable round (×) · derived',
        nameLocation: 'middle',
        nameGap: 54,
        axisLabel: { formatter: (v: number) => `${axisNumber(v)}×` },
        minorTick: { show: true },
        minorSplitLine: { show: true }
      },
      series: lines
    },
    frame,
    size,
    emptyText
  )
  const table = {
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
  return {
    kind: 'speedup',
    title,
    option,
    table,
    rows: plottedRows,
    notes,
    exclusions,
    derived,
    footnote,
    points: speedups.length,
    height: Math.max(size.height, frame.minHeight)
  }
}
