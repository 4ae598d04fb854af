/**
 * What every results chart shares: title and subtitle, the citation footnote drawn into the
 * image (so a pasted PNG or SVG carries it), room for the legend and axis names, dataZoom
 * (inside + slider, on screen only: a figure for a report has no controls), the instruction an
 * empty chart shows inside its plot area, and the large-data switches (no animation and `large`
 * series above ~2k points, as in ECharts' scatter-large example). Pure: the same option renders
 * on screen and server-side; chart-style.ts adds the theme's neutral colours.
 */
import type {
  DataZoomComponentOption,
  EChartsOption,
  GraphicComponentOption,
  XAXisComponentOption,
  YAXisComponentOption
} from 'echarts'
import type { ChartSize } from '../shared/charts/export-types'
import type { ChartTarget } from './chart-style'
import { EMPTY_MESSAGE_ID } from './chart-style'
import { maxOf, minOf } from './chart-stats'

/** Above this many points: no animation, `large: true` series. */
export const LARGE_THRESHOLD = 2000

/**
 * ECharts' per-series `largeThreshold` for a chart in large mode: every series of it. A chart's
 * points are split into colour groups of a few hundred each; left at the default, no group
 * reaches ECharts' own threshold and 10,000 points become 10,000 graphic elements.
 */
export function largeThreshold(large: boolean): number {
  return large ? 1 : LARGE_THRESHOLD
}

export const FONT_FAMILY = "'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif"

/**
 * Colours for named groups (submitters, accelerators, benchmarks): ten, distinct from each other
 * (CIE76 ΔE ≥ 24 between any two), from the grey of "Other" and from both chart backgrounds. A
 * chart names at most MAX_COLOURED groups; the rest share the theme's "Other" grey.
 */
export const PALETTE: readonly string[] = [
  '#1f5fbf',
  '#e8710a',
  '#1a9e5c',
  '#7b4fb3',
  '#c0392b',
  '#17a2b8',
  '#d4489c',
  '#8c564b',
  '#a8a020',
  '#f0b400'
]

/** Most groups a chart draws in colour; the rest are one "Other" group in grey. */
export const MAX_COLOURED = PALETTE.length

/** Legend name of the grey group that holds everything past the coloured ones. */
export const OTHER_NAME = 'Other'
/** The user's own, unverified runs: one colour used nowhere else. */
export const LOCAL_COLOR = '#e0115f'
/** Reference lines: quality targets, latency bounds. */
export const TARGET_COLOR = '#b03a2e'

export function paletteColor(i: number): string {
  return PALETTE[i % PALETTE.length] ?? '#1f5fbf'
}

export const DEFAULT_SIZE: ChartSize = { width: 1200, height: 720 }

/** Approximate glyph width of the footnote font; used to wrap lines before drawing them. */
const FOOT_CHAR_PX = 5.4
const FOOT_LINE_PX = 12
const SUB_CHAR_PX = 6.1
const SUB_LINE_PX = 15

const LEGEND_ROW_PX = 20
const LEGEND_GAP = 10
const LEGEND_CHAR_PX = 6.4
export const MAX_LEGEND_ROWS = 4

/** Rows a plain legend of these names needs in `width` pixels (ECharts' own flow layout). */
export function legendRows(names: readonly string[], width: number): number {
  if (names.length === 0) return 0
  let rows = 1
  let x = 0
  for (const n of names) {
    const w = 14 + 5 + n.length * LEGEND_CHAR_PX + LEGEND_GAP
    if (x > 0 && x + w > width) {
      rows++
      x = 0
    }
    x += w
  }
  return rows
}

/** Greedy word wrap to at most `max` characters a line. */
export function wrapText(text: string, max: number): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (word === '') continue
    if (line === '') line = word
    else if (line.length + 1 + word.length <= max) line += ` ${word}`
    else {
      out.push(line)
      line = word
    }
  }
  if (line !== '') out.push(line)
  return out
}

export type FrameInput = {
  title: string
  /** Plain-words lines under the title: what is normalised how, counts, what was left out. */
  subtitle: readonly string[]
  footnote: readonly string[]
  size: ChartSize
  points: number
  /** Legend entries (false: no legend). Up to MAX_LEGEND_ROWS rows are laid out in full, so an
   * exported image names every series; more than that scroll. */
  legend: readonly string[] | false
  /** Axis indexes the x dataZoom controls (none: no dataZoom). */
  zoomX: number[]
  /** Also zoom y with the wheel/pinch (scatter charts). */
  zoomY?: number[]
  /** Extra room under the x axis for rotated category labels. */
  xLabelRoom?: number
  /** Screen charts get dataZoom; exported figures get nothing interactive. */
  target?: ChartTarget
}

export type Frame = {
  option: EChartsOption
  grid: { top: number; bottom: number; left: number; right: number }
  large: boolean
  /** Height that leaves the plot MIN_PLOT_HEIGHT pixels between legend and axis titles. */
  minHeight: number
}

/**
 * The plot is never squeezed below this: a long subtitle or footnote on a small window (or a
 * small --height) grows the figure instead.
 */
export const MIN_PLOT_HEIGHT = 260

/** Legend entries in the given order, without repeats, the grey "Other" group last. */
export function legendNames(legend: readonly string[] | false): string[] {
  const given = legend ? [...new Set(legend)] : []
  return given.includes(OTHER_NAME) ? [...given.filter((n) => n !== OTHER_NAME), OTHER_NAME] : given
}

/**
 * dataZoom of a screen chart: inside and a slider (above the footnote) on the `zoomX` axes, the
 * wheel on the `zoomY` axes. None for an exported figure.
 */
export function frameZoom(
  input: Pick<FrameInput, 'zoomX' | 'zoomY' | 'target'>,
  footHeight: number
): DataZoomComponentOption[] {
  const zoom = (input.target ?? 'screen') === 'screen'
  const dataZoom: DataZoomComponentOption[] = []
  if (zoom && input.zoomX.length) {
    dataZoom.push(
      { type: 'inside', xAxisIndex: input.zoomX, filterMode: 'none' },
      {
        type: 'slider',
        xAxisIndex: input.zoomX,
        filterMode: 'none',
        height: 16,
        bottom: footHeight + 4,
        showDetail: false,
        showDataShadow: false,
        brushSelect: false
      }
    )
  }
  if (zoom && input.zoomY?.length) {
    dataZoom.push({ type: 'inside', yAxisIndex: input.zoomY, filterMode: 'none' })
  }
  return dataZoom
}

/** The legend component: laid out in full up to MAX_LEGEND_ROWS rows, else scrolling. */
function legendOption(names: readonly string[], scroll: boolean, top: number): EChartsOption {
  if (names.length === 0) return {}
  return {
    legend: {
      type: scroll ? 'scroll' : 'plain',
      data: [...names],
      top,
      itemGap: LEGEND_GAP,
      left: 16,
      right: 16,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 11 }
    }
  }
}

/** Title, subtitle, footnote, legend slot, grid margins and dataZoom for one chart. */
export function chartFrame(input: FrameInput): Frame {
  const { width } = input.size
  const subLines = input.subtitle.flatMap((s) =>
    wrapText(s, Math.floor((width - 40) / SUB_CHAR_PX))
  )
  const footLines = input.footnote.flatMap((s) =>
    wrapText(s, Math.floor((width - 36) / FOOT_CHAR_PX))
  )
  const large = input.points > LARGE_THRESHOLD
  const titleTop = 10
  const legendTop = titleTop + 24 + subLines.length * SUB_LINE_PX + 8
  const names = legendNames(input.legend)
  const rows = legendRows(names, width - 32)
  const scroll = rows > MAX_LEGEND_ROWS
  const legendHeight = names.length === 0 ? 0 : scroll ? 28 : rows * LEGEND_ROW_PX + 6
  const top = legendTop + legendHeight + 26
  const footHeight = footLines.length * FOOT_LINE_PX + 14
  const dataZoom = frameZoom(input, footHeight)
  const zoomHeight = (input.target ?? 'screen') === 'screen' && input.zoomX.length ? 26 : 0
  const bottom = footHeight + zoomHeight + 46 + (input.xLabelRoom ?? 0)
  const option: EChartsOption = {
    backgroundColor: '#ffffff',
    animation: !large,
    textStyle: { fontFamily: FONT_FAMILY },
    title: {
      text: input.title,
      subtext: subLines.join('\n'),
      left: 16,
      top: titleTop,
      itemGap: 6,
      textStyle: { fontSize: 16, fontWeight: 'bold' },
      subtextStyle: { fontSize: 11.5, lineHeight: SUB_LINE_PX }
    },
    graphic: [
      {
        type: 'text',
        id: 'footnote',
        left: 16,
        bottom: 6,
        silent: true,
        style: {
          text: footLines.join('\n'),
          fontSize: 9.5,
          lineHeight: FOOT_LINE_PX,
          fontFamily: FONT_FAMILY
        }
      }
    ],
    ...(dataZoom.length > 0 ? { dataZoom } : {}),
    ...legendOption(names, scroll, legendTop)
  }
  return {
    option,
    grid: { top, bottom, left: 72, right: 36 },
    large,
    minHeight: top + MIN_PLOT_HEIGHT + bottom
  }
}

/**
 * An empty chart: no axes (a bare frame with made-up bounds says nothing) and the instruction
 * drawn in the middle of the plot area, where the reader looks, not below the fold.
 */
export function withEmptyMessage(
  option: EChartsOption,
  frame: Frame,
  size: ChartSize,
  message: string | null
): EChartsOption {
  if (message === null) return option
  const hide = (axis: unknown): unknown =>
    Array.isArray(axis)
      ? axis.map((a: object) => ({ ...a, show: false }))
      : { ...(axis as object), show: false }
  const plotHeight = size.height - frame.grid.top - frame.grid.bottom
  const lines = wrapText(message, Math.floor((size.width - 160) / 8))
  const text: GraphicComponentOption = {
    type: 'text',
    id: EMPTY_MESSAGE_ID,
    left: 'center',
    top: Math.max(frame.grid.top, frame.grid.top + plotHeight / 2 - lines.length * 11),
    silent: true,
    style: {
      text: lines.join('\n'),
      fontSize: 15,
      lineHeight: 22,
      align: 'center',
      fontFamily: FONT_FAMILY
    }
  }
  const graphic = Array.isArray(option.graphic) ? option.graphic : []
  return {
    ...option,
    xAxis: hide(option.xAxis) as EChartsOption['xAxis'],
    yAxis: hide(option.yAxis) as EChartsOption['yAxis'],
    // Nothing to draw, not even reference lines ("reference = 1" over an empty frame).
    series: [],
    graphic: [...graphic, text]
  }
}

/** Value-axis label text for big and small numbers alike (1.2k, 3.4M, 0.05, 0.125). */
export function axisNumber(value: number): string {
  const a = Math.abs(value)
  if (a >= 1e9) return `${trim(value / 1e9)}G`
  if (a >= 1e6) return `${trim(value / 1e6)}M`
  if (a >= 1e4) return `${trim(value / 1e3)}k`
  if (a === 0) return '0'
  if (a < 0.001) return value.toExponential(0)
  if (a < 1) return String(Number(value.toPrecision(3)))
  return trim(value)
}

/** Approximate glyph width of an axis name, in ems. */
const NAME_EM = 0.56

/**
 * A vertical axis name that fits the plot's height: as is, or on two lines (the name moves out
 * by a line), or cut with "…" when even two lines are too long. An axis name longer than its
 * axis runs into the legend and the footnote.
 */
export function fitAxisName(
  text: string,
  extentPx: number,
  nameGap: number,
  fontSize = 11.5
): { name: string; nameGap: number } {
  const max = Math.max(10, Math.floor(extentPx / (fontSize * NAME_EM)))
  if (text.length <= max) return { name: text, nameGap }
  // Break at " · " (the name, then "derived") where both halves fit, else at a word.
  const dot = text.lastIndexOf(' · ')
  const [first = '', ...rest] =
    dot > 0 && dot <= max && text.length - dot - 1 <= max
      ? [text.slice(0, dot), text.slice(dot + 1)]
      : wrapText(text, max)
  const second = rest.join(' ')
  const lines = [first, second.length <= max ? second : `${second.slice(0, max - 1)}…`]
  return { name: lines.join('\n'), nameGap: nameGap + Math.round(fontSize * 1.3) }
}

/**
 * Every vertical axis name of a built option fitted to the plot's height in a figure of
 * `height` pixels (fitAxisName); where a name takes two lines, the grid moves right by a line.
 */
export function fitYAxisNames(option: EChartsOption, height: number): EChartsOption {
  const grid = option.grid
  if (!grid || Array.isArray(grid)) return option
  const top = typeof grid.top === 'number' ? grid.top : 60
  const bottom = typeof grid.bottom === 'number' ? grid.bottom : 60
  const extent = height - top - bottom
  let extra = 0
  const fit = (axis: YAXisComponentOption): YAXisComponentOption => {
    if (typeof axis.name !== 'string' || axis.nameLocation !== 'middle') return axis
    const gap = axis.nameGap ?? 15
    const fontSize = (axis.nameTextStyle?.fontSize as number | undefined) ?? 11.5
    const f = fitAxisName(axis.name, extent, gap, fontSize)
    if (f.nameGap === gap) return axis
    extra = Math.max(extra, f.nameGap - gap)
    // Two lines need a line height of their own: the browser's default drew them 4 px apart.
    const nameTextStyle = { ...axis.nameTextStyle, lineHeight: Math.round(fontSize * 1.3) }
    return { ...axis, name: f.name, nameGap: f.nameGap, nameTextStyle }
  }
  const y = option.yAxis
  if (y === undefined) return option
  const yAxis = Array.isArray(y) ? y.map(fit) : fit(y)
  const left = typeof grid.left === 'number' ? grid.left + extra : grid.left
  return { ...option, yAxis, grid: { ...grid, left } }
}

/** A count on an axis: exact with thousands separators (1,024 accelerators, not "1.02k"). */
export function countNumber(value: number): string {
  return value >= 1 && Number.isInteger(value) ? value.toLocaleString('en-US') : axisNumber(value)
}

/**
 * Bounds and tick step of a log-2 axis from 2^lo to 2^hi (integer exponents): a tick every
 * `step` octaves, at most `maxSteps` of them, and the ends on multiples of the step so that 2^0
 * is a tick and no end squeezes a label in beside its neighbour.
 */
export function octaveTicks(
  lo: number,
  hi: number,
  maxSteps: number
): { min: number; max: number; interval: number } {
  const step = Math.max(1, Math.ceil((hi - lo) / maxSteps))
  return {
    min: 2 ** (Math.floor(lo / step) * step),
    max: 2 ** (Math.ceil(hi / step) * step),
    // In log space: `step` octaves per tick (ECharts' own choice is every tenth octave past ten).
    interval: step
  }
}

/**
 * A log2 axis over counts (accelerators): bounds at the powers of two around the data, not one
 * octave beyond, and a tick at every power of two between them (up to 14) with its exact value.
 */
export function log2CountAxis(
  lo: number,
  hi: number
): {
  type: 'log'
  logBase: number
  min: number
  max: number
  interval: number
  axisLabel: { formatter: (v: number) => string }
} {
  const from = Math.floor(Math.log2(Math.max(1, lo)))
  const to = Math.max(from + 1, Math.ceil(Math.log2(Math.max(1, hi))))
  return {
    type: 'log',
    logBase: 2,
    ...octaveTicks(from, to, 14),
    axisLabel: { formatter: countNumber }
  }
}

/** The "Total accelerators" axis of the scale and efficiency charts, around the counts given. */
export function acceleratorsAxis(xs: readonly number[]): ReturnType<typeof log2CountAxis> & {
  name: string
  nameLocation: 'middle'
  nameGap: number
} {
  return {
    ...log2CountAxis(xs.length ? minOf(xs) : 1, xs.length ? maxOf(xs) : 2),
    name: 'Total accelerators',
    nameLocation: 'middle',
    nameGap: 30
  }
}

function trim(v: number): string {
  return String(Number(v.toPrecision(3)))
}

/** A number for tooltips and CSV notes: four significant digits, no exponent noise. */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value)
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(2)
  return Number(value.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 6 })
}

/** The category axis of the charts drawn across rounds (speedup, scale). */
export function roundAxis(rounds: string[]): XAXisComponentOption {
  return {
    type: 'category',
    data: rounds,
    name: 'Round',
    nameLocation: 'middle',
    nameGap: 30,
    boundaryGap: false
  }
}

/** Escapes text for the HTML that ECharts tooltips render (names come from submitted files). */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}
