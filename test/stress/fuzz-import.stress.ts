/**
 * Issue 13, point 3 as a fuzz test: hundreds of damaged copies of a real-format tree (inference
 * results with power and accuracy, training sets with scaling.json), each imported over a
 * database that already holds the intact tree. Must hold in every case: the import ends (no
 * hang, no stack trace in the report), and no stored row changes without a report line that
 * names it; with the stored-row guard, none changes at all.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportReport } from '../../src-main/shared/api'
import {
  changedRows,
  dumpTables,
  importPaths,
  openDb,
  reportLines
} from '../support/import-helpers'
import type { TableDump } from '../support/import-helpers'
import type { MutationKind } from './fuzz-tree'
import { addToBase, dirsUnder, FILE_MUTATIONS, filesUnder, mutate, rng } from './fuzz-tree'

const root = join(import.meta.dirname, '..', '..')
const corpus = join(root, '..', 'shared', 'corpus')
const CASES = Number(process.env.FUZZ_CASES ?? 300)
const SEED = Number(process.env.FUZZ_SEED ?? 13)

const work = mkdtempSync(join(tmpdir(), 'mlx-fuzz-'))
const base = join(work, 'base')
const outside = join(work, 'outside')
const baselineDb = join(work, 'baseline.db')
let groups: string[] = []
let baseline: TableDump

beforeAll(async () => {
  mkdirSync(outside, { recursive: true })
  const add = (src: string, rel: string): void => {
    if (addToBase(base, src, rel)) groups.push(join(base, rel))
  }
  add(join(root, 'test', 'fixtures', 'inference-tree', 'closed', 'Acme'), 'own/closed/Acme')
  add(join(root, 'test', 'fixtures', 'training-tree'), 'training-fixture')
  // Real published folders when the corpus is there: power, several scenarios, system files.
  for (const s of ['UntetherAI', 'Lenovo']) {
    add(join(corpus, 'inference', 'v4.1', 'closed', s), `inference_results_v4.1/closed/${s}`)
  }
  for (const s of ['Intel', 'Intel-HabanaLabs']) {
    add(join(corpus, 'training', 'v3.0', s), `training_results_v3.0/${s}`)
  }
  groups = groups.sort()
  const db = openDb(baselineDb)
  const r = await importPaths(db, groups)
  expect(r.status).toBe('done')
  baseline = dumpTables(db)
  db.close()
}, 120_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

type Outcome = {
  kind: MutationKind
  target: string
  changed: number
  added: number
  unreported: string[]
  mentioned: boolean
}

function hasStackTrace(r: ImportReport): boolean {
  const text = JSON.stringify(r)
  return /\\n\s+at \S/.test(text) || /Unexpected error/.test(text)
}

describe(`fuzzing the importer (${CASES} damaged trees, seed ${SEED})`, () => {
  it('no stack trace, no hang, no stored row changed without a report line', async () => {
    const r = rng(SEED)
    const files = groups.flatMap((g) => filesUnder(g))
    // Folder-level damage: system folders, result and run folders, training sets.
    const dirs = groups
      .flatMap((g) => dirsUnder(g))
      .filter((d) => /(systems|results\/[^/]+\/[^/]+(\/[^/]+)?|run_1)$/.test(d))
    const outcomes: Outcome[] = []
    for (let i = 0; i < CASES; i++) {
      const onDir = r() < 0.15
      const target = onDir
        ? dirs[Math.floor(r() * dirs.length)]!
        : files[Math.floor(r() * files.length)]!
      const kind: MutationKind = onDir
        ? r() < 0.5
          ? 'dir-symlink-out'
          : 'dir-delete'
        : FILE_MUTATIONS[Math.floor(r() * FILE_MUTATIONS.length)]!
      const group = groups.find((g) => target.startsWith(g + '/'))!
      const dbFile = join(work, `case-${i}.db`)
      copyFileSync(baselineDb, dbFile)
      const m = mutate(kind, target, outside, r)
      let report: ImportReport
      let after: TableDump
      const db = openDb(dbFile)
      try {
        report = await importPaths(db, [group])
        after = dumpTables(db)
      } finally {
        db.close()
        m.undo()
        rmSync(dbFile, { force: true })
        rmSync(`${dbFile}-wal`, { force: true })
        rmSync(`${dbFile}-shm`, { force: true })
      }
      expect(hasStackTrace(report), `case ${i}: ${kind} ${target}`).toBe(false)
      expect(report.status, `case ${i}: ${kind} ${target}`).not.toBe('running')
      const lines = reportLines(report)
      const changes = changedRows(baseline, after)
      outcomes.push({
        kind,
        target,
        changed: changes.filter((c) => c.what !== 'added').length,
        added: changes.filter((c) => c.what === 'added').length,
        unreported: changes
          .filter((c) => !lines.some((l) => l.includes(c.source)))
          .map((c) => `${c.what} ${c.key}`),
        mentioned: lines.some((l) => l.includes(target))
      })
    }
    const byKind = new Map<string, { cases: number; changed: number; added: number }>()
    for (const o of outcomes) {
      const k = byKind.get(o.kind) ?? { cases: 0, changed: 0, added: 0 }
      k.cases++
      k.changed += o.changed
      k.added += o.added
      byKind.set(o.kind, k)
    }
    const unreported = outcomes.filter((o) => o.unreported.length > 0)
    const changedCases = outcomes.filter((o) => o.changed > 0)
    console.log(
      `fuzz: ${outcomes.length} cases over ${groups.length} import folders; ` +
        `${changedCases.length} with a changed stored row, ${unreported.length} with a change not in the report\n` +
        [...byKind]
          .map(
            ([k, v]) => `  ${k}: ${v.cases} cases, ${v.changed} rows changed, ${v.added} rows added`
          )
          .join('\n')
    )
    expect(unreported.map((o) => `${o.kind} ${o.target}: ${o.unreported.join(', ')}`)).toEqual([])
    expect(changedCases.map((o) => `${o.kind} ${o.target}`)).toEqual([])
  }, 900_000)
})
