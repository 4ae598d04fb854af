/**
 * The round of a training result set whose folders name none (a user's own copy of a set, a
 * submitter's folder outside its clone), decided from the logs as a reviewer would:
 *  1. the log syntax of v0.5 and v0.6 names its round (src-main/mlperf/training-log-formats.ts);
 *  2. the runs' dates against the round calendar: a run belongs to the first round published
 *     after it (src-main/mlperf/training-calendar.ts);
 *  3. the benchmark set: only the rounds that had the benchmark remain;
 *  4. the targets: a run that stopped with success reached its round's target, so rounds whose
 *     target its evaluations never reached are out.
 * When more than one round (or none) remains, the round is not decided and the caller says so.
 */
import {
  TRAINING_LOG_SYNTAX_ROUND,
  TRAINING_ROUNDS,
  allowedBenchmarks,
  trainingRoundsAt,
  trainingTarget
} from '../../../mlperf'
import type { ParsedTrainingLog } from './parse-log'
import { evalsReachTarget } from './parse-log'

export type RoundDetection =
  { round: string; evidence: string } | { round: null; candidates: string[]; reason: string }

/** Epoch milliseconds below this are not wall-clock times (HugeCTR v0.7 logs, ~1.59e9). */
const EPOCH_MS_FLOOR = 1e11

/** The wall-clock time a run started (run_start, else its first dated record), or null. */
export function runDateMs(log: ParsedTrainingLog): number | null {
  const dated = (ms: number): boolean => Number.isFinite(ms) && ms >= EPOCH_MS_FLOOR
  const start = log.events.find((r) => r.key === 'run_start')
  if (start !== undefined && dated(start.timeMs)) return start.timeMs
  return log.events.find((r) => dated(r.timeMs))?.timeMs ?? null
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function listRounds(rounds: readonly string[]): string {
  return rounds.length === 0 ? 'none' : rounds.join(', ')
}

/** Decide the round of a set from its parsed logs and its benchmark. */
export function detectTrainingRound(
  logs: readonly ParsedTrainingLog[],
  benchmark: string
): RoundDetection {
  const syntax = logs[0]?.run.format
  const bySyntax = syntax ? TRAINING_LOG_SYNTAX_ROUND[syntax] : null
  if (bySyntax) {
    return { round: bySyntax, evidence: `the ${bySyntax} log syntax` }
  }
  const evidence: string[] = []
  // MLLOG logs: every round but those with a syntax of their own (v0.5, v0.6).
  const ownSyntax = new Set(Object.values(TRAINING_LOG_SYNTAX_ROUND))
  let candidates: string[] = TRAINING_ROUNDS.filter((r) => !ownSyntax.has(r))

  const dates = logs.map(runDateMs).filter((d): d is number => d !== null)
  if (dates.length > 0) {
    const byDate = new Set(dates.flatMap((d) => trainingRoundsAt(d)))
    candidates = candidates.filter((r) => byDate.has(r))
    const first = Math.min(...dates)
    const last = Math.max(...dates)
    evidence.push(
      `runs dated ${day(first)}${last !== first && day(last) !== day(first) ? ` to ${day(last)}` : ''} (${listRounds(candidates)} by the round calendar)`
    )
  } else {
    evidence.push('no wall-clock date in the logs')
  }

  const withBenchmark = candidates.filter((r) => allowedBenchmarks(r).includes(benchmark))
  if (withBenchmark.length !== candidates.length) {
    evidence.push(`${benchmark} in ${listRounds(withBenchmark)}`)
  }
  candidates = withBenchmark

  if (candidates.length > 1) {
    // Runs that stopped with success reached their round's target (the checker requires it).
    const succeeded = logs.filter((l) => l.run.status === 'success')
    const reach = candidates.filter((r) => {
      const t = trainingTarget(r, benchmark)
      return t === null || succeeded.every((l) => evalsReachTarget(l.run.evals, t.components))
    })
    if (reach.length > 0 && reach.length < candidates.length) {
      evidence.push(`the successful runs reach the targets of ${listRounds(reach)}`)
      candidates = reach
    }
  }

  const [only] = candidates
  if (candidates.length === 1 && only !== undefined) {
    return { round: only, evidence: evidence.join('; ') }
  }
  return {
    round: null,
    candidates,
    reason:
      candidates.length === 0
        ? `no round fits: ${evidence.join('; ')}`
        : `it could be ${listRounds(candidates)}: ${evidence.join('; ')}`
  }
}
