/**
 * The import report split by path and suite, the sources count (summary files included) and
 * the check of a path before it is queued, on the fixture trees and a small summary file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src-main/core/db/open-db'
import { checkImportPath } from '../../src-main/core/ingest/check-path'
import { runImport } from '../../src-main/core/ingest/import-job'
import { getImport } from '../../src-main/core/repo/imports'
import type { ImportProgress } from '../../src-main/shared/api'
import { buildSyntheticTree } from '../bench/import-throughput'

const root = join(import.meta.dirname, '..', '..')
const inferenceTree = join(root, 'test', 'fixtures', 'inference-tree')
const trainingTree = join(root, 'test', 'fixtures', 'training-tree')
const dir = mkdtempSync(join(tmpdir(), 'mlx-split-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const summary = join(dir, 'inference_results_v0.7', 'open', 'DellEMC', 'summary.csv')
mkdirSync(join(summary, '..'), { recursive: true })
writeFileSync(
  summary,
  'Organization,Availability,Division,SystemType,Platform,Model,MlperfModel,Scenario,Result,Accuracy,Location\n' +
    'DellEMC,rdi,open,datacenter,R740xd_vck5000,resnet50,resnet,Server,5802.01,75.768,open/DellEMC/results/R740xd_vck5000/resnet50/Server\n' +
    'DellEMC,rdi,open,datacenter,R740xd_vck5000,resnet50,resnet,Offline,6000.5,75.768,open/DellEMC/results/R740xd_vck5000/resnet50/Offline\n'
)
const missing = join(dir, 'nowhere')

describe('import report by path and suite', () => {
  it('splits counts per path and suite and counts every source, summary files included', async () => {
    const db = openDb(join(dir, 'split.db'))
    const progress: ImportProgress[] = []
    const report = await runImport(
      db,
      [inferenceTree, trainingTree, summary, missing],
      { progress: (p) => progress.push(p) },
      new AbortController().signal
    )
    expect(report.status).toBe('done')
    const by = (path: string, suite: string | null) =>
      report.sources.find((s) => s.path === path && s.suite === suite)
    const tree = by(inferenceTree, 'inference')
    const training = by(trainingTree, 'training')
    const file = by(summary, 'inference')
    expect(tree?.found).toBeGreaterThan(0)
    expect(tree?.imported).toBe(tree?.found)
    expect(training?.found).toBeGreaterThan(0)
    expect(file).toMatchObject({ found: 2, imported: 2, items: 1, itemsDone: 1 })
    expect(by(missing, null)).toMatchObject({ found: 0, skipped: 1 })
    // Every count lands on one path: the rows add up to the report.
    const sum = (k: 'found' | 'imported' | 'skipped') =>
      report.sources.reduce((n, s) => n + s[k], 0)
    expect(sum('found')).toBe(report.resultsFound)
    expect(sum('imported')).toBe(report.imported)
    expect(sum('skipped')).toBe(report.skipped)
    // The summary file is one of the sources: the progress total counts it.
    const items = (tree?.items ?? 0) + (training?.items ?? 0) + 1
    expect(report.totalItems).toBe(items)
    expect(report.itemsDone).toBe(items)
    const last = progress.at(-1)
    expect(last?.itemsDone).toBe(items)
    expect(progress.some((p) => p.phase === 'parsing' && p.totalItems === items)).toBe(true)
    // Stored with the report.
    expect(getImport(db, report.jobId)?.sources).toEqual(report.sources)
    db.close()
  })

  it('says what a cancelled import kept', async () => {
    // Enough result folders for the job to report progress (every 100 ms) before it ends.
    const big = await buildSyntheticTree([inferenceTree], 300)
    const db = openDb(join(dir, 'cancel.db'))
    const abort = new AbortController()
    const report = await runImport(
      db,
      [big.root, summary],
      {
        progress: (p) => {
          if (p.itemsDone >= 1) abort.abort()
        }
      },
      abort.signal
    )
    expect(report.status).toBe('cancelled')
    expect(report.itemsDone).toBeGreaterThanOrEqual(1)
    expect(report.itemsDone).toBeLessThan(report.totalItems ?? 0)
    const stored = (
      db.prepare('SELECT count(*) AS n FROM inference_results').get() as { n: number }
    ).n
    expect(report.sources.reduce((n, s) => n + s.imported, 0)).toBe(stored)
    expect(report.sources.find((s) => s.path === summary)?.itemsDone ?? 0).toBe(0)
    db.close()
    rmSync(big.root, { recursive: true, force: true })
  })
})

describe('checking a path when it is added', () => {
  it('tells folders, summary files and training logs from what cannot be imported', async () => {
    expect(await checkImportPath(inferenceTree)).toMatchObject({ ok: true, kind: 'folder' })
    expect(await checkImportPath(summary)).toMatchObject({ ok: true, kind: 'summary' })
    expect(await checkImportPath(missing)).toMatchObject({
      ok: false,
      message: 'Not found: no such file or folder.'
    })
    const other = join(dir, 'notes.txt')
    writeFileSync(other, 'x')
    expect((await checkImportPath(other)).message).toMatch(/Not a results summary file/)
    expect((await checkImportPath('relative/path')).ok).toBe(false)
  })
})
