/**
 * The training part of the API contract, run directly against dispatch and again over the HTTP
 * bridge (as api-contract.test.ts does for inference), on a database seeded with a few records.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { openBackend } from '../../src-main/api/open-backend'
import type { Backend } from '../../src-main/api/open-backend'
import { startHttpServer } from '../../src-main/bridge/http-server'
import type { HttpServerHandle } from '../../src-main/bridge/http-server'
import {
  rebuildTrainingFts,
  upsertTrainingResults
} from '../../src-main/core/repo/training-results'
import type {
  LogTtmtView,
  Reply,
  ResultPage,
  ResultView,
  ThresholdDefaults,
  TrainingRunsView,
  TtmtView
} from '../../src-main/shared/api'
import { SUITE_COLUMNS, TRAINING_CSV_COLUMNS } from '../../src-main/shared/columns'
import type { TrainingResultDetail } from '../../src-main/shared/training'
import { makeRun, makeSummaryRecord, makeTrainingRecord } from '../support/training-records'

type Call = <T>(method: string, input: unknown) => Promise<Reply<T>>

const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'mlx-contract-training-'))
let backend: Backend
let server: HttpServerHandle

beforeAll(async () => {
  backend = openBackend({
    dbPath: join(dir, 't.db'),
    shell: 'web',
    appRoot: root,
    catalogue: false
  })
  upsertTrainingResults(
    backend.db,
    [
      // id 1: three runs reaching 0.76 after 3, 3 and 4 minutes.
      makeTrainingRecord({ submitter: 'NVIDIA', systemId: 'dgxh100', systemName: 'DGX H100' }),
      // id 2: a faster resnet set, every run at 0.76 after 1 minute.
      makeTrainingRecord({
        submitter: 'NVIDIA',
        systemId: 'dgxb200',
        systemName: 'DGX B200',
        value: 1,
        detail: {
          ...makeTrainingRecord().detail,
          runs: [makeRun('result_0.txt', [0.76]), makeRun('result_1.txt', [0.76])]
        }
      }),
      // id 3: another benchmark.
      makeTrainingRecord({ submitter: 'Intel', systemId: 'gaudi2', benchmark: 'bert', value: 20 }),
      // id 4: a summary row (no runs).
      makeSummaryRecord({ submitter: 'Google', systemId: 'tpu', value: 44.7 })
    ],
    null
  )
  rebuildTrainingFts(backend.db)
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

const transports: [string, () => Call][] = [
  [
    'direct dispatch',
    () =>
      <T>(m: string, i: unknown) =>
        dispatch(backend.api, m, i) as Promise<Reply<T>>
  ],
  [
    'HTTP bridge',
    () =>
      async <T>(m: string, i: unknown) => {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/${m}`, {
          method: 'POST',
          headers: { authorization: 'Bearer secret', 'content-type': 'application/json' },
          body: JSON.stringify(i)
        })
        return (await res.json()) as Reply<T>
      }
  ]
]

function value<T>(r: Reply<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}

describe.each(transports)('training API contract over %s', (_name, make) => {
  it('describes the training columns and answers query pages, facets and CSV', async () => {
    const call = make()
    expect(SUITE_COLUMNS.training.map((c) => c.name)).toEqual([...TRAINING_CSV_COLUMNS])
    const page = value(
      await call<ResultPage>('results.query', {
        suite: 'training',
        filters: [{ column: 'benchmark', op: 'eq', value: 'resnet' }],
        sort: { column: 'value', dir: 'asc' },
        offset: 0,
        limit: 10,
        columns: ['system_id', 'value', 'runs', 'source_kind']
      })
    )
    expect(page).toEqual({
      rows: [
        { id: 2, system_id: 'dgxb200', value: 1, runs: 3, source_kind: 'tree' },
        { id: 1, system_id: 'dgxh100', value: 3, runs: 3, source_kind: 'tree' },
        { id: 4, system_id: 'tpu', value: 44.7, runs: null, source_kind: 'summary' }
      ],
      total: 3,
      offset: 0,
      description: 'benchmark = resnet'
    })
    const facets = value(
      await call<{ column: string; values: { value: unknown; count: number }[] }[]>(
        'results.facets',
        { suite: 'training', filters: [], search: 'nvidia', columns: ['benchmark'] }
      )
    )
    expect(facets).toEqual([
      { column: 'benchmark', truncated: false, values: [{ value: 'resnet', count: 2 }] }
    ])
    const csv = value(
      await call<{ csv: string; rows: number }>('results.csv', {
        suite: 'training',
        filters: [{ column: 'benchmark', op: 'eq', value: 'bert' }]
      })
    )
    expect(csv.rows).toBe(1)
    expect(csv.csv.split('\n')[0]).toBe(TRAINING_CSV_COLUMNS.join(','))
    const info = value(await call<{ trainingResults: number }>('app.info', {}))
    expect(info.trainingResults).toBe(4)
  })

  it('opens a result with its runs, and its runs with evals and target', async () => {
    const call = make()
    const got = value(
      await call<ResultView<TrainingResultDetail>>('results.get', { suite: 'training', id: 1 })
    )
    expect(got.row).toMatchObject({ system_id: 'dgxh100', benchmark: 'resnet', unit: 'minutes' })
    expect(got.detail.runs.map((r) => r.role)).toEqual([
      'dropped-fastest',
      'counted',
      'dropped-slowest'
    ])
    const runs = value(await call<TrainingRunsView>('training.runs', { id: 1 }))
    expect(runs).toMatchObject({
      id: 1,
      round: 'v3.0',
      benchmark: 'resnet',
      target: 0.759,
      direction: 'higher',
      metricLabel: 'top-1 accuracy'
    })
    expect(runs.runs[2]?.evals.map((e) => e.value)).toEqual([0.68, 0.73, 0.75, 0.76])
    const summary = value(await call<TrainingRunsView>('training.runs', { id: 4 }))
    expect(summary.runs).toEqual([])
    expect(await call('training.runs', { id: 99 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
    expect(await call('results.get', { suite: 'training', id: 99 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
  })

  it('gives default thresholds and the TTMT of two sets with their speedup', async () => {
    const call = make()
    const d = value(
      await call<ThresholdDefaults>('training.thresholds', { benchmark: 'resnet', round: 'v3.0' })
    )
    expect(d).toMatchObject({ target: 0.759, direction: 'higher', metricLabel: 'top-1 accuracy' })
    expect(d.thresholds).toHaveLength(10)
    const v = value(await call<TtmtView>('training.ttmt', { ids: [1, 2], thresholds: [0.76, 0.7] }))
    expect(v.thresholds).toEqual([0.7, 0.76])
    expect(v.direction).toBe('higher')
    expect(v.sets.map((s) => [s.id, s.label])).toEqual([
      [1, 'v3.0 NVIDIA DGX H100 resnet'],
      [2, 'v3.0 NVIDIA DGX B200 resnet']
    ])
    // Set 1 reaches 0.76 after 3, 3 and 4 minutes (mean 10/3); set 2 after 1 minute.
    expect(v.sets[0]?.ttmt.tta[1]).toMatchObject({ n: 3, missing: 0 })
    expect(v.sets[0]?.ttmt.tta[1]?.mean).toBeCloseTo(10 / 3, 12)
    expect(v.speedup?.[1]?.ttaSpeedup).toBeCloseTo(0.3, 12)
    const defaults = value(await call<TtmtView>('training.ttmt', { ids: [1] }))
    expect(defaults.thresholds).toEqual(d.thresholds)
    expect(defaults.speedup).toBeNull()
  })

  it('reads the TTMT of runs straight from their logs (training.logTtmt)', async () => {
    const call = make()
    const folder = join(
      root,
      'test/fixtures/published/mlcommons/training_results_v4.0/Volt/results/volt_v1/resnet'
    )
    const r = await call<LogTtmtView>('training.logTtmt', { paths: [folder] })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.benchmark).toBe('resnet')
    expect(r.value.defaultThresholds).toBe(true)
    expect(r.value.ttmt.direction).toBe('higher')
    // A folder is its result_*.txt files in run order, one TTMT row each.
    expect(r.value.ttmt.runs.map((x) => x.file.split('/').pop())).toEqual(
      [0, 1, 2, 3, 4].map((i) => `result_${i}.txt`)
    )
    const own = await call<LogTtmtView>('training.logTtmt', {
      paths: [join(folder, 'result_0.txt')],
      thresholds: [0.5, 0.7]
    })
    if (!own.ok) throw new Error(own.error.message)
    expect(own.value.defaultThresholds).toBe(false)
    expect(own.value.ttmt.thresholds).toEqual([0.5, 0.7])
    expect(own.value.ttmt.runs[0]?.tta.every((t) => t !== null && t > 0)).toBe(true)
    const missing = await call('training.logTtmt', { paths: [join(dir, 'nope')] })
    expect(missing.ok || missing.error.code).toBe('not_found')
    const bad = await call('training.logTtmt', { paths: [folder], direction: 'up' })
    expect(bad.ok || bad.error.code).toBe('invalid_input')
  })

  it('refuses TTMT across benchmarks, of summary rows and of missing sets', async () => {
    const call = make()
    const mixed = await call('training.ttmt', { ids: [1, 3] })
    expect(mixed).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!mixed.ok && mixed.error.message).toMatch(/one benchmark; these are #1 resnet, #3 bert/)
    const summary = await call('training.ttmt', { ids: [4] })
    expect(summary).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(!summary.ok && summary.error.message).toMatch(/no run logs/)
    expect(await call('training.ttmt', { ids: [1, 99] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
    expect(await call('training.ttmt', { ids: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
    expect(
      await call('results.query', {
        suite: 'training',
        filters: [{ column: 'scenario', op: 'eq', value: 'Offline' }],
        offset: 0,
        limit: 10
      })
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Unknown column "scenario"' }
    })
  })
})
