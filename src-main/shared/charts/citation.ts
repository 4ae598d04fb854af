/**
 * The citation every exported chart, CSV and comparison carries (MLPerf results guidelines): where
 * its rows came from, as the database knows it, and the footnote made from them
 * (src-main/charts/footnote.ts writes it).
 */

/** Where the rows of a chart came from, as the database knows it. */
export type Provenance = {
  /** Earliest and latest date (ISO) on which contributing rows were imported. */
  firstImported: string | null
  lastImported: string | null
  /** Rows that came with the app's bundled catalogue (origin 'bundled'). */
  sampleRows: number
  appVersion: string
}

export type Footnote = {
  /** Every line, every result ID: CSV comment blocks and footnote.txt. */
  full: string[]
  /** The same with long lists cut short: drawn into chart images. */
  short: string[]
}
