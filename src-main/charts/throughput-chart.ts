/**
 * Samples completed per second over the time of one or more local runs (equal time windows
 * from the start of timing), to see warm-up, throttling or stalls. A pure
 * `(series, options) → EChartsOption` builder.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts'
import type { ThroughputPoint } from '../shared/local-run'
import { escapeHtml } from './chart-frame'
import { runColor, tooltipParam } from './run-chart-util'

export type ThroughputSeries = { name: string; points: readonly ThroughputPoint[] }

function rate(v: number): string {
  return v >= 100 ? Math.round(v).toLocaleString('en-US') : Number(v.toPrecision(3)).toString()
}

export function throughputOption(series: readonly ThroughputSeries[]): EChartsOption {
  const lines: LineSeriesOption[] = series.map((s, i) => ({
    type: 'line',
    name: s.name,
    showSymbol: s.points.length < 60,
    symbolSize: 4,
    color: runColor(i),
    data: s.points.map((p) => [p.timeS, p.samplesPerSecond])
  }))
  return {
    animation: false,
    grid: { left: 64, right: 24, top: series.length > 1 ? 40 : 28, bottom: 48 },
    ...(series.length > 1 ? { legend: { top: 0, type: 'scroll' } } : {}),
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const { name, value, marker } = tooltipParam(params)
        if (!Array.isArray(value)) return ''
        const [t, v] = value as [number, number]
        return `${marker}${escapeHtml(name)}<br/>${t.toFixed(2)} s: ${rate(v)} samples/s`
      }
    },
    xAxis: {
      type: 'value',
      name: 'Time since start (s)',
      nameLocation: 'middle',
      nameGap: 30,
      min: 0
    },
    yAxis: { type: 'value', name: 'Samples/s', min: 0, axisLabel: { formatter: rate } },
    series: lines
  }
}
