/**
 * Which benchmark a training result set is. The folder decides, as for the official summarizer,
 * except for a user's own logs in a folder with no benchmark's name, where the logs'
 * submission_benchmark decides. A disagreement between the two is said, never resolved silently.
 */
import { benchmarkAlias, runsRequired, trainingTarget } from '../../../mlperf'
import type { ParsedTrainingLog } from './parse-log'
import type { TrainingSetLocation } from './tree-scan'

/**
 * The benchmark the folder names, or null when the logs must say it: loose logs in a folder
 * that is no known benchmark (neither a target nor a run count in the rulebook).
 */
export function folderBenchmark(loc: TrainingSetLocation): string | null {
  const fromFolder = benchmarkAlias(loc.benchmarkDir)
  const known = trainingTarget(null, fromFolder) !== null || runsRequired(fromFolder) !== null
  return loc.layout === 'loose' && !known ? null : fromFolder
}

/** The value met most often (the first of equals), ignoring nulls. */
export function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>()
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: string | null = null
  let n = 0
  for (const [v, c] of counts) {
    if (c > n) {
      best = v
      n = c
    }
  }
  return best
}

/**
 * The set's benchmark: `fromFolder` (folderBenchmark), else the one most logs name, else the
 * folder's name as it is.
 */
export function setBenchmark(
  loc: TrainingSetLocation,
  fromFolder: string | null,
  okLogs: readonly ParsedTrainingLog[],
  notes: string[]
): string {
  const logBenchmark = mostCommon(okLogs.map((p) => p.run.logBenchmark))
  const benchmark = fromFolder ?? benchmarkAlias(logBenchmark ?? loc.benchmarkDir)
  if (logBenchmark !== null && benchmarkAlias(logBenchmark) !== benchmark) {
    notes.push(`The logs name the benchmark "${logBenchmark}"; the folder says "${benchmark}".`)
  }
  return benchmark
}
