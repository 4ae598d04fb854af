import { describe, expect, it } from 'vitest'
import { INFERENCE_COLUMNS, TRAINING_COLUMNS } from '../../../../../src-main/shared/columns'
import {
  DEFAULT_COLUMNS,
  DEFAULT_FACETS,
  INFERENCE_FROZEN,
  INFERENCE_SCHEMA,
  fitFrozenWidths,
  TRAINING_SCHEMA,
  routeColumns,
  tableSchema
} from '../../../../../src-renderer/lib/table/columns'

describe('table schemas', () => {
  it('describes the inference table exactly as the Explorer always had it', () => {
    expect(INFERENCE_SCHEMA.suite).toBe('inference')
    expect(INFERENCE_SCHEMA.all).toBe(INFERENCE_COLUMNS)
    expect(INFERENCE_SCHEMA.defaultColumns).toEqual(DEFAULT_COLUMNS)
    expect(INFERENCE_SCHEMA.defaultFacets).toEqual(DEFAULT_FACETS)
    expect(INFERENCE_SCHEMA.mergedUnit).toEqual({ value: 'unit', power_value: 'power_unit' })
  })

  it('describes the training table from the shared column list', () => {
    expect(TRAINING_SCHEMA.suite).toBe('training')
    expect(TRAINING_SCHEMA.all).toBe(TRAINING_COLUMNS)
    expect(TRAINING_SCHEMA.defaultColumns).toContain('value')
    expect(TRAINING_SCHEMA.defaultColumns.slice(0, 4)).toEqual([
      'submitter',
      'system_name',
      'benchmark',
      'value'
    ])
    expect(TRAINING_SCHEMA.defaultFacets).toContain('division')
    expect(TRAINING_SCHEMA.defaultFacets.every((n) => TRAINING_SCHEMA.names.has(n))).toBe(true)
    expect(TRAINING_SCHEMA.mergedUnit).toEqual({})
  })

  it('keeps only facets and merged units whose columns exist', () => {
    const schema = tableSchema(
      'training',
      [{ name: 'value', label: 'V', type: 'number', facet: false, defaultVisible: true }],
      { defaultFacets: ['value', 'nope'], mergedUnit: { value: 'unit' } }
    )
    expect(schema.defaultFacets).toEqual([])
    expect(schema.mergedUnit).toEqual({})
    expect(schema.defaultColumns).toEqual(['value'])
  })

  it('gives the URL codec each route its columns', () => {
    expect(routeColumns('training')?.has('scaling_factor')).toBe(true)
    expect(routeColumns('inference')?.has('scenario')).toBe(true)
    expect(routeColumns('charts')?.has('scenario')).toBe(true)
    expect(routeColumns('ttmt')).toBeUndefined()
  })
})

describe('frozen columns', () => {
  it('come first, in their order, in the default inference columns', () => {
    expect(INFERENCE_SCHEMA.defaultColumns.slice(0, 5)).toEqual([...INFERENCE_FROZEN])
    expect(INFERENCE_FROZEN).toEqual(['submitter', 'system_name', 'benchmark', 'scenario', 'value'])
  })

  it('shrink their text columns on a narrow table, never below their minimum', () => {
    const names = ['submitter', 'system_name', 'benchmark', 'scenario', 'value', 'round']
    const natural = [124, 230, 124, 100, 176, 66]
    expect(fitFrozenWidths(names, natural, 5, 2000, 34)).toEqual(natural)
    const fitted = fitFrozenWidths(names, natural, 5, 700, 34)
    expect(34 + fitted.slice(0, 5).reduce((a, b) => a + b, 0)).toBe(700)
    expect(fitted.slice(3)).toEqual([100, 176, 66])
    const tight = fitFrozenWidths(names, natural, 5, 300, 34)
    expect(tight.slice(0, 3)).toEqual([84, 120, 96])
  })
})
