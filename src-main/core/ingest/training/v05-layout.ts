/**
 * The v0.5 submission layout, where a set's description is results/<system>/entry.json:
 * v0.5.0/<org>/…/results/<system>/<benchmark>/, with the org folder right after the round
 * folder (v0.5.0 / training_results_v0.5), and submission.json (org, poc) somewhere between the
 * org and results/. Google's system folder is "tpu" in every benchmark's submission folder, so
 * the system is named by the folders between the org and results/ too.
 */
import { access } from 'node:fs/promises'
import path from 'node:path'

import { benchmarkAlias, roundFromSegment } from '../../../mlperf'

async function fileExists(p: string): Promise<boolean> {
  try {
    await access(p)
    return true
  } catch {
    return false
  }
}

/** Index of the org folder: right after the nearest round folder above results/. */
export function v05OrgIndex(segs: readonly string[], resultsIdx: number): number {
  let top = -1
  for (let i = resultsIdx - 1; i >= 0 && top < 0; i--) {
    if (roundFromSegment('training', segs[i] ?? '') !== null) top = i
  }
  return top >= 0 && top + 1 < resultsIdx ? top + 1 : Math.max(0, resultsIdx - 1)
}

/** The nearest submission.json above results/ and below the org, or null. */
export async function v05SubmissionFile(
  segs: readonly string[],
  resultsIdx: number,
  orgIdx: number
): Promise<string | null> {
  for (let i = resultsIdx; i > orgIdx; i--) {
    const candidate = path.join(segs.slice(0, i).join(path.sep), 'submission.json')
    if (await fileExists(candidate)) return candidate
  }
  return null
}

/**
 * The system id: the folders between the org and results/ (leaving out per-benchmark and
 * "submission" folders: research_v3.32/resnet-tpuv3-32/results/tpu → research_v3.32/tpu).
 */
export function v05SystemId(
  segs: readonly string[],
  orgIdx: number,
  resultsIdx: number,
  benchmarkDir: string
): string {
  const bench = benchmarkAlias(benchmarkDir)
  const middle = segs
    .slice(orgIdx + 1, resultsIdx)
    .filter((s) => s !== 'submission' && !s.toLowerCase().startsWith(`${bench.toLowerCase()}-`))
  return [...middle, segs[resultsIdx + 1] ?? ''].join('/')
}
