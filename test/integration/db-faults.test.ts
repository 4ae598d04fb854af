/**
 * Issue 13, point 1: a database error during an import (read-only, full, locked) ends the
 * import as `failed` with the reason in words; the web-mode server keeps answering and the CLI
 * prints one line and exits 1.
 */
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { openBackend } from '../../src-main/api/open-backend'
import type { Backend } from '../../src-main/api/open-backend'
import { startHttpServer } from '../../src-main/bridge/http-server'
import type { ImportReport, Reply } from '../../src-main/shared/api'
import { startCli } from '../support/cli-process'
import type { CliRun } from '../support/cli-process'
import { fillDisk, holdWriteLock, makeReadOnly, READ_ONLY_MODE } from '../support/db-faults'

const root = join(import.meta.dirname, '..', '..')
const tree = join(root, 'test', 'fixtures', 'inference-tree')
const training = join(root, 'test', 'fixtures', 'training-tree')
const dir = mkdtempSync(join(tmpdir(), 'mlx-dbfault-'))
const open: Backend[] = []
let n = 0

function backend(): Backend {
  const b = openBackend({
    dbPath: join(dir, `f${n++}.db`),
    shell: 'web',
    appRoot: root,
    catalogue: false
  })
  open.push(b)
  return b
}

afterEach(async () => {
  for (const b of open.splice(0)) await b.close().catch(() => undefined)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function importVia(b: Backend, paths: string[]): Promise<ImportReport> {
  const finished = new Promise<ImportReport>((done) => {
    const stop = b.hub.subscribe((event, payload) => {
      if (event !== 'imports.finished') return
      stop()
      done(payload as ImportReport)
    })
  })
  const r = (await dispatch(b.api, 'imports.start', { paths })) as Reply<{ jobId: string }>
  if (!r.ok) throw new Error(r.error.message)
  const report = await finished
  expect(report.jobId).toBe(r.value.jobId)
  return report
}

describe('a database fault during an import', () => {
  it('SQLITE_READONLY: the import fails with the reason and the API keeps answering', async () => {
    const b = backend()
    makeReadOnly(b.db)
    const report = await importVia(b, [tree])
    expect(report.status).toBe('failed')
    expect(report.error).toMatch(/read-only \(SQLITE_READONLY\).*writable/)
    const info = await dispatch(b.api, 'app.info', {})
    expect(info.ok).toBe(true)
  })

  it('SQLITE_FULL: the batches written before stay, the job fails with the reason', async () => {
    const b = backend()
    // Room for the import's own row but not for its results.
    fillDisk(b.db, 3)
    const report = await importVia(b, [tree, training])
    expect(report.status).toBe('failed')
    expect(report.error).toMatch(/disk .* is full \(SQLITE_FULL\)/)
    b.db.pragma('max_page_count = 1073741823')
    // The history keeps the failed job with its reason once there is room again.
    const again = await importVia(b, [tree])
    expect(again.status).toBe('done')
    const list = (await dispatch(b.api, 'imports.list', {})) as Reply<ImportReport[]>
    expect(list.ok && list.value.map((r) => r.status)).toContain('done')
  })

  it('SQLITE_BUSY: a writer that never lets go fails the import after busy_timeout', async () => {
    const b = backend()
    b.db.pragma('busy_timeout = 200')
    const lock = holdWriteLock(b.db.name)
    try {
      const report = await importVia(b, [tree])
      expect(report.status).toBe('failed')
      expect(report.error).toMatch(/locked by another program \(SQLITE_BUSY\)/)
    } finally {
      lock.release()
    }
    // Once the other writer is done, the same import goes through.
    expect((await importVia(b, [tree])).status).toBe('done')
  })

  it('web mode: the server answers during and after a failed import', async () => {
    const b = backend()
    b.db.pragma('busy_timeout = 200')
    const server = await startHttpServer({
      api: b.api,
      hub: b.hub,
      token: 't',
      staticDir: join(root, 'out', 'renderer')
    })
    const base = `http://127.0.0.1:${server.port}`
    const call = async (method: string, input: unknown): Promise<Reply<unknown>> => {
      const res = await fetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify(input)
      })
      return (await res.json()) as Reply<unknown>
    }
    const lock = holdWriteLock(b.db.name)
    try {
      const started = (await call('imports.start', { paths: [tree] })) as Reply<{ jobId: string }>
      if (!started.ok) throw new Error(started.error.message)
      await b.imports.idle()
      const got = (await call('imports.get', { jobId: started.value.jobId })) as Reply<ImportReport>
      expect(got.ok && got.value.status).toBe('failed')
      expect(got.ok && got.value.error).toMatch(/SQLITE_BUSY/)
      // A write from the window while the lock is held answers in words, not with a crash.
      const price = await call('charts.setPrice', { basis: 'system', key: 'x', usd: 1 })
      expect(price).toMatchObject({ ok: false, error: { code: 'conflict' } })
      expect((await fetch(`${base}/healthz`)).status).toBe(200)
    } finally {
      lock.release()
      await server.close()
    }
  })
})

/** The CLI as a user runs it; a stack trace would only show with MLPERF_EXPLORER_DEBUG. */
const cli = (args: string[]): CliRun['done'] => startCli(args, { MLPERF_EXPLORER_DEBUG: '' }).done

describe('the CLI on a database fault', () => {
  it('a read-only database: one line on stderr, exit 1, no stack trace', async () => {
    const file = join(dir, 'ro.db')
    const b = openBackend({ dbPath: file, shell: 'cli', appRoot: root, catalogue: false })
    await b.close()
    chmodSync(file, READ_ONLY_MODE)
    const r = await cli(['import', tree, '--db', file])
    expect(r.code).toBe(1)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toMatch(/^import failed: .*read-only \(SQLITE_READONLY\)/)
    expect(r.err).not.toMatch(/\n\s+at /)
    // Browsing still works on it.
    const q = await cli(['results', '--db', file, '--format', 'json'])
    expect(q.code).toBe(0)
  })

  it('a file that is not a database: one line, exit 1, the file unchanged', async () => {
    const file = join(dir, 'notes.db')
    copyFileSync(join(tree, 'closed', 'Acme', 'systems', 'acme_x1.json'), file)
    const r = await cli(['results', '--db', file])
    expect(r.code).toBe(1)
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toMatch(/^results: .*notes\.db is not an SQLite database/)
  })
})
