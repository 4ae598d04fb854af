import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Filter } from '../../../../../src-main/shared/api'
import { catalogueInferenceRecords } from '../../../../support/catalogue-records'
import { syntheticRecords } from '../../../../support/synthetic-records'
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
import { roundOrderKey, roundOrderSql } from '../../../../../src-main/core/query/round-order'

const spec = tableSpec('inference')
const repoRoot = join(import.meta.dirname, '..', '..', '..', '..', '..')

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
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 1, kept: 0 })
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

describe('round order (newest first, release order, not text order)', () => {
  let db: WritableDb
  const rounds = ['v0.5', 'v4.1', 'local', 'v10.0', 'v2.0', 'v4.1', 'v0.7']
  beforeEach(() => {
    db = openDb(':memory:')
    upsertInferenceResults(
      db,
      rounds.map((round, i) =>
        makeRecord({
          round,
          systemId: `s${i}`,
          ...(round === 'local' ? { division: 'local', sourceKind: 'local' as const } : {})
        })
      ),
      null
    )
  })

  const page = (sort?: { column: string; dir: 'asc' | 'desc' }): string[] =>
    queryResults(db, {
      suite: 'inference',
      filters: [],
      ...(sort ? { sort } : {}),
      offset: 0,
      limit: 50
    }).rows.map((r) => String(r.round))

  it('puts the newest round first when no sort is chosen, import order within a round', () => {
    const rows = queryResults(db, { suite: 'inference', filters: [], offset: 0, limit: 50 }).rows
    expect(rows.map((r) => r.round)).toEqual([
      'v10.0',
      'v4.1',
      'v4.1',
      'v2.0',
      'v0.7',
      'v0.5',
      'local'
    ])
    expect(rows[1]?.system_id).toBe('s1')
    expect(rows[2]?.system_id).toBe('s5')
  })

  it('sorts the Round column by release order both ways', () => {
    expect(page({ column: 'round', dir: 'asc' })).toEqual([
      'local',
      'v0.5',
      'v0.7',
      'v2.0',
      'v4.1',
      'v4.1',
      'v10.0'
    ])
    expect(page({ column: 'round', dir: 'desc' })[0]).toBe('v10.0')
  })

  it('lists the round facet newest first whatever the counts', () => {
    const [facet] = queryFacets(db, { suite: 'inference', filters: [], columns: ['round'] })
    expect(facet?.values.map((v) => v.value)).toEqual([
      'v10.0',
      'v4.1',
      'v2.0',
      'v0.7',
      'v0.5',
      'local'
    ])
  })

  it('walks the round-order index for the default order (no sort of every row)', () => {
    for (const suite of ['inference', 'training'] as const) {
      const b = buildPageSql({ suite, filters: [], offset: 0, limit: 50 })
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${b.pageSql}`).all(...b.params, 50, 0) as {
          detail: string
        }[]
      )
        .map((r) => r.detail)
        .join('\n')
      expect(plan).toMatch(new RegExp(`INDEX ${suite}_results_round_order`))
      expect(plan).not.toMatch(/TEMP B-TREE/)
    }
  })
})

describe('on a larger table (the sample made into 5,000 results)', () => {
  let db: WritableDb
  beforeEach(() => {
    db = openDb(':memory:')
    upsertInferenceResults(db, syntheticRecords(catalogueInferenceRecords(repoRoot), 5000), null)
    rebuildInferenceFts(db)
    db.pragma('optimize')
  })

  it('counts facets in one pass exactly as one query per column does', () => {
    const columns = [
      'round',
      'category',
      'system_type',
      'submitter',
      'benchmark',
      'scenario',
      'valid'
    ]
    for (const filters of [
      [] as Filter[],
      [{ column: 'division', op: 'eq', value: 'closed' }] as Filter[],
      [
        { column: 'division', op: 'eq', value: 'closed' },
        { column: 'scenario', op: 'in', value: ['Offline', 'Server'] }
      ] as Filter[]
    ]) {
      const together = queryFacets(db, { suite: 'inference', filters, columns, size: 8 })
      const alone = columns.map(
        (c) => queryFacets(db, { suite: 'inference', filters, columns: [c], size: 8 })[0]
      )
      expect(together).toEqual(alone)
    }
  })

  it('pages a broad filter along the round index, in the same order as a full sort', () => {
    const filters: Filter[] = [{ column: 'division', op: 'eq', value: 'closed' }]
    for (const offset of [0, 400]) {
      const q = { suite: 'inference' as const, filters, offset, limit: 200 }
      const walked = buildPageSql(q, { walkRoundIndex: true })
      const sorted = buildPageSql(q)
      const ids = (sql: string): number[] =>
        (db.prepare(sql).all(...walked.params, 200, offset) as { id: number }[]).map((r) => r.id)
      expect(ids(walked.pageSql)).toEqual(ids(sorted.pageSql))
      const plan = (
        db.prepare(`EXPLAIN QUERY PLAN ${walked.pageSql}`).all(...walked.params, 200, offset) as {
          detail: string
        }[]
      )
        .map((r) => r.detail)
        .join('\n')
      expect(plan).toMatch(/INDEX inference_results_round_order/)
      expect(plan).not.toMatch(/TEMP B-TREE/)
      expect(queryResults(db, q).rows.map((r) => r.id)).toEqual(ids(sorted.pageSql))
    }
  })
})

describe('the round key in JavaScript', () => {
  it('equals the SQL key the indexes use, for rounds and odd names', () => {
    const db = openDb(':memory:')
    for (const round of [
      'v0.5',
      'v4.1',
      'v10.0',
      'v6.1.2',
      'v4.1a',
      'local',
      'unknown',
      'v',
      'v4',
      'V4.1',
      '4.1',
      'v.5',
      'v4.x'
    ]) {
      const sql = (
        db.prepare(`SELECT ${roundOrderSql('?')} AS k`).get(round, round, round, round, round) as {
          k: number
        }
      ).k
      expect(roundOrderKey(round), round).toBe(sql)
    }
  })
})
