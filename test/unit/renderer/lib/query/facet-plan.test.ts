import { describe, expect, it } from 'vitest'
import type { FacetResult, ViewQuery } from '../../../../../src-main/shared/api'
import {
  FACET_SIZE,
  FACET_SIZE_EXPANDED,
  mergeFacetResults,
  planFacetCalls,
  toggled
} from '../../../../../src-renderer/lib/query/facet-plan'

const view: ViewQuery = {
  suite: 'inference',
  search: 'nvidia',
  filters: [
    { column: 'division', op: 'eq', value: 'closed' },
    { column: 'scenario', op: 'in', value: ['Offline', 'Server'] },
    { column: 'value', op: 'gte', value: '100' }
  ]
}

describe('planFacetCalls', () => {
  it('asks once for plain columns, and per filtered column without its own filter', () => {
    const calls = planFacetCalls(view, ['round', 'division', 'scenario', 'submitter'], new Set())
    expect(calls).toEqual([
      { ...view, columns: ['round', 'submitter'], size: FACET_SIZE },
      {
        ...view,
        filters: [view.filters[1], view.filters[2]],
        columns: ['division'],
        size: FACET_SIZE
      },
      {
        ...view,
        filters: [view.filters[0], view.filters[2]],
        columns: ['scenario'],
        size: FACET_SIZE
      }
    ])
  })

  it('asks for more values of an expanded column on its own', () => {
    const calls = planFacetCalls(
      { suite: 'inference', filters: [] },
      ['round', 'submitter'],
      new Set(['submitter'])
    )
    expect(calls.map((c) => [c.columns, c.size])).toEqual([
      [['round'], FACET_SIZE],
      [['submitter'], FACET_SIZE_EXPANDED]
    ])
  })
})

describe('mergeFacetResults / toggled', () => {
  it('puts results back in sidebar order', () => {
    const r = (column: string): FacetResult => ({ column, values: [], truncated: false })
    expect(
      mergeFacetResults([[r('b'), r('c')], [r('a')]], ['a', 'b', 'c', 'd']).map((x) => x.column)
    ).toEqual(['a', 'b', 'c'])
  })

  it('toggles set membership without mutating', () => {
    const a = new Set(['x'])
    expect([...toggled(a, 'y')]).toEqual(['x', 'y'])
    expect([...toggled(a, 'x')]).toEqual([])
    expect([...a]).toEqual(['x'])
  })
})
