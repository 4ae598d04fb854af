import type { FacetQuery, FacetResult, Cell } from '../../shared/api'
import type { ReadonlyDb } from '../db/types'
import { prepareCached } from '../db/statement-cache'
import { columnOf, QueryInputError, tableSpec } from './column-registry'
import { whereClause } from './where-clause'

/**
 * Facet counts over the filtered set, Datasette-style (`limit size+1` sets `truncated`). A
 * column's own filters are left out of its facet ("disjunctive" facets) so the values one
 * could add to an `in` filter stay visible; every other filter applies. Values come most
 * frequent first, except where the column has an order of its own: rounds newest first.
 */
export function queryFacets(db: ReadonlyDb, q: FacetQuery): FacetResult[] {
  const spec = tableSpec(q.suite)
  const size = q.size ?? 10
  if (!Number.isInteger(size) || size < 1 || size > 500) {
    throw new QueryInputError('facet size must be between 1 and 500')
  }
  return q.columns.map((name) => {
    const col = columnOf(spec, name)
    if (!col.facet) throw new QueryInputError(`Column ${name} cannot be faceted`)
    const others = q.filters.filter((f) => f.column !== name)
    const where = whereClause(spec, others, q.search)
    const order = col.sortSql ? `${col.sortSql} DESC, value` : 'count DESC, value'
    const sql =
      `SELECT ${col.sql} AS value, count(*) AS count FROM ${spec.table} r ${where.sql} ` +
      `GROUP BY ${col.sql} ORDER BY ${order} LIMIT ?`
    const rows = prepareCached(db, sql).all(...where.params, size + 1) as {
      value: Cell
      count: number
    }[]
    return { column: name, values: rows.slice(0, size), truncated: rows.length > size }
  })
}
