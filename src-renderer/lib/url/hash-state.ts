import type { Filter, SortDir } from '../../../src-main/shared/api'
import type { FilterOp } from '../../../src-main/shared/filters'
import { FILTER_OP_SPECS, isFilterOp } from '../../../src-main/shared/filters'

/**
 * Top-level screens; the hash path picks one. Every screen may use the table-view codec below
 * (filters, search, sort…) and route parameters: keys starting with `_` (e.g. `_chart=speedup`),
 * kept in `params` for the screen to read.
 */
export const ROUTES = [
  'inference',
  'training',
  'ttmt',
  'charts',
  'compare',
  'runs',
  'imports',
  'catalogue',
  'pivot'
] as const
export type Route = (typeof ROUTES)[number]

/** Everything about the Explorer view that a link must reproduce. */
export type ViewState = {
  filters: Filter[]
  search: string
  sort: { column: string; dir: SortDir } | null
  /** Visible columns in display order; null = the defaults. */
  columns: string[] | null
  /** Facet columns shown in the sidebar; null = the defaults. */
  facets: string[] | null
  /** Result id whose detail panel is open. */
  open: number | null
}

export type HashState = { route: Route; view: ViewState; params: Record<string, string> }

export const EMPTY_VIEW: ViewState = {
  filters: [],
  search: '',
  sort: null,
  columns: null,
  facets: null,
  open: null
}

const isListOp = (op: FilterOp): boolean => FILTER_OP_SPECS[op].arity === 'many'
const isNullOp = (op: FilterOp): boolean => FILTER_OP_SPECS[op].arity === 'none'
/** Parameter names that are not column filters. */
const RESERVED = new Set(['q', 'sort', 'cols', 'facets', 'open'])

/** Encodes one list item; commas inside a value become %2C so `,` can separate items. */
function enc(value: string): string {
  return encodeURIComponent(value)
}

function dec(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function splitList(raw: string): string[] {
  return raw === '' ? [] : raw.split(',').map(dec)
}

/**
 * Parses `#/inference?division=closed&scenario=Offline,Server&q=nvidia&sort=-value&open=12`.
 * Filters follow Datasette: `col=v` is eq, `col=a,b` is in, `col__op=v` any other operator.
 * Unknown columns are dropped when `known` is given; malformed parts are ignored, never thrown.
 */
export function parseHash(
  hash: string,
  known?: ReadonlySet<string> | ((route: Route) => ReadonlySet<string> | undefined)
): HashState {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash
  const q = raw.indexOf('?')
  const path = (q === -1 ? raw : raw.slice(0, q)).replace(/^\/+|\/+$/g, '')
  const query = q === -1 ? '' : raw.slice(q + 1)
  const route: Route = (ROUTES as readonly string[]).includes(path) ? (path as Route) : 'inference'
  const view: ViewState = { ...EMPTY_VIEW, filters: [] }
  const params: Record<string, string> = {}
  const columns = typeof known === 'function' ? known(route) : known
  const allowed = (column: string): boolean => column !== '' && (!columns || columns.has(column))

  for (const part of query.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const key = dec(eq === -1 ? part : part.slice(0, eq))
    const value = eq === -1 ? '' : part.slice(eq + 1)
    if (key.startsWith('_') && key.length > 1) {
      params[key.slice(1)] = dec(value)
      continue
    }
    if (RESERVED.has(key)) {
      if (key === 'q') view.search = dec(value)
      else if (key === 'sort') {
        const text = dec(value)
        const desc = text.startsWith('-')
        const column = desc ? text.slice(1) : text
        if (allowed(column)) view.sort = { column, dir: desc ? 'desc' : 'asc' }
      } else if (key === 'cols') view.columns = splitList(value).filter(allowed)
      else if (key === 'facets') view.facets = splitList(value).filter(allowed)
      else if (key === 'open') {
        const id = Number(dec(value))
        if (Number.isSafeInteger(id) && id > 0) view.open = id
      }
      continue
    }
    const sep = key.lastIndexOf('__')
    const maybeOp = sep === -1 ? '' : key.slice(sep + 2)
    const hasOp = sep > 0 && isFilterOp(maybeOp)
    const column = hasOp ? key.slice(0, sep) : key
    if (!allowed(column)) continue
    if (!hasOp) {
      const values = splitList(value)
      if (values.length > 1) view.filters.push({ column, op: 'in', value: values })
      else view.filters.push({ column, op: 'eq', value: values[0] ?? '' })
      continue
    }
    const op = maybeOp
    if (isNullOp(op)) view.filters.push({ column, op })
    else if (isListOp(op)) view.filters.push({ column, op, value: splitList(value) })
    else view.filters.push({ column, op, value: dec(value) })
  }
  view.filters = unionRepeated(view.filters)
  return { route, view, params }
}

/**
 * A column named more than once with `=` (or `__in`) means "any of", like the comma form:
 * `benchmark=a&benchmark=b` is `benchmark=a,b`, one `in` filter at the first one's place.
 */
function unionRepeated(filters: Filter[]): Filter[] {
  const out: Filter[] = []
  const positive = new Map<string, Filter>()
  for (const f of filters) {
    if (f.op !== 'eq' && f.op !== 'in') {
      out.push(f)
      continue
    }
    const values = Array.isArray(f.value) ? f.value : [f.value ?? '']
    const first = positive.get(f.column)
    if (!first) {
      const copy: Filter = { ...f, value: Array.isArray(f.value) ? [...f.value] : f.value }
      positive.set(f.column, copy)
      out.push(copy)
      continue
    }
    const merged = Array.isArray(first.value) ? first.value : [first.value ?? '']
    for (const v of values) if (!merged.includes(v)) merged.push(v)
    first.op = merged.length > 1 ? 'in' : 'eq'
    first.value = merged.length > 1 ? merged : merged[0]
  }
  return out
}

function filterParam(filter: Filter): string {
  const { column, op, value } = filter
  const key = enc(column)
  if (isNullOp(op)) return `${key}__${op}=1`
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value]
  const joined = list.map(enc).join(',')
  if (op === 'eq' && list.length === 1) return `${key}=${joined}`
  if (op === 'in' && list.length > 1) return `${key}=${joined}`
  return `${key}__${op}=${joined}`
}

/** The inverse of parseHash; parameters in a stable order so equal views give equal URLs. */
export function formatHash(
  state: Omit<HashState, 'params'> & { params?: Record<string, string> }
): string {
  if (state.route === 'imports') return '#/imports'
  if (state.route === 'catalogue') return '#/catalogue'
  const { view } = state
  const parts = view.filters.map(filterParam)
  if (view.search.trim() !== '') parts.push(`q=${enc(view.search)}`)
  if (view.sort) parts.push(`sort=${view.sort.dir === 'desc' ? '-' : ''}${enc(view.sort.column)}`)
  if (view.columns) parts.push(`cols=${view.columns.map(enc).join(',')}`)
  if (view.facets) parts.push(`facets=${view.facets.map(enc).join(',')}`)
  if (view.open !== null) parts.push(`open=${view.open}`)
  const params = state.params ?? {}
  for (const key of Object.keys(params).sort()) {
    // A parameter is never split on commas, so lists (`_ids=12,15`) can keep them readable.
    parts.push(`_${enc(key)}=${enc(params[key] ?? '').replaceAll('%2C', ',')}`)
  }
  return parts.length === 0 ? `#/${state.route}` : `#/${state.route}?${parts.join('&')}`
}
