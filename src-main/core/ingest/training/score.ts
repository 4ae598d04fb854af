/**
 * The official training score of a result set, exactly as mlperf_logging's result_summarizer
 * computes it (`_compute_strong_score_standalone`, `_compute_olympic_average`; rules D.4):
 *
 *  1. every run that is not converged (see parse-log) is a dropped run;
 *  2. more dropped runs than allowed (1, or 4 for unet3d) → no score: "CRITICAL ERROR: Too many
 *     non-converging runs";
 *  3. the converged times are sorted; the k fastest and the (k − dropped) slowest are removed
 *     (a failed run counts as one of the slowest), the rest averaged;
 *  4. the mean is multiplied by scaling.json's scaling_factor.
 *
 * The arithmetic keeps the summarizer's order of operations (sum left to right, then / count,
 * then × factor) so that values are bit-identical to the published ones.
 */
import { olympicDropCount, runsRequired } from '../../../mlperf'

/** What the scorer needs from a run. */
export type ScoredRunInput = { file: string; converged: boolean; minutes: number | null }

export type RunRole = 'counted' | 'dropped-fastest' | 'dropped-slowest' | 'failed'

export type TrainingScore = {
  /** Official score in minutes (olympic mean × scaling factor); null when invalid. */
  value: number | null
  /** Olympic mean before the scaling factor. */
  unscaled: number | null
  valid: boolean
  /** Why there is no score (null when valid). */
  reason: string | null
  scalingFactor: number
  /** Runs dropped at each end (k). */
  dropCount: number
  /** Non-converged runs. */
  failedCount: number
  convergedCount: number
  runsRequired: number | null
  /** Role of each run, by file. */
  roles: Record<string, RunRole>
  notes: string[]
}

/** Python slice semantics (negative end counts from the end), as in `scores[a:b]`. */
function pySlice<T>(xs: T[], start: number, end: number): T[] {
  const n = xs.length
  const norm = (i: number): number => (i < 0 ? Math.max(0, n + i) : Math.min(i, n))
  return xs.slice(norm(start), norm(end))
}

/**
 * `_compute_olympic_average`: sort, keep scores[k : n − (k − dropped)], average. Null when
 * nothing is left. `scores` are the converged runs only.
 */
export function olympicAverage(
  scores: number[],
  droppedScores: number,
  maxDropped: number
): number | null {
  const sorted = [...scores].sort((a, b) => a - b)
  const countable = pySlice(sorted, maxDropped, sorted.length - (maxDropped - droppedScores))
  if (countable.length === 0) return null
  let sum = 0
  for (const s of countable) sum += s
  return (sum * 1.0) / countable.length
}

/**
 * Score a benchmark's runs. `scalingFactor` is scaling.json's value (1 when absent). Runs that
 * converged but have no time (cannot happen with parse-log) are treated as failed.
 */
export function scoreTrainingRuns(
  benchmark: string,
  runs: ScoredRunInput[],
  scalingFactor = 1
): TrainingScore {
  const k = olympicDropCount(benchmark)
  const required = runsRequired(benchmark)
  const roles: Record<string, RunRole> = {}
  const notes: string[] = []
  const ok = runs.filter(
    (r): r is ScoredRunInput & { minutes: number } => r.converged && r.minutes !== null
  )
  const failed = runs.filter((r) => !(r.converged && r.minutes !== null))
  for (const r of failed) roles[r.file] = 'failed'

  if (required !== null && runs.length !== required) {
    notes.push(
      `${runs.length} run file(s) found; the rules require ${required} for ${benchmark}. The summarizer scores the files it finds.`
    )
  }

  // Roles: sort by time (stable on file name for ties) and mark both ends.
  const order = [...ok].sort((a, b) => a.minutes - b.minutes || a.file.localeCompare(b.file))
  const slowDrop = Math.max(0, k - failed.length)
  order.forEach((r, i) => {
    if (i < k) roles[r.file] = 'dropped-fastest'
    else if (i >= order.length - slowDrop) roles[r.file] = 'dropped-slowest'
    else roles[r.file] = 'counted'
  })

  const base = {
    scalingFactor,
    dropCount: k,
    failedCount: failed.length,
    convergedCount: ok.length,
    runsRequired: required,
    roles,
    notes
  }
  if (failed.length > k) {
    return {
      ...base,
      value: null,
      unscaled: null,
      valid: false,
      reason: `Too many non-converging runs: ${failed.length} of ${runs.length} did not converge; at most ${k} may be dropped for ${benchmark}.`
    }
  }
  if (failed.length > 0) {
    notes.push(
      `${failed.length} non-converged run(s) dropped with olympic scoring (counted as the slowest).`
    )
  }
  const unscaled = olympicAverage(
    ok.map((r) => r.minutes),
    failed.length,
    k
  )
  if (unscaled === null) {
    return {
      ...base,
      value: null,
      unscaled: null,
      valid: false,
      reason: `Not enough converged runs for an olympic average (${ok.length} converged, ${k} dropped at each end).`
    }
  }
  if (scalingFactor !== 1) {
    notes.push(`Olympic mean ${unscaled} min × scaling factor ${scalingFactor} (scaling.json).`)
  }
  return { ...base, value: unscaled * scalingFactor, unscaled, valid: true, reason: null }
}
