/**
 * What the syntax of a training log says about its round (rules D.1): the v0.5 and v0.6 rounds
 * had log formats of their own; every later round logs MLLOG lines, which name no round.
 */

export type TrainingLogSyntax = 'mlp-v0.5' | 'mll' | 'mllog'

/** The round a log syntax belongs to, or null when the syntax is shared by many rounds. */
export const TRAINING_LOG_SYNTAX_ROUND: Readonly<Record<TrainingLogSyntax, string | null>> = {
  'mlp-v0.5': 'v0.5',
  mll: 'v0.6',
  mllog: null
}

/**
 * Rounds whose official timing end marker is not known: v0.5 logs end with run_final after
 * run_stop, and the rules of the time do not say which one the official table used (rules G).
 */
export const UNSURE_END_MARKER_ROUNDS: readonly string[] = ['v0.5']
