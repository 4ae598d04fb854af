import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../../../../src-main/core/db/open-db'
import type { WritableDb } from '../../../../../src-main/core/db/types'
import { chartWhere, queryChartData } from '../../../../../src-main/core/charts/chart-data'
import { listAliases, setAlias } from '../../../../../src-main/core/charts/aliases-repo'
import { deletePrice, listPrices, setPrice } from '../../../../../src-main/core/charts/prices-repo'
import { upsertInferenceResults } from '../../../../../src-main/core/repo/inference-results'
import { decodePoints } from '../../../../../src-main/shared/charts/chart-points'
import { makeRecord } from '../../../../support/records'

let db: WritableDb

beforeAll(() => {
  db = openDb(':memory:')
  upsertInferenceResults(
    db,
    [
      makeRecord({ systemId: 'a', round: 'v4.1', scenario: 'Offline', value: 100 }),
      makeRecord({
        systemId: 'b',
        round: 'v3.0',
        scenario: 'Offline',
        value: 50,
        publicId: '3.0-0001'
      }),
      makeRecord({ systemId: 'c', round: 'v4.1', scenario: 'Server', value: 70 }),
      makeRecord({
        systemId: 'd',
        round: 'v4.1',
        scenario: 'Offline',
        division: 'open',
        value: 20
      }),
      makeRecord({
        systemId: 'me',
        round: 'local',
        division: 'open',
        scenario: 'Offline',
        sourceKind: 'local',
        value: 9
      }),
      makeRecord({
        systemId: 'me',
        round: 'local',
        division: 'open',
        scenario: 'Server',
        sourceKind: 'local',
        value: 8
      })
    ],
    null,
    // As the catalogue loads them: published rows bundled, the user's run local.
    'bundled'
  )
})

afterAll(() => db.close())

describe('charts.data query', () => {
  it('returns columnar points for the view’s filters, decoded to chart rows', () => {
    const data = queryChartData(
      db,
      {
        suite: 'inference',
        filters: [
          { column: 'round', op: 'eq', value: 'v4.1' },
          { column: 'division', op: 'eq', value: 'closed' }
        ]
      },
      '0.1.0'
    )
    const rows = decodePoints(data.points)
    const published = rows.filter((r) => r.sourceKind !== 'local')
    expect(published.map((r) => r.systemId).sort()).toEqual(['a', 'c'])
    expect(published[0]).toMatchObject({
      benchmark: 'resnet',
      usedModel: 'resnet50',
      unit: 'Samples/s',
      valid: true
    })
    expect(data.points.text.submitter.dict).toEqual(['Acme'])
    expect(data.truncated).toBe(false)
    expect(data.description).toBe('round = v4.1 and division = closed')
    expect(data.provenance).toMatchObject({
      sampleRows: 2,
      lastImported: null,
      appVersion: '0.1.0'
    })
  })

  it('the user’s runs follow only workload filters (not round or division)', () => {
    const data = queryChartData(
      db,
      {
        suite: 'inference',
        filters: [
          { column: 'round', op: 'eq', value: 'v4.1' },
          { column: 'scenario', op: 'eq', value: 'Offline' }
        ]
      },
      '0.1.0'
    )
    const local = decodePoints(data.points).filter((r) => r.sourceKind === 'local')
    expect(local.map((r) => r.scenario)).toEqual(['Offline'])
    // An explicit source filter turns the rule off; a table export does not use it.
    const explicit = chartWhere(
      'inference',
      [{ column: 'source_kind', op: 'eq', value: 'tree' }],
      undefined
    )
    expect(explicit.sql).not.toContain("'local'")
    expect(
      chartWhere('inference', [{ column: 'round', op: 'eq', value: 'v4.1' }], undefined, false).sql
    ).not.toContain('local')
  })

  it('cuts at the limit and says how many matched', () => {
    const data = queryChartData(db, { suite: 'inference', filters: [] }, '0.1.0', { limit: 2 })
    expect(data.points.length).toBe(2)
    expect(data.points.id).toHaveLength(2)
    expect(data.truncated).toBe(true)
    expect(data.total).toBe(6)
  })
})

describe('prices and aliases (migration 0040)', () => {
  it('stores, replaces and deletes prices', () => {
    const p = setPrice(db, { basis: 'system', key: 'Acme/a', usd: 1000 }, '2025-01-01')
    setPrice(db, { basis: 'system', key: 'Acme/a', usd: 1200, note: 'list price' }, '2025-01-02')
    setPrice(db, { basis: 'accelerator-hour', key: 'h100-sxm', usd: 2.5 }, '2025-01-02')
    expect(listPrices(db).map((x) => [x.basis, x.key, x.usd, x.note])).toEqual([
      ['accelerator-hour', 'h100-sxm', 2.5, null],
      ['system', 'Acme/a', 1200, 'list price']
    ])
    expect(deletePrice(db, p.id)).toBe(true)
    expect(deletePrice(db, p.id)).toBe(false)
    expect(() => setPrice(db, { basis: 'system', key: 'x', usd: -1 }, '')).toThrow()
    const data = queryChartData(db, { suite: 'inference', filters: [] }, '0.1.0')
    expect(data.prices).toHaveLength(1)
  })

  it('stores alias overrides case-insensitively and removes them', () => {
    setAlias(db, 'NVIDIA A100-SXM4-40GB', 'a100-sxm-40gb', '2025-01-01')
    setAlias(db, 'nvidia a100-sxm4-40gb', 'a100-40', '2025-01-02')
    expect(listAliases(db)).toEqual([{ raw: 'NVIDIA A100-SXM4-40GB', canonical: 'a100-40' }])
    setAlias(db, 'NVIDIA A100-SXM4-40GB', null, '2025-01-03')
    expect(listAliases(db)).toEqual([])
  })
})
