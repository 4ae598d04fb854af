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

export type ViewLatency = { view: string; api: LatencyStats; bare: LatencyStats }

/** A short name for a view, for the per-view table. */
function viewName(v: ResultQuery): string {
  const f = v.filters.map(
    (x) => `${x.column} ${x.op} ${Array.isArray(x.value) ? x.value.join('|') : (x.value ?? '')}`
  )
  if (v.search) f.push(`search "${v.search}"`)
  const sort = `${v.sort?.dir === 'desc' ? '-' : ''}${v.sort?.column ?? 'id'}`
  return `${f.join(', ') || 'all rows'}; sort ${sort}; offset ${v.offset}`
}

/** API (dispatch: validation + count + page) against bare better-sqlite3 doing the same reads. */
export async function benchQueries(
  db: WritableDb,
  api: Api,
  rounds: number
): Promise<{ api: LatencyStats; bare: LatencyStats; views: ViewLatency[] }> {
  const apiSamples: number[] = []
  const bareSamples: number[] = []
  const perView = VIEWS.map(() => ({ api: [] as number[], bare: [] as number[] }))
  for (let i = 0; i < rounds; i++) {
    for (const [k, view] of VIEWS.entries()) {
      const built = buildPageSql(view)
      const b0 = nowMs()
      db.prepare(built.sql).all(...built.params, view.limit, view.offset)
      db.prepare(built.countSql).get(...built.params)
      const bare = nowMs() - b0
      bareSamples.push(bare)
      const a0 = nowMs()
      const reply = await dispatch(api, 'results.query', view)
      const apiMs = nowMs() - a0
      apiSamples.push(apiMs)
      perView[k]?.bare.push(bare)
      perView[k]?.api.push(apiMs)
      if (!reply.ok) throw new Error(reply.error.message)
    }
  }
  return {
    api: stats(apiSamples),
    bare: stats(bareSamples),
    views: VIEWS.map((v, k) => ({
      view: viewName(v),
      api: stats(perView[k]?.api ?? []),
      bare: stats(perView[k]?.bare ?? [])
    }))
  }
}
