/**
 * Issue 13, point 2 at scale: eight CLI processes and the web-mode app import the same tree
 * into one new database at the same time. Every one finishes, the database holds exactly the
 * rows of one import, and it passes integrity_check.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../src-main/api/open-backend'
import { buildSyntheticTree } from '../bench/import-throughput'
import { runCli, startCli } from '../support/cli-process'
import { dumpTables, openDb } from '../support/import-helpers'
import type { TableDump } from '../support/import-helpers'

const root = join(import.meta.dirname, '..', '..')
const PROCESSES = 8
const work = mkdtempSync(join(tmpdir(), 'mlx-writers-'))
let tree: string
let reference: TableDump

beforeAll(async () => {
  tree = (await buildSyntheticTree([join(root, 'test', 'fixtures', 'inference-tree')], 450)).root
  const file = join(work, 'reference.db')
  // Only the imported rows are compared: every writer here makes its database without the
  // bundled catalogue (the children and the app open with catalogue: false).
  expect((await runCli(['import', tree, '--db', file, '--no-catalogue'])).code).toBe(0)
  const db = openDb(file)
  reference = dumpTables(db)
  db.close()
}, 300_000)

afterAll(() => {
  rmSync(work, { recursive: true, force: true })
  rmSync(tree, { recursive: true, force: true })
})

/** Starts `n` import processes that all begin at the same instant (see import-child.ts). */
async function simultaneous(
  n: number,
  file: string
): Promise<{ code: number | null; err: string }[]> {
  const gate = join(work, `go-${Date.now()}`)
  const child = join(root, 'test', 'support', 'import-child.ts')
  const procs = Array.from({ length: n }, () => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, file, gate, tree], { cwd: root })
    let err = ''
    p.stderr.on('data', (d: Buffer) => (err += d.toString()))
    p.stdout.resume()
    return new Promise<{ code: number | null; err: string }>((ok) =>
      p.on('close', (code) => ok({ code, err }))
    )
  })
  // Every process is up (tsx loaded) long before this; then they all start at once.
  await new Promise((ok) => setTimeout(ok, 8000))
  writeFileSync(gate, '')
  return Promise.all(procs)
}

describe(`${PROCESSES} processes importing into one new database at the same instant`, () => {
  it('every import finishes; the rows are those of one import', async () => {
    const file = join(work, 'instant.db')
    const ends = await simultaneous(PROCESSES, file)
    const failures = ends.filter((e) => e.code !== 0).map((e) => e.err)
    console.log(`simultaneous imports: ${PROCESSES - failures.length} of ${PROCESSES} finished`)
    expect(failures).toEqual([])
    const db = openDb(file)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(dumpTables(db)).toEqual(reference)
    db.close()
  }, 600_000)
})

describe(`${PROCESSES} CLI processes and the app importing into one new database`, () => {
  it('every import finishes; the rows are those of one import', async () => {
    const file = join(work, 'shared.db')
    const runs = Array.from({ length: PROCESSES }, () =>
      startCli(['import', tree, '--db', file, '--no-catalogue'])
    )
    // The app (web mode, in this process) joins once the first CLI has made the database.
    await new Promise((ok) => setTimeout(ok, 2500))
    const app = openBackend({ dbPath: file, shell: 'web', appRoot: root, catalogue: false })
    const appRun = app.imports.start([tree])
    const [appReport, ...ends] = await Promise.all([appRun.done, ...runs.map((r) => r.done)])
    await app.close()
    const failures = ends.filter((e) => e.code !== 0).map((e) => e.err)
    console.log(
      `concurrent writers: ${PROCESSES} CLI imports + 1 app import, ${ends.length - failures.length + (appReport?.status === 'done' ? 1 : 0)} finished`
    )
    expect(failures).toEqual([])
    expect(appReport?.status).toBe('done')
    const db = openDb(file)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(dumpTables(db)).toEqual(reference)
    const statuses = db.prepare('SELECT status, count(*) AS n FROM imports GROUP BY status').all()
    db.close()
    expect(statuses).toEqual([{ status: 'done', n: PROCESSES + 1 }])
  }, 600_000)
})
