/**
 * What every results chart shares: title and subtitle, the citation footnote drawn into the
 * image (so a pasted PNG or SVG carries it), room for the legend and axis names, dataZoom
 * (inside + slider) and the large-data switches (no animation and `large` series above ~2k
 * points, as in ECharts' scatter-large example). Pure: the same option renders on screen and
 * server-side.
 */
import type { DataZoomComponentOption, EChartsOption, XAXisComponentOption } from 'echarts'

/** Above this many points: no animation, `large: true` series. */
export const LARGE_THRESHOLD = 2000

export const FONT_FAMILY = "'Liberation Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif"

/** Colours for groups (submitters, accelerators, benchmarks); distinct on white and in print. */
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
  '#5f6b7a',
  '#2e86de',
  '#f39c12'
]

/** "Other" groups and reference marks. */
export const OTHER_COLOR = '#b7bec9'
/** The user's own, unverified runs: one colour used nowhere else. */
export const LOCAL_COLOR = '#e0115f'
/** Reference lines: quality targets, latency bounds. */
export const TARGET_COLOR = '#b03a2e'

export function paletteColor(i: number): string {
  return PALETTE[i % PALETTE.length] ?? '#1f5fbf'
}

export type ChartSize = { width: number; height: number }

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
}

export type Frame = {
  option: EChartsOption
  grid: { top: number; bottom: number; left: number; right: number }
  large: boolean
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
  const names = input.legend ? [...new Set(input.legend)] : []
  const rows = legendRows(names, width - 32)
  const scroll = rows > MAX_LEGEND_ROWS
  const legendHeight = names.length === 0 ? 0 : scroll ? 28 : rows * LEGEND_ROW_PX + 6
  const top = legendTop + legendHeight + 26
  const footHeight = footLines.length * FOOT_LINE_PX + 14
  const zoomHeight = input.zoomX.length ? 26 : 0
  const bottom = footHeight + zoomHeight + 46 + (input.xLabelRoom ?? 0)
  const dataZoom: DataZoomComponentOption[] = []
  if (input.zoomX.length) {
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
  if (input.zoomY?.length) {
    dataZoom.push({ type: 'inside', yAxisIndex: input.zoomY, filterMode: 'none' })
  }
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
      textStyle: { fontSize: 16, fontWeight: 'bold', color: '#1c2430' },
      subtextStyle: { fontSize: 11.5, color: '#4a5565', lineHeight: SUB_LINE_PX }
    },
    graphic: [
      {
        type: 'text',
        left: 16,
        bottom: 6,
        silent: true,
        style: {
          text: footLines.join('\n'),
          fontSize: 9.5,
          lineHeight: FOOT_LINE_PX,
          fill: '#5f6b7a',
          fontFamily: FONT_FAMILY
        }
      }
    ],
    dataZoom,
    ...(names.length > 0
      ? {
          legend: {
            type: scroll ? 'scroll' : 'plain',
            top: legendTop,
            itemGap: LEGEND_GAP,
            left: 16,
            right: 16,
            itemWidth: 14,
            itemHeight: 10,
            textStyle: { fontSize: 11 }
          }
        }
      : {})
  }
  return { option, grid: { top, bottom, left: 72, right: 36 }, large }
}

/** Value-axis label text for big and small numbers alike (1.2k, 3.4M, 0.05). */
export function axisNumber(value: number): string {
  const a = Math.abs(value)
  if (a >= 1e9) return `${trim(value / 1e9)}G`
  if (a >= 1e6) return `${trim(value / 1e6)}M`
  if (a >= 1e4) return `${trim(value / 1e3)}k`
  if (a === 0) return '0'
  if (a < 0.001) return value.toExponential(0)
  if (a < 1) return String(Number(value.toPrecision(2)))
  return trim(value)
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
