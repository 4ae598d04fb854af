import { cpSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PublishedSetup } from '../support/published-fixture'
import { FIXTURES, ROOT, publishedSetup } from '../support/published-fixture'
import type { ResultPage } from '../../src-main/shared/api'
import type { FetchedLogsView } from '../../src-main/shared/published'

let s: PublishedSetup
const served = mkdtempSync(join(tmpdir(), 'mlx-training-served-'))

/**
 * Catalogue rows from a training table; the sets' logs on the local server, Bolt's numbered
 * result_1 … result_5 as some submitters do.
 */
beforeAll(async () => {
  cpSync(join(ROOT, 'test', 'fixtures', 'training-tree', 'training_results_v4.0'), served, {
    recursive: true
  })
  const bolt = join(served, 'Bolt', 'results', 'bolt_b4', 'resnet')
  for (let n = 4; n >= 0; n--)
    renameSync(join(bolt, `result_${n}.txt`), join(bolt, `result_${n + 1}.txt`))
  s = await publishedSetup({ 'mlcommons/training_results_v4.0': [served] })
  await s.call('imports.start', {
    paths: [join(FIXTURES, 'training_summary_v4.0', 'summary.csv')]
  })
  await s.backend.imports.idle()
})

afterAll(async () => {
  await s.close()
  rmSync(served, { recursive: true, force: true })
})

async function trainingId(systemId: string): Promise<number> {
  const page = await s.call<ResultPage>('results.query', {
    suite: 'training',
    filters: [{ column: 'system_id', op: 'eq', value: systemId }],
    offset: 0,
    limit: 10
  })
  const id = page.rows[0]?.['id']
  if (typeof id !== 'number') throw new Error(`no training row ${systemId}`)
  return id
}

describe('results.fetchLogs for training', () => {
  it('fetches a result set run by run until the next is not there, and scores it as the table', async () => {
    const id = await trainingId('acme_t2')
    const view = await s.call<FetchedLogsView>('results.fetchLogs', { suite: 'training', id })
    expect(view.status, view.message).toBe('imported')
    expect(view.repo).toBe('mlcommons/training_results_v4.0')
    expect(view.folder).toBe('Acme/results/acme_t2/resnet')
    expect(view.files.map((f) => [f.role, f.status])).toEqual([
      ['run log 0', 'new'],
      ['run log 1', 'new'],
      ['run log 2', 'new'],
      ['run log 3', 'new'],
      ['run log 4', 'new'],
      ['system description', 'new'],
      ['scaling', 'new']
    ])
    // result_5.txt answered 404: the set has five runs.
    const asked = s.server.requests.filter((r) => r.repo === 'mlcommons/training_results_v4.0')
    expect(asked.at(-1)).toMatchObject({
      path: 'Acme/results/acme_t2/resnet/result_5.txt',
      status: 404
    })
    expect(view.comparisons).toEqual([
      {
        label: 'Result',
        unit: 'minutes',
        official: 15.839925666666666,
        fromLogs: 15.839925666666666,
        agrees: true,
        relativeDifference: 0
      }
    ])
    const runs = await s.call<{ runs: unknown[] }>('training.runs', { id: view.id })
    expect(runs.runs).toHaveLength(5)
    const again = await s.call<FetchedLogsView | null>('results.logs', { suite: 'training', id })
    expect(again?.comparisons[0]?.agrees).toBe(true)
  })

  it('starts at result_1 where a submitter counts from 1, and says when a set is not there', async () => {
    const id = await trainingId('bolt_b4')
    const view = await s.call<FetchedLogsView>('results.fetchLogs', { suite: 'training', id })
    expect(view.status).toBe('imported')
    expect(view.comparisons[0]?.agrees).toBe(true)
    expect(view.files.filter((f) => f.role.startsWith('run log')).map((f) => f.path)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `Bolt/results/bolt_b4/resnet/result_${n}.txt`)
    )
    expect(view.messages).toContain(
      'No scaling.json in the set: it is scored with a scaling factor of 1.'
    )
    // A row whose set is not on the server.
    const t1 = await trainingId('acme_t1')
    s.server.requests.length = 0
    await s.call('catalogue.setBaseUrl', { baseUrl: `${s.server.url}/elsewhere` })
    const missing = await s.call<FetchedLogsView>('results.fetchLogs', {
      suite: 'training',
      id: t1
    })
    expect(missing.status).toBe('failed')
    expect(missing.message).toBe(
      "The result's logs are not in mlcommons/training_results_v4.0 (HTTP 404 for Acme/results/acme_t1/resnet/result_0.txt, Acme/results/acme_t1/resnet/result_1.txt); nothing was changed."
    )
  })
})
