import { beforeEach, describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { openDb } from '../../../../../src-main/core/db/open-db'
import type { WritableDb } from '../../../../../src-main/core/db/types'
import { buildPivotSql, queryPivot } from '../../../../../src-main/core/query/pivot'
import { upsertInferenceResults } from '../../../../../src-main/core/repo/inference-results'
import { pivotColumnLabel, pivotCsv } from '../../../../../src-main/shared/pivot'
import { makeRecord } from '../../../../support/records'

describe('per-round pivot (systems × benchmark and scenario)', () => {
  let db: WritableDb
  beforeEach(() => {
    db = openDb(':memory:')
    upsertInferenceResults(
      db,
      [
        makeRecord({
          submitter: 'NVIDIA',
          systemId: 'h100',
          value: 3000.123456,
          publicId: '4.1-0042'
        }),
        makeRecord({
          submitter: 'NVIDIA',
          systemId: 'h100',
          scenario: 'Server',
          unit: 'Queries/s',
          value: 2900,
          powerValue: 5013.7911666667,
          powerUnit: 'Watts',
          publicId: '4.1-0042'
        }),
        makeRecord({
          submitter: 'NVIDIA',
          systemId: 'h100',
          benchmark: 'retinanet',
          mlperfModel: 'retinanet',
          value: 60
        }),
        makeRecord({
          submitter: 'AMD',
          systemId: 'mi300',
          benchmark: 'llama2-70b-99',
          mlperfModel: 'llama2-70b-99',
          unit: 'Tokens/s',
          value: 21000
        }),
        makeRecord({ submitter: 'Acme', systemId: 'x', division: 'open', value: 10 }),
        makeRecord({ submitter: 'Old', systemId: 'y', round: 'v3.0', value: 5 })
      ],
      null
    )
  })

  it('lays one round out like the official table: rows per system, MLCommons column order', () => {
    const t = queryPivot(db, { filters: [] })
    expect(t.round).toBe('v4.1')
    expect(t.rounds).toEqual(['v4.1', 'v3.0'])
    expect(t.columns.map(pivotColumnLabel)).toEqual([
      'resnet50 Server (Queries/s)',
      'resnet50 Offline (Samples/s)',
      'retinanet Offline (Samples/s)',
      'llama2-70b-99 Offline (Tokens/s)'
    ])
    expect(t.rows.map((r) => `${r.division}/${r.submitter}/${r.systemId}`)).toEqual([
      'closed/AMD/mi300',
      'closed/NVIDIA/h100',
      'open/Acme/x'
    ])
    const nv = t.rows[1]
    expect(nv?.publicId).toBe('4.1-0042')
    expect(nv?.cells.map((c) => c?.value ?? null)).toEqual([2900, 3000.123456, 60, null])
    expect(t.results).toBe(5)
  })

  it('narrows by the table filters and picks the round asked for', () => {
    const closed = queryPivot(db, {
      round: 'v4.1',
      filters: [
        { column: 'division', op: 'eq', value: 'closed' },
        { column: 'round', op: 'eq', value: 'v3.0' }
      ]
    })
    expect(closed.rows.map((r) => r.submitter)).toEqual(['AMD', 'NVIDIA'])
    expect(queryPivot(db, { round: 'v3.0', filters: [] }).rows.map((r) => r.submitter)).toEqual([
      'Old'
    ])
  })

  it('shows power results in the power view', () => {
    const t = queryPivot(db, { filters: [], measure: 'power' })
    expect(t.columns.map(pivotColumnLabel)).toEqual(['resnet50 Server (Watts)'])
    expect(t.rows[0]?.cells[0]?.value).toBe(5013.7911666667)
  })

  it('writes the CSV at full precision with the MLPerf ID of each system', () => {
    const parsed = Papa.parse<Record<string, string>>(pivotCsv(queryPivot(db, { filters: [] })), {
      header: true,
      skipEmptyLines: true
    })
    const nv = parsed.data.find((r) => r['submitter'] === 'NVIDIA')
    expect(nv?.['mlperf_id']).toBe('4.1-0042')
    expect(nv?.['resnet50 Offline (Samples/s)']).toBe('3000.123456')
    expect(nv?.['llama2-70b-99 Offline (Tokens/s)']).toBe('')
  })

  it('reads one round through the round index (EXPLAIN QUERY PLAN)', () => {
    const b = buildPivotSql('v4.1', { filters: [] })
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${b.sql}`).all(...b.params) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n')
    expect(plan).toMatch(/USING INDEX inference_results_round \(round=\?\)/)
  })
})
