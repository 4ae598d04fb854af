/**
 * The last step before an option is drawn, shared by every chart of the app:
 *  - `styleOption(option, theme, 'screen')`: the neutral colours of the app's theme (text, axes,
 *    grid lines, tooltip), applied by the Chart component to whatever it draws;
 *  - `exportOption(option)`: what every exported or CLI-rendered figure goes through (PNG and SVG
 *    from the window, report bundles, `mlperf-explorer chart`): the light theme on white, and
 *    nothing interactive (no dataZoom slider, toolbox or legend pager), no animation.
 * Both also fix what ECharts gets wrong for a report by default: an axis line drawn through the
 * data at the other axis's zero (`axisLine.onZero`), and markLines rounded to two decimals
 * (`markLine.precision`: a 0.925 target drawn at 0.93). Pure and idempotent; the input is not
 * changed (formatters are functions, so the option is copied level by level, not cloned).
 */
import type { EChartsOption } from 'echarts'
import type { ChartTheme } from './chart-theme'
import { LIGHT_CHART_THEME } from './chart-theme'

export type ChartTarget = 'screen' | 'export'

type Obj = Record<string, unknown>

/** Ids of graphic texts drawn in the theme's main text colour (the rest are muted). */
export const EMPTY_MESSAGE_ID = 'empty-message'
export const FIGURE_TITLE_ID = 'figure-title'

/** Interactive components that never belong in a figure on paper. */
const INTERACTIVE = ['dataZoom', 'toolbox', 'brush', 'timeline'] as const

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** `o[key]` as an object (a copy to write into), or a fresh one. */
function sub(o: Obj, key: string): Obj {
  const v = o[key]
  return isObj(v) ? { ...v } : {}
}

/** Applies `fn` to a component given as one object or an array of them. */
function each(value: unknown, fn: (o: Obj) => Obj): unknown {
  if (Array.isArray(value)) return value.map((v: unknown) => (isObj(v) ? fn(v) : v))
  return isObj(value) ? fn(value) : value
}

function withColor(o: Obj, key: string, color: string, force = true): Obj {
  const style = sub(o, key)
  if (force || style['color'] === undefined) style['color'] = color
  return { ...o, [key]: style }
}

function lineColor(o: Obj, key: string, color: string): Obj {
  const part = sub(o, key)
  const lineStyle = sub(part, 'lineStyle')
  lineStyle['color'] = color
  return { ...o, [key]: { ...part, lineStyle } }
}

function styleAxis(axis: Obj, theme: ChartTheme): Obj {
  let a: Obj = { ...axis }
  const axisLine = sub(a, 'axisLine')
  // The axis stays at the edge of the grid: at the other axis's zero it runs through the data.
  if (axisLine['onZero'] === undefined) axisLine['onZero'] = false
  a['axisLine'] = axisLine
  a = lineColor(a, 'axisLine', theme.axisLine)
  a = lineColor(a, 'axisTick', theme.axisLine)
  a = lineColor(a, 'minorTick', theme.axisLine)
  a = lineColor(a, 'splitLine', theme.splitLine)
  a = lineColor(a, 'minorSplitLine', theme.minorSplitLine)
  a = withColor(a, 'axisLabel', theme.text)
  a = withColor(a, 'nameTextStyle', theme.textMuted)
  return a
}

function styleMarkLine(markLine: Obj, theme: ChartTheme): Obj {
  const m: Obj = { ...markLine }
  // ECharts rounds a markLine's value to `precision` decimals (default 2) before placing it.
  if (m['precision'] === undefined) m['precision'] = 20
  const label = sub(m, 'label')
  if (label['color'] === undefined) label['color'] = theme.textMuted
  m['label'] = label
  const lineStyle = sub(m, 'lineStyle')
  if (lineStyle['color'] === undefined) lineStyle['color'] = theme.guide
  m['lineStyle'] = lineStyle
  return m
}

function styleGraphic(g: Obj, theme: ChartTheme): Obj {
  if (g['type'] !== 'text') return g
  const style = sub(g, 'style')
  style['fill'] =
    g['id'] === EMPTY_MESSAGE_ID || g['id'] === FIGURE_TITLE_ID ? theme.text : theme.textMuted
  return { ...g, style }
}

/** The option with the theme's neutral colours and, for exports, nothing interactive. */
export function styleOption(
  option: EChartsOption,
  theme: ChartTheme,
  target: ChartTarget
): EChartsOption {
  const o: Obj = { ...(option as Obj) }
  o['backgroundColor'] = theme.background
  o['textStyle'] = { ...sub(o, 'textStyle'), color: theme.text }
  if (o['title'] !== undefined) {
    o['title'] = each(o['title'], (t) =>
      withColor(withColor(t, 'textStyle', theme.text), 'subtextStyle', theme.textMuted)
    )
  }
  if (o['legend'] !== undefined) {
    o['legend'] = each(o['legend'], (l) => {
      const legend = withColor(l, 'textStyle', theme.text)
      legend['inactiveColor'] = theme.splitLine
      legend['pageIconColor'] = theme.text
      legend['pageIconInactiveColor'] = theme.splitLine
      legend['pageTextStyle'] = { color: theme.textMuted }
      // A pager is a control: an exported legend lays out every entry.
      if (target === 'export') legend['type'] = 'plain'
      return legend
    })
  }
  for (const key of ['xAxis', 'yAxis'] as const) {
    if (o[key] !== undefined) o[key] = each(o[key], (a) => styleAxis(a, theme))
  }
  if (o['graphic'] !== undefined) o['graphic'] = each(o['graphic'], (g) => styleGraphic(g, theme))
  if (o['tooltip'] !== undefined) {
    o['tooltip'] = each(o['tooltip'], (t) => ({
      ...t,
      backgroundColor: theme.tooltipBackground,
      borderColor: theme.tooltipBorder,
      textStyle: { ...sub(t, 'textStyle'), color: theme.tooltipText }
    }))
  }
  if (o['series'] !== undefined) {
    o['series'] = each(o['series'], (s) =>
      isObj(s['markLine']) ? { ...s, markLine: styleMarkLine(s['markLine'], theme) } : s
    )
  }
  if (target === 'export') {
    for (const key of INTERACTIVE) delete o[key]
    o['animation'] = false
  }
  return o
}

/**
 * The one transformation every exported or CLI-rendered figure goes through: light theme on
 * white, no dataZoom slider, toolbox or legend pager, no animation.
 */
export function exportOption(option: EChartsOption): EChartsOption {
  return styleOption(option, LIGHT_CHART_THEME, 'export')
}

/**
 * A small chart (a panel's convergence curves, a TTMT comparison) as a figure of its own: its
 * heading drawn in as a title above the plot, so a saved PNG says what it shows.
 */
export function withFigureTitle(option: EChartsOption, title: string): EChartsOption {
  const o: Obj = { ...(option as Obj) }
  const graphic = Array.isArray(o['graphic']) ? (o['graphic'] as unknown[]) : []
  o['graphic'] = [
    ...graphic,
    {
      type: 'text',
      id: FIGURE_TITLE_ID,
      left: 12,
      top: 8,
      silent: true,
      style: { text: title, fontSize: 14, fontWeight: 'bold' }
    }
  ]
  o['grid'] = each(o['grid'] ?? {}, (g) => ({
    ...g,
    top: (typeof g['top'] === 'number' ? g['top'] : 60) + 30
  }))
  o['title'] = each(o['title'], (t) => ({
    ...t,
    top: (typeof t['top'] === 'number' ? t['top'] : 0) + 30
  }))
  return o
}
