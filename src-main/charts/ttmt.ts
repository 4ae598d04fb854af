/**
 * Time-to-multiple-thresholds chart (Verma et al. 2019): time to reach each quality threshold,
 * as TTA (time to that threshold) and ATTMT (average time to multiple thresholds: the mean of the
 * TTAs of that threshold and every easier one), against the threshold. One set: every run is
 * drawn; several sets (systems): the mean over each set's runs, optionally with the runs behind.
 * A pure `(view, options) → EChartsOption` builder.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts'
import type { TtmtView } from '../shared/api'
import { escapeHtml } from './chart-frame'
import {
  formatMinutes,
  formatValue,
  legendWithOther,
  logBounds,
  niceBounds,
  targetLineSeries
} from './training-chart-util'
import type { TtmtCurve, TtmtMeasure } from './ttmt-curves'
import { ttmtCurves, ttmtNotes } from './ttmt-curves'

export type { TtmtMeasure } from './ttmt-curves'

export type TtmtChartOptions = {
  /** Name of the quality metric, for the threshold axis ("top-1 accuracy"). */
  metricLabel: string
  /** Which curves to draw. */
  measure?: TtmtMeasure
  /** Draw every run (default: only when there is a single set). */
  showRuns?: boolean
  /** Draw each set's mean curves (default: only when there are several sets). */
  showMeans?: boolean
  /** Time axis scale; log drops times ≤ 0 and says how many in the subtitle. */
  yScale?: 'linear' | 'log'
  /** The quality target, drawn as a vertical line when given. */
  target?: number | null
  title?: string
}

const DASH = 'dashed'

/** Mark TTA curves dashed with hollow symbols, ATTMT solid with filled ones (as in the paper). */
function curveStyle(
  kind: 'TTA' | 'ATTMT',
  color: string,
  faint: boolean
): Pick<LineSeriesOption, 'symbol' | 'symbolSize' | 'lineStyle' | 'itemStyle' | 'color'> {
  return {
    color,
    symbol: kind === 'TTA' ? 'emptyCircle' : 'circle',
    symbolSize: faint ? 3 : 6,
    lineStyle: {
      type: kind === 'TTA' ? DASH : 'solid',
      width: faint ? 1 : 2,
      opacity: faint ? 0.45 : 1
    },
    itemStyle: { opacity: faint ? 0.45 : 1 }
  }
}

type AxisParam = { seriesName: string; marker: string; value: unknown }

function axisParams(params: unknown): AxisParam[] {
  const list = Array.isArray(params) ? (params as unknown[]) : [params]
  const out: AxisParam[] = []
  for (const p of list) {
    if (typeof p !== 'object' || p === null) continue
    const r = p as Record<string, unknown>
    out.push({
      seriesName: typeof r['seriesName'] === 'string' ? r['seriesName'] : '',
      marker: typeof r['marker'] === 'string' ? r['marker'] : '',
      value: r['value']
    })
  }
  return out
}

/** The axis tooltip: the threshold, then each curve's time to it. */
function tooltipFormatter(metric: string): (params: unknown) => string {
  return (params) => {
    const list = axisParams(params)
    const first = list[0]
    if (!first || !Array.isArray(first.value)) return ''
    const threshold = (first.value as unknown[])[0]
    const head =
      typeof threshold === 'number'
        ? `<b>${escapeHtml(metric)} ≥ ${formatValue(threshold)}</b>`
        : ''
    const rows = list.map((p) => {
      const v = Array.isArray(p.value) ? (p.value as unknown[])[1] : null
      const text = typeof v === 'number' ? formatMinutes(v) : 'not reached'
      return `${p.marker}${escapeHtml(p.seriesName)}: ${text}`
    })
    return [head, ...rows].join('<br/>')
  }
}

/** A curve as a line: TTA dashed and hollow, ATTMT solid; means on top. */
function curveSeries(c: TtmtCurve): LineSeriesOption {
  return {
    type: 'line',
    name: c.name,
    data: c.data,
    connectNulls: false,
    ...(c.mean ? { z: 3 } : {}),
    ...curveStyle(c.kind, c.color, c.faint)
  }
}

/** The threshold axis (difficulty grows to the right) and the time axis. */
function axes(
  view: TtmtView,
  metric: string,
  target: number | null,
  times: readonly number[],
  log: boolean
): Pick<EChartsOption, 'xAxis' | 'yAxis'> {
  const xs = target !== null ? [...view.thresholds, target] : [...view.thresholds]
  const xLo = xs.length > 0 ? Math.min(...xs) : 0
  const xHi = xs.length > 0 ? Math.max(...xs) : 1
  const xBounds = niceBounds(xLo, xHi)
  const yBounds =
    times.length === 0
      ? null
      : log
        ? logBounds(Math.min(...times), Math.max(...times))
        : niceBounds(0, Math.max(...times))
  return {
    xAxis: {
      type: 'value',
      name: `${metric} threshold`,
      nameLocation: 'middle',
      nameGap: 28,
      min: xBounds.min,
      max: xBounds.max,
      // Difficulty grows to the right: lower-is-better thresholds run from high to low.
      inverse: view.direction === 'lower',
      axisLabel: { formatter: (v: number) => formatValue(v) },
      splitLine: { show: false }
    },
    yAxis: {
      type: log ? 'log' : 'value',
      name: 'Time (minutes)',
      nameLocation: 'middle',
      nameGap: 44,
      ...(yBounds ? { min: yBounds.min, max: yBounds.max } : {}),
      axisLabel: { formatter: (v: number) => formatValue(v) },
      ...(log ? { minorSplitLine: { show: true } } : {})
    }
  }
}

/** Builds the TTMT chart for one or more result sets sharing one threshold ladder. */
export function ttmtOption(view: TtmtView, options: TtmtChartOptions): EChartsOption {
  const log = options.yScale === 'log'
  const curves = ttmtCurves(view, options)
  const series = curves.curves.map(curveSeries)
  const target = options.target ?? null
  if (target !== null && Number.isFinite(target)) {
    series.push(targetLineSeries(target, 'x', 'end'))
  }
  const notes = ttmtNotes(view.thresholds, curves)
  const hasTitle = Boolean(options.title) || notes.length > 0
  const metric = options.metricLabel || 'quality'
  // The target is labelled on the chart itself, not in the legend.
  const legend = legendWithOther(
    series.filter((x) => x.name !== 'Quality target').map((x) => String(x.name)),
    new Set(curves.curves.filter((c) => c.coloured).map((c) => c.name))
  )
  return {
    animation: false,
    ...(hasTitle
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
      data: legend.data
    },
    grid: { left: 16, right: 28, top: hasTitle ? 56 : 30, bottom: 64 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'line' },
      formatter: tooltipFormatter(metric)
    },
    ...axes(view, metric, target, curves.times, log),
    series: [...series, ...legend.phantom]
  }
}
