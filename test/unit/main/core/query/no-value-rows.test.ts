import Papa from 'papaparse'
/**
 * A result without an official value (a MultiStream run without an early-stopping estimate)
 * never ranks: it sorts last in both directions in the table and the CSV, and the charts leave
 * it out with the reason.
 */
import { describe, expect, it } from 'vitest'
import { openDb } from '../../../../../src-main/core/db/open-db'
import { writeResultsCsv } from '../../../../../src-main/core/export/results-csv'
import { queryResults } from '../../../../../src-main/core/query/results-query'
import { upsertInferenceResults } from '../../../../../src-main/core/repo/inference-results'
import { buildDistribution } from '../../../../../src-main/charts/distribution-chart'
import { NOW, chartData, chartRow, view } from '../../../../support/chart-rows'
import { makeRecord } from '../../../../support/records'

const ms = (systemId: string, value: number | null, local = false) =>
  makeRecord({
    systemId,
    scenario: 'MultiStream',
    metric: 'latency_p99_ms',
    unit: 'Latency (ms)',
    value,
    valid: value !== null,
    ...(local ? { round: 'local', division: 'local', submitter: 'You', sourceKind: 'local' } : {})
  })

describe('results without an official value', () => {
  const db = openDb(':memory:')
  upsertInferenceResults(db, [ms('fast', 5), ms('no-estimate', null, true), ms('slow', 8)], null)
  const order = (dir: 'asc' | 'desc'): (string | number | null)[] =>
    queryResults(db, {
      suite: 'inference',
      filters: [],
      sort: { column: 'value', dir },
      offset: 0,
      limit: 10,
      columns: ['system_id']
    }).rows.map((r) => r['system_id'] ?? null)

  it('sort last in both directions in the table', () => {
    expect(order('asc')).toEqual(['fast', 'slow', 'no-estimate'])
    expect(order('desc')).toEqual(['slow', 'fast', 'no-estimate'])
  })

  it('sort last in the CSV, with an empty value', () => {
    for (const dir of ['asc', 'desc'] as const) {
      let csv = ''
      writeResultsCsv(
        db,
        { suite: 'inference', filters: [], sort: { column: 'value', dir } },
        (c) => {
          csv += c
        }
      )
      const rows = Papa.parse<Record<string, string>>(csv, {
        header: true,
        comments: '#',
        skipEmptyLines: true
      }).data
      expect(rows.at(-1)?.['system_id']).toBe('no-estimate')
      expect(rows.at(-1)?.['value']).toBe('')
    }
  })

  it('are left out of the charts with the reason', () => {
    const rows = [
      chartRow({ id: 1, scenario: 'MultiStream', unit: 'Latency (ms)', value: 5 }),
      chartRow({
        id: 2,
        scenario: 'MultiStream',
        unit: 'Latency (ms)',
        value: null,
        valid: false,
        round: 'local',
        division: 'local',
        sourceKind: 'local'
      })
    ]
    const c = buildDistribution({ view: view(), data: chartData(rows), now: NOW })
    const ids = c.table.rows.map((r) => r[c.table.columns.indexOf('id')])
    expect(ids).toEqual([1])
    expect(c.notes.join(' ')).toMatch(/Left out: .*(no positive result|no value)/)
  })
})
