import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  failedRun,
  noLogsReason,
  parseSetLogs,
  readSetTexts,
  readableLogs
} from '../../../../../../src-main/core/ingest/training/set-logs'
import { location, mllogRun } from './set-fixture'

let root = ''
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('readSetTexts', () => {
  it('reads every result file as latin-1 and counts only those it could read', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'set-logs-'))
    await mkdir(root, { recursive: true })
    await writeFile(path.join(root, 'result_0.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]))
    const r = await readSetTexts(
      location({ dir: root, resultFiles: ['result_0.txt', 'result_1.txt'] })
    )
    expect(r).toEqual({ texts: ['café', null], filesRead: 1 })
  })
})

describe('parseSetLogs', () => {
  const files = ['result_0.txt', 'result_1.txt', 'result_2.txt', 'result_3.txt']
  const texts = [
    mllogRun('resnet', 60, { acc: 0.76 }),
    null,
    'no log here',
    mllogRun('resnet', 70, { acc: 0.5 })
  ]

  it('gives one run per file, a failed run for what cannot be read or parsed', () => {
    const logs = parseSetLogs(files, texts, 'v1.0', 'resnet')
    expect(logs.runs.map((r) => [r.file, r.status])).toEqual([
      ['result_0.txt', 'success'],
      ['result_1.txt', 'failed'],
      ['result_2.txt', 'failed'],
      ['result_3.txt', 'failed']
    ])
    expect(logs.runs[1]?.reason).toBe('The file cannot be read.')
    expect(logs.runs[2]?.reason).toMatch(/training log/i)
    expect(logs.parsedLogs.map((p) => p === null)).toEqual([false, true, true, false])
    expect(readableLogs(logs).map((p) => p.run.file)).toEqual(['result_0.txt', 'result_3.txt'])
  })

  it("judges convergence by the rules' target (v1.0 resnet: 0.759)", () => {
    const [ok] = parseSetLogs(
      ['r.txt'],
      [mllogRun('resnet', 60, { acc: 0.755 })],
      'v1.0',
      'resnet'
    ).runs
    expect(ok?.converged).toBe(false)
    const [none] = parseSetLogs(
      ['r.txt'],
      [mllogRun('resnet', 60, { acc: 0.755 })],
      'v1.0',
      null
    ).runs
    expect(none?.logBenchmark).toBe('resnet')
  })
})

describe('failedRun and noLogsReason', () => {
  it('makes a run that counts for nothing', () => {
    expect(failedRun('result_9.txt', 'why')).toMatchObject({
      file: 'result_9.txt',
      status: 'failed',
      converged: false,
      minutes: null,
      reason: 'why',
      evals: []
    })
  })

  it('says why a set has no log at all', () => {
    expect(noLogsReason([])).toBe('No result_*.txt file could be read.')
    expect(noLogsReason([failedRun('a.txt', 'broken'), failedRun('b.txt', 'x')])).toBe(
      'None of the 2 result file(s) is an MLPerf training log (broken).'
    )
  })
})
