import type { Filter, Suite } from '../../shared/api'
import type { ChartPoints, TextColumn, TextField } from '../../shared/charts/chart-points'
import { pushText, TEXT_FIELDS } from '../../shared/charts/chart-points'
import type { ChartData } from '../../shared/charts/chart-data'
import type { ChartView } from '../../shared/charts/chart-view'
import type { Provenance } from '../../shared/charts/citation'
import type { ReadonlyDb } from '../db/types'
import { prepareCached } from '../db/statement-cache'
import { tableSpec } from '../query/column-registry'
import { describeFilters } from '../query/filters'
import { whereClause } from '../query/where-clause'
import type { SqlFragment } from '../query/filters'
import { listAliases } from './aliases-repo'
import { listPrices } from './prices-repo'

/** Most points one chart receives; beyond it the data is cut and the chart says so. */
export const MAX_CHART_POINTS = 200_000

/**
 * The user's own runs are not tied to a round, division or availability: they follow only the
 * filters that name the workload (and the search), so "v4.1 closed resnet Offline" still shows
 * the user's resnet Offline run on the published distribution. A filter on source_kind itself
 * turns this off (the user asked for specific sources).
 */
const LOCAL_FILTER_COLUMNS = new Set(['benchmark', 'mlperf_model', 'scenario', 'unit', 'metric'])

/** SELECT list in TEXT_FIELDS order after the numeric columns (see `select`). */
const NUMERIC = ['id', 'value', 'power_value', 'accelerators_total', 'valid', 'inferred'] as const

function selectList(suite: Suite): string {
  const text: Record<TextField, string> =
    suite === 'inference'
      ? {
          round: 'r.round',
          division: 'r.division',
          category: 'r.category',
          submitter: 'r.submitter',
          systemId: 'r.system_id',
          systemName: 'r.system_name',
          accelerator: 'r.accelerator',
          benchmark: 'r.mlperf_model',
          usedModel: 'r.benchmark',
          scenario: 'r.scenario',
          unit: 'r.unit',
          metric: 'r.metric',
          powerUnit: 'r.power_unit',
          sourceKind: 'r.source_kind',
          publicId: 'r.public_id'
        }
      : {
          round: 'r.round',
          division: 'r.division',
          category: 'r.category',
          submitter: 'r.submitter',
          systemId: 'r.system_id',
          systemName: 'r.system_name',
          accelerator: 'r.accelerator',
          benchmark: 'r.benchmark',
          usedModel: 'NULL',
          scenario: 'NULL',
          unit: 'r.unit',
          metric: 'NULL',
          powerUnit: 'NULL',
          sourceKind: 'r.source_kind',
          publicId: 'NULL'
        }
  const numeric =
    suite === 'inference'
      ? 'r.id, r.value, r.power_value, r.accelerators_total, r.valid, r.inferred'
      : 'r.id, r.value, NULL, r.accelerators_total, r.valid, 0'
  return `${numeric}, ${TEXT_FIELDS.map((f) => text[f]).join(', ')}`
}

/** The WHERE of a chart: the view's filters, plus the user's runs by workload (inference). */
export function chartWhere(
  suite: Suite,
  filters: readonly Filter[],
  search: string | undefined,
  localByWorkload = true
): SqlFragment {
  const spec = tableSpec(suite)
  const main = whereClause(spec, filters, search)
  if (
    !localByWorkload ||
    suite !== 'inference' ||
    filters.some((f) => f.column === 'source_kind')
  ) {
    return main
  }
  const workload = filters.filter((f) => LOCAL_FILTER_COLUMNS.has(f.column))
  if (workload.length === filters.length) return main
  const local = whereClause(spec, workload, search)
  const strip = (sql: string): string => sql.replace(/^WHERE /, '')
  const localSql = local.sql
    ? `(r.source_kind = 'local' AND ${strip(local.sql)})`
    : `r.source_kind = 'local'`
  return {
    sql: `WHERE (${strip(main.sql)}) OR ${localSql}`,
    params: [...main.params, ...local.params]
  }
}

/**
 * Chart data for a view, computed in SQL with the same filters as the table: one pass over the
 * statement's raw rows straight into columns, strings dictionary-encoded. 50,000 rows take a
 * few tens of milliseconds and well under a megabyte of JSON.
 */
export function queryChartData(
  db: ReadonlyDb,
  view: Pick<ChartView, 'suite' | 'filters' | 'search'>,
  appVersion: string,
  options: { limit?: number; localByWorkload?: boolean } = {}
): ChartData {
  const limit = options.limit ?? MAX_CHART_POINTS
  const spec = tableSpec(view.suite)
  const where = chartWhere(view.suite, view.filters, view.search, options.localByWorkload ?? true)
  const sql = `SELECT ${selectList(view.suite)} FROM ${spec.table} r ${where.sql} ORDER BY r.id LIMIT ?`
  const stmt = prepareCached(db, sql).raw(true)
  const points: ChartPoints = {
    length: 0,
    id: [],
    value: [],
    powerValue: [],
    acceleratorsTotal: [],
    valid: [],
    inferred: [],
    text: Object.fromEntries(
      TEXT_FIELDS.map((f): [TextField, TextColumn] => [f, { dict: [], codes: [] }])
    ) as Record<TextField, TextColumn>
  }
  const cols = TEXT_FIELDS.map((f) => points.text[f])
  const lookups = TEXT_FIELDS.map(() => new Map<string, number>())
  const base = NUMERIC.length
  for (const raw of stmt.iterate(...where.params, limit + 1) as Iterable<unknown[]>) {
    if (points.length === limit) {
      points.length++ // marks truncation; undone below
      break
    }
    points.id.push(raw[0] as number)
    points.value.push(raw[1] as number | null)
    points.powerValue.push(raw[2] as number | null)
    points.acceleratorsTotal.push(raw[3] as number | null)
    points.valid.push(raw[4] as number)
    points.inferred.push(raw[5] as number)
    for (let k = 0; k < cols.length; k++) {
      pushText(
        cols[k] as TextColumn,
        lookups[k] as Map<string, number>,
        raw[base + k] as string | null
      )
    }
    points.length++
  }
  const truncated = points.length > limit
  if (truncated) points.length = limit
  const total = truncated
    ? (
        prepareCached(db, `SELECT count(*) AS n FROM ${spec.table} r ${where.sql}`).get(
          ...where.params
        ) as { n: number }
      ).n
    : points.length
  return {
    suite: view.suite,
    points,
    total,
    truncated,
    description: describeFilters(view.filters, view.search),
    provenance: provenance(db, view.suite, where, appVersion),
    prices: listPrices(db),
    aliases: listAliases(db)
  }
}

/** When the rows were imported, and how many came with the bundled catalogue. */
export function provenance(
  db: ReadonlyDb,
  suite: Suite,
  where: SqlFragment,
  appVersion: string
): Provenance {
  const spec = tableSpec(suite)
  const row = prepareCached(
    db,
    `SELECT min(i.finished_at) AS first, max(i.finished_at) AS last,
       sum(r.origin = 'bundled') AS sample
     FROM ${spec.table} r LEFT JOIN imports i ON i.id = r.import_id ${where.sql}`
  ).get(...where.params) as { first: string | null; last: string | null; sample: number | null }
  return {
    firstImported: row.first,
    lastImported: row.last,
    sampleRows: row.sample ?? 0,
    appVersion
  }
}
