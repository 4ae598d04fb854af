import { statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Api } from '../shared/api'
import type { ChartView } from '../shared/charts/chart-view'
import { chartView } from '../shared/charts/chart-view'
import { chartViewSchema } from '../shared/schemas'
import type { WritableDb } from '../core/db/types'
import { listAliases, setAlias } from '../core/charts/aliases-repo'
import { queryChartData } from '../core/charts/chart-data'
import { MissingResultError, compareResults } from '../core/charts/compare-data'
import { deletePrice, setPrice } from '../core/charts/prices-repo'
import { chartCsv } from '../core/export/chart-csv'
import { readViewFile, VIEW_FILE, writeReportBundle } from '../core/export/report-bundle'
import { withoutFileContent } from '../core/ingest/error-text'
import { checkFile } from '../core/ingest/file-safety'
import { buildView, renderView, tableFootnote } from '../core/export/render-view'
import { resultsCsv } from '../core/export/results-csv'
import { commentBlock } from '../charts/footnote'
import { describeFilters } from '../core/query/filters'
import { ApiFailure } from './api-failure'
import { PathGrants } from './path-grants'

export type ChartPorts = {
  db: WritableDb
  dbPath: string
  version: string
  /** ISO timestamp of "now" (exports print it in the footnote). */
  now?: () => string
  /** Where bundles may be written (default: under the data folder only). */
  grants?: PathGrants
}

/** Largest view.json read: a saved view is a few kilobytes. */
const MAX_VIEW_BYTES = 1024 * 1024

/**
 * The file a saved view is read from (a bundle folder's view.json, or the file itself), checked
 * to be a regular file of at most 1 MB first: a FIFO would block, /dev/zero never ends.
 */
function checkedViewFile(path: string): string {
  let file = path
  try {
    if (statSync(path).isDirectory()) file = join(path, VIEW_FILE)
  } catch {
    // missing: reported as such below
  }
  const c = checkFile(file, MAX_VIEW_BYTES)
  if (c.ok) return file
  if (c.missing) throw new ApiFailure('not_found', `No saved view at ${path}`)
  throw new ApiFailure('invalid_input', `Cannot read a view from ${path}: ${c.reason}`)
}

/**
 * A saved view read from a file (a bundle folder's view.json, or the file itself): options it
 * leaves out take their defaults; a file that is not a view is refused with the reason, never
 * with the file's text.
 */
async function openViewFile(path: string): Promise<ChartView> {
  let raw: unknown
  try {
    raw = await readViewFile(checkedViewFile(resolve(path)))
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    if (e instanceof ApiFailure) throw e
    if (err.code === 'ENOENT') throw new ApiFailure('not_found', `No saved view at ${path}`)
    // The reason without the file's text (a JSON error quotes what it choked on).
    throw new ApiFailure(
      'invalid_input',
      `Cannot read a view from ${path}: ${withoutFileContent(e)}`
    )
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

/** The `charts` area: chart data, comparisons, the user's prices and accelerator aliases. */
function chartsArea(db: WritableDb, version: string, now: () => string): Api['charts'] {
  return {
    data: async ({ view }) => queryChartData(db, view, version),
    compare: async ({ ids, suite }) => {
      try {
        return compareResults(db, ids, version, now(), suite ?? 'inference')
      } catch (e) {
        if (e instanceof MissingResultError) throw new ApiFailure('not_found', e.message)
        throw e
      }
    },
    setPrice: async (p) => setPrice(db, p, now()),
    deletePrice: async ({ id }) => ({ deleted: deletePrice(db, id) }),
    setAlias: async ({ raw, canonical }) => {
      setAlias(db, raw, canonical, now())
      return listAliases(db)
    }
  }
}

/** The `exports` area: CSV of the table or a chart, report bundles, saved views. */
function exportsArea(ports: ChartPorts, now: () => string, grants: PathGrants): Api['exports'] {
  const { db, version } = ports
  return {
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
      // Under the data folder or a folder picked in a dialog only; made before rendering so a
      // refused or impossible folder costs nothing.
      const parent = grants.writableFolder(
        dir ?? join(dirname(ports.dbPath), 'exports'),
        'A report bundle'
      )
      const rendered = renderView(db, view, version, at, size)
      return writeReportBundle(parent, view, rendered, {
        appVersion: version,
        now: at,
        description: describeFilters(view.filters, view.search)
      })
    },
    openView: async ({ path }) => openViewFile(path)
  }
}

/**
 * The `charts` and `exports` areas of the API. Kept apart from create-api.ts so the chart work
 * does not churn the file every area touches.
 */
export function chartAreas(ports: ChartPorts): Pick<Api, 'charts' | 'exports'> {
  const now = ports.now ?? (() => new Date().toISOString())
  const grants = ports.grants ?? new PathGrants(dirname(resolve(ports.dbPath)))
  return {
    charts: chartsArea(ports.db, ports.version, now),
    exports: exportsArea(ports, now, grants)
  }
}
