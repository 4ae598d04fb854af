/**
 * v0.5 logs end with run_stop and, later, run_final; the v0.5 rules do not say which one the
 * official table stopped the clock at (rules G). Scores use run_stop, like every later round;
 * for the rounds where this is unsure the record also says what run_final would have given.
 */
import type { TrainingRun } from '../../../shared/training'
import { UNSURE_END_MARKER_ROUNDS } from '../../../mlperf'
import { olympicAverage } from './score'

/**
 * The note giving the olympic mean timed to run_final, or null when the round's end marker is
 * sure, no run logs run_final, or too few runs converged for a mean.
 */
export function endMarkerNote(
  round: string | null,
  runs: readonly TrainingRun[],
  dropCount: number
): string | null {
  if (round === null || !UNSURE_END_MARKER_ROUNDS.includes(round)) return null
  if (!runs.some((r) => r.runFinalMs !== null)) return null
  const finals = runs
    .map((r) => (r.converged ? r.runFinalMs : null))
    .filter((ms): ms is number => ms !== null)
    .map((ms) => ms / 60 / 1000)
  const failedCount = runs.filter((r) => !r.converged).length
  const alt = failedCount <= dropCount ? olympicAverage(finals, failedCount, dropCount) : null
  if (alt === null) return null
  return `Timed to run_stop. Timed to run_final instead, the olympic mean would be ${alt} min (the v0.5 rules do not say which end marker the official table used).`
}
