/**
 * Latency histogram of one local run: how many samples (MultiStream: samples; the run's
 * histogram is per sample) fell in each latency bin, with the bins in milliseconds. A pure
 * `(bins, options) → EChartsOption` builder.
 */
import type { EChartsOption } from 'echarts'
import type { LatencyHistogramBin, PercentilePoint } from '../shared/local-run'
import { TARGET_COLOR } from './chart-frame'
import { msText, runColor } from './run-chart-util'

/**
 * The body of the distribution (p0 to `upTo`) in equal-width bins, rebuilt from the percentile
 * curve: each 1 % step of the curve holds 1 % of the samples, spread evenly over its latency
 * range. The run's own histogram spans min to max, so a single slow outlier (a page fault, a
 * GC pause) can squeeze every other sample into its first bin; this view shows the shape of
 * the body at the curve's 1 % resolution, in approximate sample counts.
 */
export function bodyHistogram(
  curve: readonly PercentilePoint[],
  samples: number,
  bins = 40,
  upTo = 99
): LatencyHistogramBin[] {
  const pts = curve.filter((p) => p.percentile <= upTo).sort((a, b) => a.percentile - b.percentile)
  const first = pts[0]
  const last = pts[pts.length - 1]
  if (!first || !last || pts.length < 2 || samples <= 0) return []
  const lo = first.latencyNs
  const width = Math.max(1, (last.latencyNs - lo) / bins)
  const out: LatencyHistogramBin[] = Array.from({ length: bins }, (_, b) => ({
    fromNs: lo + b * width,
    toNs: lo + (b + 1) * width,
    count: 0
  }))
  const binOf = (ns: number): number =>
    Math.min(bins - 1, Math.max(0, Math.floor((ns - lo) / width)))
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i]!
    const z = pts[i + 1]!
    const mass = ((z.percentile - a.percentile) / 100) * samples
    if (z.latencyNs <= a.latencyNs) {
      out[binOf(a.latencyNs)]!.count += mass
      continue
    }
    // Spread the step's samples over the bins its latency range crosses.
    for (let b = binOf(a.latencyNs); b <= binOf(z.latencyNs); b++) {
      const bin = out[b]!
      const overlap = Math.min(bin.toNs, z.latencyNs) - Math.max(bin.fromNs, a.latencyNs)
      if (overlap > 0) bin.count += (mass * overlap) / (z.latencyNs - a.latencyNs)
    }
  }
  for (const bin of out) bin.count = Math.round(bin.count)
  return out
}

/** Share of all samples in the fullest bin: near 1 means an outlier flattened the histogram. */
export function fullestBinShare(bins: readonly LatencyHistogramBin[]): number {
  const total = bins.reduce((a, b) => a + b.count, 0)
  return total > 0 ? Math.max(...bins.map((b) => b.count)) / total : 0
}

export type LatencyHistogramOptions = {
  /** A latency to mark (e.g. the Server bound or the target-percentile latency), ns. */
  markNs?: number | null
  markLabel?: string
  /** The bins are rebuilt from the percentile curve (counts are approximate). */
  approximate?: boolean
}

export function latencyHistogramOption(
  bins: readonly LatencyHistogramBin[],
  o: LatencyHistogramOptions = {}
): EChartsOption {
  const labels = bins.map((b) => msText((b.fromNs + b.toNs) / 2))
  const total = bins.reduce((a, b) => a + b.count, 0)
  // The bin holding the marked latency, for a vertical line on the category axis.
  const markIndex =
    o.markNs != null ? bins.findIndex((b) => o.markNs! >= b.fromNs && o.markNs! < b.toNs) : -1
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 28, bottom: 48 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const p = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number }
        const b = bins[p?.dataIndex ?? -1]
        if (!b) return ''
        const share = total > 0 ? ((100 * b.count) / total).toFixed(1) : '0'
        const about = o.approximate ? 'about ' : ''
        return `${msText(b.fromNs)}–${msText(b.toNs)} ms<br/>${about}${b.count.toLocaleString('en-US')} samples (${share}%)`
      }
    },
    xAxis: {
      type: 'category',
      data: labels,
      name: 'Latency (ms)',
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { hideOverlap: true }
    },
    yAxis: { type: 'value', name: o.approximate ? 'Samples (approx.)' : 'Samples', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: 'Samples',
        data: bins.map((b) => b.count),
        barCategoryGap: '8%',
        itemStyle: { color: runColor(0) },
        ...(markIndex >= 0
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: TARGET_COLOR, type: 'dashed' },
                label: { formatter: o.markLabel ?? '', position: 'insideEndTop' },
                data: [{ xAxis: markIndex }]
              }
            }
          : {})
      }
    ]
  }
}
