/** The steps of queryPivot without a database: columns in the report's order, rows per system. */
import { describe, expect, it } from 'vitest'
import { pivotColumns, rank } from '../../../../../src-main/core/query/pivot-columns'
import type { PivotSqlRow } from '../../../../../src-main/core/query/pivot-columns'
import { pivotRows, sharedPublicId } from '../../../../../src-main/core/query/pivot-rows'

let nextId = 1
const result = (over: Partial<PivotSqlRow>): PivotSqlRow => ({
  id: nextId++,
  division: 'closed',
  category: 'Available',
  system_type: 'datacenter',
  submitter: 'Acme',
  system_id: 'box',
  system_name: 'Box',
  accelerator: 'W',
  accelerators_total: 8,
  benchmark: 'resnet',
  mlperf_model: 'resnet',
  scenario: 'Offline',
  unit: 'Samples/s',
  value: 1,
  valid: 1,
  inferred: 0,
  public_id: null,
  ...over
})

describe('pivotColumns', () => {
  it('orders benchmark × scenario × unit as the final report, unknown models last', () => {
    const found = [
      result({ benchmark: 'zzz', mlperf_model: 'zzz' }),
      result({ scenario: 'Server', unit: 'Queries/s' }),
      result({ scenario: 'Offline' }),
      result({ scenario: 'Offline' })
    ]
    const { columns, index } = pivotColumns(found)
    expect(columns).toEqual([
      { benchmark: 'resnet', scenario: 'Server', unit: 'Queries/s' },
      { benchmark: 'resnet', scenario: 'Offline', unit: 'Samples/s' },
      { benchmark: 'zzz', scenario: 'Offline', unit: 'Samples/s' }
    ])
    expect(index.size).toBe(3)
    expect(rank(['a', 'b'], 'b')).toBe(1)
    expect(rank(['a', 'b'], 'c')).toBe(2)
  })
})

describe('pivotRows', () => {
  it('puts each system on one row, its results in their columns, sorted as published', () => {
    const found = [
      result({ submitter: 'Zed', system_id: 'z1', system_name: null, value: 5 }),
      result({ value: 2, scenario: 'Server', unit: 'Queries/s', valid: 0 }),
      result({ value: 3 }),
      result({ division: 'open', submitter: 'Acme', system_id: 'box', value: 4 })
    ]
    const { columns, index } = pivotColumns(found)
    const rows = pivotRows(found, columns.length, index)
    expect(rows.map((r) => [r.division, r.submitter, r.systemName])).toEqual([
      ['closed', 'Acme', 'Box'],
      ['closed', 'Zed', 'z1'],
      ['open', 'Acme', 'Box']
    ])
    expect(rows[0]?.cells.map((c) => c && [c.value, c.valid])).toEqual([
      [2, false],
      [3, true]
    ])
    expect(rows[1]?.cells.map((c) => c?.value ?? null)).toEqual([null, 5])
  })

  it('gives the row the MLPerf ID its results share, and none when they differ', () => {
    const cell = (publicId: string | null) => ({
      id: 1,
      value: 1,
      valid: true,
      inferred: false,
      publicId
    })
    expect(sharedPublicId([cell('4.1-0001'), null, cell('4.1-0001')])).toBe('4.1-0001')
    expect(sharedPublicId([cell('4.1-0001'), cell('4.1-0002')])).toBeNull()
    expect(sharedPublicId([cell(null), null])).toBeNull()
  })
})
