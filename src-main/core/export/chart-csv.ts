import Papa from 'papaparse'
import type { BuiltChart, ChartTable } from '../../charts/chart-types'
import { commentBlock } from '../../charts/footnote'

/**
 * A chart's data as CSV: the header row, one row per plotted point, then the citation footnote
 * as a trailing `# ` comment block (Papa.parse `comments: '#'`, pandas `comment='#'`, R
 * `comment.char = '#'` skip it), with the chart's notes and every exclusion and its reason.
 */
export function chartCsv(chart: BuiltChart): string {
  return tableCsv(chart.table) + commentBlock(footnoteLines(chart))
}

export function tableCsv(table: ChartTable): string {
  return Papa.unparse({ fields: table.columns, data: table.rows }, { newline: '\n' }) + '\n'
}

/** Footnote, notes and exclusions: the text of footnote.txt and of the CSV comment block. */
export function footnoteLines(chart: BuiltChart): string[] {
  return [
    chart.title,
    ...chart.footnote.full,
    ...chart.notes.map((n) => `Note: ${n}`),
    ...chart.exclusions.map((e) => `Excluded: ${e.subject}: ${e.reason}`)
  ]
}
