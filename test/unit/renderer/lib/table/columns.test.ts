import { describe, expect, it } from 'vitest'
import { INFERENCE_COLUMNS, TRAINING_COLUMNS } from '../../../../../src-main/shared/columns'
import {
  DEFAULT_COLUMNS,
  DEFAULT_FACETS,
  INFERENCE_SCHEMA,
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
    expect(TRAINING_SCHEMA.defaultColumns).toContain('scaling_factor')
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
