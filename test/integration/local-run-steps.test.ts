/**
 * The timed steps of a local run on real onnxruntime-node workers (tiny models generated at
 * test time): loading the model, the walk over loadable sets with its warm-up, cancel and load
 * failures, and one set through the run loop inside the worker and on this thread.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadgenBuild } from '../../src-main/core/loadgen/build-info'
import { realClock } from '../../src-main/core/loadgen/clock'
import { generateQueries } from '../../src-main/core/loadgen/query-plan'
import { CANCELLED_REASON } from '../../src-main/core/loadgen/run-loop'
import { describeModelInput } from '../../src-main/core/runner/model-input'
import { openModelPool } from '../../src-main/core/runner/run-inputs'
import { RunLogWriter } from '../../src-main/core/runner/run-logs'
import { planRun } from '../../src-main/core/runner/run-plan'
import { RunProgressReporter } from '../../src-main/core/runner/run-progress'
import type { SetWalk } from '../../src-main/core/runner/run-sets'
import { runLoadableSets } from '../../src-main/core/runner/run-sets'
import { resolveRunSettings } from '../../src-main/core/runner/run-settings'
import { createSampleSource } from '../../src-main/core/runner/sample-source'
import { loadSampleStore } from '../../src-main/core/runner/sample-store'
import { runSet } from '../../src-main/core/runner/set-run'
import { sourceWorkerFactory } from '../../src-main/core/runner/source-worker'
import type { WorkerPool } from '../../src-main/core/runner/worker-pool'
import type { RunProgress, RunSettingsInput } from '../../src-main/shared/local-run'
import { writeTestModels } from '../fixtures/models/build-models'
import type { TestModels } from '../fixtures/models/build-models'

const root = mkdtempSync(join(tmpdir(), 'mlx-run-steps-'))
const createWorker = sourceWorkerFactory()
let models: TestModels
let pool: WorkerPool

const settings = (over: Partial<RunSettingsInput> = {}) =>
  resolveRunSettings({
    modelPath: models.color,
    outputDir: join(root, 'out'),
    benchmark: 'resnet50',
    expectedLatencyMs: 0.001,
    syntheticSampleCount: 12,
    warmupRuns: 2,
    ...over
  })

/** A walk over the sets of `s` with synthetic samples, its log text and the progress phases. */
async function walk(
  over: Partial<RunSettingsInput>,
  extra: Partial<SetWalk> = {}
): Promise<{ w: SetWalk; notes: string[]; phases: string[] }> {
  const s = settings(over)
  const input = describeModelInput(pool.inputs, s.modelPath)
  const source = await createSampleSource({
    dataset: null,
    input,
    preprocess: s.preprocess,
    modelPath: s.modelPath,
    syntheticCount: s.syntheticSampleCount,
    seed: 1n
  })
  const plan = planRun(s, source.total)
  const phases: string[] = []
  const progress = new RunProgressReporter(s, (p: RunProgress) => {
    if (phases.at(-1) !== p.phase) phases.push(p.phase)
  })
  const notes: string[] = []
  const logs = new RunLogWriter(
    realClock.now(),
    {
      build: loadgenBuild('test'),
      testDatetime: '2025-01-01T00:00:00Z',
      sutName: 'sut',
      qslName: 'qsl',
      qslTotalCount: source.total,
      qslPerformanceCount: source.total
    },
    [],
    plan.requested,
    plan.effective
  )
  const w: SetWalk = {
    pool,
    settings: s,
    effective: plan.effective,
    sets: plan.sets,
    firstPlan: generateQueries(plan.effective, plan.sets[0]!),
    source,
    fixedBatch: input.fixedBatch,
    memoryLimitBytes: 1e9,
    logs,
    clock: realClock,
    signal: undefined,
    progress,
    note: (t) => notes.push(t),
    runSet: (r) =>
      runSet(
        {
          pool,
          settings: s,
          clock: realClock,
          clockInjected: false,
          signal: extra.signal,
          onProgress: (lp) => progress.emit({ ...lp })
        },
        r
      ),
    ...extra
  }
  return { w, notes, phases }
}

const keys = (w: SetWalk): string[] =>
  w.logs.detail
    .text()
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => /"key": "([^"]+)"/.exec(l)![1]!)

beforeAll(async () => {
  models = writeTestModels(join(root, 'models'))
  pool = await openModelPool(createWorker, settings(), models.color)
})
afterAll(async () => {
  await pool?.close()
  rmSync(root, { recursive: true, force: true })
})

describe('openModelPool', () => {
  it('names the model file when it cannot be loaded', async () => {
    const garbage = join(root, 'garbage.onnx')
    writeFileSync(garbage, 'not a model')
    await expect(openModelPool(createWorker, settings(), garbage)).rejects.toThrow(
      `Could not load the model ${garbage}: `
    )
  })

  it('loads the model and reports its input and output', () => {
    expect(pool.size).toBe(1)
    expect(pool.inputs[0]!.shape.slice(1)).toEqual([3, 32, 32])
    expect(pool.outputs.length).toBe(1)
  })
})

describe('runLoadableSets', () => {
  it('accuracy mode walks every set, warming up and starting the mode once', async () => {
    const { w, notes, phases } = await walk({
      mode: 'AccuracyOnly',
      scenario: 'SingleStream',
      performanceSampleCount: 5
    })
    const out = await runLoadableSets(w)
    expect(out.status).toBe('done')
    expect(out.reason).toBeNull()
    expect(out.record!.completedSamples).toBe(12)
    expect(new Set(out.record!.sQsl.slice(0, 12)).size).toBe(12)
    expect(out.outcome?.status).toBe('done')
    const k = keys(w)
    expect(k.filter((x) => x === 'loaded_qsl_set')).toHaveLength(3)
    expect(k.filter((x) => x === 'power_end')).toHaveLength(3)
    expect(k.filter((x) => x === 'generic_message')).toEqual(['generic_message'])
    expect(w.logs.detail.text()).toContain('"value": "Starting accuracy mode"')
    expect(notes).toEqual(['2 untimed warm-up inferences per worker before timing.'])
    expect(phases).toEqual([
      'loading',
      'warmup',
      'running',
      'loading',
      'running',
      'loading',
      'running'
    ])
  })

  it('performance mode runs the first set only', async () => {
    const { w } = await walk({ scenario: 'SingleStream', minDurationMs: 20, minQueryCount: 30 })
    const out = await runLoadableSets(w)
    expect(out.status).toBe('done')
    expect(out.record!.queryCount).toBeGreaterThanOrEqual(30)
    expect(keys(w).filter((x) => x === 'loaded_qsl_set')).toHaveLength(1)
    expect(w.logs.detail.text()).toContain('"value": "Starting performance mode"')
  })

  it('stops as cancelled, with nothing timed, when the user cancelled before loading', async () => {
    const ac = new AbortController()
    ac.abort()
    const { w, notes } = await walk(
      { scenario: 'SingleStream', minDurationMs: 10 },
      { signal: ac.signal }
    )
    const out = await runLoadableSets(w)
    expect(out).toEqual({
      status: 'cancelled',
      reason: CANCELLED_REASON,
      record: undefined,
      outcome: null
    })
    expect(keys(w)).not.toContain('loaded_qsl_set')
    expect(notes).toEqual([])
  })

  it('fails with the loader’s reason when the samples do not fit', async () => {
    const { w } = await walk(
      { scenario: 'SingleStream', minDurationMs: 10 },
      { memoryLimitBytes: 100 }
    )
    const out = await runLoadableSets(w)
    expect(out.status).toBe('failed')
    expect(out.reason).toMatch(/GiB allowed; lower the performance sample count$/)
    expect(out.record).toBeUndefined()
  })

  it('fails before timing when the warm-up inference fails', async () => {
    // A model with a fixed batch of 1 fed batches of 8: onnxruntime refuses the first warm-up.
    const fixed = await openModelPool(createWorker, settings(), models.convFixedBatch)
    try {
      const { w } = await walk(
        { scenario: 'Offline', minDurationMs: 10, batchSize: 8 },
        { pool: fixed, fixedBatch: null }
      )
      const out = await runLoadableSets(w)
      expect(out.status).toBe('failed')
      expect(out.reason).toMatch(/^Inference failed during warm-up: /)
      expect(out.record).toBeUndefined()
      expect(keys(w)).not.toContain('generic_message')
    } finally {
      await fixed.close()
    }
  })

  it('skips the warm-up note when no warm-up was asked for', async () => {
    const { w, notes } = await walk({ scenario: 'SingleStream', minDurationMs: 5, warmupRuns: 0 })
    expect((await runLoadableSets(w)).status).toBe('done')
    expect(notes).toEqual([])
  })
})

describe('runSet', () => {
  it('runs a set inside the worker and on this thread with the same queries', async () => {
    const s = settings({ scenario: 'SingleStream', minDurationMs: 10, minQueryCount: 40 })
    const { w } = await walk({ scenario: 'SingleStream', minDurationMs: 10, minQueryCount: 40 })
    const set = w.sets[0]!
    const store = await loadSampleStore(w.source, set, { memoryLimitBytes: 1e9 })
    await pool.setSamples(store)
    for (const clockInjected of [false, true]) {
      const progress: number[] = []
      const outcome = await runSet(
        {
          pool,
          settings: s,
          clock: realClock,
          clockInjected,
          signal: undefined,
          onProgress: (p) => progress.push(p.completed)
        },
        {
          settings: w.effective,
          set,
          plan: w.firstPlan,
          store,
          fixedBatch: null,
          record: undefined
        }
      )
      expect(outcome.status, String(clockInjected)).toBe('done')
      expect(outcome.record.queryCount).toBeGreaterThanOrEqual(40)
      expect(outcome.record.completedSamples).toBe(outcome.record.sampleCount)
    }
  })
})
