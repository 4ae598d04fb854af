import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  itemCount,
  plannedSuite,
  planWork,
  totalItems
} from '../../../../../../src-main/core/ingest/import/import-plan'
import { ImportState } from '../../../../../../src-main/core/ingest/import/import-state'
import type { Work } from '../../../../../../src-main/core/ingest/import/import-types'
import { putResult } from '../inference/tree-fixture'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'mlx-plan-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const signal = new AbortController().signal

async function plan(paths: string[]): Promise<{ work: Work[]; state: ImportState }> {
  const state = new ImportState('job', paths, {})
  return { work: await planWork(paths, state, signal), state }
}

describe('planning an import', () => {
  it('files a named file by its name: a training log, a summary, or skipped', async () => {
    const log = path.join(dir, 'result_0.txt')
    const table = path.join(dir, 'summary_results.json')
    const notes = path.join(dir, 'README.md')
    for (const f of [log, table, notes]) await writeFile(f, '')
    const { work, state } = await plan([log, table, notes])
    expect(work).toEqual([
      { kind: 'training-log', owner: log, file: log },
      { kind: 'summary', owner: table, file: table }
    ])
    expect(state.report.skippedItems).toEqual([
      { path: notes, reason: expect.stringMatching(/^Not a results summary file/) as string }
    ])
  })

  it('skips a path that does not exist or is not a file or a folder', async () => {
    const missing = path.join(dir, 'gone')
    const { work, state } = await plan([missing, '/dev/null'])
    expect(work).toEqual([])
    expect(state.report.skippedItems.map((s) => s.reason)).toEqual([
      'No such file or folder',
      expect.stringMatching(/^null is .*not a regular file or a folder; not read$/) as string
    ])
  })

  it('says a folder with no results, sets or summaries holds none', async () => {
    const empty = path.join(dir, 'empty')
    await mkdir(empty)
    await writeFile(path.join(empty, 'notes.txt'), 'x')
    const { work, state } = await plan([empty])
    expect(work).toEqual([])
    expect(state.report.skippedItems).toEqual([
      { path: empty, reason: expect.stringMatching(/^No MLPerf results found/) as string }
    ])
    expect(state.tally.rows()).toEqual([
      expect.objectContaining({ path: empty, suite: null, skipped: 1 })
    ])
  })

  it('reads the summary files of a folder without result folders', async () => {
    const tables = path.join(dir, 'tables')
    await mkdir(path.join(tables, 'v4.1'), { recursive: true })
    await writeFile(path.join(tables, 'v4.1', 'summary_results.json'), '[]')
    const { work } = await plan([tables])
    expect(work).toEqual([
      {
        kind: 'summary',
        owner: tables,
        file: path.join(tables, 'v4.1', 'summary_results.json')
      }
    ])
  })

  it('plans a tree folder as its result folders, counted for the progress total', async () => {
    const tree = path.join(dir, 'tree')
    await putResult(tree, 'closed/Acme/results/box/resnet50/Offline')
    await putResult(tree, 'closed/Acme/results/box/resnet50/Server')
    const { work, state } = await plan([tree])
    expect(work.map((w) => w.kind)).toEqual(['tree'])
    expect(totalItems(work)).toBe(2)
    expect(state.totalItems).toBe(totalItems(work))
  })
})

describe('planned suite and item count', () => {
  it('expects training from a training summary name and counts one item per file', () => {
    const summary = (file: string): Work => ({ kind: 'summary', owner: file, file })
    expect(plannedSuite(summary('/x/summary.json'))).toBe('training')
    expect(plannedSuite(summary('/x/inference_v4.1_results.json'))).toBe('inference')
    // Its name fits both suites: planned as training until its content says otherwise.
    expect(plannedSuite(summary('/x/summary_results.json'))).toBe('training')
    expect(plannedSuite({ kind: 'training-log', owner: '/x', file: '/x/result_1.txt' })).toBe(
      'training'
    )
    expect(itemCount(summary('/x/summary.json'))).toBe(1)
    expect(itemCount({ kind: 'training', owner: '/x', root: '/x', sets: [] })).toBe(0)
  })
})
