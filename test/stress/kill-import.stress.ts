/**
 * Issue 13, point 2 under SIGKILL: CLI imports killed at random moments (while the database is
 * being created, mid-batch, while the search index is rebuilt). After every kill the database
 * passes integrity_check, every row it holds is exactly a row of a complete import, the killed
 * import is marked `interrupted` at the next start, and importing again completes it.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../src-main/api/open-backend'
import { buildSyntheticTree } from '../bench/import-throughput'
import { startCli } from '../support/cli-process'
import { dumpTables, openDb } from '../support/import-helpers'
import type { TableDump } from '../support/import-helpers'
import { rng } from './fuzz-tree'

const root = join(import.meta.dirname, '..', '..')
const KILLS = Number(process.env.KILLS ?? 20)
const work = mkdtempSync(join(tmpdir(), 'mlx-kill-'))
let tree: string
let reference: TableDump
let fullMs = 0

beforeAll(async () => {
  tree = (await buildSyntheticTree([join(root, 'test', 'fixtures', 'inference-tree')], 900)).root
  const file = join(work, 'reference.db')
  const t0 = Date.now()
  const r = await startCli(['import', tree, '--db', file]).done
  fullMs = Date.now() - t0
  expect(r.code).toBe(0)
  const db = openDb(file)
  reference = dumpTables(db)
  db.close()
}, 300_000)

afterAll(() => {
  rmSync(work, { recursive: true, force: true })
  rmSync(tree, { recursive: true, force: true })
})

const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms))

/** Waits until the database holds `n` results (read from another connection) or the run ends. */
async function rowsReach(file: string, n: number, ended: Promise<unknown>): Promise<void> {
  let over = false
  void ended.then(() => (over = true))
  while (!over) {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true })
      try {
        const row = db.prepare('SELECT count(*) AS n FROM inference_results').get() as { n: number }
        if (row.n >= n) return
      } finally {
        db.close()
      }
    } catch {
      // not created or not migrated yet
    }
    await sleep(40)
  }
}

/** Statuses of the imports a process recorded (by its pid). */
function ownImports(file: string, pid: number | undefined): string[] {
  const db = new Database(file, { readonly: true })
  try {
    return (
      db.prepare('SELECT status FROM imports WHERE owner_pid = ?').all(pid) as { status: string }[]
    ).map((r) => r.status)
  } catch {
    return [] // killed before the schema existed
  } finally {
    db.close()
  }
}

describe(`SIGKILL mid-import (${KILLS} kills)`, () => {
  it('every kill leaves a sound database holding only complete rows; the next import finishes', async () => {
    const r = rng(2)
    const shared = join(work, 'shared.db')
    let interrupted = 0
    const partial: number[] = []
    for (let k = 0; k < KILLS; k++) {
      // Every third kill on a new database (kills while it is made and migrated), the others on
      // one database that keeps what each killed import committed.
      const file = k % 3 === 0 ? join(work, `fresh-${k}.db`) : shared
      const run = startCli(['import', tree, '--db', file])
      // A fifth of the kills at any moment (start-up, creating and migrating the database,
      // scanning); the others once a given share of the results is written (mid-batch, and at
      // the end while the search index is rebuilt).
      const share = r()
      if (share < 0.2) await sleep(300 + r() * fullMs)
      else await rowsReach(file, Math.floor(share * reference.size), run.done)
      await sleep(r() * 150)
      run.child.kill('SIGKILL')
      const end = await run.done
      const db = openDb(file)
      try {
        expect(db.pragma('integrity_check', { simple: true }), `kill ${k}`).toBe('ok')
        // The search index holds exactly the committed rows (throws SQLITE_CORRUPT_VTAB if not).
        db.prepare(
          `INSERT INTO inference_results_fts (inference_results_fts, rank) VALUES ('integrity-check', 1)`
        ).run()
        const rows = dumpTables(db)
        for (const [key, row] of rows) {
          expect(row, `kill ${k}: ${key}`).toEqual(reference.get(key))
        }
        if (end.signal === 'SIGKILL') partial.push(rows.size)
      } finally {
        db.close()
      }
      // The import the killed process had recorded (found by its pid) is marked interrupted at
      // the next start; none stays running.
      const own = ownImports(file, run.child.pid)
      const b = openBackend({ dbPath: file, shell: 'cli', appRoot: root, catalogue: false })
      const statuses = (await b.api.imports.list({})).map((i) => i.status)
      await b.close()
      expect(statuses, `kill ${k}`).not.toContain('running')
      if (end.signal === 'SIGKILL' && own.includes('running')) {
        expect(ownImports(file, run.child.pid), `kill ${k}`).toEqual(['interrupted'])
        interrupted++
      }
    }
    console.log(
      `kills: ${KILLS} (full import ${fullMs} ms); rows present after each kill: ${partial.join(', ')} of ${reference.size}; ` +
        `${interrupted} killed mid-import and marked interrupted at the next start (the others died before recording their import, or after it had finished)`
    )
    // Importing again completes the shared database: exactly the reference rows.
    const again = await startCli(['import', tree, '--db', shared]).done
    expect(again.code).toBe(0)
    const db = openDb(shared)
    expect(dumpTables(db)).toEqual(reference)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.prepare(
      `INSERT INTO inference_results_fts (inference_results_fts, rank) VALUES ('integrity-check', 1)`
    ).run()
    db.close()
  }, 900_000)
})
