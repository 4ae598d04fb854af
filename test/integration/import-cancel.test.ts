import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { openBackend } from '../../src-main/api/open-backend'
import type { Backend } from '../../src-main/api/open-backend'
import type { ImportProgress, ImportReport, Reply } from '../../src-main/shared/api'
import { buildSyntheticTree } from '../bench/import-throughput'

const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'mlx-cancel-'))
let tree: string
let backend: Backend

beforeAll(async () => {
  // 800 result folders replicated from the fixture tree: long enough to act while it runs.
  tree = (await buildSyntheticTree([join(root, 'test', 'fixtures', 'inference-tree')], 800)).root
  backend = openBackend({
    dbPath: join(dir, 'c.db'),
    shell: 'web',
    appRoot: root,
    catalogue: false
  })
})

afterAll(async () => {
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
  rmSync(tree, { recursive: true, force: true })
})

function nextProgress(filter: (p: ImportProgress) => boolean): Promise<ImportProgress> {
  return new Promise((done) => {
    const stop = backend.hub.subscribe((event, payload) => {
      if (event === 'imports.progress' && filter(payload as ImportProgress)) {
        stop()
        done(payload as ImportProgress)
      }
    })
  })
}

describe('a running import', () => {
  it('keeps answering queries, and stops on cancel keeping what it wrote', async () => {
    const parsing = nextProgress((p) => p.phase === 'parsing' && p.resultsFound > 0)
    const started = (await dispatch(backend.api, 'imports.start', { paths: [tree] })) as Reply<{
      jobId: string
    }>
    if (!started.ok) throw new Error(started.error.message)
    const { jobId } = started.value
    await parsing

    // The API answers while the job is still running: the import yields to the event loop.
    const page = await dispatch(backend.api, 'results.query', {
      suite: 'inference',
      filters: [],
      offset: 0,
      limit: 10
    })
    expect(page.ok).toBe(true)
    const live = (await dispatch(backend.api, 'imports.get', { jobId })) as Reply<ImportReport>
    expect(live.ok && live.value.status).toBe('running')
    expect(live.ok && live.value.resultsFound).toBeGreaterThan(0)

    const finished = new Promise<ImportReport>((done) => {
      const stop = backend.hub.subscribe((event, payload) => {
        if (event === 'imports.finished') {
          stop()
          done(payload as ImportReport)
        }
      })
    })
    const cancel = (await dispatch(backend.api, 'imports.cancel', { jobId })) as Reply<{
      cancelled: boolean
    }>
    expect(cancel).toEqual({ ok: true, value: { cancelled: true } })
    const report = await finished
    expect(report.status).toBe('cancelled')
    expect(report.resultsFound).toBeLessThan(800)
    const stored = (
      backend.db.prepare('SELECT count(*) AS n FROM inference_results').get() as { n: number }
    ).n
    expect(stored).toBe(report.imported)
    expect(stored).toBeGreaterThan(0)
  })
})
