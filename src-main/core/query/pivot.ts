import type { Filter } from '../../shared/api'
import type { PivotQuery, PivotTable } from '../../shared/pivot'
import type { ReadonlyDb } from '../db/types'
import { prepareCached } from '../db/statement-cache'
import { ROUND_ORDER, tableSpec } from './column-registry'
import { whereClause } from './where-clause'
import { pivotColumns } from './pivot-columns'
import type { PivotSqlRow } from './pivot-columns'
import { pivotRows } from './pivot-rows'

/** The view's filters without any round filter (the pivot is per round). */
function otherFilters(filters: readonly Filter[]): Filter[] {
  return filters.filter((f) => f.column !== 'round')
}

/** SQL of the rounds that have results for the filters, newest first. */
export function buildPivotRoundsSql(q: PivotQuery): { sql: string; params: (string | number)[] } {
  const where = whereClause(tableSpec('inference'), otherFilters(q.filters), q.search)
  return {
    sql:
      `SELECT r.round AS round FROM inference_results r ${where.sql} ` +
      `GROUP BY r.round ORDER BY ${ROUND_ORDER} DESC`,
    params: where.params
  }
}

/** SQL of one round's cells (exported for the EXPLAIN QUERY PLAN test and the bench). */
export function buildPivotSql(
  round: string,
  q: PivotQuery
): { sql: string; params: (string | number)[] } {
  const power = q.measure === 'power'
  const filters: Filter[] = [
    ...otherFilters(q.filters),
    { column: 'round', op: 'eq', value: round }
  ]
  if (power) filters.push({ column: 'power_value', op: 'notnull' })
  const where = whereClause(tableSpec('inference'), filters, q.search)
  return {
    sql:
      'SELECT r.id, r.division, r.category, r.system_type, r.submitter, r.system_id, ' +
      'r.system_name, r.accelerator, r.accelerators_total, r.benchmark, r.mlperf_model, ' +
      `r.scenario, ${power ? 'r.power_unit' : 'r.unit'} AS unit, ` +
      `${power ? 'r.power_value' : 'r.value'} AS value, r.valid, r.inferred, r.public_id ` +
      `FROM inference_results r ${where.sql}`,
    params: where.params
  }
}

/**
 * One round as MLCommons publishes it: systems as rows (division, availability, submitter,
 * system, in that order), benchmark × scenario columns in the final report's order, the
 * official value in each cell. Filters narrow the systems and results like the table's facets.
 * The columns (pivot-columns.ts) and rows (pivot-rows.ts) are steps of their own.
 */
export function queryPivot(db: ReadonlyDb, q: PivotQuery): PivotTable {
  const measure = q.measure ?? 'performance'
  const roundsSql = buildPivotRoundsSql(q)
  const rounds = (
    prepareCached(db, roundsSql.sql).all(...roundsSql.params) as { round: string }[]
  ).map((r) => r.round)
  const round = q.round ?? rounds[0] ?? null
  if (round === null) return { round, measure, rounds, columns: [], rows: [], results: 0 }

  const built = buildPivotSql(round, { ...q, measure })
  const found = prepareCached(db, built.sql).all(...built.params) as PivotSqlRow[]
  const { columns, index } = pivotColumns(found)
  const rows = pivotRows(found, columns.length, index)
  return { round, measure, rounds, columns, rows, results: found.length }
}
