import { rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  createReadContext,
  readInferenceResult
} from '../../../../../../src-main/core/ingest/inference/read-result'
import {
  locationFromPath,
  scanInferenceTree
} from '../../../../../../src-main/core/ingest/inference/tree-scan'
import { makeTemp, offlineDetail, offlineSummary, put, putResult, SYSTEM } from './tree-fixture'

let root = ''
const SUB = 'v4.1/closed/Acme'
const dir = (rel: string): string => path.join(root, rel)

beforeAll(async () => {
  root = await makeTemp('mlperf-read-')
  await put(root, `${SUB}/systems/box.json`, JSON.stringify(SYSTEM))
  await putResult(root, `${SUB}/results/box/resnet50/Offline`)
  await put(
    root,
    `${SUB}/measurements/box/resnet50/Offline/box_trt_Offline.json`,
    JSON.stringify({ input_data_types: 'int8', weight_data_types: 'int8', retraining: 'No' })
  )
  // Truncated summary: cut before the result line.
  await putResult(root, `${SUB}/results/box/resnet50/Server`)
  await put(
    root,
    `${SUB}/results/box/resnet50/Server/performance/run_1/mlperf_log_summary.txt`,
    offlineSummary('154.90').split('\n').slice(0, 6).join('\n')
  )
  // Missing summary.
  await put(
    root,
    `${SUB}/results/box/bert-99/Offline/performance/run_1/mlperf_log_detail.txt`,
    offlineDetail('1')
  )
  // Missing system description, and an unreadable one.
  await putResult(root, `${SUB}/results/ghost/resnet50/Offline`)
  await put(root, `${SUB}/systems/broken.json`, '{"division": "closed", "status": ')
  await putResult(root, `${SUB}/results/broken/resnet50/Offline`)
  // A user's own folder: no round or division folder; the round comes from the seeds.
  await put(root, 'mine/Acme/systems/box.json', JSON.stringify(SYSTEM))
  await putResult(root, 'mine/Acme/results/box/resnet50/offline')
  // Unofficial seeds and no round folder: round unknown.
  await put(root, 'odd/Acme/systems/box.json', JSON.stringify(SYSTEM))
  await put(
    root,
    'odd/Acme/results/box/resnet50/Offline/performance/run_1/mlperf_log_summary.txt',
    offlineSummary('154.90', { qsl: '1', sampleIndex: '2', schedule: '3' })
  )
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('readInferenceResult', () => {
  it('produces a full record', async () => {
    const res = await readInferenceResult(
      locationFromPath(dir(`${SUB}/results/box/resnet50/Offline`)),
      createReadContext()
    )
    if (!('record' in res)) throw new Error(res.skipped.reason)
    const r = res.record
    expect(r.round).toBe('v4.1')
    expect([r.division, r.submitter, r.systemId, r.benchmark, r.mlperfModel, r.scenario]).toEqual([
      'closed',
      'Acme',
      'box',
      'resnet50',
      'resnet',
      'Offline'
    ])
    expect([r.metric, r.unit, r.value]).toEqual(['samples_per_second', 'Samples/s', 154.901])
    expect(r.accuracy).toBe('acc: 76.076')
    expect(r.valid).toBe(true)
    expect(r.inferred).toBe(false)
    expect(r.systemType).toBe('datacenter,edge')
    expect([r.nodes, r.acceleratorsPerNode, r.acceleratorsTotal]).toEqual([1, 2, 2])
    expect(r.weightDataTypes).toBe('int8')
    expect(r.source).toBe(dir(`${SUB}/results/box/resnet50/Offline`))
    expect(r.sourceKind).toBe('tree')
    expect(r.detail.system['system_name']).toBe('Acme Box (2x Widget)')
    expect(r.detail.settings['effective_qsl_rng_seed']).toBe('3066443479025735752')
    expect(r.detail.statistics['result_samples_per_second']).toBe(154.901)
    expect(r.detail.loadgenVersion).toBe('4.1 @ 2ed9555be0')
    expect(r.detail.files.map((f) => f.role)).toEqual([
      'run_1 summary',
      'run_1 detail',
      'system description',
      'accuracy',
      'measurements'
    ])
    expect(r.detail.files.every((f) => typeof f.bytes === 'number' && f.bytes > 0)).toBe(true)
    expect(r.detail.notes).toContain(
      'Value from mlperf_log_detail.txt key result_samples_per_second.'
    )
    expect(r.detail.checks.map((c) => c.id)).toEqual([
      'loadgen_verdict',
      'min_duration',
      'min_queries',
      'early_stopping',
      'errors'
    ])
    expect(r.detail.runs).toEqual([{ run: 'run_1', value: 154.901, valid: true }])
    expect(res.filesRead).toBeGreaterThanOrEqual(4)
  })

  it('skips bad input with the path and a clear reason, never throwing', async () => {
    const scan = await scanInferenceTree(dir(SUB))
    const ctx = createReadContext()
    const reasons: Record<string, string> = {}
    for (const loc of scan.locations) {
      const res = await readInferenceResult(loc, ctx)
      if ('skipped' in res) {
        expect(res.skipped.path).toBe(loc.dir)
        reasons[path.relative(dir(SUB), loc.dir)] = res.skipped.reason
      }
    }
    expect(reasons[path.join('results', 'box', 'resnet50', 'Server')]).toMatch(/truncated/)
    expect(reasons[path.join('results', 'box', 'bert-99', 'Offline')]).toMatch(
      /mlperf_log_summary.txt is missing/
    )
    expect(reasons[path.join('results', 'ghost', 'resnet50', 'Offline')]).toMatch(
      /System description .*ghost.json is missing/
    )
    expect(reasons[path.join('results', 'broken', 'resnet50', 'Offline')]).toMatch(
      /cannot be read: not valid JSON/
    )
    expect(Object.keys(reasons)).toHaveLength(4)
  })

  it('takes division/submitter from the system JSON and the round from the seeds', async () => {
    const res = await readInferenceResult(
      locationFromPath(dir('mine/Acme/results/box/resnet50/offline')),
      createReadContext()
    )
    if (!('record' in res)) throw new Error(res.skipped.reason)
    expect(res.record.round).toBe('v4.1')
    expect(res.record.division).toBe('closed')
    expect(res.record.submitter).toBe('Acme')
    expect(res.record.detail.notes[0]).toMatch(/identified from the LoadGen RNG seeds/)
  })

  it('skips a result whose round cannot be told', async () => {
    const res = await readInferenceResult(
      locationFromPath(dir('odd/Acme/results/box/resnet50/Offline')),
      createReadContext()
    )
    expect('skipped' in res && res.skipped.reason).toMatch(/Round unknown/)
  })
})
