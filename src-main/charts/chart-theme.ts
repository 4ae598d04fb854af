/**
 * The neutral colours of a chart (background, text, axes, grid lines, guides) for the app's light
 * and dark themes. Data colours (the palette, the user's runs, quality targets) are the same in
 * both. Exports are always drawn with the light theme on white: a report is printed on paper.
 */

export type ChartThemeName = 'light' | 'dark'

export type ChartTheme = {
  name: ChartThemeName
  background: string
  /** Titles, axis labels, legend text. */
  text: string
  /** Subtitles, axis names, the footnote. */
  textMuted: string
  axisLine: string
  splitLine: string
  minorSplitLine: string
  /** Reference lines that are not data: "no change", "reference = 1", box outlines. */
  guide: string
  /** The strongest neutral mark (the reference system's bar). */
  ink: string
  /** Fill of boxes and violins behind the points. */
  boxFill: string
  /** The "Other" group: everything past the named colour groups. */
  other: string
  tooltipBackground: string
  tooltipBorder: string
  tooltipText: string
}

export const LIGHT_CHART_THEME: ChartTheme = {
  name: 'light',
  background: '#ffffff',
  text: '#1c2430',
  textMuted: '#4a5565',
  axisLine: '#6b7787',
  splitLine: '#e6e9ee',
  minorSplitLine: '#f3f4f6',
  guide: '#6b7787',
  ink: '#1c2430',
  boxFill: 'rgba(31,95,191,0.06)',
  other: '#b7bec9',
  tooltipBackground: '#ffffff',
  tooltipBorder: '#c3c9d3',
  tooltipText: '#1c2430'
}

export const DARK_CHART_THEME: ChartTheme = {
  name: 'dark',
  background: '#161b22',
  text: '#e6e9ee',
  textMuted: '#a7b0bd',
  axisLine: '#8b95a3',
  splitLine: '#2c333d',
  minorSplitLine: '#20262e',
  guide: '#9aa4b2',
  ink: '#f2f4f7',
  boxFill: 'rgba(110,168,255,0.08)',
  other: '#5d6673',
  tooltipBackground: '#1f252e',
  tooltipBorder: '#3a424e',
  tooltipText: '#e6e9ee'
}

export function chartTheme(name: ChartThemeName): ChartTheme {
  return name === 'dark' ? DARK_CHART_THEME : LIGHT_CHART_THEME
}
