/**
 * Which round a training result set belongs to, and whose rules judge it. Two moments: before the
 * logs are read (the path's round, else the one set for the import), and after (the logs decide
 * when nothing named a round; a round set for the import is checked against them). The rules may
 * differ from the round: a round newer than the rulebook is judged by the latest rules known.
 */
import type { TrainingSetLocation } from './tree-scan'
import type { ParsedTrainingLog } from './parse-log'
import { detectTrainingRound } from './round-detect'
import { allowedBenchmarks, resolveRound } from '../../../mlperf'

export type SetRound = {
  /** The round the record is filed under; null until the logs decide. */
  round: string | null
  /** The round whose rules (targets, benchmarks) apply. */
  rules: string | null
}

/**
 * The round before any log is read: the path's, else the one set for the import, else null (the
 * logs decide later). An invalid round name set for the import is an error: the set is skipped.
 */
export function roundBeforeLogs(
  loc: TrainingSetLocation,
  importRound: string | null | undefined,
  notes: string[]
): SetRound | { error: string } {
  const named = loc.round ?? importRound ?? null
  if (named === null) return { round: null, rules: null }
  const resolved = resolveRound('training', named)
  if (resolved.kind === 'invalid') return { error: resolved.error }
  if (resolved.kind === 'newer') notes.push(resolved.note)
  if (loc.round === null) notes.push(`Round ${resolved.round} set for this import.`)
  return { round: resolved.round, rules: resolved.rules }
}

/**
 * The round once the logs are read. When nothing named one the logs decide, and `reparse` says
 * the runs must be read again: convergence is judged against the round's own target, which the
 * first reading did not know. A round set for the import wins, but a contradiction is said.
 */
export function roundAfterLogs(
  loc: TrainingSetLocation,
  before: SetRound,
  okLogs: readonly ParsedTrainingLog[],
  benchmark: string,
  notes: string[]
): SetRound & { reparse: boolean } {
  const { round, rules } = before
  if (round === null) {
    const found = detectTrainingRound(okLogs, benchmark)
    if (found.round === null) {
      notes.push(
        `The round could not be decided from the logs: ${found.reason}. Set it with the import's round option.`
      )
      return { round, rules, reparse: false }
    }
    // Logs whose syntax already implied the round were read with its target: no second reading.
    if (okLogs[0]?.round === found.round)
      return { round: found.round, rules: found.round, reparse: false }
    notes.push(
      `Round ${found.round} decided from the logs (no folder names it): ${found.evidence}.`
    )
    return { round: found.round, rules: found.round, reparse: true }
  }
  if (loc.round === null) {
    const found = detectTrainingRound(okLogs, benchmark)
    if (found.round !== null && found.round !== round) {
      notes.push(
        `Warning: the logs point to round ${found.round} (${found.evidence}), not ${round}, the round set for this import.`
      )
    }
    if (rules !== null && !allowedBenchmarks(rules).includes(benchmark)) {
      notes.push(`Warning: ${benchmark} is not a benchmark of ${round}.`)
    }
  }
  return { round, rules, reparse: false }
}
