/**
 * What to do with a round name found in a path, a summary file or given by the user:
 *  - a round of the suite: its own rules;
 *  - newer than every round this version knows (a clone of inference_results_v6.2): the rules
 *    of the latest known round, said on every row and once in the import report, so a new
 *    round is never silently read with the v0.5 rules;
 *  - any other spelling (v1.5, an inference v0.6): an error, because no rules fit it.
 */
import { compareRounds, canonicalRound } from './round-order'
import type { Suite } from './rounds'
import { isKnownRound, knownRounds, latestRound, suiteTitle } from './rounds'

export type RoundResolution =
  | { kind: 'known'; round: string; rules: string }
  | { kind: 'newer'; round: string; rules: string; note: string }
  | { kind: 'invalid'; round: string; error: string }

/** The row note for a round newer than this version knows. */
export function newerRoundNote(round: string, rules: string): string {
  return `Round ${round} is newer than this version knows; read with the ${rules} rules.`
}

/** Resolve a round name (any spelling canonicalRound accepts) for a suite. */
export function resolveRound(suite: Suite, name: string): RoundResolution {
  const round = canonicalRound(name)
  if (round === null) {
    return {
      kind: 'invalid',
      round: name,
      error: `"${name}" is not a round name (expected vX.Y, e.g. ${latestRound(suite)})`
    }
  }
  if (isKnownRound(suite, round)) return { kind: 'known', round, rules: round }
  const latest = latestRound(suite)
  if (compareRounds(round, latest) > 0) {
    return { kind: 'newer', round, rules: latest, note: newerRoundNote(round, latest) }
  }
  const rounds = knownRounds(suite)
  return {
    kind: 'invalid',
    round,
    error:
      `${round} is not an MLPerf ${suiteTitle(suite)} round: the rounds up to ${latest} are ` +
      `${rounds.join(', ')}`
  }
}

/** The round whose rules apply to `round` (itself, or the latest known for a newer round). */
export function rulesRound(suite: Suite, round: string): string | null {
  const r = resolveRound(suite, round)
  return r.kind === 'invalid' ? null : r.rules
}
