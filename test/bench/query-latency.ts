import type { ResultQuery } from '../../src-main/shared/api'
import type { Api } from '../../src-main/shared/api'
import type { WritableDb } from '../../src-main/core/db/types'
import { dispatch } from '../../src-main/api/dispatch'
import { buildPageSql } from '../../src-main/core/query/results-query'
import { nowMs, percentile } from './stats'

/** Views an analyst opens: filter + sort + one page, including a deep page. */
export const VIEWS: ResultQuery[] = [
  {
    suite: 'inference',
    filters: [],
    sort: { column: 'value', dir: 'desc' },
    offset: 0,
    limit: 200
  },
  {
    suite: 'inference',
    filters: [{ column: 'scenario', op: 'eq', value: 'Offline' }],
    sort: { column: 'value', dir: 'desc' },
    offset: 0,
    limit: 200
  },
  {
    suite: 'inference',
    filters: [
      { column: 'division', op: 'eq', value: 'closed' },
      { column: 'mlperf_model', op: 'eq', value: 'resnet' }
    ],
    sort: { column: 'value', dir: 'desc' },
    offset: 200,
    limit: 200
  },
  {
    suite: 'inference',
    filters: [{ column: 'submitter', op: 'in', value: ['NVIDIA', 'Intel', 'Dell'] }],
    sort: { column: 'system_name', dir: 'asc' },
    offset: 0,
    limit: 200
  },
  {
    suite: 'inference',
    filters: [{ column: 'round', op: 'eq', value: 'v4.1' }],
    search: 'h100',
    sort: { column: 'value', dir: 'desc' },
    offset: 0,
    limit: 200
  },
  {
    suite: 'inference',
    filters: [],
    sort: { column: 'submitter', dir: 'asc' },
    offset: 100_000,
    limit: 200
  }
]

export type LatencyStats = { p50: number; p95: number }

function stats(samples: number[]): LatencyStats {
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) }
}

/** API (dispatch: validation + count + page) against bare better-sqlite3 doing the same reads. */
export async function benchQueries(
  db: WritableDb,
  api: Api,
  rounds: number
): Promise<{ api: LatencyStats; bare: LatencyStats }> {
  const apiSamples: number[] = []
  const bareSamples: number[] = []
  for (let i = 0; i < rounds; i++) {
    for (const view of VIEWS) {
      const built = buildPageSql(view)
      const b0 = nowMs()
      db.prepare(built.sql).all(...built.params, view.limit, view.offset)
      db.prepare(built.countSql).get(...built.params)
      bareSamples.push(nowMs() - b0)
      const a0 = nowMs()
      const reply = await dispatch(api, 'results.query', view)
      apiSamples.push(nowMs() - a0)
      if (!reply.ok) throw new Error(reply.error.message)
    }
  }
  return { api: stats(apiSamples), bare: stats(bareSamples) }
}
