import Papa from 'papaparse'
import { beforeEach, describe, expect, it } from 'vitest'
import { openDb } from '../../../../../src-main/core/db/open-db'
import type { WritableDb } from '../../../../../src-main/core/db/types'
import { resultsCsv } from '../../../../../src-main/core/export/results-csv'
import { queryFacets } from '../../../../../src-main/core/query/facets'
import { buildPageSql, queryResults } from '../../../../../src-main/core/query/results-query'
import { QueryInputError, tableSpec } from '../../../../../src-main/core/query/column-registry'
import {
  rebuildTrainingFts,
  upsertTrainingResults
} from '../../../../../src-main/core/repo/training-results'
import { TRAINING_COLUMNS, TRAINING_CSV_COLUMNS } from '../../../../../src-main/shared/columns'
import { makeSummaryRecord, makeTrainingRecord } from '../../../../support/training-records'

const CSV_CONTRACT =
  'round,division,category,submitter,system_id,system_name,benchmark,runs,value,unit,scaling_factor,accelerator,accelerators_total,nodes,source'

describe('training column registry', () => {
  it('lists the documented CSV columns first, then the extras', () => {
    expect(TRAINING_CSV_COLUMNS.slice(0, 15).join(',')).toBe(CSV_CONTRACT)
    expect(TRAINING_CSV_COLUMNS.slice(15)).toEqual([
      'framework',
      'aborted_runs',
      'rcp_normalised',
      'valid',
      'source_kind',
      'energy_value',
      'energy_unit',
      'origin'
    ])
    expect(TRAINING_COLUMNS.map((c) => c.name)).toEqual([...TRAINING_CSV_COLUMNS])
  })

  it('marks the NOT NULL columns so an ascending sort can walk an index', () => {
    const spec = tableSpec('training')
    expect(spec.table).toBe('training_results')
    expect(spec.columns.get('benchmark')?.notNull).toBe(true)
    expect(spec.columns.get('value')?.notNull).toBe(false)
    expect(spec.columns.get('scenario')).toBeUndefined()
  })
})

describe('training results over a database', () => {
  let db: WritableDb
  beforeEach(() => {
    db = openDb(':memory:')
    upsertTrainingResults(
      db,
      [
        makeTrainingRecord({ submitter: 'NVIDIA', systemId: 'dgxh100', value: 13.6 }),
        makeTrainingRecord({
          submitter: 'NVIDIA',
          systemId: 'dgxh100_x2',
          value: 7.9,
          accelerator: 'H100',
          flags: { abortedRuns: 1, rcpNormalised: true },
          scalingFactor: 1.02
        }),
        makeTrainingRecord({
          submitter: 'Intel',
          systemId: 'gaudi2',
          benchmark: 'bert',
          value: 20
        }),
        makeSummaryRecord({
          submitter: 'Google',
          systemId: 'tpu',
          value: null,
          valid: false,
          accelerator: 'TPU v5e'
        })
      ],
      null
    )
    rebuildTrainingFts(db)
  })

  it('pages and sorts with NULLs last, and filters on flags', () => {
    const page = queryResults(db, {
      suite: 'training',
      filters: [],
      sort: { column: 'value', dir: 'asc' },
      offset: 0,
      limit: 10,
      columns: ['system_id', 'value']
    })
    expect(page.total).toBe(4)
    expect(page.rows.map((r) => r.value)).toEqual([7.9, 13.6, 20, null])
    const flagged = queryResults(db, {
      suite: 'training',
      filters: [
        { column: 'rcp_normalised', op: 'eq', value: 'true' },
        { column: 'aborted_runs', op: 'gte', value: '1' }
      ],
      offset: 0,
      limit: 10
    })
    expect(flagged.rows.map((r) => r.system_id)).toEqual(['dgxh100_x2'])
    expect(flagged.rows[0]).toMatchObject({ scaling_factor: 1.02, runs: 3, unit: 'minutes' })
  })

  it('searches submitter, system, accelerator, benchmark and framework', () => {
    const q = (search: string): unknown[] =>
      queryResults(db, { suite: 'training', filters: [], search, offset: 0, limit: 10 }).rows.map(
        (r) => r.system_id
      )
    expect(q('v5e')).toEqual(['tpu'])
    expect(q('bert')).toEqual(['gaudi2'])
    expect(q('nvidia h100')).toEqual(['dgxh100_x2'])
  })

  it('counts facets over the filtered set', () => {
    const [benchmark, submitter] = queryFacets(db, {
      suite: 'training',
      filters: [{ column: 'submitter', op: 'eq', value: 'NVIDIA' }],
      columns: ['benchmark', 'submitter']
    })
    expect(benchmark?.values).toEqual([{ value: 'resnet', count: 2 }])
    expect(submitter?.values.map((v) => v.value)).toEqual(['NVIDIA', 'Google', 'Intel'])
    expect(() =>
      queryFacets(db, { suite: 'training', filters: [], columns: ['scenario'] })
    ).toThrow(QueryInputError)
  })

  it('writes the CSV with the documented header, in the view order', () => {
    const { csv, rows } = resultsCsv(db, {
      suite: 'training',
      filters: [{ column: 'benchmark', op: 'eq', value: 'resnet' }],
      sort: { column: 'value', dir: 'desc' }
    })
    expect(rows).toBe(3)
    const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true })
    expect(parsed.meta.fields).toEqual([...TRAINING_CSV_COLUMNS])
    expect(csv.split('\n')[0]?.startsWith(CSV_CONTRACT + ',')).toBe(true)
    expect(parsed.data.map((r) => [r.system_id, r.value, r.source_kind])).toEqual([
      ['dgxh100', '13.6', 'tree'],
      ['dgxh100_x2', '7.9', 'tree'],
      ['tpu', '', 'summary']
    ])
  })

  it('uses the indexes that match the filters (EXPLAIN QUERY PLAN)', () => {
    const plan = (
      filters: Parameters<typeof buildPageSql>[0]['filters'],
      sort?: Parameters<typeof buildPageSql>[0]['sort']
    ): string => {
      const b = buildPageSql({
        suite: 'training',
        filters,
        offset: 0,
        limit: 50,
        ...(sort ? { sort } : {})
      })
      const sql = sort ? b.sql : b.countSql
      const params = sort ? [...b.params, 50, 0] : b.params
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n')
    }
    expect(
      plan([
        { column: 'benchmark', op: 'eq', value: 'resnet' },
        { column: 'division', op: 'eq', value: 'closed' }
      ])
    ).toMatch(/USING (COVERING )?INDEX training_results_bench/)
    expect(plan([{ column: 'submitter', op: 'eq', value: 'NVIDIA' }])).toMatch(
      /USING (COVERING )?INDEX training_results_submitter/
    )
    expect(plan([{ column: 'accelerator', op: 'in', value: ['A', 'B'] }])).toMatch(
      /USING (COVERING )?INDEX training_results_accelerator/
    )
    expect(plan([{ column: 'round', op: 'eq', value: 'v3.0' }])).toMatch(
      /USING (COVERING )?INDEX training_results_round/
    )
    expect(plan([{ column: 'system_id', op: 'eq', value: 'dgxh100' }])).toMatch(
      /USING (COVERING )?INDEX training_results_system/
    )
    // The usual view: one benchmark sorted by score walks the index instead of sorting.
    const sorted = plan([{ column: 'benchmark', op: 'eq', value: 'resnet' }], {
      column: 'value',
      dir: 'desc'
    })
    expect(sorted).toMatch(/INDEX training_results_bench/)
  })
})
