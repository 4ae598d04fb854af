import { describe, expect, it } from 'vitest'
import type { Filter } from '../../../../../src-main/shared/api'
import { INFERENCE_COLUMNS } from '../../../../../src-main/shared/columns'
import {
  describeFilter,
  isFacetSelected,
  toggleFacetValue,
  withoutColumn
} from '../../../../../src-renderer/lib/query/filters'

describe('toggleFacetValue', () => {
  it('adds an eq filter, then widens it to in, then narrows back', () => {
    let filters: Filter[] = [{ column: 'division', op: 'eq', value: 'closed' }]
    filters = toggleFacetValue(filters, 'scenario', 'Offline')
    expect(filters).toEqual([
      { column: 'division', op: 'eq', value: 'closed' },
      { column: 'scenario', op: 'eq', value: 'Offline' }
    ])
    filters = toggleFacetValue(filters, 'scenario', 'Server')
    expect(filters[1]).toEqual({ column: 'scenario', op: 'in', value: ['Offline', 'Server'] })
    filters = toggleFacetValue(filters, 'scenario', 'Offline')
    expect(filters[1]).toEqual({ column: 'scenario', op: 'eq', value: 'Server' })
    filters = toggleFacetValue(filters, 'scenario', 'Server')
    expect(filters).toEqual([{ column: 'division', op: 'eq', value: 'closed' }])
  })

  it('treats numbers as their text and null as an isnull filter', () => {
    let filters = toggleFacetValue([], 'nodes', 8)
    expect(filters).toEqual([{ column: 'nodes', op: 'eq', value: '8' }])
    expect(isFacetSelected(filters, 'nodes', 8)).toBe(true)
    filters = toggleFacetValue(filters, 'power_unit', null)
    expect(isFacetSelected(filters, 'power_unit', null)).toBe(true)
    filters = toggleFacetValue(filters, 'power_unit', null)
    expect(filters).toEqual([{ column: 'nodes', op: 'eq', value: '8' }])
  })

  it('leaves other operators on the same column alone', () => {
    const filters = toggleFacetValue([{ column: 'nodes', op: 'gte', value: '2' }], 'nodes', 4)
    expect(filters).toEqual([
      { column: 'nodes', op: 'gte', value: '2' },
      { column: 'nodes', op: 'eq', value: '4' }
    ])
    expect(withoutColumn(filters, 'nodes')).toEqual([])
  })
})

describe('describeFilter', () => {
  it('uses column labels and plain words', () => {
    expect(
      describeFilter({ column: 'division', op: 'eq', value: 'closed' }, INFERENCE_COLUMNS)
    ).toBe('Division = closed')
    expect(
      describeFilter(
        { column: 'scenario', op: 'in', value: ['Offline', 'Server'] },
        INFERENCE_COLUMNS
      )
    ).toBe('Scenario is one of Offline, Server')
    expect(describeFilter({ column: 'power_value', op: 'isnull' }, INFERENCE_COLUMNS)).toBe(
      'Power is empty'
    )
  })
})
