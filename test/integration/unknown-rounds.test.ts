/**
 * Rounds this version does not know (issue 9 point 2). The same published logs must give the
 * same number whatever the clone is called: a round newer than every known one is read with the
 * latest rules, says so on every row and once in the import report; a round name no rules fit
 * (inference v1.5, inference v0.6, training v0.8) is refused by the folder that names it.
 * The inference part copies a v4.1 NVIDIA result from ../shared/corpus (skipped without it);
 * the training part uses the repository's own fixture tree.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src-main/core/db/open-db'
import { runImport } from '../../src-main/core/ingest/import-job'
import { getInferenceResult } from '../../src-main/core/repo/inference-results'
import type { ImportReport } from '../../src-main/shared/api'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const corpus = path.resolve(repoRoot, '../shared/corpus')
const nvidia = path.join(corpus, 'inference/v4.1/closed/NVIDIA')
const hasCorpus = existsSync(nvidia)
const dir = mkdtempSync(path.join(tmpdir(), 'mlx-unknown-rounds-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const signal = new AbortController().signal
const SYSTEM = 'H200-SXM-141GBx8_TRT'

/** The NVIDIA H200 resnet50 Server and Offline results in a clone named `clone`. */
async function copyNvidia(clone: string): Promise<string> {
  const root = path.join(dir, clone)
  const sub = path.join(root, 'closed/NVIDIA')
  await cp(path.join(nvidia, `systems/${SYSTEM}.json`), path.join(sub, `systems/${SYSTEM}.json`))
  for (const scenario of ['Server', 'Offline']) {
    const rel = `results/${SYSTEM}/resnet50/${scenario}`
    await cp(path.join(nvidia, rel), path.join(sub, rel), { recursive: true })
  }
  return root
}

type Row = { id: number; round: string; scenario: string; metric: string; value: number | null }

async function importInto(paths: string[]): Promise<{ report: ImportReport; rows: Row[] }> {
  const db = openDb(':memory:')
  const report = await runImport(db, paths, {}, signal)
  const rows = db
    .prepare('SELECT id, round, scenario, metric, value FROM inference_results ORDER BY scenario')
    .all() as Row[]
  const notes = (id: number): string[] => getInferenceResult(db, id)?.detail.notes ?? []
  const withNotes = rows.map((r) => ({ ...r, notes: notes(r.id) }))
  db.close()
  return { report, rows: withNotes }
}

describe.skipIf(!hasCorpus)('an inference round newer than this version knows', () => {
  it('reads inference_results_v6.2 with the v6.1 rules: the same value as the v4.1 clone', async () => {
    const known = await importInto([await copyNvidia('inference_results_v4.1')])
    const newer = await importInto([await copyNvidia('inference_results_v6.2')])
    const server = (rows: Row[]): Row | undefined => rows.find((r) => r.scenario === 'Server')
    expect(server(known.rows)).toMatchObject({
      round: 'v4.1',
      metric: 'completed_samples_per_second',
      value: 632229
    })
    // Before the rulebook, v6.2 fell back to the v0.5 rule: scheduled_samples_per_second.
    expect(server(newer.rows)).toMatchObject({
      round: 'v6.2',
      metric: 'completed_samples_per_second',
      value: 632229
    })
    expect(newer.rows.map((r) => r.value)).toEqual(known.rows.map((r) => r.value))
    for (const r of newer.rows as (Row & { notes: string[] })[]) {
      expect(r.notes).toContain(
        'Round v6.2 is newer than this version knows; read with the v6.1 rules.'
      )
    }
    for (const r of known.rows as (Row & { notes: string[] })[]) {
      expect(r.notes.join(' ')).not.toContain('newer than this version')
    }
    // One report note for the round, however many results it has.
    const roundNotes = newer.report.notes.filter((n) => n.startsWith('Round v6.2 is newer'))
    expect(roundNotes).toEqual([
      'Round v6.2 is newer than this version knows; read with the v6.1 rules (2 Inference results). Values follow the v6.1 submission checker until this version learns the new round.'
    ])
    expect(known.report.notes.some((n) => n.includes('newer than this version'))).toBe(false)
  })

  it('refuses a round name no rules fit, naming the folder, and reads nothing from it', async () => {
    for (const clone of ['inference_results_v1.5', 'inference_results_v0.6']) {
      const root = await copyNvidia(clone)
      const { report, rows } = await importInto([root])
      expect(rows).toEqual([])
      const round = clone.replace('inference_results_', '')
      expect(report.skippedItems).toEqual([
        {
          path: root,
          reason: expect.stringContaining(`${round} is not an MLPerf Inference round`) as string
        }
      ])
      expect(report.skippedItems[0]?.reason).toContain('2 results in this folder not read')
    }
  })
})

describe('a training round newer than this version knows', () => {
  const fixture = path.join(repoRoot, 'test/fixtures/training-tree/training_results_v4.0')

  it('reads training_results_v6.2 with the v6.1 rules and says so once per round', async () => {
    const root = path.join(dir, 'training_results_v6.2')
    await cp(fixture, root, { recursive: true })
    const db = openDb(':memory:')
    const report = await runImport(db, [root], {}, signal)
    const rows = db.prepare('SELECT round FROM training_results').all() as { round: string }[]
    db.close()
    expect(rows.length).toBeGreaterThan(1)
    expect(new Set(rows.map((r) => r.round))).toEqual(new Set(['v6.2']))
    expect(report.notes.filter((n) => n.startsWith('Round v6.2 is newer'))).toHaveLength(1)
  })

  it('refuses training_results_v0.8', async () => {
    const root = path.join(dir, 'training_results_v0.8')
    await cp(fixture, root, { recursive: true })
    const db = openDb(':memory:')
    const report = await runImport(db, [root], {}, signal)
    const n = (db.prepare('SELECT count(*) AS n FROM training_results').get() as { n: number }).n
    db.close()
    expect(n).toBe(0)
    expect(report.skippedItems.map((s) => s.path)).toContain(root)
    expect(report.skippedItems.find((s) => s.path === root)?.reason).toContain(
      'v0.8 is not an MLPerf Training round'
    )
  })
})
