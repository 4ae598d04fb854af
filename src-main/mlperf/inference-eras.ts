/**
 * Per-round constants of the inference rules: the first round of each change (inclusive), as
 * the checker of each round enforced it (rules A.8, B.6, C.3, C.4, G). Everything that says
 * "from vX.Y on" reads these, so a change of rules has one place.
 */
import { roundAtLeast } from './round-order'

export const INFERENCE_ERAS = {
  /** The official Result comes from mlperf_log_detail.txt (MLLOG); before, from the summary. */
  detailLog: 'v1.0',
  /** One performance run per scenario; before, Server had run_1…run_5 (the checker kept the last valid one). */
  singleServerRun: 'v1.0',
  /** The checker's minimum run duration is 600 s; before, 60 s. */
  longMinDuration: 'v1.0',
  /** LoadGen and PTDaemon both write UTC; before, local times corrected with timezone offsets. */
  powerUtc: 'v1.1',
  /**
   * Early stopping: the SingleStream/MultiStream result is the early-stopping estimate, and
   * MultiStream becomes the latency of 8-sample queries (before: the number of streams).
   */
  earlyStopping: 'v2.0',
  /** LoadGen logs result_query_count; before, the checker reconstructed it for energy. */
  queryCountLogged: 'v2.0',
  /** The checker rejects a Server run configured with a looser target than the bound. */
  serverTargetBound: 'v2.0',
  /** The first round whose published power figures are known (v2.0 in MLCommons' tables). */
  publishedPower: 'v2.0',
  /** Energy per query published in millijoules (v1.0–v2.1: joules); readings ≤ 0 dropped. */
  energyMillijoules: 'v3.0',
  /** Server reports completed samples/s; before, scheduled samples/s. */
  completedServer: 'v4.1'
} as const

export type InferenceEra = keyof typeof INFERENCE_ERAS

/** True when the rules of `round` include the change `era`. */
export function inferenceEra(round: string, era: InferenceEra): boolean {
  return roundAtLeast(round, INFERENCE_ERAS[era])
}

/** MultiStream as the number of streams sustained (v0.5–v1.1), not a latency. */
export function isLegacyMultiStream(round: string): boolean {
  return !inferenceEra(round, 'earlyStopping')
}

/** Minimum run duration the checker requires, in ms (rules C.3). */
export function minDurationMs(round: string): number {
  return inferenceEra(round, 'longMinDuration') ? 600000 : 60000
}

/** LoadGen error messages the early checkers ignored (v0.5 ignore list; CAS failures in v0.7). */
export const IGNORED_LOADGEN_ERRORS: Readonly<Record<string, readonly string[]>> = {
  'v0.5': [
    'check for ERROR in detailed',
    'Loadgen built with uncommitted changes',
    'Ran out of generated queries to issue before the minimum query count and test duration were reached',
    'CAS failed'
  ],
  'v0.7': ['CAS failed']
}
