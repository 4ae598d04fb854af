import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startPublishedServer } from '../support/published-server'
import type { PublishedSetup } from '../support/published-fixture'
import { publishedSetup } from '../support/published-fixture'
import type { ImportReport, ResultPage } from '../../src-main/shared/api'
import type { PublishedSourcesView, UpdateReport } from '../../src-main/shared/published'

let s: PublishedSetup

beforeEach(async () => {
  s = await publishedSetup()
})

afterEach(async () => {
  await s.close()
})

const V50 = { rounds: [{ suite: 'inference', round: 'v5.0' }] }

async function v50Rows(): Promise<ResultPage> {
  return s.call<ResultPage>('results.query', {
    suite: 'inference',
    filters: [{ column: 'round', op: 'eq', value: 'v5.0' }],
    sort: { column: 'value', dir: 'asc' },
    offset: 0,
    limit: 100
  })
}

describe('catalogue.sources', () => {
  it('lists the known rounds with their plan, and the next round to look for', async () => {
    const view = await s.call<PublishedSourcesView>('catalogue.sources', {})
    expect(view.baseUrl).toBe(s.server.url)
    expect(view.defaultBaseUrl).toBe('https://raw.githubusercontent.com')
    const v50 = view.rounds.find((r) => r.suite === 'inference' && r.round === 'v5.0')
    expect(v50).toMatchObject({
      repo: 'mlcommons/inference_results_v5.0',
      files: 1,
      tableResults: 0,
      downloaded: false,
      plan: 'download',
      probe: false
    })
    const cm30 = view.rounds.find((r) => r.suite === 'training' && r.round === 'v3.0')
    expect(cm30?.repo).toBe('mlcommons/cm4mlperf-results')
    expect(cm30?.files).toBe(6)
    expect(view.rounds.some((r) => r.probe && r.round === 'v6.1')).toBe(true)
  })

  it('refuses a source address that is not a web address, and resets to the default', async () => {
    const bad = await s.reply('catalogue.setBaseUrl', { baseUrl: 'ftp://example.org' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_input')
      expect(bad.error.message).toContain('https://')
    }
    const reset = await s.call<PublishedSourcesView>('catalogue.setBaseUrl', { baseUrl: null })
    expect(reset.baseUrl).toBe('https://raw.githubusercontent.com')
  })
})

describe('catalogue.update', () => {
  it('downloads a round not in the database with progress, imports it, and lists the import', async () => {
    const report = await s.update(V50)
    expect(report.status).toBe('done')
    expect(report.error).toBeNull()
    expect(report.rounds).toHaveLength(1)
    const round = report.rounds[0]
    expect(round).toMatchObject({
      suite: 'inference',
      round: 'v5.0',
      outcome: 'imported',
      filesFetched: 1,
      filesUnchanged: 0,
      imported: 3
    })
    expect(round?.message).toContain('3 new')

    // Progress: a start with the file total, downloads counted, then done.
    const progress = s.events('catalogue.progress').filter((p) => p.jobId === report.jobId)
    expect(progress[0]).toMatchObject({ phase: 'downloading', filesDone: 0, filesTotal: 1 })
    expect(progress.some((p) => p.phase === 'importing')).toBe(true)
    expect(progress.at(-1)).toMatchObject({ phase: 'done', filesDone: 1, filesTotal: 1 })
    expect(s.events('catalogue.finished').map((r) => r.jobId)).toEqual([report.jobId])

    // The table went through the summary importer: an import with its report.
    const imports = await s.call<ImportReport[]>('imports.list', {})
    expect(imports.map((i) => i.jobId)).toContain(round?.importJobId)
    const imp = imports.find((i) => i.jobId === round?.importJobId)
    expect(imp?.paths[0]).toMatch(
      /published[\\/]mlcommons[\\/]inference_results_v5\.0[\\/]summary_results\.json$/
    )
    const rows = await v50Rows()
    expect(rows.total).toBe(3)
    expect(rows.rows.map((r) => r['value'])).toEqual([0.512345, 1234.5, 12345.6])
    expect(rows.rows.every((r) => r['source_kind'] === 'summary')).toBe(true)

    // One plain request: nothing was cached.
    expect(s.server.requests).toEqual([
      expect.objectContaining({ path: 'summary_results.json', status: 200, conditional: false })
    ])
    const after = await s.call<PublishedSourcesView>('catalogue.sources', {})
    expect(after.rounds.find((r) => r.round === 'v5.0')).toMatchObject({
      tableResults: 3,
      downloaded: true,
      plan: 'check'
    })
  })

  it('asks again conditionally: 304 Not Modified leaves the round unchanged', async () => {
    await s.update(V50)
    const second = await s.update(V50)
    expect(second.status).toBe('done')
    expect(second.rounds[0]).toMatchObject({
      outcome: 'unchanged',
      filesFetched: 0,
      filesUnchanged: 1,
      importJobId: null
    })
    expect(second.rounds[0]?.message).toContain('304')
    expect(s.server.requests.at(-1)).toMatchObject({ status: 304, conditional: true })
    expect((await v50Rows()).total).toBe(3)
  })

  it('imports the table again when the server has a new version of it', async () => {
    await s.update(V50)
    const file = join(s.served, 'mlcommons', 'inference_results_v5.0', 'summary_results.json')
    const rows = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[]
    rows[0] = { ...rows[0], Performance_Result: 12400.5 }
    writeFileSync(file, JSON.stringify(rows, null, 2))
    const report = await s.update(V50)
    // The rows carry the file's size in their detail, so all three are rewritten.
    expect(report.rounds[0]).toMatchObject({ outcome: 'imported', filesFetched: 1, imported: 0 })
    expect(report.rounds[0]?.updated).toBeGreaterThanOrEqual(1)
    expect(s.server.requests.at(-1)).toMatchObject({ status: 200, conditional: true })
    expect((await v50Rows()).rows.map((r) => r['value'])).toContain(12400.5)
  })

  it('leaves a round present from an official table alone unless asked', async () => {
    await s.call('imports.start', {
      paths: [join(s.served, 'mlcommons', 'inference_results_v5.0', 'summary_results.json')]
    })
    await s.backend.imports.idle()
    const report = await s.update(V50)
    expect(report.rounds[0]).toMatchObject({ outcome: 'present' })
    expect(report.rounds[0]?.message).toContain('3 results from official tables')
    expect(s.server.requests).toHaveLength(0)
    const forced = await s.update({ ...V50, force: true })
    expect(forced.rounds[0]).toMatchObject({ outcome: 'imported', imported: 0 })
    expect((forced.rounds[0]?.updated ?? 0) + (forced.rounds[0]?.unchanged ?? 0)).toBe(3)
  })

  it('says "not published yet" for a future round', async () => {
    const report = await s.update({ rounds: [{ suite: 'inference', round: 'v6.1' }] })
    expect(report.status).toBe('done')
    expect(report.rounds[0]?.outcome).toBe('not-published')
    expect(report.rounds[0]?.message).toMatch(
      /^Not published yet: http:\/\/127\.0\.0\.1:\d+\/mlcommons\/inference_results_v6\.1\/HEAD\/summary_results\.json answered "not found"\.$/
    )
  })

  it('stops on cancel while a file is downloading and imports nothing', async () => {
    const release = s.server.hold((p) => p === 'summary_results.json')
    const downloading = new Promise<void>((done) => {
      const stop = s.backend.hub.subscribe((event, payload) => {
        if (
          event === 'catalogue.progress' &&
          (payload as { currentUrl: string | null }).currentUrl
        ) {
          stop()
          done()
        }
      })
    })
    const { jobId } = await s.call<{ jobId: string }>('catalogue.update', V50)
    await downloading
    expect(await s.call('catalogue.cancelUpdate', { jobId })).toEqual({ cancelled: true })
    await s.backend.updates.idle()
    release()
    const report = await s.call<UpdateReport>('catalogue.getUpdate', { jobId })
    expect(report.status).toBe('cancelled')
    expect(report.rounds[0]?.outcome).toBe('cancelled')
    expect((await v50Rows()).total).toBe(0)
    expect(await s.call('catalogue.cancelUpdate', { jobId })).toEqual({ cancelled: false })
  })

  it('says in one line that the server cannot be reached, and changes nothing', async () => {
    // A port that was just free: connection refused.
    const gone = await startPublishedServer({})
    await gone.close()
    await s.call('catalogue.setBaseUrl', { baseUrl: gone.url })
    const report = await s.update(V50)
    expect(report.status).toBe('failed')
    expect(report.error).toMatch(
      /^Cannot reach 127\.0\.0\.1:\d+: connection refused\. Check the network connection, or the source address in the settings\. Nothing was changed\.$/
    )
    expect(report.rounds[0]?.outcome).toBe('failed')
    expect((await v50Rows()).total).toBe(0)
  })

  it('refuses a second update while one runs', async () => {
    const release = s.server.hold(() => true)
    const { jobId } = await s.call<{ jobId: string }>('catalogue.update', V50)
    const again = await s.reply('catalogue.update', V50)
    expect(again.ok).toBe(false)
    if (!again.ok) expect(again.error.code).toBe('conflict')
    release()
    await s.backend.updates.idle()
    expect((await s.call<UpdateReport>('catalogue.getUpdate', { jobId })).status).toBe('done')
  })
})
