/**
 * What `charts.data` returns: the filtered results of a chart view in columnar form, with what
 * the chart builders (src-main/charts) need besides: the user's prices and accelerator aliases,
 * and the provenance the citation footnote cites.
 */
import type { Suite } from '../api'
import type { ChartPoints } from './chart-points'
import type { Provenance } from './citation'
import type { Price } from './prices'

/** A user override: every raw name equal to `raw` (case-insensitive) maps to `canonical`. */
export type AcceleratorAlias = { raw: string; canonical: string }

export type ChartData = {
  suite: Suite
  points: ChartPoints
  /** Rows matching the view's filters (points holds at most MAX_CHART_POINTS of them). */
  total: number
  truncated: boolean
  /** The filters in words, e.g. "round = v4.1 and division = closed". */
  description: string
  provenance: Provenance
  prices: Price[]
  aliases: AcceleratorAlias[]
}
