/**
 * Issue 13, points 3-5: a damaged file never silently changes a good stored row; links out of
 * the imported tree are not followed; the folder name never overrides the log's scenario; a
 * FIFO or an oversized file is skipped with a reason instead of blocking the import.
 */
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { WritableDb } from '../../src-main/core/db/types'
import {
  changedRows,
  dumpTables,
  importPaths,
  openDb,
  reportLines
} from '../support/import-helpers'

const root = join(import.meta.dirname, '..', '..')
const fixture = join(root, 'test', 'fixtures', 'inference-tree')
const trainingFixture = join(root, 'test', 'fixtures', 'training-tree')
const work = mkdtempSync(join(tmpdir(), 'mlx-damage-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

let n = 0
let tree: string
let db: WritableDb
const acme = (): string => join(tree, 'closed', 'Acme')
const result = (bench: string, scenario: string): string =>
  join(acme(), 'results', 'acme_x1', bench, scenario)

beforeEach(() => {
  const dir = join(work, `case${n++}`)
  tree = join(dir, 'tree')
  cpSync(fixture, tree, { recursive: true })
  db = openDb(join(dir, 'db.sqlite'))
  return () => db.close()
})

function mkfifo(p: string): void {
  rmSync(p, { force: true, recursive: true })
  execFileSync('mkfifo', [p])
}

/** Imports the intact tree, damages it, imports it again: the stored rows must not change. */
async function damageKeepsRows(damage: () => void): Promise<string[]> {
  const first = await importPaths(db, [tree])
  expect(first.status).toBe('done')
  const before = dumpTables(db)
  damage()
  const again = await importPaths(db, [tree])
  // Failed only when the damage leaves nothing readable (every result skipped).
  expect(again.status === 'done' || again.resultsFound === 0).toBe(true)
  expect(changedRows(before, dumpTables(db))).toEqual([])
  return reportLines(again)
}

describe('a damaged file never silently changes a stored row', () => {
  it('a truncated detail log: the stored value stays, the report says why', async () => {
    const detail = join(
      result('resnet50', 'SingleStream'),
      'performance',
      'run_1',
      'mlperf_log_detail.txt'
    )
    const lines = await damageKeepsRows(() => truncateSync(detail, 1500))
    expect(lines.join('\n')).toMatch(
      /resnet50\/SingleStream: Not updated: re-reading it would change value [\d.]+ → none, valid 1 → 0, because the files no longer give value.*The stored result is kept/
    )
  })

  it('a result without an official value is never valid (first import of the cut log)', async () => {
    const detail = join(
      result('resnet50', 'SingleStream'),
      'performance',
      'run_1',
      'mlperf_log_detail.txt'
    )
    truncateSync(detail, 1500)
    await importPaths(db, [tree])
    const row = db
      .prepare(`SELECT value, valid FROM inference_results WHERE source = ?`)
      .get(result('resnet50', 'SingleStream'))
    expect(row).toEqual({ value: null, valid: 0 })
  })

  it('accuracy.txt replaced by a folder: the stored accuracy stays', async () => {
    const acc = join(result('resnet50', 'Offline'), 'accuracy', 'accuracy.txt')
    const lines = await damageKeepsRows(() => {
      unlinkSync(acc)
      mkdirSync(acc)
    })
    expect(lines.join('\n')).toMatch(/accuracy\.txt is a folder, not a regular file; not read/)
    expect(lines.join('\n')).toMatch(/Not updated: re-reading it would change accuracy/)
  })

  it('accuracy.txt deleted: the stored accuracy stays, the report says the files no longer give it', async () => {
    const acc = join(result('resnet50', 'SingleStream'), 'accuracy', 'accuracy.txt')
    const lines = await damageKeepsRows(() => unlinkSync(acc))
    expect(lines.join('\n')).toMatch(
      /SingleStream: Not updated: .*the files no longer give accuracy/
    )
  })

  it('garbage bytes in a detail log: the stored value stays', async () => {
    const detail = join(
      result('resnet50', 'SingleStream'),
      'performance',
      'run_1',
      'mlperf_log_detail.txt'
    )
    const lines = await damageKeepsRows(() => {
      const bytes = readFileSync(detail)
      for (let i = bytes.length / 2; i < bytes.length; i += 7) bytes[Math.floor(i)] = 0xff
      writeFileSync(detail, bytes)
    })
    expect(lines.join('\n')).toMatch(/resnet50\/SingleStream: Not updated: /)
  })
})

describe('links and non-regular files', () => {
  it('a system description linked from outside the tree is not followed, the rows stay', async () => {
    const outside = join(work, `outside${n}.json`)
    const sys = join(acme(), 'systems', 'acme_x1.json')
    const text = readFileSync(sys, 'utf8')
    writeFileSync(outside, text.replace(/"system_name":\s*"[^"]*"/, '"system_name": "Relabelled"'))
    const lines = await damageKeepsRows(() => {
      unlinkSync(sys)
      symlinkSync(outside, sys)
    })
    expect(lines.join('\n')).toMatch(
      /acme_x1\.json leads out of the imported folders \(symbolic link to .*\); not followed/
    )
    const names = db.prepare('SELECT DISTINCT system_name FROM inference_results').all()
    expect(names).not.toContainEqual({ system_name: 'Relabelled' })
  })

  it('a link inside the tree is followed like the file it names', async () => {
    const sys = join(acme(), 'systems', 'acme_x1.json')
    renameSync(sys, join(acme(), 'systems', 'real.json'))
    symlinkSync('real.json', sys)
    const r = await importPaths(db, [tree])
    expect(r.status).toBe('done')
    expect(r.imported).toBe(2)
    expect(reportLines(r).join('\n')).not.toMatch(/not followed/)
  })

  it('a FIFO where the detail log should be: skipped with a reason, the import finishes', async () => {
    const detail = join(
      result('resnet50', 'Offline'),
      'performance',
      'run_1',
      'mlperf_log_detail.txt'
    )
    const lines = await damageKeepsRows(() => mkfifo(detail))
    expect(lines.join('\n')).toMatch(
      /mlperf_log_detail\.txt is a FIFO \(named pipe\), not a regular file; not read/
    )
  })

  it('a FIFO as a summary file given directly, and one inside the tree', async () => {
    const fifo = join(work, `summary${n}.csv`)
    execFileSync('mkfifo', [fifo])
    mkfifo(join(acme(), 'results', 'acme_x1', 'stray.pipe'))
    const r = await importPaths(db, [fifo, tree])
    expect(r.imported).toBe(2)
    const lines = reportLines(r).join('\n')
    expect(lines).toMatch(/summary\d+\.csv.*is a FIFO \(named pipe\), not a regular file/)
    expect(lines).toMatch(/stray\.pipe is a FIFO \(named pipe\), not a regular file; skipped/)
  })

  it('a file too large to be a LoadGen log is not read', async () => {
    const detail = join(
      result('bert-99', 'Offline'),
      'performance',
      'run_1',
      'mlperf_log_detail.txt'
    )
    const lines = await damageKeepsRows(() => truncateSync(detail, 300 * 1024 * 1024))
    expect(lines.join('\n')).toMatch(
      /mlperf_log_detail\.txt is 300 MB, more than the 256 MB a result file can be; not read/
    )
  })
})

describe('training sets', () => {
  let trainingTree: string
  beforeEach(() => {
    trainingTree = join(work, `training${n++}`)
    cpSync(trainingFixture, trainingTree, { recursive: true })
  })
  const set = (): string =>
    join(trainingTree, 'training_results_v4.0', 'Acme', 'results', 'acme_t2', 'resnet')

  it('a run replaced by a FIFO, a link out or a folder: the stored set stays', async () => {
    await importPaths(db, [trainingTree])
    const before = dumpTables(db)
    mkfifo(join(set(), 'result_1.txt'))
    const outside = join(work, `run${n}.txt`)
    writeFileSync(outside, readFileSync(join(set(), 'result_2.txt')))
    rmSync(join(set(), 'result_2.txt'))
    symlinkSync(outside, join(set(), 'result_2.txt'))
    rmSync(join(set(), 'result_3.txt'))
    mkdirSync(join(set(), 'result_3.txt'))
    const again = await importPaths(db, [trainingTree])
    expect(changedRows(before, dumpTables(db))).toEqual([])
    const lines = reportLines(again).join('\n')
    expect(lines).toMatch(/result_1\.txt is a FIFO/)
    expect(lines).toMatch(/result_2\.txt leads out of the imported folders/)
    expect(lines).toMatch(
      /acme_t2\/resnet: Not updated: .*result_1\.txt, a run of the set at the last import, is no longer read/
    )
  })

  it('scaling.json deleted: the stored scaling factor stays', async () => {
    await importPaths(db, [trainingTree])
    const before = dumpTables(db)
    unlinkSync(join(set(), 'scaling.json'))
    const again = await importPaths(db, [trainingTree])
    expect(changedRows(before, dumpTables(db))).toEqual([])
    expect(reportLines(again).join('\n')).toMatch(
      /acme_t2\/resnet: Not updated: .*scaling_factor [\d.]+ → 1.*scaling\.json no longer gives the scaling factor/
    )
  })
})

describe('the folder name never overrides the log', () => {
  it('a SingleStream log under Server/ is imported as SingleStream, and reported', async () => {
    const ss = result('resnet50', 'SingleStream')
    renameSync(ss, result('resnet50', 'Server'))
    const r = await importPaths(db, [tree])
    const row = db
      .prepare(`SELECT scenario, unit FROM inference_results WHERE source = ?`)
      .get(result('resnet50', 'Server'))
    expect(row).toEqual({ scenario: 'SingleStream', unit: 'Latency (ms)' })
    expect(reportLines(r).join('\n')).toMatch(
      /resnet50\/Server: the folder says Server but LoadGen's log says SingleStream; imported as a SingleStream result/
    )
  })

  it('two folders that map to one scenario: the second is reported, not merged', async () => {
    cpSync(result('resnet50', 'Offline'), result('resnet50', 'offline'), { recursive: true })
    const r = await importPaths(db, [tree])
    expect(r.imported).toBe(2)
    expect(reportLines(r).join('\n')).toMatch(
      /resnet50\/offline: Not imported: this folder and .*resnet50\/Offline map to the same result/
    )
  })
})

describe('the report never carries file contents', () => {
  it('a JSON summary that is not JSON: the reason says so without quoting it', async () => {
    const file = join(work, `summary_results${n}.json`)
    writeFileSync(file, 'root:x:0:0:root:/root:/bin/bash\n')
    const r = await importPaths(db, [file])
    const text = JSON.stringify(r)
    expect(text).not.toContain('root:x')
    expect(text).not.toContain('/bin/bash')
  })
})
