/**
 * Small helpers shared by the training chart builders (convergence.ts, ttmt.ts). Pure and
 * environment neutral: the renderer draws their options on a canvas, the CLI renders them to SVG.
 */
import type { LineSeriesOption } from 'echarts'
import { OTHER_NAME, TARGET_COLOR } from './chart-frame'

/** Run and set colours: distinguishable on white and in print (Tableau 10, reordered). */
export const SERIES_COLORS: readonly string[] = [
  '#1f5fbf',
  '#e8710a',
  '#1a9e5c',
  '#c0392b',
  '#7b4fb3',
  '#8c564b',
  '#d4489c',
  '#5f6b7a',
  '#a8a020',
  '#17a2b8'
]

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? '#1f5fbf'
}

/** Grey of the runs or sets past the ten coloured ones; readable on light and dark. */
export const OTHER_LINE_COLOR = '#9aa3af'

/** The colour of run or set `index`: its own for the first ten, grey ("Other") after. */
export function colourOrOther(index: number): string {
  return index < SERIES_COLORS.length ? seriesColor(index) : OTHER_LINE_COLOR
}

/**
 * The legend's entries when there are more lines than colours: the coloured ones by name and
 * one grey "Other" entry for the rest (a line series without data carries its swatch). The grey
 * lines keep their own names, so a tooltip still says which run it is.
 */
export function legendWithOther(
  names: readonly string[],
  coloured: ReadonlySet<string>
): { data: string[]; phantom: LineSeriesOption[] } {
  const data = names.filter((n) => coloured.has(n))
  if (data.length === names.length) return { data, phantom: [] }
  return {
    data: [...data, OTHER_NAME],
    phantom: [{ type: 'line', name: OTHER_NAME, data: [], color: OTHER_LINE_COLOR }]
  }
}

/** A number for a label or tooltip: at most `digits` significant digits, no exponent noise. */
export function formatValue(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value)
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(2)
  return String(Number(value.toPrecision(digits)))
}

/** Minutes as a reader wants them in a tooltip: "25.92 min". */
export function formatMinutes(minutes: number): string {
  return `${minutes >= 100 ? minutes.toFixed(1) : minutes.toFixed(2)} min`
}

/** "result_3.txt" → "result_3": legends are narrow. */
export function runLabel(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file
  return base.replace(/\.txt$/i, '')
}

/**
 * Round axis bounds that contain [lo, hi] with a little air, so ticks land on round values and a
 * reference line (the quality target) is never clipped. The axis only goes below zero when the
 * data does.
 */
export function niceBounds(lo: number, hi: number): { min: number; max: number } {
  let range = hi - lo
  if (!(range > 0)) range = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1
  const rawStep = range / 5
  const magnitude = 10 ** Math.floor(Math.log10(rawStep))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rawStep) ?? rawStep
  let min = Math.floor((lo - range * 0.02) / step) * step
  const max = Math.ceil((hi + range * 0.02) / step) * step
  if (lo >= 0 && min < 0) min = 0
  // Floating point: 0.30000000000000004 → 0.3.
  return { min: Number(min.toPrecision(12)), max: Number(max.toPrecision(12)) }
}

/** Powers of ten around [lo, hi] for a log axis (lo must be > 0). */
export function logBounds(lo: number, hi: number): { min: number; max: number } {
  return { min: 10 ** Math.floor(Math.log10(lo)), max: 10 ** Math.ceil(Math.log10(hi)) }
}

/** Plain-language count: "1 point", "3 points". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * Labels of several result sets without the words they all share at the start and the end
 * ("v4.0 Acme Acme T1 (8x …) resnet", "v4.0 Acme Acme T2 (…) resnet" → "Acme T1 (8x …)",
 * "Acme T2 (…)"), so legends stay readable. A label that would become empty is kept whole.
 */
export function shortLabels(labels: readonly string[]): string[] {
  if (labels.length < 2) return [...labels]
  const words = labels.map((l) => l.split(/\s+/).filter((w) => w !== ''))
  const shortest = Math.min(...words.map((w) => w.length))
  let head = 0
  while (head < shortest && words.every((w) => w[head] === words[0]?.[head])) head++
  let tail = 0
  while (
    tail < shortest - head &&
    words.every((w) => w[w.length - 1 - tail] === words[0]?.[(words[0]?.length ?? 0) - 1 - tail])
  ) {
    tail++
  }
  // Never cut inside parentheses: "(8x Acme Tensor T1)" stays whole.
  const open = (text: string): number => text.split('(').length - text.split(')').length
  while (head > 0 && open((words[0] ?? []).slice(0, head).join(' ')) !== 0) head--
  while (tail > 0 && words.some((w) => open(w.slice(head, w.length - tail).join(' ')) !== 0)) {
    tail--
  }
  return words.map((w, i) => {
    const kept = w.slice(head, w.length - tail).join(' ')
    return kept === '' ? (labels[i] ?? '') : kept
  })
}

/**
 * The quality target as a dashed reference line with its value, as a legend entry of its own:
 * horizontal ('y', eval quality against time) or vertical ('x', times against threshold).
 */
export function targetLineSeries(
  target: number,
  axis: 'x' | 'y',
  position: 'insideEndTop' | 'end'
): LineSeriesOption {
  return {
    type: 'line',
    name: 'Quality target',
    data: [],
    color: TARGET_COLOR,
    lineStyle: { type: 'dashed', color: TARGET_COLOR },
    markLine: {
      silent: true,
      symbol: 'none',
      animation: false,
      // ECharts rounds the line's position to `precision` decimals (default 2): 0.925 → 0.93.
      precision: 20,
      lineStyle: { type: 'dashed', color: TARGET_COLOR, width: 1.5 },
      label: { formatter: `Target ${formatValue(target)}`, position, color: TARGET_COLOR },
      data: [axis === 'y' ? { yAxis: target } : { xAxis: target }]
    }
  }
}
