import { buildChart } from '../../charts/build-chart'
import type { ChartSize } from '../../shared/charts/export-types'
import { DEFAULT_SIZE } from '../../charts/chart-frame'
import type { BuiltChart } from '../../charts/chart-types'
import type { ChartView } from '../../shared/charts/chart-view'
import { decodePoints } from '../../shared/charts/chart-points'
import { citationFootnote } from '../../charts/footnote'
import type { ViewQuery } from '../../shared/api'
import type { ReadonlyDb } from '../db/types'
import { queryChartData } from '../charts/chart-data'
import { renderChartSvg } from './chart-image'

export type RenderedChart = { built: BuiltChart; svg: string; width: number; height: number }

/**
 * A saved view built on the main side as a figure: the same data and builder as the Charts
 * screen, laid out for export (no controls, light theme).
 */
export function buildView(
  db: ReadonlyDb,
  view: ChartView,
  appVersion: string,
  now: string,
  size: ChartSize = DEFAULT_SIZE
): BuiltChart {
  const data = queryChartData(db, view, appVersion)
  return buildChart({ view, data, size, now, target: 'export' })
}

/** A saved view rendered to SVG at its preferred size (bar charts grow with their bars). */
export function renderView(
  db: ReadonlyDb,
  view: ChartView,
  appVersion: string,
  now: string,
  size: ChartSize = DEFAULT_SIZE
): RenderedChart {
  const built = buildView(db, view, appVersion, now, size)
  const height = Math.max(size.height, built.height)
  return { built, svg: renderChartSvg(built.option, size.width, height), width: size.width, height }
}

/** The citation footnote of a table view (every row it holds), for CSV exports of the table. */
export function tableFootnote(
  db: ReadonlyDb,
  view: ViewQuery,
  appVersion: string,
  now: string
): string[] {
  const data = queryChartData(db, view, appVersion, { localByWorkload: false })
  return citationFootnote({
    suite: view.suite,
    rows: decodePoints(data.points),
    provenance: data.provenance,
    derived: [],
    exportedAt: now
  }).full
}
