/**
 * Convergence chart of a training result set: eval quality against time since run_start (or
 * against epochs) for every run at once, with the quality target as a horizontal line. A pure
 * `(runs, options) → EChartsOption` builder; the renderer draws it, the CLI renders it to SVG.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts'
import type { TrainingRunsView } from '../shared/api'
import type { TrainingRunDetail } from '../shared/training'
import { escapeHtml } from './chart-frame'
import {
  colourOrOther,
  formatMinutes,
  formatValue,
  legendWithOther,
  logBounds,
  niceBounds,
  plural,
  runLabel,
  targetLineSeries
} from './training-chart-util'

export type ConvergenceInput = Pick<
  TrainingRunsView,
  'runs' | 'target' | 'direction' | 'metricLabel'
>

export type ConvergenceOptions = {
  /** Horizontal axis: minutes since run_start, or the logged epoch number. */
  x: 'time' | 'epoch'
  /** Quality axis scale; log drops values ≤ 0 and says how many in the subtitle. */
  yScale?: 'linear' | 'log'
  /** Chart title (none by default: the panel around it names the result). */
  title?: string
}

/** One plotted point: [x, quality, minutes since run_start, epoch]. */
type Point = [number, number, number, number | null]

const ROLE_TEXT: Record<TrainingRunDetail['role'], string> = {
  counted: 'counted in the score',
  'dropped-fastest': 'dropped (fastest)',
  'dropped-slowest': 'dropped (slowest)',
  failed: 'did not count'
}

/** Line style by role: counted solid, olympic drops dotted, runs that did not count dashed. */
function lineType(role: TrainingRunDetail['role']): 'solid' | 'dotted' | 'dashed' {
  if (role === 'counted') return 'solid'
  return role === 'failed' ? 'dashed' : 'dotted'
}

type TooltipFields = { seriesName: string; marker: string; value: unknown[] }

function tooltipFields(params: unknown): TooltipFields | null {
  if (typeof params !== 'object' || params === null) return null
  const p = params as Record<string, unknown>
  const value = p['value']
  if (!Array.isArray(value)) return null
  return {
    seriesName: typeof p['seriesName'] === 'string' ? p['seriesName'] : '',
    marker: typeof p['marker'] === 'string' ? p['marker'] : '',
    value: value as unknown[]
  }
}

/** Builds the convergence chart. Runs without evaluations simply have no line. */
export function convergenceOption(
  input: ConvergenceInput,
  options: ConvergenceOptions
): EChartsOption {
  const { x, yScale = 'linear' } = options
  const log = yScale === 'log'
  const metrics = new Set(input.runs.flatMap((r) => r.evals.map((e) => e.metric)))
  const multiMetric = metrics.size > 1
  const roleOf = new Map<string, TrainingRunDetail['role']>()
  const statusOf = new Map<string, string>()

  let noEpoch = 0
  let nonPositive = 0
  const values: number[] = []
  const xs: number[] = []
  const series: LineSeriesOption[] = []
  // Ten runs in colour, the rest grey under one "Other" legend entry.
  const coloured = new Set<string>()

  input.runs.forEach((run, runIndex) => {
    const groups = new Map<string | null, Point[]>()
    for (const e of run.evals) {
      const minutes = e.timeMs / 60000
      if (x === 'epoch' && e.epoch === null) {
        noEpoch++
        continue
      }
      if (log && !(e.value > 0)) {
        nonPositive++
        continue
      }
      const xv = x === 'epoch' ? (e.epoch ?? 0) : minutes
      const list = groups.get(e.metric) ?? []
      list.push([xv, e.value, minutes, e.epoch])
      groups.set(e.metric, list)
      values.push(e.value)
      xs.push(xv)
    }
    const label = runLabel(run.file)
    // Every run gets its legend entry, even when nothing of it can be drawn.
    if (groups.size === 0) groups.set(null, [])
    let metricIndex = 0
    for (const [metric, points] of groups) {
      const name = multiMetric && metric !== null ? `${label} · ${metric}` : label
      roleOf.set(name, run.role)
      statusOf.set(name, run.status)
      if (runIndex < 10) coloured.add(name)
      points.sort((a, b) => a[0] - b[0])
      series.push({
        type: 'line',
        name,
        data: points,
        encode: { x: 0, y: 1 },
        showSymbol: true,
        symbol: metricIndex === 0 ? 'circle' : 'triangle',
        symbolSize: 5,
        color: colourOrOther(runIndex),
        lineStyle: { width: run.role === 'counted' ? 2 : 1.5, type: lineType(run.role) },
        emphasis: { focus: 'series' }
      })
      metricIndex++
    }
  })

  const target = input.target
  const showTarget = target !== null && (!log || target > 0)
  if (showTarget) {
    series.push(targetLineSeries(target, 'y', 'insideEndTop'))
  }

  const yValues = showTarget ? [...values, target] : values
  const yBounds =
    yValues.length === 0
      ? null
      : log
        ? logBounds(Math.min(...yValues), Math.max(...yValues))
        : niceBounds(Math.min(...yValues), Math.max(...yValues))

  const notes: string[] = []
  if (values.length === 0) notes.push('No evaluations to draw.')
  if (noEpoch > 0) notes.push(`${plural(noEpoch, 'evaluation')} without an epoch number left out.`)
  if (nonPositive > 0) {
    notes.push(`${plural(nonPositive, 'value')} ≤ 0 left out on the log scale.`)
  }
  const metricName = input.metricLabel || 'Eval quality'
  // The target is labelled on the chart itself, not in the legend.
  const legend = legendWithOther(
    series.filter((x) => x.name !== 'Quality target').map((x) => String(x.name)),
    coloured
  )

  return {
    animation: false,
    color: input.runs.map((_, i) => colourOrOther(i)),
    ...(options.title || notes.length > 0
      ? {
          title: {
            text: options.title ?? '',
            subtext: notes.join(' '),
            left: 'center',
            top: 0,
            textStyle: { fontSize: 13 },
            subtextStyle: { fontSize: 11, color: '#6b7585' }
          }
        }
      : {}),
    legend: {
      type: 'scroll',
      bottom: 0,
      data: legend.data,
      icon: 'path://M0,4 L24,4 L24,6 L0,6 Z',
      itemWidth: 22,
      itemHeight: 8
    },
    grid: { left: 16, right: 28, top: notes.length > 0 || options.title ? 56 : 30, bottom: 64 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const f = tooltipFields(params)
        if (!f) return ''
        const [, quality, minutes, epoch] = f.value
        const role = roleOf.get(f.seriesName)
        const status = statusOf.get(f.seriesName)
        const lines = [
          `${f.marker}<b>${escapeHtml(f.seriesName)}</b>`,
          `${escapeHtml(metricName)}: <b>${typeof quality === 'number' ? formatValue(quality) : ''}</b>`,
          `${typeof minutes === 'number' ? formatMinutes(minutes) : ''} since run_start` +
            (typeof epoch === 'number' ? ` · epoch ${formatValue(epoch, 6)}` : '')
        ]
        if (role !== undefined) {
          lines.push(`<span style="color:#6b7585">${status ?? ''}, ${ROLE_TEXT[role]}</span>`)
        }
        return lines.join('<br/>')
      }
    },
    xAxis: {
      type: 'value',
      name: x === 'epoch' ? 'Epoch' : 'Time since run_start (minutes)',
      nameLocation: 'middle',
      nameGap: 28,
      min: 0,
      ...(xs.length > 0 ? { max: niceBounds(0, Math.max(...xs)).max } : {}),
      splitLine: { show: false }
    },
    yAxis: {
      type: log ? 'log' : 'value',
      name: metricName,
      nameLocation: 'middle',
      nameGap: 46,
      ...(yBounds ? { min: yBounds.min, max: yBounds.max } : {}),
      axisLabel: { formatter: (v: number) => formatValue(v) },
      ...(log ? { minorSplitLine: { show: true } } : {})
    },
    series: [...series, ...legend.phantom]
  }
}
