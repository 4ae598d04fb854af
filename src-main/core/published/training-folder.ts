/**
 * A training result set's folder in training_results_vX.Y:
 * <submitter>/results/<system>/<benchmark>/result_N.txt, with systems/<system>.json beside
 * results/ and scaling.json in the set (where the round has one). The number of runs is not in
 * the tables, so result_N.txt are asked for in order (from result_0, or result_1 where a
 * submitter counts from 1) until one is not there; the round's rules need 3 to 10 runs.
 * Compliance and power logs are not fetched: the importer scores the set from result_N.txt.
 */
import type { Cell } from '../../shared/api'
import { resultsRepo } from '../../shared/published'
import type { ResultKey } from '../repo/fetched-logs'
import type { Fetched } from './download'
import type { FolderPlan, Wanted } from './folder-plan'
import { fetchAll, text } from './folder-plan'
import { safeSegment } from './mirror-path'

/** More runs than any round asks for: a stop for a server that answers everything. */
const MAX_RUNS = 40

export function trainingKey(row: Record<string, Cell>): ResultKey {
  return {
    suite: 'training',
    round: text(row, 'round'),
    division: text(row, 'division'),
    submitter: text(row, 'submitter'),
    systemId: text(row, 'system_id'),
    benchmark: text(row, 'benchmark'),
    scenario: ''
  }
}

const runFile = (folder: string, n: number): Wanted => ({
  role: `run log ${n}`,
  path: `${folder}/result_${n}.txt`,
  required: false
})

export function trainingPlan(row: Record<string, Cell>): FolderPlan {
  const key = trainingKey(row)
  const folder = [key.submitter, 'results', key.systemId, key.benchmark].map(safeSegment).join('/')
  return {
    key,
    repo: resultsRepo('training', key.round),
    // One folder, two markers: runs numbered from 0, or from 1.
    candidates: [0, 1].map((n) => ({ folder, marker: { ...runFile(folder, n), required: true } })),
    gather: async ({ folder: dir, marker: m }, marker, fetchOne, progress) => {
      const first = Number(/result_(\d+)\.txt$/.exec(m.path)?.[1] ?? 0)
      const submitterDir = key.submitter
      const others: Wanted[] = [
        {
          role: 'system description',
          path: `${submitterDir}/systems/${key.systemId}.json`,
          required: true
        },
        {
          role: 'scaling',
          path: `${dir}/scaling.json`,
          required: false,
          absent: 'No scaling.json in the set: it is scored with a scaling factor of 1.'
        }
      ]
      const fetched = new Map<string, Fetched | null>([[m.path, marker]])
      await fetchAll([m, ...others], fetched, fetchOne, progress)
      const runs: Wanted[] = [m]
      for (let n = first + 1; n < first + MAX_RUNS; n++) {
        const w = runFile(dir, n)
        progress(w.path, fetched.size, fetched.size + 1)
        const f = await fetchOne(w.path)
        if (f.status === 'missing') break
        runs.push(w)
        fetched.set(w.path, f)
      }
      progress('', fetched.size, fetched.size)
      return { wanted: [...runs, ...others], fetched }
    }
  }
}
