/**
 * Small helpers shared by the local-run charts (latency histogram, percentile curve,
 * throughput): series colours, latency formatting and HTML escaping for tooltips.
 */

/** Distinct colours for overlaid runs, first = the single-run colour. */
export const RUN_COLORS: readonly string[] = [
  '#1f5fbf',
  '#d9480f',
  '#2b8a3e',
  '#862e9c',
  '#c2255c',
  '#0b7285',
  '#e67700',
  '#5c940d'
]

export function runColor(i: number): string {
  return RUN_COLORS[i % RUN_COLORS.length] ?? '#1f5fbf'
}

/** Nanoseconds as milliseconds with 3 significant digits (0.0512, 1.23, 45.6, 1,234). */
export function msText(ns: number): string {
  const ms = ns / 1e6
  if (ms === 0) return '0'
  if (ms >= 1000) return Math.round(ms).toLocaleString('en-US')
  return Number(ms.toPrecision(3)).toString()
}

/** A value from ECharts' tooltip params (typed loosely by ECharts). */
export function tooltipParam(params: unknown): { name: string; value: unknown; marker: string } {
  const p = (Array.isArray(params) ? params[0] : params) as Record<string, unknown> | undefined
  return {
    name: typeof p?.['seriesName'] === 'string' ? p['seriesName'] : '',
    value: p?.['value'],
    marker: typeof p?.['marker'] === 'string' ? p['marker'] : ''
  }
}
