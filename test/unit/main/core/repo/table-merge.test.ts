import { describe, expect, it } from 'vitest'
import { openDb } from '../../../../../src-main/core/db/open-db'
import {
  differsBeyondPrecision,
  mergeTableIntoLogs,
  tableTolerance
} from '../../../../../src-main/core/repo/table-merge'
import type { MergeSpec } from '../../../../../src-main/core/repo/table-merge'
import {
  fillInferenceSummaryGaps,
  getInferenceResult,
  upsertInferenceResults
} from '../../../../../src-main/core/repo/inference-results'
import { makeRecord } from '../../../../support/records'

describe('the precision a table prints', () => {
  it('is half a unit of the last digit shown', () => {
    expect(tableTolerance(3142.52)).toBe(0.005)
    expect(tableTolerance(1042110)).toBe(0.5)
    expect(tableTolerance(154.901)).toBe(0.0005)
    expect(tableTolerance(2.5e-7)).toBe(5e-9)
  })

  it('tells a rounded table value from a different result', () => {
    expect(differsBeyondPrecision(154.9, 154.901)).toBe(false)
    expect(differsBeyondPrecision(154.901, 154.9014)).toBe(false)
    expect(differsBeyondPrecision(154.901, 154.902)).toBe(true)
    expect(differsBeyondPrecision(60.4107, 59.1081)).toBe(true)
  })
})

const SPEC: MergeSpec = {
  fill: { public_id: 'result ID', weight_data_types: 'precision', power_value: 'power' },
  pairs: { power_value: 'power_unit' },
  compare: [{ column: 'value', unit: 'unit', label: 'the result' }]
}

describe('merging a table row into a row read from logs', () => {
  const logs = {
    value: 100.04,
    unit: 'Samples/s',
    public_id: null,
    weight_data_types: 'int8',
    power_value: null,
    power_unit: null
  }

  it('fills only what the logs leave empty, pairs included', () => {
    const m = mergeTableIntoLogs(
      logs,
      {
        source: '/x/summary_results.json',
        fields: {
          value: 100,
          unit: 'Samples/s',
          public_id: 'v4.1-0001',
          weight_data_types: 'fp8',
          power_value: 420.5,
          power_unit: 'Watts'
        },
        notes: null
      },
      SPEC
    )
    expect(m.row).toMatchObject({
      public_id: 'v4.1-0001',
      weight_data_types: 'int8',
      power_value: 420.5,
      power_unit: 'Watts'
    })
    expect(m.filled).toEqual(['public_id', 'power_value', 'power_unit'])
    expect(m.disagreements).toEqual([])
    expect(m.notes).toEqual([
      'Kept from the results table (summary_results.json), which the logs do not carry: result ID v4.1-0001, power 420.5 Watts.'
    ])
  })

  it('says where the numbers differ beyond the table’s precision, with both', () => {
    const m = mergeTableIntoLogs(
      logs,
      { source: 'results_summary.csv', fields: { value: 101.2, unit: 'Samples/s' }, notes: null },
      SPEC
    )
    expect(m.disagreements).toEqual([
      { label: 'the result', table: 101.2, logs: 100.04, unit: 'Samples/s', tolerance: 0.05 }
    ])
    expect(m.notes).toEqual([
      "The results table (results_summary.csv) gives the result 101.2 Samples/s; the logs give 100.04 Samples/s, a difference beyond the table's precision (±0.05)."
    ])
  })

  it('compares nothing across units', () => {
    const m = mergeTableIntoLogs(
      logs,
      { source: 't.json', fields: { value: 5, unit: 'Tokens/s' }, notes: null },
      SPEC
    )
    expect(m.disagreements).toEqual([])
  })
})

describe('the repository merge rules', () => {
  const table = makeRecord({
    sourceKind: 'summary',
    source: '/t/summary_results.json',
    publicId: 'v4.1-0007',
    weightDataTypes: 'fp8',
    value: 1000,
    detail: {
      ...makeRecord().detail,
      system: { notes: 'Liquid cooled.' },
      notes: ['From the table.']
    }
  })
  const tree = makeRecord({ publicId: null, weightDataTypes: null, value: 1001.2 })

  it('keeps a table’s fields when logs replace its row, and on every later re-read', () => {
    const db = openDb(':memory:')
    upsertInferenceResults(db, [table], null)
    const c = upsertInferenceResults(db, [tree], null)
    expect(c).toMatchObject({ updated: 1, enriched: 1 })
    expect(c.disagreements).toHaveLength(1)
    const id = (db.prepare('SELECT id FROM inference_results').get() as { id: number }).id
    const got = getInferenceResult(db, id)
    expect(got?.row).toMatchObject({
      public_id: 'v4.1-0007',
      weight_data_types: 'fp8',
      value: 1001.2,
      source_kind: 'tree'
    })
    expect(got?.detail.officialTable).toMatchObject({
      source: '/t/summary_results.json',
      notes: 'Liquid cooled.'
    })
    expect(upsertInferenceResults(db, [tree], null)).toMatchObject({ unchanged: 1, updated: 0 })
    expect(upsertInferenceResults(db, [table], null)).toMatchObject({ kept: 1, unchanged: 1 })
  })

  it('merges a table that arrives after the logs the same way', () => {
    const db = openDb(':memory:')
    upsertInferenceResults(db, [tree], null)
    expect(upsertInferenceResults(db, [table], null)).toMatchObject({ kept: 1, updated: 1 })
    const row = db
      .prepare('SELECT public_id, value, source_kind, origin FROM inference_results')
      .get()
    expect(row).toEqual({
      public_id: 'v4.1-0007',
      value: 1001.2,
      source_kind: 'tree',
      origin: 'imported'
    })
    expect(upsertInferenceResults(db, [tree], null)).toMatchObject({ unchanged: 1 })
  })

  it('fills a summary row from a later copy without replacing it', () => {
    const db = openDb(':memory:')
    const first = makeRecord({
      sourceKind: 'summary',
      publicId: null,
      powerValue: null,
      powerUnit: null
    })
    const copy = makeRecord({
      sourceKind: 'summary',
      publicId: 'v4.1-0002',
      powerValue: 512,
      powerUnit: 'Watts',
      value: 1
    })
    upsertInferenceResults(db, [first], null, 'bundled')
    expect(fillInferenceSummaryGaps(db, [copy])).toBe(1)
    expect(fillInferenceSummaryGaps(db, [copy])).toBe(0)
    const row = db
      .prepare('SELECT public_id, power_value, power_unit, value, origin FROM inference_results')
      .get()
    expect(row).toEqual({
      public_id: 'v4.1-0002',
      power_value: 512,
      power_unit: 'Watts',
      value: 1234.5,
      origin: 'bundled'
    })
  })
})
