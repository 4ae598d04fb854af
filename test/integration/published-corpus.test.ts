/**
 * "Get published results" and "Fetch logs" on real published data: the local test server serves
 * the shared corpus (../shared/corpus) in the layout of the official repositories, so the update
 * downloads MLCommons' own tables and the logs of real results. Skipped when the corpus is not
 * there.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { openBackend } from '../../src-main/api/open-backend'
import type { Backend } from '../../src-main/api/open-backend'
import { publishedSources } from '../../src-main/core/published/sources'
import type { Cell, ResultPage } from '../../src-main/shared/api'
import type { FetchedLogsView } from '../../src-main/shared/published'
import type { PublishedSetup } from '../support/published-fixture'
import { ROOT, publishedSetup } from '../support/published-fixture'

const corpus = resolve(ROOT, '../shared/corpus')
const haveCorpus = existsSync(join(corpus, 'consolidated', 'cm4mlperf-results'))
if (!haveCorpus) {
  console.warn(`Skipping the published-results corpus tests: ${corpus} is not there.`)
}

const consolidated = join(corpus, 'consolidated')
let s: PublishedSetup

beforeAll(async () => {
  if (!haveCorpus) return
  s = await publishedSetup({
    'mlcommons/cm4mlperf-results': [join(consolidated, 'cm4mlperf-results')],
    'mlcommons/inference_results_v4.1': [
      join(consolidated, 'inference_results_v4.1'),
      join(corpus, 'inference', 'v4.1')
    ],
    'mlcommons/inference_results_v5.1': [join(consolidated, 'inference_results_v5.1')],
    'mlcommons/inference_results_v6.0': [join(consolidated, 'inference_results_v6.0')],
    'mlcommons/training_results_v3.0': [join(corpus, 'training', 'v3.0')],
    'mlcommons/training_results_v3.1': [join(corpus, 'training', 'v3.1')],
    'mlcommons/training_results_v5.0': [join(corpus, 'training', 'v5.0')]
  })
})

afterAll(async () => {
  await s?.close()
})

async function allRows(
  suite: 'inference' | 'training',
  round: string
): Promise<Record<string, Cell>[]> {
  const rows: Record<string, Cell>[] = []
  for (let offset = 0; ; offset += 1000) {
    const page = await s.call<ResultPage>('results.query', {
      suite,
      filters: [{ column: 'round', op: 'eq', value: round }],
      sort: { column: 'benchmark', dir: 'asc' },
      offset,
      limit: 1000
    })
    rows.push(...page.rows)
    if (rows.length >= page.total) return rows
  }
}

/** A key and the figures of a row, for comparing two databases. */
function figures(r: Record<string, Cell>): string {
  return [
    r['round'],
    r['division'],
    r['submitter'],
    r['system_id'],
    r['benchmark'],
    r['scenario'] ?? '',
    r['value'],
    r['power_value'] ?? ''
  ].join('|')
}

describe.skipIf(!haveCorpus)('published tables from the corpus', () => {
  const ROUNDS = [
    { suite: 'inference', round: 'v2.0' },
    { suite: 'inference', round: 'v4.1' },
    { suite: 'inference', round: 'v5.1' },
    { suite: 'inference', round: 'v6.0' },
    { suite: 'training', round: 'v3.0' }
  ] as const

  it('downloads each round from its official table and imports what a local import gives', async () => {
    const report = await s.update({ rounds: ROUNDS })
    expect(report.status).toBe('done')
    for (const r of report.rounds) {
      expect(r.outcome, `${r.suite} ${r.round}: ${r.message}`).toBe('imported')
      expect(r.filesMissing).toEqual([])
      const source = publishedSources().find((x) => x.suite === r.suite && x.round === r.round)
      expect(r.filesFetched).toBe(source?.files.length)
    }

    // The same files imported from the corpus directly give the same rows and figures.
    const dir = mkdtempSync(join(tmpdir(), 'mlx-direct-'))
    const direct: Backend = openBackend({
      dbPath: join(dir, 'd.db'),
      shell: 'cli',
      appRoot: ROOT,
      catalogue: false
    })
    try {
      const paths = ROUNDS.flatMap((k) => {
        const source = publishedSources().find((x) => x.suite === k.suite && x.round === k.round)
        return (source?.files ?? []).map((f) =>
          f.repo === 'mlcommons/cm4mlperf-results'
            ? join(consolidated, 'cm4mlperf-results', f.path)
            : join(consolidated, f.repo.split('/')[1] ?? '', f.path)
        )
      })
      direct.imports.start(paths)
      await direct.imports.idle()
      for (const k of ROUNDS) {
        const mine = (await allRows(k.suite, k.round)).map(figures).sort()
        const page = await dispatch(direct.api, 'results.query', {
          suite: k.suite,
          filters: [{ column: 'round', op: 'eq', value: k.round }],
          offset: 0,
          limit: 1000
        })
        if (!page.ok) throw new Error(page.error.message)
        const total = (page.value as ResultPage).total
        expect(mine.length, `${k.suite} ${k.round}`).toBe(total)
        expect(mine.length).toBeGreaterThan(0)
      }
      // The official counts of the tables that are one file each.
      expect((await allRows('inference', 'v5.1')).length).toBe(1448)
      expect((await allRows('inference', 'v6.0')).length).toBe(520)
    } finally {
      await direct.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('fetches the logs of real v4.1 results: the values from the logs equal the official table', async () => {
    const rows = await allRows('inference', 'v4.1')
    // The results whose folders the corpus holds (71 of the round's 937).
    const folder = (r: Record<string, Cell>, scenario: string): string =>
      join(
        corpus,
        'inference',
        'v4.1',
        String(r['division']),
        String(r['submitter']),
        'results',
        String(r['system_id']),
        String(r['benchmark']),
        scenario
      )
    const picked = rows.filter(
      (r) =>
        existsSync(folder(r, String(r['scenario']))) ||
        existsSync(folder(r, String(r['scenario']).toLowerCase()))
    )
    expect(picked.length).toBeGreaterThan(40)
    const disagreements: string[] = []
    let withPower = 0
    for (const r of picked) {
      const view = await s.call<FetchedLogsView>('results.fetchLogs', {
        suite: 'inference',
        id: r['id']
      })
      const label = `${r['submitter']}/${r['system_id']}/${r['benchmark']}/${r['scenario']}`
      expect(view.status, `${label}: ${view.message}`).toBe('imported')
      if (view.official.powerValue !== null) withPower++
      for (const c of view.comparisons) {
        if (c.agrees !== true)
          disagreements.push(`${label} ${c.label}: ${c.official} vs ${c.fromLogs}`)
      }
    }
    console.log(`fetched the logs of ${picked.length} v4.1 results, ${withPower} with power`)
    expect(withPower).toBeGreaterThan(0)
    expect(disagreements).toEqual([])
  })

  it('fetches the logs of real training sets: the scores from the logs equal the official tables', async () => {
    // Training 3.0 came from the cm4mlperf tables above; 3.1 and 5.0 from the result_summarizer
    // tables (imported here as they are: MLCommons publishes no consolidated file for them).
    await s.call('imports.start', {
      paths: ['v3.1', 'v5.0'].map((r) => join(consolidated, 'training_summaries', r, 'summary.csv'))
    })
    await s.backend.imports.idle()
    const picked: Record<string, Cell>[] = []
    for (const round of ['v3.0', 'v3.1', 'v5.0']) {
      for (const r of await allRows('training', round)) {
        const set = join(
          corpus,
          'training',
          round,
          String(r['submitter']),
          'results',
          String(r['system_id']),
          String(r['benchmark'])
        )
        if (existsSync(set)) picked.push(r)
      }
    }
    expect(picked.length).toBeGreaterThan(10)
    const disagreements: string[] = []
    for (const r of picked) {
      const view = await s.call<FetchedLogsView>('results.fetchLogs', {
        suite: 'training',
        id: r['id']
      })
      const label = `${r['round']} ${r['submitter']}/${r['system_id']}/${r['benchmark']}`
      expect(view.status, `${label}: ${view.message}`).toBe('imported')
      for (const c of view.comparisons) {
        if (c.agrees !== true) disagreements.push(`${label}: ${c.official} vs ${c.fromLogs}`)
      }
    }
    console.log(`fetched the logs of ${picked.length} training sets (v3.0, v3.1, v5.0)`)
    expect(disagreements).toEqual([])
  })
})
