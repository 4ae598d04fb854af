import { dirname, join, resolve } from 'node:path'
import type { Api } from '../shared/api'
import { chartView } from '../shared/charts/chart-view'
import { chartViewSchema } from '../shared/schemas'
import type { WritableDb } from '../core/db/types'
import { listAliases, setAlias } from '../core/charts/aliases-repo'
import { queryChartData } from '../core/charts/chart-data'
import { MissingResultError, compareResults } from '../core/charts/compare-data'
import { deletePrice, listPrices, setPrice } from '../core/charts/prices-repo'
import { chartCsv } from '../core/export/chart-csv'
import { readViewFile, writeReportBundle } from '../core/export/report-bundle'
import { buildView, renderView, tableFootnote } from '../core/export/render-view'
import { resultsCsv } from '../core/export/results-csv'
import { commentBlock } from '../charts/footnote'
import { describeFilters } from '../core/query/filters'
import { ApiFailure } from './api-failure'

export type ChartPorts = {
  db: WritableDb
  dbPath: string
  version: string
  /** ISO timestamp of "now" (exports print it in the footnote). */
  now?: () => string
}

/**
 * The `charts` and `exports` areas of the API. Kept apart from create-api.ts so the chart work
 * does not churn the file every area touches.
 */
export function chartAreas(ports: ChartPorts): Pick<Api, 'charts' | 'exports'> {
  const { db, version } = ports
  const now = ports.now ?? (() => new Date().toISOString())
  return {
    charts: {
      data: async ({ view }) => queryChartData(db, view, version),
      compare: async ({ ids, suite }) => {
        try {
          return compareResults(db, ids, version, now(), suite ?? 'inference')
        } catch (e) {
          if (e instanceof MissingResultError) throw new ApiFailure('not_found', e.message)
          throw e
        }
      },
      prices: async () => listPrices(db),
      setPrice: async (p) => setPrice(db, p, now()),
      deletePrice: async ({ id }) => ({ deleted: deletePrice(db, id) }),
      aliases: async () => listAliases(db),
      setAlias: async ({ raw, canonical }) => {
        setAlias(db, raw, canonical, now())
        return listAliases(db)
      }
    },
    exports: {
      csv: async ({ table, chart }) => {
        const at = now()
        if (chart) {
          const built = buildView(db, chart, version, at)
          return {
            csv: chartCsv(built),
            filename: `mlperf-${chart.kind}-${at.slice(0, 10)}.csv`,
            rows: built.table.rows.length
          }
        }
        if (!table) throw new ApiFailure('invalid_input', 'give exactly one of table or chart')
        const { csv, rows } = resultsCsv(db, table)
        return {
          csv: csv + commentBlock(tableFootnote(db, table, version, at)),
          filename: `mlperf-${table.suite}-results-${at.slice(0, 10)}.csv`,
          rows
        }
      },
      bundle: async ({ view, dir, size }) => {
        const at = now()
        const parent = resolve(dir ?? join(dirname(ports.dbPath), 'exports'))
        const rendered = renderView(db, view, version, at, size)
        return writeReportBundle(parent, view, rendered, {
          appVersion: version,
          now: at,
          description: describeFilters(view.filters, view.search)
        })
      },
      openView: async ({ path }) => {
        let raw: unknown
        try {
          raw = await readViewFile(resolve(path))
        } catch (e) {
          const err = e as NodeJS.ErrnoException
          if (err.code === 'ENOENT') throw new ApiFailure('not_found', `No saved view at ${path}`)
          throw new ApiFailure('invalid_input', `Cannot read a view from ${path}: ${err.message}`)
        }
        // Older or hand-written files may leave options out: those take their defaults.
        const parsed = chartViewSchema.partial().safeParse(raw)
        if (!parsed.success) {
          throw new ApiFailure(
            'invalid_input',
            `Not a chart view: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(view)'}: ${i.message}`).join('; ')}`
          )
        }
        const { version: _v, ...rest } = parsed.data
        return chartView(rest)
      }
    }
  }
}
