/**
 * Results of the export methods (`exports.*`): what crosses the wire when the app saves a CSV
 * or writes a report bundle.
 */
import type { ViewQuery } from '../api'
import type { ChartView } from './chart-view'

/** A figure's size in pixels (a report bundle's PNG and SVG, `chart --width --height`). */
export type ChartSize = { width: number; height: number }

/** A CSV the renderer saves as a download: rows, then the citation footnote as `# ` lines. */
export type CsvExport = {
  csv: string
  /** A suggested file name, e.g. "mlperf-inference-results.csv". */
  filename: string
  rows: number
}

/** What to export as CSV: the table view, or a chart's data. Exactly one is given. */
export type CsvExportInput = { table?: ViewQuery; chart?: ChartView }

export type BundleInput = {
  view: ChartView
  /** Folder to write the bundle folder into; default: "exports" under the app's data folder. */
  dir?: string
  size?: ChartSize
}

/** A written report bundle: its folder and the files in it. */
export type BundleWritten = { dir: string; files: { name: string; bytes: number }[] }
