// Issue 13, point 9, the timed half: (1) the catalogue-scale table (about 50,000 published
// results) plus 10,000 of the user's own runs, table views and the facet sidebar through the
// API next to bare SQL doing the same reads; (2) 50 web clients for 30 s, alone and while the
// app and the CLI import, p95 against the 250 ms budget and as a ratio to the quiet run.
// `npm run bench` runs it last; `npx tsx test/bench/reliability-bench.ts` runs it alone.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { openBackend } from '../../src-main/api/open-backend'
import { dispatch } from '../../src-main/api/dispatch'
import { withFtsDeferred } from '../../src-main/core/db/fts-bulk'
import { queryFacets } from '../../src-main/core/query/facets'
import { upsertInferenceResults } from '../../src-main/core/repo/inference-results'
import type { FacetQuery } from '../../src-main/shared/api'
import type { InferenceResultRecord } from '../../src-main/shared/inference'
import { startCli } from '../support/cli-process'
import { loadFixture } from '../support/load-fixture'
import { syntheticRecords } from '../support/synthetic-records'
import { catalogueInferenceRecords } from '../support/catalogue-records'
import { webLoad } from '../support/web-load'
import type { LoadResult } from '../support/web-load'
import { serveInProcess } from '../support/web-server-process'
import type { ServedApp } from '../support/web-server-process'
import { benchQueries } from './query-latency'
import { nowMs, percentile } from './stats'

const root = join(import.meta.dirname, '..', '..')
const CATALOGUE = Number(process.env.BENCH_CATALOGUE ?? 50_000)
const LOCAL_RUNS = Number(process.env.BENCH_LOCAL_RUNS ?? 10_000)
const LOAD_MS = Number(process.env.BENCH_LOAD_MS ?? 30_000)
const fmt = (n: number): string => n.toFixed(1)

/** The user's own runs as the local runner files them (round/division local, submitter You). */
function localRunRecords(
  base: readonly InferenceResultRecord[],
  n: number
): InferenceResultRecord[] {
  return syntheticRecords(base, n).map((r, i) => ({
    ...r,
    round: 'local',
    division: 'local',
    submitter: 'You',
    systemId: `workstation-${i}`,
    systemName: `My workstation run ${i}`,
    sourceKind: 'local' as const,
    source: `runs/run-${i}`,
    valid: i % 5 !== 0
  }))
}

/** The sidebar's facet calls (default facets, one filter set) through the API and bare. */
const FACET_VIEWS: FacetQuery[] = [
  {
    suite: 'inference',
    filters: [],
    columns: [
      'round',
      'division',
      'category',
      'system_type',
      'submitter',
      'benchmark',
      'scenario',
      'accelerator',
      'power_unit',
      'valid'
    ],
    size: 8
  },
  {
    suite: 'inference',
    filters: [{ column: 'scenario', op: 'eq', value: 'Offline' }],
    columns: [
      'round',
      'division',
      'category',
      'system_type',
      'submitter',
      'benchmark',
      'accelerator',
      'power_unit',
      'valid'
    ],
    size: 8
  },
  {
    suite: 'inference',
    filters: [{ column: 'round', op: 'eq', value: 'local' }],
    columns: ['benchmark', 'scenario', 'valid'],
    size: 8
  }
]

export async function catalogueQueries(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mlx-bench-cat-'))
  const backend = openBackend({
    dbPath: join(dir, 'cat.db'),
    shell: 'cli',
    appRoot: root,
    catalogue: false
  })
  const sample = catalogueInferenceRecords(root)
  const rows = [...syntheticRecords(sample, CATALOGUE), ...localRunRecords(sample, LOCAL_RUNS)]
  withFtsDeferred(backend.db, () => {
    for (let i = 0; i < rows.length; i += 5000)
      upsertInferenceResults(backend.db, rows.slice(i, i + 5000), null)
  })
  backend.db.pragma('optimize')
  const q = await benchQueries(backend.db, backend.api, 20)
  console.log(
    `catalogue scale, ${CATALOGUE} published + ${LOCAL_RUNS} local rows: table API p95 ${fmt(q.api.p95)} ms vs bare SQL ${fmt(q.bare.p95)} ms, ` +
      `ratio ${(q.api.p95 / q.bare.p95).toFixed(2)}x (target ≤ 1.5x and < 50 ms)`
  )
  for (const f of FACET_VIEWS) {
    const api: number[] = []
    const bare: number[] = []
    for (let i = 0; i < 10; i++) {
      const b0 = nowMs()
      queryFacets(backend.db, f)
      bare.push(nowMs() - b0)
      const a0 = nowMs()
      const r = await dispatch(backend.api, 'results.facets', f)
      api.push(nowMs() - a0)
      if (!r.ok) throw new Error(r.error.message)
    }
    const p95a = percentile(api, 0.95)
    const p95b = percentile(bare, 0.95)
    console.log(
      `  facets (${f.columns.length} columns${f.filters.length ? `, ${f.filters[0]!.column}=${String(f.filters[0]!.value)}` : ''}): ` +
        `API p95 ${fmt(p95a)} ms vs bare ${fmt(p95b)} ms, ratio ${(p95a / p95b).toFixed(2)}x`
    )
  }
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
}

const line = (r: LoadResult): string =>
  `${r.requests} requests, ${r.errors.length} errors, p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms, p99 ${fmt(r.p99)} ms`

/** One import started over HTTP as the window starts it, waited for until it ends. */
async function importInApp(app: ServedApp, path: string): Promise<void> {
  const post = async (method: string, input: unknown): Promise<{ value: unknown }> =>
    (await (
      await fetch(`${app.baseUrl}/api/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input)
      })
    ).json()) as { value: unknown }
  const { jobId } = (await post('imports.start', { paths: [path] })).value as { jobId: string }
  for (;;) {
    await new Promise((ok) => setTimeout(ok, 250))
    if (((await post('imports.get', { jobId })).value as { status: string }).status !== 'running')
      return
  }
}

export async function webLoadDuringImport(): Promise<{ quiet: LoadResult; busy: LoadResult }> {
  const fixture = await loadFixture(1000)
  const app = await serveInProcess(fixture.dbPath)
  try {
    const quiet = await webLoad({
      baseUrl: app.baseUrl,
      token: app.token,
      clients: 50,
      durationMs: LOAD_MS
    })
    let loading = true
    const cli = (async () => {
      while (loading) await startCli(['import', fixture.incoming, '--db', fixture.dbPath]).done
    })()
    const busy = await webLoad({
      baseUrl: app.baseUrl,
      token: app.token,
      clients: 50,
      durationMs: LOAD_MS
    })
    loading = false
    await cli
    // The app's own import, started from the window: it runs in the server's process.
    loading = true
    const inApp = (async () => {
      while (loading) await importInApp(app, fixture.stored)
    })()
    const own = await webLoad({
      baseUrl: app.baseUrl,
      token: app.token,
      clients: 50,
      durationMs: LOAD_MS
    })
    loading = false
    await inApp
    console.log(
      `web load, 50 clients × ${LOAD_MS / 1000} s:\n  alone:              ${line(quiet)}\n  during CLI imports: ${line(busy)}\n` +
        `  during app imports: ${line(own)}\n` +
        `  p95 during CLI imports ${fmt(busy.p95)} ms (target < 250 ms), ${(busy.p95 / quiet.p95).toFixed(2)}x the p95 without an import; ` +
        `during app imports ${fmt(own.p95)} ms, ${(own.p95 / quiet.p95).toFixed(2)}x`
    )
    return { quiet, busy }
  } finally {
    await app.stop()
    for (const d of [fixture.dir, fixture.stored, fixture.incoming])
      rmSync(d, { recursive: true, force: true })
  }
}

export async function runReliabilityBench(): Promise<void> {
  await catalogueQueries()
  await webLoadDuringImport()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runReliabilityBench()
