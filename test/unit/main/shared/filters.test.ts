// The filter operators are one list with one word each (shared/filters.ts): the input schema,
// the URL codec, the SQL layer's description of a view and the table's chips all follow it.
import { describe, expect, it } from 'vitest'
import { describeFilters } from '../../../../src-main/core/query/filters'
import type { ColumnInfo, Filter } from '../../../../src-main/shared/api'
import { FILTER_OPS, FILTER_OP_SPECS } from '../../../../src-main/shared/filters'
import { INPUT_SCHEMAS } from '../../../../src-main/shared/schemas'
import { describeFilter } from '../../../../src-renderer/lib/query/filters'
import { formatHash, parseHash } from '../../../../src-renderer/lib/url/hash-state'

function filterOf(op: Filter['op']): Filter {
  const arity = FILTER_OP_SPECS[op].arity
  if (arity === 'none') return { column: 'scenario', op }
  return { column: 'scenario', op, value: arity === 'many' ? ['Offline', 'Server'] : 'Offline' }
}

describe('filter operators', () => {
  it('the view description and the chips use the same word for every operator', () => {
    const columns: ColumnInfo[] = [
      { name: 'scenario', label: 'scenario', type: 'text', facet: true, defaultVisible: true }
    ]
    for (const op of FILTER_OPS) {
      const f = filterOf(op)
      const chip = describeFilter(f, columns)
      expect(describeFilters([f])).toBe(chip)
    }
    expect(describeFilters([filterOf('in'), filterOf('notin')])).toBe(
      'scenario is one of Offline, Server and scenario is none of Offline, Server'
    )
  })

  it('the input schema accepts exactly the listed operators', () => {
    const query = INPUT_SCHEMAS['results.query']
    for (const op of FILTER_OPS) {
      expect(
        query.safeParse({ suite: 'inference', filters: [filterOf(op)], offset: 0, limit: 1 })
      ).toMatchObject({ success: true })
    }
    const like = { column: 'scenario', op: 'like', value: 'Off%' }
    expect(
      query.safeParse({ suite: 'inference', filters: [like], offset: 0, limit: 1 }).success
    ).toBe(false)
  })

  it('every operator survives the URL', () => {
    for (const op of FILTER_OPS) {
      const view = { filters: [filterOf(op)], search: '', sort: null, columns: null, facets: null }
      const hash = formatHash({ route: 'inference', view: { ...view, open: null }, params: {} })
      expect(parseHash(hash, new Set(['scenario'])).view.filters).toEqual(view.filters)
    }
  })
})
