/**
 * Latency by percentile for one or more local runs. The percentile axis is logarithmic in
 * "nines" (x = 1 / (1 − p): 0 %, 90 %, 99 %, 99.9 %, 99.99 % are evenly spaced), so the tail
 * that decides MLPerf results is as wide as the body; p100 (the maximum) cannot sit on that
 * axis and is left out. A pure `(series, options) → EChartsOption` builder.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts'
import type { PercentilePoint } from '../shared/local-run'
import { escapeHtml, TARGET_COLOR } from './chart-frame'
import { msText, runColor, tooltipParam } from './run-chart-util'

export type PercentileCurveSeries = { name: string; points: readonly PercentilePoint[] }

export type PercentileCurveOptions = {
  /** The run's target percentile (90 SingleStream, 99 MultiStream/Server): a marker line. */
  targetPercentile?: number | null
  /** Latency axis scale. */
  yScale?: 'linear' | 'log'
}

/** Position of a percentile on the nines axis. */
export function ninesX(percentile: number): number {
  return 1 / (1 - percentile / 100)
}

/** The percentile at a nines-axis position, as the axis prints it. */
export function ninesLabel(x: number): string {
  const p = 100 * (1 - 1 / x)
  return `${Number(p.toFixed(4))}%`
}

export function percentileCurveOption(
  series: readonly PercentileCurveSeries[],
  o: PercentileCurveOptions = {}
): EChartsOption {
  const log = o.yScale === 'log'
  const lines: LineSeriesOption[] = series.map((s, i) => ({
    type: 'line',
    name: s.name,
    showSymbol: false,
    color: runColor(i),
    data: s.points
      .filter((p) => p.percentile < 100 && (!log || p.latencyNs > 0))
      .map((p) => [ninesX(p.percentile), p.latencyNs / 1e6, p.percentile]),
    ...(i === 0 && o.targetPercentile != null
      ? {
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: TARGET_COLOR, type: 'dashed' },
            label: { formatter: `p${o.targetPercentile}`, position: 'insideEndTop' },
            data: [{ xAxis: ninesX(o.targetPercentile) }]
          }
        }
      : {})
  }))
  return {
    animation: false,
    grid: { left: 60, right: 24, top: series.length > 1 ? 40 : 28, bottom: 48 },
    ...(series.length > 1 ? { legend: { top: 0, type: 'scroll' } } : {}),
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { name, value, marker } = tooltipParam(params)
        if (!Array.isArray(value)) return ''
        const [, latencyMs, percentile] = value as [number, number, number]
        return `${marker}${escapeHtml(name)}<br/>p${percentile}: ${msText(latencyMs * 1e6)} ms`
      }
    },
    xAxis: {
      type: 'log',
      logBase: 10,
      min: 1,
      max: 10000,
      name: 'Percentile',
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { formatter: (v: number) => ninesLabel(v) },
      minorTick: { show: true },
      minorSplitLine: { show: true, lineStyle: { opacity: 0.35 } }
    },
    yAxis: {
      type: log ? 'log' : 'value',
      name: 'Latency (ms)',
      ...(log ? {} : { min: 0 }),
      axisLabel: { formatter: (v: number) => msText(v * 1e6) }
    },
    series: lines
  }
}
