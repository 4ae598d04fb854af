/**
 * Issue 13, point 2: writers wait their turn. Several openers of one new database all migrate it
 * exactly once; two CLI processes importing into one database both finish; an import a dead
 * process left `running` is marked `interrupted` at the next start.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../src-main/api/open-backend'
import { MIGRATIONS } from '../../src-main/core/db/migrations'
import { openDb } from '../../src-main/core/db/open-db'
import { INTERRUPTED_REASON } from '../../src-main/core/repo/imports'
import { buildSyntheticTree } from '../bench/import-throughput'
import { runCli } from '../support/cli-process'

const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'mlx-writers-'))
let tree: string
beforeAll(async () => {
  tree = (await buildSyntheticTree([join(root, 'test', 'fixtures', 'inference-tree')], 300)).root
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(tree, { recursive: true, force: true })
})

/** Starts `count` workers that open `file` at the same moment. */
async function raceOpen(file: string, count: number): Promise<{ ok: boolean; error?: string }[]> {
  const api = import.meta.resolve('tsx/esm/api')
  const entry = new URL('../support/race-open-worker.ts', import.meta.url).href
  const boot = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`
  const gate = new SharedArrayBuffer(8)
  const flag = new Int32Array(gate)
  const results = Array.from({ length: count }, () => {
    const w = new Worker(boot, { eval: true, workerData: { file, gate } })
    return new Promise<{ ok: boolean; error?: string }>((done, fail) => {
      w.once('message', (m: { ok: boolean; error?: string }) => {
        done(m)
        void w.terminate()
      })
      w.once('error', fail)
    })
  })
  while (Atomics.load(flag, 1) < count) await new Promise((r) => setTimeout(r, 20))
  Atomics.store(flag, 0, 1)
  Atomics.notify(flag, 0)
  return Promise.all(results)
}

describe('concurrent writers', () => {
  it('six openers of one new database: every one succeeds, the schema is made once', async () => {
    const file = join(dir, 'race.db')
    const outcomes = await raceOpen(file, 6)
    expect(outcomes.filter((o) => !o.ok)).toEqual([])
    const db = openDb(file)
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('two CLI processes importing one tree into one database both finish', async () => {
    const file = join(dir, 'two.db')
    const [a, b] = await Promise.all([
      runCli(['import', tree, '--db', file, '--no-catalogue']),
      runCli(['import', tree, '--db', file, '--no-catalogue'])
    ])
    expect([a?.err, b?.err]).toEqual(['', ''])
    expect([a?.code, b?.code]).toEqual([0, 0])
    const counts = [a, b].map((r) => {
      const m = /imported (\d+), updated (\d+), unchanged (\d+)/.exec(r?.out ?? '')
      return m ? Number(m[1]) + Number(m[2]) + Number(m[3]) : -1
    })
    const db = openDb(file)
    const stored = (
      db.prepare('SELECT count(*) AS n FROM inference_results').get() as { n: number }
    ).n
    const statuses = db.prepare('SELECT status FROM imports').all()
    db.close()
    expect(stored).toBeGreaterThan(0)
    // Each process accounted for every result (written by it or found there already).
    expect(counts).toEqual([stored, stored])
    expect(statuses).toEqual([{ status: 'done' }, { status: 'done' }])
  })
})

describe('an import left running by a process that is gone', () => {
  it('is marked interrupted at the next start; a live owner keeps its import', async () => {
    const file = join(dir, 'left.db')
    const db = openDb(file)
    const dead = await new Promise<number>((done) => {
      const child = spawn(process.execPath, ['-e', ''])
      child.on('exit', () => done(child.pid ?? 0))
    })
    const insert = db.prepare(
      `INSERT INTO imports (job_id, paths_json, status, started_at, owner_pid) VALUES (?, '[]', 'running', '2025-01-01T00:00:00Z', ?)`
    )
    insert.run('gone', dead)
    insert.run('old', null)
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    insert.run('alive', alive.pid)
    db.close()
    try {
      const b = openBackend({ dbPath: file, shell: 'cli', appRoot: root, catalogue: false })
      const byId = new Map((await b.api.imports.list({})).map((r) => [r.jobId, r]))
      await b.close()
      expect(byId.get('gone')).toMatchObject({ status: 'interrupted', error: INTERRUPTED_REASON })
      expect(byId.get('old')?.status).toBe('interrupted')
      expect(byId.get('gone')?.finishedAt).not.toBeNull()
      expect(byId.get('alive')?.status).toBe('running')
    } finally {
      alive.kill()
    }
  })
})
