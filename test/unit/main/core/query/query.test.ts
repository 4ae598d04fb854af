import { beforeEach, describe, expect, it } from 'vitest'
import { openDb } from '../../../../../src-main/core/db/open-db'
import type { WritableDb } from '../../../../../src-main/core/db/types'
import { queryFacets } from '../../../../../src-main/core/query/facets'
import { describeFilters, filterToSql } from '../../../../../src-main/core/query/filters'
import { toFtsQuery } from '../../../../../src-main/core/query/fts-query'
import { buildPageSql, queryResults } from '../../../../../src-main/core/query/results-query'
import { QueryInputError, tableSpec } from '../../../../../src-main/core/query/column-registry'
import {
  getInferenceResult,
  rebuildInferenceFts,
  upsertInferenceResults
} from '../../../../../src-main/core/repo/inference-results'
import { makeRecord } from '../../../../support/records'

const spec = tableSpec('inference')

describe('filters', () => {
  it('binds values and never interpolates them', () => {
    expect(filterToSql(spec, { column: 'submitter', op: 'eq', value: "x' OR 1=1 --" })).toEqual({
      sql: 'r.submitter = ?',
      params: ["x' OR 1=1 --"]
    })
    expect(
      filterToSql(spec, { column: 'scenario', op: 'in', value: ['Offline', 'Server'] })
    ).toEqual({
      sql: 'r.scenario IN (?, ?)',
      params: ['Offline', 'Server']
    })
  })

  it('coerces numbers and booleans to the column type', () => {
    expect(
      filterToSql(spec, { column: 'accelerators_total', op: 'gte', value: '8' }).params
    ).toEqual([8])
    expect(filterToSql(spec, { column: 'valid', op: 'eq', value: 'true' }).params).toEqual([1])
    expect(() => filterToSql(spec, { column: 'value', op: 'gt', value: 'fast' })).toThrow(
      QueryInputError
    )
  })

  it('rejects unknown columns and operators', () => {
    expect(() => filterToSql(spec, { column: 'detail_json', op: 'eq', value: 'x' })).toThrow(
      /Unknown column/
    )
    expect(() =>
      filterToSql(spec, { column: 'submitter', op: 'like' as 'eq', value: 'x' })
    ).toThrow(/Unknown operator/)
    expect(() => filterToSql(spec, { column: 'submitter', op: 'in', value: [] })).toThrow(
      /at least one/
    )
  })

  it('describes the view in words', () => {
    expect(
      describeFilters(
        [
          { column: 'division', op: 'eq', value: 'closed' },
          { column: 'scenario', op: 'in', value: ['Offline', 'Server'] },
          { column: 'power_value', op: 'notnull' }
        ],
        'nvidia'
      )
    ).toBe(
      'division = closed and scenario is one of Offline, Server and power_value is not empty and matching "nvidia"'
    )
  })
})

describe('full-text query', () => {
  it('quotes every term and prefix-matches', () => {
    expect(toFtsQuery('  H100 "sxm ')).toBe('"H100"* AND "sxm"*')
    expect(toFtsQuery('   ')).toBeNull()
    expect(toFtsQuery('a-b OR c')).toBe('"a-b"* AND "OR"* AND "c"*')
  })
})

describe('results and facets over a database', () => {
  let db: WritableDb
  beforeEach(() => {
    db = openDb(':memory:')
    upsertInferenceResults(
      db,
      [
        makeRecord({
          submitter: 'NVIDIA',
          systemId: 'h100',
          accelerator: 'NVIDIA H100',
          value: 300
        }),
        makeRecord({
          submitter: 'NVIDIA',
          systemId: 'h200',
          accelerator: 'NVIDIA H200',
          value: 500
        }),
        makeRecord({
          submitter: 'Intel',
          systemId: 'gnr',
          accelerator: null,
          value: 100,
          division: 'open'
        }),
        makeRecord({
          submitter: 'AMD',
          systemId: 'mi300',
          accelerator: 'MI300X',
          scenario: 'Server',
          unit: 'Queries/s',
          value: null
        })
      ],
      null
    )
    rebuildInferenceFts(db)
  })

  it('pages, sorts with NULLs last and counts the filtered total', () => {
    const page = queryResults(db, {
      suite: 'inference',
      filters: [],
      sort: { column: 'value', dir: 'desc' },
      offset: 0,
      limit: 2
    })
    expect(page.total).toBe(4)
    expect(page.rows.map((r) => r.value)).toEqual([500, 300])
    const last = queryResults(db, {
      suite: 'inference',
      filters: [],
      sort: { column: 'value', dir: 'asc' },
      offset: 2,
      limit: 2
    })
    expect(last.rows.map((r) => r.value)).toEqual([500, null])
  })

  it('filters and searches', () => {
    const nv = queryResults(db, {
      suite: 'inference',
      filters: [{ column: 'submitter', op: 'eq', value: 'NVIDIA' }],
      offset: 0,
      limit: 10
    })
    expect(nv.total).toBe(2)
    const h2 = queryResults(db, {
      suite: 'inference',
      filters: [],
      search: 'h20',
      offset: 0,
      limit: 10
    })
    expect(h2.rows.map((r) => r.system_id)).toEqual(['h200'])
  })

  it('counts facets over the filtered set, leaving out the facet column’s own filter', () => {
    const [submitter, division] = queryFacets(db, {
      suite: 'inference',
      filters: [{ column: 'division', op: 'eq', value: 'closed' }],
      columns: ['submitter', 'division']
    })
    expect(submitter?.values).toEqual([
      { value: 'NVIDIA', count: 2 },
      { value: 'AMD', count: 1 }
    ])
    // The division facet still offers "open" so it can be added to an `in` filter.
    expect(division?.values).toEqual([
      { value: 'closed', count: 3 },
      { value: 'open', count: 1 }
    ])
    const [small] = queryFacets(db, {
      suite: 'inference',
      filters: [],
      columns: ['submitter'],
      size: 1
    })
    expect(small?.truncated).toBe(true)
    expect(small?.values).toHaveLength(1)
  })

  it('is idempotent and updates in place', () => {
    const again = upsertInferenceResults(
      db,
      [
        makeRecord({
          submitter: 'NVIDIA',
          systemId: 'h100',
          accelerator: 'NVIDIA H100',
          value: 300
        })
      ],
      null
    )
    expect(again).toEqual({ imported: 0, updated: 0, unchanged: 1, kept: 0 })
    const newer = upsertInferenceResults(
      db,
      [
        makeRecord({
          submitter: 'NVIDIA',
          systemId: 'h100',
          accelerator: 'NVIDIA H100',
          value: 301
        })
      ],
      null
    )
    expect(newer.updated).toBe(1)
    const rows = queryResults(db, {
      suite: 'inference',
      filters: [{ column: 'system_id', op: 'eq', value: 'h100' }],
      offset: 0,
      limit: 5
    })
    expect(rows.rows.map((r) => r.value)).toEqual([301])
  })

  it('keeps a tree result when a summary row for the same result arrives', () => {
    const c = upsertInferenceResults(
      db,
      [makeRecord({ submitter: 'NVIDIA', systemId: 'h100', value: 299.99, sourceKind: 'summary' })],
      null
    )
    expect(c.kept).toBe(1)
    const id = queryResults(db, {
      suite: 'inference',
      filters: [{ column: 'system_id', op: 'eq', value: 'h100' }],
      offset: 0,
      limit: 1
    }).rows[0]?.id
    expect(getInferenceResult(db, Number(id))?.row.value).toBe(300)
  })

  it('uses the indexes that match the filters (EXPLAIN QUERY PLAN)', () => {
    const plan = (filters: Parameters<typeof buildPageSql>[0]['filters']): string => {
      const b = buildPageSql({ suite: 'inference', filters, offset: 0, limit: 50 })
      return (
        db.prepare(`EXPLAIN QUERY PLAN ${b.countSql}`).all(...b.params) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('\n')
    }
    expect(
      plan([
        { column: 'mlperf_model', op: 'eq', value: 'resnet' },
        { column: 'scenario', op: 'eq', value: 'Offline' }
      ])
    ).toMatch(/USING (COVERING )?INDEX inference_results_bench/)
    expect(plan([{ column: 'submitter', op: 'eq', value: 'NVIDIA' }])).toMatch(
      /USING (COVERING )?INDEX inference_results_submitter/
    )
    expect(plan([{ column: 'accelerator', op: 'in', value: ['A', 'B'] }])).toMatch(
      /USING (COVERING )?INDEX inference_results_accelerator/
    )
    expect(plan([{ column: 'round', op: 'eq', value: 'v4.1' }])).toMatch(
      /USING (COVERING )?INDEX inference_results_round/
    )
    expect(plan([{ column: 'benchmark', op: 'eq', value: 'resnet50' }])).toMatch(
      /USING (COVERING )?INDEX inference_results_benchmark/
    )
    expect(plan([{ column: 'scenario', op: 'eq', value: 'Server' }])).toMatch(
      /USING (COVERING )?INDEX inference_results_(scenario|bench)/
    )
  })
})
