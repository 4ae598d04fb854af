import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../../../../../../src-main/core/db/open-db'
import { runImport } from '../../../../../../src-main/core/ingest/import-job'
import { olympicEnergy } from '../../../../../../src-main/core/ingest/training/energy'
import { readTrainingResultSetAt } from '../../../../../../src-main/core/ingest/training/read-result-set'
import { mllogLine } from '../../../../../support/mllog'

const T0 = 1_714_000_000_000

/** A gpt3 run of `minutes` reaching log perplexity 2.6 (target ≤ 2.69). */
function gpt3Run(minutes: number): string {
  const ms = minutes * 60_000
  return [
    mllogLine(T0 - 1000, 'submission_benchmark', 'gpt3'),
    mllogLine(T0 - 1000, 'submission_division', 'closed'),
    mllogLine(T0, 'run_start', null),
    mllogLine(T0 + ms, 'eval_accuracy', 2.6, { samples_count: 100 }),
    mllogLine(T0 + ms, 'run_stop', null, { status: 'success' })
  ].join('\n')
}

/** A node power log: readings of 100 W and 200 W, one second apart, conversion 0.9. */
const NODE = [
  mllogLine(T0, 'power_measurement_start', null),
  mllogLine(T0, 'conversion_eff', 0.9),
  mllogLine(T0 + 2000, 'power_reading', 200),
  mllogLine(T0 + 1000, 'power_reading', 100),
  mllogLine(T0 + 2000, 'power_measurement_stop', null)
].join('\n')
const SWITCH = [
  mllogLine(T0, 'conversion_eff', 1),
  mllogLine(T0, 'interconnect_power_est', 50)
].join('\n')

/** The summarizer's formulas for NODE and SWITCH over a run of `minutes`. */
function expectedJoules(minutes: number): number {
  const ttt = minutes * 60_000
  const node = (0.9 * (100 * 1000 + 200 * 1000) * ttt) / (2000 - 0) / 1000
  const sw = (1 * 50 * ttt) / 1000
  return 0 + node + sw
}

let root = ''
const setDir = (): string => path.join(root, 'training_results_v4.0/Acme/results/box/gpt3')

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'training-energy-'))
  const put = async (rel: string, text: string): Promise<void> => {
    const p = path.join(root, rel)
    await mkdir(path.dirname(p), { recursive: true })
    await writeFile(p, text)
  }
  const sub = 'training_results_v4.0/Acme'
  await put(
    `${sub}/systems/box.json`,
    JSON.stringify({
      division: 'closed',
      submitter: 'Acme',
      status: 'onprem',
      system_name: 'Box',
      number_of_nodes: '1',
      accelerators_per_node: '8',
      accelerator_model_name: 'W',
      framework: 'F'
    })
  )
  const set = `${sub}/results/box/gpt3`
  for (const [i, minutes] of [5, 3, 4].entries()) {
    await put(`${set}/result_${i}.txt`, gpt3Run(minutes))
    await put(`${set}/power/result_${i}/node_0.txt`, NODE)
    await put(`${set}/power/result_${i}/sw_0.txt`, SWITCH)
  }
  await put(`${set}/scaling.json`, '{"scaling_factor": 1.1}')
  // A scaled set whose logs are missing (as in the v4.0 clone with missing blobs).
  await put(`${sub}/results/box/bert/scaling.json`, '{"scaling_factor": 1.02}')
})

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('training energy as result_summarizer computes it', () => {
  it('orders the energies by time to train and keeps the olympic middle, × scaling', async () => {
    const r = await readTrainingResultSetAt(setDir())
    if (!('record' in r)) throw new Error(r.skipped.reason)
    // Times 5, 3, 4 min: the 4-minute run (result_2) is the middle one.
    expect(r.record.value).toBe(4 * 1.1)
    expect(r.record.energyValue).toBe(expectedJoules(4) * 1.1)
    expect(r.record.energyUnit).toBe('Joules')
    expect(r.record.detail.notes.join(' ')).not.toContain('Sub-folder(s) power')
  })

  it('drops the failed runs as the slowest, like the time score', () => {
    const runs = [
      { minutes: 3, joules: 30 },
      { minutes: 1, joules: 10 },
      { minutes: 2, joules: 20 }
    ]
    expect(olympicEnergy(runs, 0, 1)).toBe(20)
    expect(olympicEnergy(runs, 1, 1)).toBe(25)
    expect(olympicEnergy([], 2, 1)).toBeNull()
  })

  it('stores the energy in the table and names a scaled set without logs in the report', async () => {
    const db = openDb(':memory:')
    const report = await runImport(db, [root], {}, new AbortController().signal)
    const row = db
      .prepare('SELECT energy_value, energy_unit FROM training_results WHERE benchmark = ?')
      .get('gpt3') as { energy_value: number; energy_unit: string }
    db.close()
    expect(row).toEqual({ energy_value: expectedJoules(4) * 1.1, energy_unit: 'Joules' })
    expect(report.skippedItems).toContainEqual({
      path: path.join(root, 'training_results_v4.0/Acme/results/box/bert'),
      reason:
        'scaling.json but no result_*.txt log: this result set has no runs to score (the official table leaves its cell empty).'
    })
  })
})
