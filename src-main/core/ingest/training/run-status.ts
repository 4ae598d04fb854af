/**
 * Whether a training run counts, and why not: the order of the checks is the official
 * summarizer's and compliance checker's. A run needs run_start and run_stop; run_stop must not
 * say aborted; every log record must parse; run_stop must carry a status (v0.5 logs excepted)
 * that is success; and, when the target is known, one evaluation must have reached it.
 */
import type { TrainingLogFormat, TrainingRunStatus } from '../../../shared/training'
import type { TargetSpec } from '../../../mlperf'
import type { LogParse, LogRecord } from './log-line'
import { isObject } from './log-values'
import type { RawEval } from './eval-points'
import { bestValue, describeTarget } from './target-check'

export type StopStatus = 'success' | 'aborted' | 'unknown' | 'missing'

/** Status written on run_stop: metadata.status, or the v0.5/Graphcore value {"success": …}. */
export function stopStatus(r: LogRecord): StopStatus {
  const s = r.metadata.status
  if (typeof s === 'string') {
    const t = s.trim().toLowerCase()
    if (t === 'success') return 'success'
    if (t === 'aborted' || t === 'abort' || t === 'failure' || t === 'failed') return 'aborted'
    return 'unknown'
  }
  if (isObject(r.value) && 'success' in r.value) {
    const v = r.value.success
    if (v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true')) return 'success'
    if (v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false'))
      return 'aborted'
    return 'unknown'
  }
  return 'missing'
}

/** What the status is decided from. */
export type RunFacts = {
  start: LogRecord | null
  stop: LogRecord | null
  format: TrainingLogFormat
  malformed: LogParse['malformed']
  /** null: no target known, convergence not checked. */
  reachedTarget: boolean | null
  points: RawEval[]
  target: TargetSpec | null
  benchmark: string | null
}

/** Why a run that reached run_stop does not count, or null when it does. */
function failure(f: RunFacts, stopState: StopStatus): string | null {
  if (f.malformed.length > 0) {
    const m = f.malformed[0]
    return (
      `${f.malformed.length} log record(s) could not be parsed (first at line ${m?.line ?? '?'}: ${m?.reason ?? ''}); ` +
      'the official summarizer rejects a file that fails to parse.'
    )
  }
  if (stopState === 'unknown') return 'run_stop carries a status other than success or aborted.'
  if (stopState === 'missing' && f.format !== 'mlp-v0.5') {
    return 'run_stop has no status; the compliance checker requires one.'
  }
  if (f.reachedTarget === false) {
    const best = bestValue(f.points, f.target)
    return (
      `No eval_accuracy reached the target ${describeTarget(f.target)}` +
      (best === null ? ' (no evaluation logged).' : ` (best ${best}).`)
    )
  }
  return null
}

/** The run's status, the reason (also for a success whose convergence was not checked), remarks. */
export function runStatus(f: RunFacts): {
  status: TrainingRunStatus
  reason: string | null
  notes: string[]
} {
  if (f.start === null || f.stop === null) {
    const missing = [f.start === null ? 'run_start' : null, f.stop === null ? 'run_stop' : null]
      .filter((x) => x !== null)
      .join(' and ')
    return {
      status: 'incomplete',
      reason: `${missing} not logged (truncated or unfinished log).`,
      notes: []
    }
  }
  const stopState = stopStatus(f.stop)
  if (stopState === 'aborted') {
    return { status: 'aborted', reason: 'run_stop reports the run as aborted.', notes: [] }
  }
  const why = failure(f, stopState)
  if (why !== null) return { status: 'failed', reason: why, notes: [] }
  const notes =
    stopState === 'missing'
      ? ['run_stop carries no success flag (v0.5); convergence is judged from eval_accuracy.']
      : []
  const reason =
    f.reachedTarget === null
      ? `No quality target is known for ${f.benchmark ?? 'this benchmark'}: convergence was not checked.`
      : null
  return { status: 'success', reason, notes }
}
