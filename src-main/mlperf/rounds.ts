/**
 * The rounds each suite has had, in release order, spelled as the results repositories and the
 * submission checker spell them (spec section 0). The last entry is the newest round this version
 * knows: a newer round is read with its rules (round-resolution.ts).
 */

export type Suite = 'inference' | 'training'

/** Inference rounds (checker version keys). v6.1 is the round in progress in the spec snapshot. */
export const INFERENCE_ROUNDS = [
  'v0.5',
  'v0.7',
  'v1.0',
  'v1.1',
  'v2.0',
  'v2.1',
  'v3.0',
  'v3.1',
  'v4.0',
  'v4.1',
  'v5.0',
  'v5.1',
  'v6.0',
  'v6.1'
] as const

/** Training rounds (training_results_vX.Y; the logging package calls them rulesets "X.Y.0"). */
export const TRAINING_ROUNDS = [
  'v0.5',
  'v0.6',
  'v0.7',
  'v1.0',
  'v1.1',
  'v2.0',
  'v2.1',
  'v3.0',
  'v3.1',
  'v4.0',
  'v4.1',
  'v5.0',
  'v5.1',
  'v6.0',
  'v6.1'
] as const

/** The rounds of a suite, oldest first. */
export function knownRounds(suite: Suite): readonly string[] {
  return suite === 'inference' ? INFERENCE_ROUNDS : TRAINING_ROUNDS
}

/** True when `round` (canonical "vX.Y") is a round of the suite. */
export function isKnownRound(suite: Suite, round: string): boolean {
  return knownRounds(suite).includes(round)
}

/** The newest round of a suite this version knows. */
export function latestRound(suite: Suite): string {
  const rounds = knownRounds(suite)
  return rounds[rounds.length - 1] ?? 'v0.5'
}

/** Suite name as the results repositories write it in their names ("MLPerf Inference"). */
export function suiteTitle(suite: Suite): string {
  return suite === 'inference' ? 'Inference' : 'Training'
}
