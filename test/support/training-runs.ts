/** Training runs as the API hands them to the charts (TrainingRunView), for chart tests. */
import type { TrainingRunView } from '../../src-main/shared/api'
import type { EvalPoint } from '../../src-main/shared/training'

/** Evals from [minutes, epoch, value] triples. */
export function evals(
  points: [number, number | null, number][],
  metric: string | null = null
): EvalPoint[] {
  return points.map(([min, epoch, value]) => ({
    timeMs: min * 60_000,
    epoch,
    samples: null,
    value,
    metric
  }))
}

/** A run of 10 minutes in `role`; a failed one is aborted and says why. */
export function runView(
  file: string,
  role: TrainingRunView['role'],
  points: EvalPoint[]
): TrainingRunView {
  return {
    file,
    status: role === 'failed' ? 'aborted' : 'success',
    minutes: 10,
    converged: role !== 'failed',
    reason: role === 'failed' ? 'run_stop reports the run as aborted.' : null,
    role,
    evals: points,
    runFinalMs: null
  }
}
