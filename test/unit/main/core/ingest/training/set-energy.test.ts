import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setEnergy } from '../../../../../../src-main/core/ingest/training/set-energy'
import { failedRun } from '../../../../../../src-main/core/ingest/training/set-logs'
import type { TrainingRun } from '../../../../../../src-main/shared/training'
import { location } from './set-fixture'
import { mllogLine } from '../../../../../support/mllog'

const T0 = 1_714_000_000_000
/** Node readings of 100 W then 200 W over 2 s, conversion 0.9: 0.9 × 300 000 / 2000 W-ish. */
const NODE = [
  mllogLine(T0, 'power_measurement_start', null),
  mllogLine(T0, 'conversion_eff', 0.9),
  mllogLine(T0 + 1000, 'power_reading', 100),
  mllogLine(T0 + 2000, 'power_reading', 200),
  mllogLine(T0 + 2000, 'power_measurement_stop', null)
].join('\n')
/** The summarizer's formula for NODE over a run of `minutes`. */
const joules = (minutes: number): number =>
  (0.9 * (100 * 1000 + 200 * 1000) * minutes * 60_000) / 2000 / 1000

const run = (i: number, minutes: number, converged = true): TrainingRun => ({
  ...failedRun(`result_${i}.txt`, ''),
  converged,
  status: converged ? 'success' : 'failed',
  minutes,
  timeToTrainMs: minutes * 60_000
})

let root = ''
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'set-energy-'))
  for (const i of [0, 1, 2]) {
    await mkdir(path.join(root, 'power', `result_${i}`), { recursive: true })
    await writeFile(path.join(root, 'power', `result_${i}`, 'node_0.txt'), NODE)
  }
})
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('setEnergy', () => {
  it('is null, silently, for a set without power/', async () => {
    const notes: string[] = []
    expect(await setEnergy(location({ dir: root }), [run(0, 5)], 'gpt3', 1, notes)).toBeNull()
    expect(notes).toEqual([])
  })

  it("is the olympic mean of the runs' energy (ordered by time) times the scaling factor", async () => {
    const notes: string[] = []
    const loc = location({ dir: root, strayDirs: ['power'] })
    // gpt3: 3 runs, one dropped at each end → the 4-minute run's energy.
    const e = await setEnergy(loc, [run(0, 5), run(1, 3), run(2, 4)], 'gpt3', 1.5, notes)
    expect(e).toBe(joules(4) * 1.5)
    expect(notes).toEqual([
      `Power: energy ${joules(4) * 1.5} J = olympic mean of 3 runs' energy (ordered by time to train) × scaling factor 1.5, from power/result_*/node_*.txt and sw_*.txt as the result_summarizer computes it.`
    ])
  })

  it('stops on a converged run without power logs, as the summarizer does', async () => {
    const notes: string[] = []
    const loc = location({ dir: root, strayDirs: ['power'] })
    expect(await setEnergy(loc, [run(0, 5), run(7, 3)], 'gpt3', 1, notes)).toBeNull()
    expect(notes).toEqual([
      'Power: no energy for the set: no power/result_7/node_*.txt file (the summarizer stops on this too).'
    ])
  })

  it('needs enough converged runs for an olympic mean', async () => {
    const notes: string[] = []
    const loc = location({ dir: root, strayDirs: ['power'] })
    const runs = [run(0, 5), run(7, 3, false), run(8, 4, false)]
    expect(await setEnergy(loc, runs, 'gpt3', 1, notes)).toBeNull()
    expect(notes).toEqual(['Power: too few converged runs for an olympic mean of their energy.'])
  })
})
