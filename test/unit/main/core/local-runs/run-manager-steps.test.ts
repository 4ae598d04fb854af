import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../../../../src-main/core/db/open-db'
import { getLocalRun } from '../../../../../src-main/core/repo/local-runs'
import {
  disagreementNote,
  LocalRunManager,
  RunStartError,
  startSettings
} from '../../../../../src-main/core/local-runs/run-manager'
import type { RunFinishedEvent } from '../../../../../src-main/shared/local-run-views'

describe('startSettings', () => {
  it('makes paths absolute and puts the run in its folder', () => {
    const s = startSettings(
      {
        modelPath: 'models/m.onnx',
        datasetPath: 'data',
        benchmark: 'resnet50',
        scenario: 'Offline'
      },
      '/runs/job-1'
    )
    expect(s.modelPath).toBe(resolve('models/m.onnx'))
    expect(s.datasetPath).toBe(resolve('data'))
    expect(s.outputDir).toBe('/runs/job-1')
    expect(s.scenario).toBe('Offline')
    expect(s.benchmark).toBe('resnet50')
  })

  it('refuses a start without a chosen benchmark, or with bad settings, as invalid input', () => {
    for (const benchmark of ['*', 'not-a-benchmark']) {
      let err: unknown
      try {
        startSettings({ modelPath: 'm.onnx', benchmark }, '/runs/x')
      } catch (e) {
        err = e
      }
      expect(err, benchmark).toBeInstanceOf(RunStartError)
      expect((err as RunStartError).kind).toBe('invalid_input')
      expect((err as RunStartError).message).toMatch(/benchmark/i)
    }
  })
})

describe('disagreementNote', () => {
  it('stays silent within the precision the logs print', () => {
    expect(disagreementNote(1234.56, 'Samples/s', 1234.5612)).toBeNull()
    expect(disagreementNote(null, 'Samples/s', 10)).toBeNull()
    expect(disagreementNote(10, 'Samples/s', null)).toBeNull()
  })

  it('says which value the table shows when they differ', () => {
    expect(disagreementNote(1.5, 'Latency (ms)', 1.8)).toBe(
      "The logs give 1.5 Latency (ms) but the run computed 1.8; the table shows the logs' value."
    )
  })
})

describe('a job whose workers cannot be created', () => {
  it('stores its run as failed with the reason, in the run folder, and tells listeners', async () => {
    const db = openDb(':memory:')
    const finished: RunFinishedEvent[] = []
    const runs = new LocalRunManager({
      db,
      runsDir: '/runs',
      createWorker: () => Promise.reject(new Error('no worker here')),
      events: { finished: (e) => finished.push(e) },
      now: () => new Date('2025-03-04T05:06:07.089Z')
    })
    const { started, done } = runs.start({
      settings: { modelPath: 'm.onnx', benchmark: 'resnet50', scenario: 'Offline' }
    })
    const outcome = await done
    expect(outcome.runs).toHaveLength(1)
    const r = outcome.runs[0]!.result
    expect(r).toMatchObject({
      status: 'failed',
      reason: 'The run could not be carried out: no worker here',
      runDir: started.runDir,
      startedAt: '2025-03-04T05:06:07.089Z',
      summary: null,
      files: [],
      notes: []
    })
    expect(finished).toMatchObject([{ runId: started.runId, status: 'failed', last: true }])
    expect(getLocalRun(db, started.runId)?.summary.status).toBe('failed')
    expect(runs.active()).toBeNull()
    db.close()
  })
})
