import type { ColumnInfo, Suite } from '../../shared/api'
import { INFERENCE_COLUMNS, TRAINING_COLUMNS } from '../../shared/columns'
import { roundOrderSql } from './round-order'

/** A column the query layer may name in SQL. The registry is the only source of identifiers. */
export type SqlColumn = ColumnInfo & {
  /** SQL expression over the table alias `r`. */
  sql: string
  sortable: boolean
  filterable: boolean
  /** Declared NOT NULL: an ascending sort needs no NULLs-last key and can walk an index. */
  notNull: boolean
  /** Sort key when it is not the value itself (round: release order, see round-order.ts). */
  sortSql?: string
}

export type TableSpec = {
  table: string
  fts: string
  columns: ReadonlyMap<string, SqlColumn>
}

/** The round's release-order key over the alias `r` (indexed by migration 0080). */
export const ROUND_ORDER = roundOrderSql('r.round')

function registry(
  columns: readonly ColumnInfo[],
  notNull: ReadonlySet<string>
): ReadonlyMap<string, SqlColumn> {
  return new Map(
    columns.map((c) => [
      c.name,
      {
        ...c,
        sql: `r.${c.name}`,
        sortable: true,
        filterable: true,
        notNull: notNull.has(c.name),
        ...(c.name === 'round' ? { sortSql: ROUND_ORDER } : {})
      } satisfies SqlColumn
    ])
  )
}

/** Columns the schema (migration 0010) declares NOT NULL. */
const INFERENCE_NOT_NULL = new Set([
  'round',
  'division',
  'submitter',
  'system_id',
  'benchmark',
  'mlperf_model',
  'scenario',
  'metric',
  'unit',
  'valid',
  'inferred',
  'source',
  'source_kind',
  'origin'
])

/** Columns the schema (migration 0030) declares NOT NULL. */
const TRAINING_NOT_NULL = new Set([
  'round',
  'division',
  'submitter',
  'system_id',
  'benchmark',
  'unit',
  'aborted_runs',
  'rcp_normalised',
  'valid',
  'source',
  'source_kind',
  'origin'
])

const TABLES: Record<Suite, TableSpec> = {
  inference: {
    table: 'inference_results',
    fts: 'inference_results_fts',
    columns: registry(INFERENCE_COLUMNS, INFERENCE_NOT_NULL)
  },
  training: {
    table: 'training_results',
    fts: 'training_results_fts',
    columns: registry(TRAINING_COLUMNS, TRAINING_NOT_NULL)
  }
}

export function tableSpec(suite: Suite): TableSpec {
  return TABLES[suite]
}

/** Thrown for a column or operator the registry does not know; the API maps it to invalid_input. */
export class QueryInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'QueryInputError'
  }
}

export function columnOf(spec: TableSpec, name: string): SqlColumn {
  const col = spec.columns.get(name)
  if (!col) throw new QueryInputError(`Unknown column "${name}"`)
  return col
}
