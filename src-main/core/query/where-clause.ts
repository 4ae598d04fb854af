import type { Filter } from '../../shared/api'
import type { TableSpec } from './column-registry'
import type { SqlFragment } from './filters'
import { filterToSql } from './filters'
import { toFtsQuery } from './fts-query'

/** The WHERE clause of a view: every filter plus the full-text search, all bound. */
export function whereClause(
  spec: TableSpec,
  filters: readonly Filter[],
  search?: string
): SqlFragment {
  const parts: string[] = []
  const params: (string | number)[] = []
  for (const f of filters) {
    const frag = filterToSql(spec, f)
    parts.push(frag.sql)
    params.push(...frag.params)
  }
  const fts = search ? toFtsQuery(search) : null
  if (fts) {
    parts.push(`r.id IN (SELECT rowid FROM ${spec.fts} WHERE ${spec.fts} MATCH ?)`)
    params.push(fts)
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}
