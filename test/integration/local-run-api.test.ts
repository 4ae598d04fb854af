/**
 * Local runs through the API, once by direct dispatch and once over the HTTP bridge (events
 * over Server-Sent Events there): start a short run on a tiny generated model, watch progress,
 * find the files and the indexed result, cancel, bad input, repetitions and inspection.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pngjs from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { openBackend } from '../../src-main/api/open-backend'
import type { Backend } from '../../src-main/api/open-backend'
import { startHttpServer } from '../../src-main/bridge/http-server'
import type { HttpServerHandle } from '../../src-main/bridge/http-server'
import { mllogNumber, parseMllogDetail } from '../../src-main/core/ingest/inference/mllog-detail'
import { parseSummaryLog } from '../../src-main/core/ingest/inference/summary-log'
import type { ApiEvents, ResultPage, ResultView, Reply } from '../../src-main/shared/api'
import type { InferenceResultDetail } from '../../src-main/shared/inference'
import type { InspectResult } from '../../src-main/shared/local-run'
import type {
  BenchmarkSuggestionView,
  LocalRunDetail,
  RunDefaults,
  RunFinishedEvent,
  RunList,
  RunProgressEvent,
  RunStarted,
  RunStartSettings
} from '../../src-main/shared/local-run-views'
import type { TestModels } from '../fixtures/models/build-models'
import { writeTestModels } from '../fixtures/models/build-models'

type Call = (method: string, input: unknown) => Promise<Reply<unknown>>
type Events = {
  progress: RunProgressEvent[]
  finished: RunFinishedEvent[]
  /** Resolves with the last finished event of a job. */
  jobDone: (jobId: string) => Promise<RunFinishedEvent>
  /** Resolves with the first progress event that passes `test`. */
  progressWhere: (test: (e: RunProgressEvent) => boolean) => Promise<RunProgressEvent>
  close: () => void
}

const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'mlx-run-api-'))
let backend: Backend
let server: HttpServerHandle
let models: TestModels

beforeAll(async () => {
  models = writeTestModels(join(dir, 'models'))
  backend = openBackend({
    dbPath: join(dir, 'runs.db'),
    shell: 'web',
    appRoot: root,
    catalogue: false
  })
  server = await startHttpServer({
    api: backend.api,
    hub: backend.hub,
    token: 'secret',
    staticDir: join(dir, 'none')
  })
})

afterAll(async () => {
  await server.close()
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Event collection with waiters, fed by the hub or by the SSE stream. */
function eventLog(): Events & { push: (name: string, payload: unknown) => void } {
  const progress: RunProgressEvent[] = []
  const finished: RunFinishedEvent[] = []
  let waiters: (() => void)[] = []
  const wake = (): void => {
    const w = waiters
    waiters = []
    for (const f of w) f()
  }
  const until = <T>(find: () => T | undefined): Promise<T> =>
    new Promise<T>((resolve) => {
      const check = (): void => {
        const hit = find()
        if (hit !== undefined) resolve(hit)
        else waiters.push(check)
      }
      check()
    })
  return {
    progress,
    finished,
    push(name, payload) {
      if (name === 'runs.progress') progress.push(payload as RunProgressEvent)
      if (name === 'runs.finished') finished.push(payload as RunFinishedEvent)
      wake()
    },
    jobDone: (jobId) => until(() => finished.find((f) => f.jobId === jobId && f.last)),
    progressWhere: (test) => until(() => progress.find(test)),
    close: () => {}
  }
}

function hubEvents(): Events {
  const log = eventLog()
  const stop = backend.hub.subscribe(<E extends keyof ApiEvents>(e: E, p: ApiEvents[E]) =>
    log.push(e, p)
  )
  return { ...log, close: stop }
}

/** The bridge's SSE stream parsed into events. */
async function sseEvents(): Promise<Events> {
  const log = eventLog()
  const ac = new AbortController()
  const res = await fetch(`http://127.0.0.1:${server.port}/api/events`, {
    headers: { authorization: 'Bearer secret' },
    signal: ac.signal
  })
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        buffer += decoder.decode(value, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const name = /^event: (.+)$/m.exec(block)?.[1]
          const data = /^data: (.+)$/m.exec(block)?.[1]
          if (name && data) log.push(name, JSON.parse(data))
        }
      }
    } catch {
      // Aborted at the end of the test.
    }
  })()
  return { ...log, close: () => ac.abort() }
}

const transports: [string, () => Call, () => Promise<Events>][] = [
  ['direct dispatch', () => (m, i) => dispatch(backend.api, m, i), async () => hubEvents()],
  [
    'HTTP bridge',
    () => async (m, i) => {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/${m}`, {
        method: 'POST',
        headers: { authorization: 'Bearer secret', 'content-type': 'application/json' },
        body: JSON.stringify(i)
      })
      return (await res.json()) as Reply<unknown>
    },
    sseEvents
  ]
]

function value<T>(r: Reply<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value as T
}

const short = (s: Partial<RunStartSettings>): RunStartSettings => ({
  modelPath: models.conv,
  benchmark: 'resnet50',
  minDurationMs: 300,
  // LoadGen pre-generates 2 × 300 ms at this expected latency: enough for the tiny model.
  expectedLatencyMs: 0.001,
  warmupRuns: 1,
  ...s
})

describe.each(transports)('local runs over %s', (_name, make, listen) => {
  it('runs SingleStream with progress, writes the files and indexes the importer’s value', async () => {
    const call = make()
    const events = await listen()
    try {
      const started = value<RunStarted>(
        await call('runs.start', {
          settings: short({ scenario: 'SingleStream', minQueryCount: 100 })
        })
      )
      expect(started.runDir.startsWith(join(dir, 'runs'))).toBe(true)
      const fin = await events.jobDone(started.jobId)
      expect(fin).toMatchObject({ runId: started.runId, status: 'done', valid: true, last: true })
      const phases = new Set(
        events.progress.filter((p) => p.runId === started.runId).map((p) => p.progress.phase)
      )
      expect([...phases]).toEqual(expect.arrayContaining(['loading', 'running', 'writing']))
      const running = events.progress.filter((p) => p.progress.phase === 'running')
      expect(running.some((p) => p.progress.completed > 0 && p.progress.throughput > 0)).toBe(true)

      const run = value<LocalRunDetail>(await call('runs.get', { id: started.runId }))
      expect(run.status).toBe('done')
      expect(run.result!.files.map((f) => f.role)).toEqual(['summary', 'detail', 'accuracy_log'])
      for (const f of run.result!.files) expect(existsSync(f.path)).toBe(true)
      expect(run.result!.checks.length).toBeGreaterThan(0)
      expect(run.result!.percentileCurve.length).toBeGreaterThan(0)
      expect(run.checkerChecks.map((c) => c.id)).toContain('min_duration')

      // The value the importer reads from the written detail log, by the v4.1+ rules.
      const detail = parseMllogDetail(
        readFileSync(join(run.runDir, 'mlperf_log_detail.txt'), 'utf8')
      )
      const fromLog = mllogNumber(detail.values.get('early_stopping_latency_ss'))! / 1e6
      expect(run.value).toBe(fromLog)
      expect(run.unit).toBe('Latency (ms)')
      expect(run.resultId).not.toBeNull()
      const indexed = value<ResultView<InferenceResultDetail>>(
        await call('results.get', { suite: 'inference', id: run.resultId })
      )
      expect(indexed.row).toMatchObject({
        source_kind: 'local',
        round: 'local',
        division: 'local',
        submitter: 'You',
        system_id: run.runKey,
        benchmark: 'resnet50',
        mlperf_model: 'resnet',
        scenario: 'SingleStream',
        metric: 'latency_p90_ms',
        value: fromLog,
        valid: 1
      })
      expect(indexed.detail.notes[0]).toMatch(/unverified/)
      // The run is found by the table's search and its source filter.
      const page = value<ResultPage>(
        await call('results.query', {
          suite: 'inference',
          filters: [{ column: 'source_kind', op: 'eq', value: 'local' }],
          search: run.runKey.slice(0, 8),
          offset: 0,
          limit: 50
        })
      )
      expect(page.rows.map((r) => r['id'])).toContain(run.resultId)
      const summary = parseSummaryLog(
        readFileSync(join(run.runDir, 'mlperf_log_summary.txt'), 'utf8')
      )
      expect(summary.validity).toBe('VALID')
    } finally {
      events.close()
    }
  })

  it('cancels a long run, keeps it marked cancelled and out of the results table', async () => {
    const call = make()
    const events = await listen()
    try {
      const started = value<RunStarted>(
        await call('runs.start', {
          settings: short({ scenario: 'Server', minDurationMs: 60_000, targetQps: 200 })
        })
      )
      await events.progressWhere(
        (p) =>
          p.runId === started.runId && p.progress.phase === 'running' && p.progress.completed > 5
      )
      // A second start while one goes is refused.
      const again = await call('runs.start', { settings: short({}) })
      expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } })
      const list = value<RunList>(await call('runs.list', {}))
      expect(list.active).toMatchObject({ runId: started.runId, scenario: 'Server' })
      expect(value(await call('runs.cancel', { runId: started.runId }))).toEqual({
        cancelled: true
      })
      const fin = await events.jobDone(started.jobId)
      expect(fin).toMatchObject({ status: 'cancelled', resultId: null })
      const run = value<LocalRunDetail>(await call('runs.get', { id: started.runId }))
      expect(run.status).toBe('cancelled')
      expect(run.reason).toBeTruthy()
      expect(run.result!.files.length).toBeGreaterThan(0)
      for (const f of run.result!.files) expect(existsSync(f.path)).toBe(true)
      const after = value<RunList>(await call('runs.list', {}))
      expect(after.active).toBeNull()
      expect(after.runs.find((r) => r.id === started.runId)?.status).toBe('cancelled')
    } finally {
      events.close()
    }
  })

  it('fails a run on a model that does not load, with the file and the reason', async () => {
    const call = make()
    const events = await listen()
    try {
      const garbage = join(dir, 'garbage.onnx')
      writeFileSync(garbage, 'not a model')
      const started = value<RunStarted>(
        await call('runs.start', { settings: short({ modelPath: garbage }) })
      )
      const fin = await events.jobDone(started.jobId)
      expect(fin.status).toBe('failed')
      expect(fin.reason).toMatch(/^Could not load the model .*garbage\.onnx: /)
      const run = value<LocalRunDetail>(await call('runs.get', { id: started.runId }))
      expect(run).toMatchObject({ status: 'failed', resultId: null, value: null })
      // The app keeps working: the next run starts.
      const next = value<RunStarted>(
        await call('runs.start', {
          settings: short({
            scenario: 'Offline',
            minQueryCount: 200,
            targetQps: 5000,
            minDurationMs: 50
          })
        })
      )
      expect((await events.jobDone(next.jobId)).status).toBe('done')
    } finally {
      events.close()
    }
  })
})

describe('local runs: more', () => {
  const call: Call = (m, i) => dispatch(backend.api, m, i)

  it('gives mlperf.conf defaults per benchmark and scenario', async () => {
    const d = value<RunDefaults>(
      await call('runs.defaults', { benchmark: 'resnet50', scenario: 'Server' })
    )
    expect(d.settings).toMatchObject({
      scenario: 'Server',
      minDurationMs: 600000,
      targetLatencyMs: 15,
      targetLatencyPercentile: 99,
      performanceSampleCount: 1024,
      qslRngSeed: '2085463073848966840'
    })
    expect(d.benchmarks).toContain('resnet50')
    expect(d.runsDir).toBe(join(dir, 'runs'))
    const bad = await call('runs.start', {
      settings: { modelPath: models.conv, benchmark: 'resnet50', qslRngSeed: 'x' }
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('has no silent benchmark: defaults without one are generic, a start without one is refused', async () => {
    const d = value<RunDefaults>(await call('runs.defaults', { scenario: 'Server' }))
    expect(d.settings).toMatchObject({
      benchmark: '',
      targetLatencyMs: 10,
      performanceSampleCount: 0
    })
    for (const benchmark of [undefined, '*']) {
      const bad = await call('runs.start', {
        settings: {
          modelPath: models.conv,
          scenario: 'Server',
          ...(benchmark ? { benchmark } : {})
        }
      })
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      if (!bad.ok) expect(bad.error.message).toMatch(/^Choose the MLPerf benchmark/)
    }
    expect(value<RunList>(await call('runs.list', {})).active).toBeNull()
  })

  it('suggests a benchmark from the model file name and input shape', async () => {
    const named = join(dir, 'my-retinanet.onnx')
    writeFileSync(named, readFileSync(models.conv))
    const s = value<BenchmarkSuggestionView>(
      await call('runs.suggestBenchmark', { modelPath: named })
    )
    expect(s).toMatchObject({ benchmark: 'retinanet', inputShape: '[N, 3, 32, 32]', problem: null })
    expect(s.reason).toBe('The file name my-retinanet.onnx names retinanet.')
    const none = value<BenchmarkSuggestionView>(
      await call('runs.suggestBenchmark', { modelPath: models.conv })
    )
    expect(none.benchmark).toBeNull()
    const missing = value<BenchmarkSuggestionView>(
      await call('runs.suggestBenchmark', { modelPath: join(dir, 'nope.onnx') })
    )
    expect(missing.problem).toMatch(/nope\.onnx/)
  })

  it('repeats a configuration and reports mean, spread and CV', async () => {
    const events = hubEvents()
    try {
      const started = value<RunStarted>(
        await call('runs.start', {
          settings: short({
            scenario: 'Offline',
            targetQps: 5000,
            minDurationMs: 20,
            minQueryCount: 200
          }),
          repetitions: 3
        })
      )
      await events.jobDone(started.jobId)
      const reps = events.finished.filter((f) => f.jobId === started.jobId)
      expect(reps.map((f) => [f.repetition, f.status, f.last])).toEqual([
        [1, 'done', false],
        [2, 'done', false],
        [3, 'done', true]
      ])
      const run = value<LocalRunDetail>(await call('runs.get', { id: started.runId }))
      expect(run.siblings.map((s) => s.runDir)).toEqual(
        [1, 2, 3].map((i) => join(started.runDir, `run_${i}`))
      )
      expect(run.repetitionStats).toMatchObject({ runs: 3, unit: 'samples/s' })
      expect(run.repetitionStats!.cv).toBeGreaterThanOrEqual(0)
      expect(new Set(run.siblings.map((s) => s.resultId)).size).toBe(3)
    } finally {
      events.close()
    }
  })

  it('runs an accuracy pass and attaches its accuracy to the next performance run', async () => {
    const events = hubEvents()
    try {
      const data = join(dir, 'colors')
      const { mkdirSync } = await import('node:fs')
      mkdirSync(data, { recursive: true })
      const lines: string[] = []
      const palette: [number, number, number][] = [
        [220, 20, 20],
        [20, 220, 20],
        [20, 20, 220]
      ]
      for (let i = 0; i < 6; i++) {
        const img = new pngjs.PNG({ width: 36, height: 36 })
        for (let p = 0; p < 36 * 36; p++) img.data.set([...palette[i % 3]!, 255], p * 4)
        writeFileSync(join(data, `img${i}.png`), pngjs.PNG.sync.write(img))
        lines.push(`img${i}.png ${i % 3}`)
      }
      writeFileSync(join(data, 'val_map.txt'), lines.join('\n') + '\n')
      const acc = value<RunStarted>(
        await call('runs.start', {
          settings: short({
            modelPath: models.color,
            datasetPath: data,
            scenario: 'Offline',
            mode: 'AccuracyOnly',
            referenceAccuracy: 100,
            qualityTargetFraction: 0.99
          })
        })
      )
      await events.jobDone(acc.jobId)
      const accRun = value<LocalRunDetail>(await call('runs.get', { id: acc.runId }))
      expect(accRun).toMatchObject({ status: 'done', accuracy: 100, resultId: null })
      expect(accRun.result!.accuracy!.qualityTarget).toMatchObject({ met: true })
      expect(existsSync(join(accRun.runDir, 'accuracy.txt'))).toBe(true)

      const perf = value<RunStarted>(
        await call('runs.start', {
          settings: short({
            modelPath: models.color,
            datasetPath: data,
            scenario: 'Offline',
            targetQps: 5000,
            minDurationMs: 20,
            minQueryCount: 100
          })
        })
      )
      await events.jobDone(perf.jobId)
      const perfRun = value<LocalRunDetail>(await call('runs.get', { id: perf.runId }))
      const row = value<ResultView<InferenceResultDetail>>(
        await call('results.get', { suite: 'inference', id: perfRun.resultId })
      )
      expect(row.row['accuracy']).toBe('acc: 100.000')
      expect(row.row['unit']).toBe('Samples/s')
    } finally {
      events.close()
    }
  })

  it('inspects one image: top classes with names from a labels file', async () => {
    const img = new pngjs.PNG({ width: 40, height: 40 })
    for (let p = 0; p < 1600; p++) img.data.set([20, 220, 20, 255], p * 4)
    const image = join(dir, 'green.png')
    writeFileSync(image, pngjs.PNG.sync.write(img))
    const labels = join(dir, 'labels.txt')
    writeFileSync(labels, 'red\ngreen\nblue\n')
    const r = value<InspectResult>(
      await call('runs.inspect', { modelPath: models.color, inputPath: image, labelsPath: labels })
    )
    expect(r.top[0]).toMatchObject({ index: 1, label: 'green' })
    expect(r.top).toHaveLength(3)
    const bad = await call('runs.inspect', { modelPath: join(dir, 'nope.onnx'), inputPath: image })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('marks runs left running by a stopped app as failed when it opens again', async () => {
    const insert = backend.db.prepare(
      `INSERT INTO local_runs (run_key, job_id, repetition, repetitions, status, benchmark,
        scenario, mode, model_path, run_dir, started_at, owner_pid, settings_json)
       VALUES (?, ?, 1, 1, 'running', 'resnet50', 'Offline', 'PerformanceOnly',
        '/m.onnx', '/r', '2020-01-01T00:00:00Z', ?, '{}')`
    )
    insert.run('stale', 'stale', null)
    // A run a live process (the CLI beside the app) is carrying out stays as it is.
    insert.run('elsewhere', 'elsewhere', process.ppid)
    const again = openBackend({
      dbPath: join(dir, 'runs.db'),
      shell: 'web',
      appRoot: root,
      catalogue: false
    })
    try {
      const stale = again.runs.list().runs.find((r) => r.runKey === 'stale')
      expect(stale).toMatchObject({ status: 'failed' })
      expect(stale!.reason).toMatch(/stopped while this run was going/)
      expect(again.runs.list().runs.find((r) => r.runKey === 'elsewhere')?.status).toBe('running')
    } finally {
      await again.close()
    }
  })
})
