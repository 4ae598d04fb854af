import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startPublishedServer } from '../support/published-server'
import type { PublishedSetup } from '../support/published-fixture'
import { ROOT, publishedSetup } from '../support/published-fixture'
import type { ResultPage, ResultView } from '../../src-main/shared/api'
import type { InferenceResultDetail } from '../../src-main/shared/inference'
import type { FetchedLogsView } from '../../src-main/shared/published'

let s: PublishedSetup

/** The catalogue rows: the v5.0 table downloaded from the local server. */
beforeEach(async () => {
  s = await publishedSetup()
  const report = await s.update({ rounds: [{ suite: 'inference', round: 'v5.0' }] })
  if (report.rounds[0]?.outcome !== 'imported') throw new Error(JSON.stringify(report))
})

afterEach(async () => {
  await s.close()
})

async function rowId(benchmark: string, scenario: string, submitter = 'Bolt'): Promise<number> {
  const page = await s.call<ResultPage>('results.query', {
    suite: 'inference',
    filters: [
      { column: 'benchmark', op: 'eq', value: benchmark },
      { column: 'scenario', op: 'eq', value: scenario },
      { column: 'submitter', op: 'eq', value: submitter }
    ],
    offset: 0,
    limit: 10
  })
  const id = page.rows[0]?.['id']
  if (typeof id !== 'number' || page.total !== 1)
    throw new Error(`no single ${benchmark} ${scenario}`)
  return id
}

const fetchLogs = (id: number): Promise<FetchedLogsView> =>
  s.call<FetchedLogsView>('results.fetchLogs', { suite: 'inference', id })

const get = (id: number): Promise<ResultView<InferenceResultDetail>> =>
  s.call<ResultView<InferenceResultDetail>>('results.get', { suite: 'inference', id })

const OFFLINE = 'closed/Bolt/results/bolt_b2/resnet50/Offline'

describe('results.fetchLogs', () => {
  it('downloads one result folder, imports it, and shows the official value beside the logs', async () => {
    const id = await rowId('resnet50', 'Offline')
    const view = await fetchLogs(id)
    expect(view.status).toBe('imported')
    expect(view.id).toBe(id)
    expect(view.repo).toBe('mlcommons/inference_results_v5.0')
    expect(view.folder).toBe(OFFLINE)
    expect(view.official).toMatchObject({ value: 12345.6, unit: 'Samples/s', publicId: '5.0-0001' })
    expect(view.fromLogs).toMatchObject({ value: 12345.6, unit: 'Samples/s', valid: true })
    expect(view.comparisons).toEqual([
      {
        label: 'Result',
        unit: 'Samples/s',
        official: 12345.6,
        fromLogs: 12345.6,
        agrees: true,
        relativeDifference: 0
      }
    ])
    expect(view.files.map((f) => [f.role, f.status])).toEqual([
      ['LoadGen summary', 'new'],
      ['system description', 'new'],
      ['LoadGen detail', 'new'],
      ['accuracy', 'new']
    ])
    // Only the result's folder and its system description were asked for; no accuracy log.
    expect(s.server.requests.slice(1).map((r) => r.path)).toEqual([
      `${OFFLINE}/performance/run_1/mlperf_log_summary.txt`,
      'closed/Bolt/systems/bolt_b2.json',
      `${OFFLINE}/performance/run_1/mlperf_log_detail.txt`,
      `${OFFLINE}/accuracy/accuracy.txt`
    ])
    // The row is now read from the logs: validity checks, LoadGen settings, the files.
    const row = await get(id)
    expect(row.row['source_kind']).toBe('tree')
    expect(row.row['source']).toBe(view.localDir)
    expect(view.localDir).toMatch(
      /published[\\/]mlcommons[\\/]inference_results_v5\.0[\\/]closed[\\/]Bolt/
    )
    expect(row.detail.checks.length).toBeGreaterThan(0)
    expect(row.detail.checks.every((c) => c.passed !== false)).toBe(true)
    expect(row.detail.settings['effective_qsl_rng_seed']).toBeDefined()
    // Asked again later (the panel reopened), the same comparison comes back.
    const stored = await s.call<FetchedLogsView | null>('results.logs', { suite: 'inference', id })
    expect(stored?.comparisons).toEqual(view.comparisons)
    expect(stored?.official.value).toBe(12345.6)
    // The fetch went through the import job (listed under Imports).
    expect(view.importJobId).not.toBeNull()
    const progress = s.events('results.fetchLogsProgress').filter((p) => p.id === id)
    expect(progress.at(-1)).toMatchObject({ done: 4, total: 4 })
  })

  it('finds a scenario folder spelt in lower case', async () => {
    const id = await rowId('resnet50', 'SingleStream')
    const view = await fetchLogs(id)
    expect(view.status).toBe('imported')
    expect(view.folder).toBe('closed/Bolt/results/bolt_b2/resnet50/singlestream')
    expect(view.comparisons[0]).toMatchObject({
      official: 0.512345,
      fromLogs: 0.512345,
      agrees: true
    })
    expect(view.messages.join(' ')).toContain('resnet50/singlestream')
    const tried = s.server.requests.filter((r) => r.path.endsWith('mlperf_log_summary.txt'))
    expect(tried.map((r) => [r.path.split('/')[5], r.status])).toEqual([
      ['SingleStream', 404],
      ['singlestream', 200]
    ])
  })

  it('says which required file is missing and leaves the row as it was', async () => {
    const id = await rowId('retinanet', 'Offline')
    const view = await fetchLogs(id)
    expect(view.status).toBe('failed')
    expect(view.message).toBe(
      'The LoadGen detail (closed/Bolt/results/bolt_b2/retinanet/Offline/performance/run_1/mlperf_log_detail.txt) is not in mlcommons/inference_results_v5.0 (HTTP 404); nothing was changed.'
    )
    expect(view.files.find((f) => f.role === 'LoadGen detail')).toMatchObject({
      status: 'missing',
      required: true
    })
    expect(view.importJobId).toBeNull()
    const row = await get(id)
    expect(row.row['source_kind']).toBe('summary')
    expect(row.row['value']).toBe(1234.5)
    expect(await s.call('results.logs', { suite: 'inference', id })).toBeNull()
  })

  it('asks again conditionally, and reports a file changed upstream with both numbers', async () => {
    const id = await rowId('resnet50', 'Offline')
    await fetchLogs(id)
    const again = await fetchLogs(id)
    expect(again.status).toBe('imported')
    expect(again.files.every((f) => f.status === 'unchanged')).toBe(true)
    expect(s.server.requests.slice(-4).every((r) => r.status === 304 && r.conditional)).toBe(true)

    // The submitter corrected the logs after publication.
    const run = join(
      s.served,
      'mlcommons',
      'inference_results_v5.0',
      ...OFFLINE.split('/'),
      'performance',
      'run_1'
    )
    const summary = join(run, 'mlperf_log_summary.txt')
    writeFileSync(
      summary,
      readFileSync(summary, 'utf8').replace(
        'Samples per second: 12345.6',
        'Samples per second: 12400'
      )
    )
    const detail = join(run, 'mlperf_log_detail.txt')
    const detailText = readFileSync(detail, 'utf8')
    expect(detailText).toContain('"result_samples_per_second", "value": 12345.6')
    writeFileSync(
      detail,
      detailText.replace(
        '"result_samples_per_second", "value": 12345.6',
        '"result_samples_per_second", "value": 12400.0'
      )
    )
    const changed = await fetchLogs(id)
    expect(changed.status).toBe('imported')
    expect(changed.files.map((f) => f.status)).toEqual([
      'changed',
      'unchanged',
      'changed',
      'unchanged'
    ])
    expect(changed.official.value).toBe(12345.6)
    expect(changed.fromLogs?.value).toBe(12400)
    expect(changed.comparisons[0]).toMatchObject({ agrees: false })
    const text = changed.messages.join('\n')
    expect(text).toContain(
      `${OFFLINE}/performance/run_1/mlperf_log_detail.txt changed since the last fetch`
    )
    expect(text).toContain(
      "Result: the logs give 12400 Samples/s, the official table 12345.6 Samples/s (0.441%); they differ beyond the table's precision."
    )
    expect((await get(id)).row['value']).toBe(12400)
  })

  it('says in one line when the server cannot be reached', async () => {
    const id = await rowId('resnet50', 'Offline')
    const gone = await startPublishedServer({})
    await gone.close()
    await s.call('catalogue.setBaseUrl', { baseUrl: gone.url })
    const view = await fetchLogs(id)
    expect(view.status).toBe('failed')
    expect(view.message).toMatch(
      /^Cannot reach 127\.0\.0\.1:\d+: connection refused\..* Nothing was changed\.$/
    )
    expect(view.message).not.toContain('\n')
    expect((await get(id)).row['source_kind']).toBe('summary')
  })

  it('refuses rows that are not published tables and unknown ids', async () => {
    const id = await rowId('resnet50', 'Offline')
    await fetchLogs(id)
    const missing = await s.reply('results.fetchLogs', { suite: 'inference', id: 999999 })
    expect(!missing.ok && missing.error.code).toBe('not_found')
    const training = await s.reply('results.fetchLogs', { suite: 'training', id: 999999 })
    expect(!training.ok && training.error.code).toBe('not_found')
    // A row read from a tree the user imported is not fetched again.
    await s.call('imports.start', { paths: [join(ROOT, 'test', 'fixtures', 'inference-tree')] })
    await s.backend.imports.idle()
    const acme = await rowId('resnet50', 'Offline', 'Acme')
    const tree = await s.reply('results.fetchLogs', { suite: 'inference', id: acme })
    expect(!tree.ok && tree.error.code).toBe('invalid_input')
    expect(!tree.ok && tree.error.message).toContain('read from its logs already')
  })
})
