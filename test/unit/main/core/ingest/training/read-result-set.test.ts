import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scanTrainingTree } from '../../../../../../src-main/core/ingest/training/tree-scan'
import { roundFromPath } from '../../../../../../src-main/mlperf'

const trainingRoundFromPath = (p: string): string | null => roundFromPath('training', p)
import {
  createTrainingReadContext,
  readTrainingResultSet,
  readTrainingResultSetAt
} from '../../../../../../src-main/core/ingest/training/read-result-set'
import type { TrainingResultRecord } from '../../../../../../src-main/shared/training'
import { mllogLine } from '../../../../../support/mllog'

const T0 = 1_700_000_000_000

/** A complete MLLOG run (v0.7+ syntax) of `minutes`, reaching `acc` at the end. */
function mllogRun(bench: string, minutes: number, acc: number, status = 'success'): string {
  const ms = minutes * 60_000
  return [
    '+ echo trial',
    mllogLine(T0 - 1000, 'submission_benchmark', bench),
    mllogLine(T0 - 1000, 'submission_division', 'closed'),
    mllogLine(T0, 'run_start', null),
    mllogLine(T0 + ms / 2, 'eval_accuracy', acc - 0.05, { epoch_num: 1 }),
    mllogLine(T0 + ms, 'eval_accuracy', acc, { epoch_num: 2 }),
    mllogLine(T0 + ms, 'run_stop', null, { status })
  ].join('\r\n')
}

const v05Line = (bench: string, sec: number, key: string, value?: string): string =>
  `:::MLPv0.5.0 ${bench} ${sec.toFixed(9)} (main.py:1) ${key}${value === undefined ? '' : ': ' + value}`

function v05Run(minutes: number): string {
  return [
    v05Line('resnet', 1000, 'run_start'),
    v05Line('resnet', 1000 + minutes * 30, 'eval_accuracy', '{"value": 0.5, "epoch": 1}'),
    v05Line('resnet', 1000 + minutes * 60, 'eval_accuracy', '{"value": 0.75, "epoch": 2}'),
    v05Line('resnet', 1000 + minutes * 60, 'run_stop', '{"success": "true"}'),
    v05Line('resnet', 1001 + minutes * 60, 'run_final')
  ].join('\n')
}

let root = ''

async function put(rel: string, text: string): Promise<void> {
  const p = path.join(root, rel)
  await mkdir(path.dirname(p), { recursive: true })
  await writeFile(p, text)
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'training-tree-'))
  const sub = 'training_results_v3.0/Acme'
  await put(
    `${sub}/systems/box_mx.json`,
    JSON.stringify({
      submitter: 'Acme',
      division: 'closed',
      status: 'available',
      system_name: 'Box',
      number_of_nodes: '1',
      accelerators_per_node: '8',
      accelerator_model_name: 'X100',
      framework: 'MXNet'
    })
  )
  // resnet: 5 runs of 10, 11, 12, 13, 20 min; one aborted run would be a 6th file.
  const times = [10, 11, 12, 13, 20]
  for (const [i, m] of times.entries()) {
    await put(`${sub}/results/box_mx/resnet/result_${i}.txt`, mllogRun('resnet', m, 0.76))
  }
  await put(`${sub}/results/box_mx/resnet/scaling.json`, '{"scaling_factor": 1.25}')
  // A stray copy of another benchmark inside the resnet folder (like Habana v1.0).
  for (let i = 0; i < 3; i++) {
    await put(`${sub}/results/box_mx/resnet/bert/result_${i}.txt`, mllogRun('bert', 1, 0.73))
  }
  // ssd with two failed runs: too many non-converging runs.
  for (const [i, acc] of [0.35, 0.2, 0.35, 0.2, 0.35].entries()) {
    await put(`${sub}/results/box_mx/ssd/result_${i + 1}.txt`, mllogRun('ssd', 5 + i, acc))
  }
  // Code folder next to results/ must not be scanned.
  await put(`${sub}/benchmarks/resnet/result_0.txt`, 'not a log')

  // v0.5 layout: org folder, per-benchmark submission folder, system folder "tpu".
  const v05 = 'v0.5.0/google/research_x/resnet-tpuv3-32'
  await put(`${v05}/submission.json`, '{"org": "Google Inc.", "poc_email": "a@b"}')
  await put(
    `${v05}/results/tpu/entry.json`,
    JSON.stringify({
      division: 'closed',
      status: 'research',
      hardware: 'tpuv3-32',
      framework: 'TF',
      nodes: [{ num_nodes: 1, accelerator: 'tpuv3-32', num_accelerators: 32 }]
    })
  )
  for (const [i, m] of [50, 51, 52, 53, 54].entries()) {
    await put(`${v05}/results/tpu/resnet/result_${i}.txt`, v05Run(m))
  }

  // A user's own logs in a loose folder.
  for (const [i, m] of [3, 4, 5].entries()) {
    await put(`my-runs/result_${i}.txt`, mllogRun('gpt3', m, 2.6))
  }
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

async function readAll(): Promise<Map<string, TrainingResultRecord>> {
  const scan = await scanTrainingTree(root)
  const ctx = createTrainingReadContext()
  const out = new Map<string, TrainingResultRecord>()
  for (const loc of scan.sets) {
    const r = await readTrainingResultSet(loc, ctx)
    if ('record' in r)
      out.set(`${r.record.round}/${r.record.systemId}/${r.record.benchmark}`, r.record)
  }
  return out
}

describe('scanTrainingTree', () => {
  it('finds sets of every layout, skips code and stray sub-folders', async () => {
    const scan = await scanTrainingTree(root)
    const dirs = scan.sets.map((s) => path.relative(root, s.dir).split(path.sep).join('/')).sort()
    expect(dirs).toEqual([
      'my-runs',
      'training_results_v3.0/Acme/results/box_mx/resnet',
      'training_results_v3.0/Acme/results/box_mx/ssd',
      'v0.5.0/google/research_x/resnet-tpuv3-32/results/tpu/resnet'
    ])
    expect(scan.skipped).toHaveLength(1)
    expect(scan.skipped[0]?.path).toMatch(/resnet[\\/]bert$/)
    const v05 = scan.sets.find((s) => s.layout === 'v0.5')
    expect(v05?.systemId).toBe('research_x/tpu')
    expect(v05?.submitter).toBe('google')
    expect(v05?.round).toBe('v0.5')
    expect(v05?.submissionFile).toMatch(/submission\.json$/)
    const ssd = scan.sets.find((s) => s.benchmarkDir === 'ssd')
    expect(ssd?.resultFiles).toEqual([
      'result_1.txt',
      'result_2.txt',
      'result_3.txt',
      'result_4.txt',
      'result_5.txt'
    ])
  })

  it('reads the round from the path', () => {
    expect(trainingRoundFromPath('/x/training_results_v3.1/Google/results/a/gpt3')).toBe('v3.1')
    expect(trainingRoundFromPath('/corpus/training/v0.5/v0.5.0/google')).toBe('v0.5')
    expect(trainingRoundFromPath('/home/me/logs')).toBeNull()
  })
})

describe('readTrainingResultSet', () => {
  it('scores a modern set with scaling.json and ignores the stray folder', async () => {
    const rec = (await readAll()).get('v3.0/box_mx/resnet')
    expect(rec).toBeDefined()
    if (!rec) return
    // olympic mean of [10, 11, 12, 13, 20] = 12; × 1.25 = 15
    expect(rec.value).toBe(15)
    expect(rec.detail.unscaledValue).toBe(12)
    expect(rec.runs).toBe(5)
    expect(rec.scalingFactor).toBe(1.25)
    expect(rec.flags).toEqual({ abortedRuns: 0, rcpNormalised: true })
    expect(rec.submitter).toBe('Acme')
    expect(rec.category).toBe('Available on-premise')
    expect(rec.acceleratorsTotal).toBe(8)
    expect(rec.sourceKind).toBe('tree')
    expect(rec.detail.notes.join(' ')).toMatch(/bert inside the set ignored/)
    expect(rec.detail.runs.map((r) => r.role)).toEqual([
      'dropped-fastest',
      'counted',
      'counted',
      'counted',
      'dropped-slowest'
    ])
  })

  it('too many non-converging runs → invalid with reason', async () => {
    const rec = (await readAll()).get('v3.0/box_mx/ssd')
    expect(rec?.valid).toBe(false)
    expect(rec?.value).toBeNull()
    expect(rec?.detail.invalidReason).toMatch(/Too many non-converging runs/)
  })

  it('v0.5 layout: entry.json, chips, run_stop timing with a run_final note', async () => {
    const rec = (await readAll()).get('v0.5/research_x/tpu/resnet')
    expect(rec).toBeDefined()
    if (!rec) return
    // runs of 50 … 54 min: olympic mean (51 + 52 + 53) / 3 = 52
    expect(rec.value).toBeCloseTo(52, 9)
    expect(rec.acceleratorsTotal).toBe(16)
    expect(rec.submitter).toBe('google')
    expect(rec.detail.notes.join(' ')).toMatch(/run_final instead/)
  })

  it('loose logs: benchmark from the logs, round from their dates', async () => {
    const r = await readTrainingResultSetAt(path.join(root, 'my-runs'))
    expect('record' in r).toBe(true)
    if (!('record' in r)) return
    expect(r.record.benchmark).toBe('gpt3')
    // Run on 2023-11-14, after v3.1 was published (2023-11-07): a v4.0 run, and v4.0 has gpt3.
    expect(r.record.round).toBe('v4.0')
    expect(r.record.detail.notes).toContain(
      'Round v4.0 decided from the logs (no folder names it): runs dated 2023-11-14 (v4.0 by the round calendar).'
    )
    // 3-run median of 3, 4, 5 min
    expect(r.record.value).toBe(4)
    expect(r.record.division).toBe('closed')
    const withRound = await readTrainingResultSetAt(path.join(root, 'my-runs'), undefined, {
      round: 'v3.1'
    })
    expect('record' in withRound && withRound.record.round).toBe('v3.1')
    expect('record' in withRound && withRound.record.detail.notes).toContain(
      'Round v3.1 set for this import.'
    )
  })

  it('a folder of non-logs is skipped with a reason', async () => {
    const r = await readTrainingResultSetAt(
      path.join(root, 'training_results_v3.0/Acme/benchmarks/resnet')
    )
    expect('skipped' in r && r.skipped.reason).toMatch(/not an MLPerf training log|None of the/)
  })
})
