/**
 * Filter operators (Datasette's idea: filters are data, each becomes a bound WHERE fragment).
 * One list for the type, the input schema and the URL codec, and one word per operator for every
 * sentence that shows a filter: the table's chips and the description of a view ("division =
 * closed and scenario is one of Offline, Server").
 */

export const FILTER_OPS = [
  'eq',
  'ne',
  'in',
  'notin',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'isnull',
  'notnull'
] as const

export type FilterOp = (typeof FILTER_OPS)[number]

/** How many values an operator takes: none (isnull), one (eq) or a list (in). */
export type FilterArity = 'none' | 'one' | 'many'

export type FilterOpSpec = { label: string; arity: FilterArity }

export const FILTER_OP_SPECS: Readonly<Record<FilterOp, FilterOpSpec>> = {
  eq: { label: '=', arity: 'one' },
  ne: { label: '≠', arity: 'one' },
  in: { label: 'is one of', arity: 'many' },
  notin: { label: 'is none of', arity: 'many' },
  gt: { label: '>', arity: 'one' },
  gte: { label: '≥', arity: 'one' },
  lt: { label: '<', arity: 'one' },
  lte: { label: '≤', arity: 'one' },
  contains: { label: 'contains', arity: 'one' },
  isnull: { label: 'is empty', arity: 'none' },
  notnull: { label: 'is not empty', arity: 'none' }
}

/** True for a known operator name (URLs and saved views are read from outside). */
export function isFilterOp(value: string): value is FilterOp {
  return (FILTER_OPS as readonly string[]).includes(value)
}
