import { describe, expect, it } from 'vitest'
import {
  EMPTY_VIEW,
  formatHash,
  parseHash,
  type HashState
} from '../../../../../src-renderer/lib/url/hash-state'

const known = new Set([
  'division',
  'scenario',
  'submitter',
  'value',
  'round',
  'system_type',
  'power_value',
  'benchmark'
])

describe('parseHash', () => {
  it('reads the brief example', () => {
    const state = parseHash(
      '#/inference?division=closed&scenario=Offline,Server&q=nvidia&sort=-value&cols=round,submitter&open=123',
      known
    )
    expect(state).toEqual<HashState>({
      route: 'inference',
      view: {
        filters: [
          { column: 'division', op: 'eq', value: 'closed' },
          { column: 'scenario', op: 'in', value: ['Offline', 'Server'] }
        ],
        search: 'nvidia',
        sort: { column: 'value', dir: 'desc' },
        columns: ['round', 'submitter'],
        facets: null,
        open: 123
      },
      params: {}
    })
  })

  it('gives the empty view for an empty hash', () => {
    expect(parseHash('')).toEqual({ route: 'inference', view: EMPTY_VIEW, params: {} })
    expect(parseHash('#/')).toEqual({ route: 'inference', view: EMPTY_VIEW, params: {} })
  })

  it('recognises the imports route', () => {
    expect(parseHash('#/imports').route).toBe('imports')
  })

  it('reads operators in Datasette style', () => {
    const { view } = parseHash(
      '#/inference?value__gte=1000&power_value__notnull=1&submitter__contains=NV&round__notin=v0.5,v0.7',
      known
    )
    expect(view.filters).toEqual([
      { column: 'value', op: 'gte', value: '1000' },
      { column: 'power_value', op: 'notnull' },
      { column: 'submitter', op: 'contains', value: 'NV' },
      { column: 'round', op: 'notin', value: ['v0.5', 'v0.7'] }
    ])
  })

  it('drops unknown columns and malformed parts instead of throwing', () => {
    const { view } = parseHash(
      '#/inference?nope=1&sort=-nope&open=abc&division=%E0%A4%A&&=x',
      known
    )
    expect(view.filters).toEqual([{ column: 'division', op: 'eq', value: '%E0%A4%A' }])
    expect(view.sort).toBeNull()
    expect(view.open).toBeNull()
  })

  it('reads a repeated parameter as "any of", like the comma form (table and charts)', () => {
    const repeated = parseHash('#/inference?benchmark=a&division=closed&benchmark=b', known)
    const comma = parseHash('#/inference?benchmark=a,b&division=closed', known)
    expect(repeated.view.filters).toEqual([
      { column: 'benchmark', op: 'in', value: ['a', 'b'] },
      { column: 'division', op: 'eq', value: 'closed' }
    ])
    expect(repeated.view.filters).toEqual(comma.view.filters)
    expect(formatHash(repeated)).toBe(formatHash(comma))
    expect(
      parseHash('#/charts?benchmark=a&benchmark__in=b,c&benchmark=a', known).view.filters
    ).toEqual([{ column: 'benchmark', op: 'in', value: ['a', 'b', 'c'] }])
    // Exclusions already combine: "not a and not b".
    expect(
      parseHash('#/inference?benchmark__ne=a&benchmark__ne=b', known).view.filters
    ).toHaveLength(2)
  })

  it('keeps commas inside one value apart from list separators', () => {
    const { view } = parseHash('#/inference?system_type=datacenter%2Cedge,edge', known)
    expect(view.filters).toEqual([
      { column: 'system_type', op: 'in', value: ['datacenter,edge', 'edge'] }
    ])
  })
})

describe('formatHash', () => {
  it('round-trips every kind of filter and the view options', () => {
    const state: HashState = {
      route: 'inference',
      view: {
        filters: [
          { column: 'division', op: 'eq', value: 'closed' },
          { column: 'system_type', op: 'in', value: ['datacenter,edge', 'edge'] },
          { column: 'submitter', op: 'in', value: ['Only one'] },
          { column: 'value', op: 'lt', value: '12.5' },
          { column: 'power_value', op: 'isnull' },
          { column: 'round', op: 'eq', value: '' }
        ],
        search: 'h100 & friends #1',
        sort: { column: 'value', dir: 'asc' },
        columns: ['round', 'value'],
        facets: ['division'],
        open: 42
      },
      // Route parameters ride along with the view, prefixed with `_`.
      params: { chart: 'speed up', norm: 'best' }
    }
    const hash = formatHash(state)
    expect(hash.startsWith('#/inference?')).toBe(true)
    expect(parseHash(hash, known)).toEqual(state)
  })

  it('writes the plain forms for eq and multi-value in', () => {
    const hash = formatHash({
      route: 'inference',
      view: {
        ...EMPTY_VIEW,
        filters: [
          { column: 'division', op: 'eq', value: 'closed' },
          { column: 'scenario', op: 'in', value: ['Offline', 'Server'] }
        ],
        search: 'nvidia',
        sort: { column: 'value', dir: 'desc' },
        open: 7
      }
    })
    expect(hash).toBe(
      '#/inference?division=closed&scenario=Offline,Server&q=nvidia&sort=-value&open=7'
    )
  })

  it('omits a blank search and writes the bare route for the empty view', () => {
    expect(formatHash({ route: 'inference', view: { ...EMPTY_VIEW, search: '   ' } })).toBe(
      '#/inference'
    )
    expect(formatHash({ route: 'imports', view: EMPTY_VIEW })).toBe('#/imports')
  })

  it('keeps commas readable in route parameters and reads them back whole', () => {
    const state = {
      route: 'ttmt' as const,
      view: EMPTY_VIEW,
      params: { ids: '12,15', thresholds: '0.7,0.72' }
    }
    const hash = formatHash(state)
    expect(hash).toBe('#/ttmt?_ids=12,15&_thresholds=0.7,0.72')
    expect(parseHash(hash)).toEqual(state)
  })
})
