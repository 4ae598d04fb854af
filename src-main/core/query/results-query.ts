import type { Cell, ResultPage, ResultQuery, ViewQuery } from '../../shared/api'
import type { ReadonlyDb } from '../db/types'
import { prepareCached } from '../db/statement-cache'
import type { TableSpec } from './column-registry'
import { columnOf, QueryInputError, ROUND_ORDER, tableSpec } from './column-registry'
import { describeFilters } from './filters'
import { whereClause } from './where-clause'

export const MAX_PAGE = 1000

/**
 * ORDER BY for a view: the chosen column with NULLs last either way, then id for stability.
 * SQLite sorts NULL first, so a descending sort already puts them last and can walk an index;
 * only the ascending sort needs the extra `IS NULL` key. Without a sort the newest round comes
 * first (release order, import order within a round), walking the round-order index.
 */
export function orderBy(spec: TableSpec, sort: ViewQuery['sort']): string {
  if (!sort) return `ORDER BY ${ROUND_ORDER} DESC, r.id`
  const col = columnOf(spec, sort.column)
  const key = col.sortSql ?? col.sql
  if (sort.dir === 'desc') return `ORDER BY ${key} DESC, r.id DESC`
  if (col.notNull) return `ORDER BY ${key} ASC, r.id ASC`
  return `ORDER BY ${key} IS NULL, ${key} ASC, r.id ASC`
}

/**
 * Builds the page SQL; exported so tests can EXPLAIN it and benchmarks can run it bare.
 * `walkRoundIndex`: page the default order by walking the round-order index (migration 0080)
 * instead of letting the planner pick a filter's index and sort every match, which SQLite does
 * for a broad filter such as division = closed (150,000 of 200,000 rows sorted per page).
 */
export function buildPageSql(
  q: ResultQuery,
  opts: { walkRoundIndex?: boolean } = {}
): {
  sql: string
  /** The inner query that sorts and pages bare ids (params, then limit and offset). */
  pageSql: string
  countSql: string
  params: (string | number)[]
  columns: string[]
} {
  const spec = tableSpec(q.suite)
  if (!Number.isInteger(q.offset) || q.offset < 0) throw new QueryInputError('offset must be ≥ 0')
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_PAGE) {
    throw new QueryInputError(`limit must be between 1 and ${MAX_PAGE}`)
  }
  const names = q.columns?.length ? q.columns : [...spec.columns.keys()]
  const cols = names.map((n) => columnOf(spec, n))
  const where = whereClause(spec, q.filters, q.search)
  const select = ['r.id AS id', ...cols.map((c) => `${c.sql} AS ${c.name}`)].join(', ')
  const order = orderBy(spec, q.sort)
  // Late row lookup: the inner query sorts and pages bare ids (its sorter holds a key and an
  // id, not 30 columns, and can often walk an index); only the page's rows are then read.
  const from =
    opts.walkRoundIndex && !q.sort
      ? `${spec.table} r INDEXED BY ${spec.table}_round_order`
      : `${spec.table} r`
  const page = `SELECT r.id FROM ${from} ${where.sql} ${order} LIMIT ? OFFSET ?`
  return {
    sql: `SELECT ${select} FROM ${spec.table} r WHERE r.id IN (${page}) ${order}`,
    pageSql: page,
    countSql: `SELECT count(*) AS n FROM ${spec.table} r ${where.sql}`,
    params: where.params,
    columns: cols.map((c) => c.name)
  }
}

/**
 * A filtered set this large a share of the table is paged in the default order by walking the
 * round-order index: the matches come often enough along it that a page costs a few hundred
 * index steps, where sorting them all would cost a sort of the whole set.
 */
const WALK_SHARE = 1 / 50

/** One page of results: paging and sorting happen in SQL. */
export function queryResults(db: ReadonlyDb, q: ResultQuery): ResultPage {
  const plain = buildPageSql(q)
  const count = prepareCached(db, plain.countSql).get(...plain.params) as { n: number }
  let built = plain
  if (!q.sort && (q.filters.length > 0 || (q.search ?? '').trim() !== '')) {
    // max(id) estimates the table's size in one index step.
    const spec = tableSpec(q.suite)
    const size = prepareCached(db, `SELECT max(id) AS m FROM ${spec.table}`).get() as {
      m: number | null
    }
    if (count.n >= (size.m ?? 0) * WALK_SHARE) built = buildPageSql(q, { walkRoundIndex: true })
  }
  const rows = prepareCached(db, built.sql).all(...built.params, q.limit, q.offset) as Record<
    string,
    Cell
  >[]
  return {
    rows,
    total: count.n,
    offset: q.offset,
    description: describeFilters(q.filters, q.search)
  }
}
