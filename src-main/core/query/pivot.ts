import type { Filter } from '../../shared/api'
import type { PivotCell, PivotColumn, PivotQuery, PivotRow, PivotTable } from '../../shared/pivot'
import { PIVOT_BENCHMARK_ORDER, PIVOT_SCENARIO_ORDER } from '../../shared/pivot'
import type { ReadonlyDb } from '../db/types'
import { prepareCached } from '../db/statement-cache'
import { ROUND_ORDER, tableSpec } from './column-registry'
import { whereClause } from './where-clause'

type PivotSqlRow = {
  id: number
  division: string
  category: string | null
  system_type: string | null
  submitter: string
  system_id: string
  system_name: string | null
  accelerator: string | null
  accelerators_total: number | null
  benchmark: string
  mlperf_model: string
  scenario: string
  unit: string
  value: number | null
  valid: number
  inferred: number
  public_id: string | null
}

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

function rank(list: readonly string[], value: string): number {
  const i = list.indexOf(value)
  return i === -1 ? list.length : i
}

/**
 * One round as MLCommons publishes it: systems as rows (division, availability, submitter,
 * system, in that order), benchmark × scenario columns in the final report's order, the
 * official value in each cell. Filters narrow the systems and results like the table's facets.
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

  // Columns: benchmark × scenario × unit, ordered by the MLPerf model as the official report.
  const columnKey = (r: PivotSqlRow): string => `${r.benchmark}\u0000${r.scenario}\u0000${r.unit}`
  const columnInfo = new Map<string, PivotColumn & { model: string }>()
  for (const r of found) {
    const key = columnKey(r)
    if (!columnInfo.has(key)) {
      columnInfo.set(key, {
        benchmark: r.benchmark,
        scenario: r.scenario,
        unit: r.unit,
        model: r.mlperf_model
      })
    }
  }
  const ordered = [...columnInfo.entries()].sort(
    ([, a], [, b]) =>
      rank(PIVOT_BENCHMARK_ORDER, a.model) - rank(PIVOT_BENCHMARK_ORDER, b.model) ||
      a.model.localeCompare(b.model) ||
      a.benchmark.localeCompare(b.benchmark) ||
      rank(PIVOT_SCENARIO_ORDER, a.scenario) - rank(PIVOT_SCENARIO_ORDER, b.scenario) ||
      a.unit.localeCompare(b.unit)
  )
  const index = new Map(ordered.map(([key], i) => [key, i]))
  const columns = ordered.map(([, { benchmark, scenario, unit }]) => ({
    benchmark,
    scenario,
    unit
  }))

  const rows = new Map<string, PivotRow>()
  for (const r of found) {
    const key = `${r.division}\u0000${r.submitter}\u0000${r.system_id}`
    let row = rows.get(key)
    if (!row) {
      row = {
        division: r.division,
        category: r.category,
        systemType: r.system_type,
        submitter: r.submitter,
        systemId: r.system_id,
        systemName: r.system_name ?? r.system_id,
        accelerator: r.accelerator,
        acceleratorsTotal: r.accelerators_total,
        publicId: null,
        cells: columns.map(() => null)
      }
      rows.set(key, row)
    }
    const cell: PivotCell = {
      id: r.id,
      value: r.value,
      valid: r.valid !== 0,
      inferred: r.inferred !== 0,
      publicId: r.public_id
    }
    row.cells[index.get(columnKey(r)) ?? 0] = cell
  }
  // The row's MLPerf ID where all its results share one (closed division); open-division IDs
  // name each benchmark apart, so those rows leave it to their cells.
  for (const row of rows.values()) {
    const ids = new Set(row.cells.map((c) => c?.publicId).filter((id) => id))
    const [only] = ids
    row.publicId = ids.size === 1 && only ? only : null
  }
  const sorted = [...rows.values()].sort(
    (a, b) =>
      a.division.localeCompare(b.division) ||
      (a.category ?? '').localeCompare(b.category ?? '') ||
      a.submitter.localeCompare(b.submitter) ||
      a.systemName.localeCompare(b.systemName)
  )
  return { round, measure, rounds, columns, rows: sorted, results: found.length }
}
