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
  targetLineSeries
} from './training-chart-util'
import type { ConvergenceLine, ConvergenceLines } from './convergence-lines'
import { convergenceLines, convergenceNotes } from './convergence-lines'

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

/** A run's line: solid when counted, dotted when dropped, dashed when it did not count. */
function lineSeries(line: ConvergenceLine): LineSeriesOption {
  return {
    type: 'line',
    name: line.name,
    data: line.points,
    encode: { x: 0, y: 1 },
    showSymbol: true,
    symbol: line.metricIndex === 0 ? 'circle' : 'triangle',
    symbolSize: 5,
    color: colourOrOther(line.runIndex),
    lineStyle: { width: line.role === 'counted' ? 2 : 1.5, type: lineType(line.role) },
    emphasis: { focus: 'series' }
  }
}

/** A point's tooltip: the run, the quality, the time (and epoch) and the run's role. */
function tooltipFormatter(
  lines: readonly ConvergenceLine[],
  metricName: string
): (params: unknown) => string {
  const roleOf = new Map<string, TrainingRunDetail['role']>()
  const statusOf = new Map<string, string>()
  for (const l of lines) {
    roleOf.set(l.name, l.role)
    statusOf.set(l.name, l.status)
  }
  return (params) => {
    const f = tooltipFields(params)
    if (!f) return ''
    const [, quality, minutes, epoch] = f.value
    const role = roleOf.get(f.seriesName)
    const status = statusOf.get(f.seriesName)
    const text = [
      `${f.marker}<b>${escapeHtml(f.seriesName)}</b>`,
      `${escapeHtml(metricName)}: <b>${typeof quality === 'number' ? formatValue(quality) : ''}</b>`,
      `${typeof minutes === 'number' ? formatMinutes(minutes) : ''} since run_start` +
        (typeof epoch === 'number' ? ` · epoch ${formatValue(epoch, 6)}` : '')
    ]
    if (role !== undefined) {
      text.push(`<span style="color:#6b7585">${status ?? ''}, ${ROLE_TEXT[role]}</span>`)
    }
    return text.join('<br/>')
  }
}

/** Time (or epoch) from 0, and the quality axis around the values and the target. */
function axes(
  c: ConvergenceLines,
  x: ConvergenceOptions['x'],
  metricName: string,
  yValues: readonly number[],
  log: boolean
): Pick<EChartsOption, 'xAxis' | 'yAxis'> {
  const yBounds =
    yValues.length === 0
      ? null
      : log
        ? logBounds(Math.min(...yValues), Math.max(...yValues))
        : niceBounds(Math.min(...yValues), Math.max(...yValues))
  return {
    xAxis: {
      type: 'value',
      name: x === 'epoch' ? 'Epoch' : 'Time since run_start (minutes)',
      nameLocation: 'middle',
      nameGap: 28,
      min: 0,
      ...(c.xs.length > 0 ? { max: niceBounds(0, Math.max(...c.xs)).max } : {}),
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
    }
  }
}

/** Builds the convergence chart. Runs without evaluations simply have no line. */
export function convergenceOption(
  input: ConvergenceInput,
  options: ConvergenceOptions
): EChartsOption {
  const { x, yScale = 'linear' } = options
  const log = yScale === 'log'
  const c = convergenceLines(input.runs, x, log)
  const series = c.lines.map(lineSeries)
  const target = input.target
  const showTarget = target !== null && (!log || target > 0)
  if (showTarget) {
    series.push(targetLineSeries(target, 'y', 'insideEndTop'))
  }
  const notes = convergenceNotes(c)
  const metricName = input.metricLabel || 'Eval quality'
  // Ten runs in colour, the rest grey under one "Other" legend entry. The target is labelled
  // on the chart itself, not in the legend.
  const legend = legendWithOther(
    series.filter((x) => x.name !== 'Quality target').map((x) => String(x.name)),
    new Set(c.lines.filter((l) => l.runIndex < 10).map((l) => l.name))
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
      formatter: tooltipFormatter(c.lines, metricName)
    },
    ...axes(c, x, metricName, showTarget ? [...c.values, target] : c.values, log),
    series: [...series, ...legend.phantom]
  }
}
