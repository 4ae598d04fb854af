/**
 * The round a path names (rules F.4: prefer the explicit round of the source repository). A clone
 * of inference_results_vX.Y / training_results_vX.Y names its round explicitly, so any version
 * there counts (a newer or a misspelt round is then resolved by round-resolution.ts). A bare
 * "vX.Y" folder only counts when it is a round of the suite: folder names such as
 * "qaic-v1.8.3.7" or a user's "v9.9" are not rounds.
 */
import { canonicalRound } from './round-order'
import type { Suite } from './rounds'
import { isKnownRound } from './rounds'

const REPOSITORY_PREFIX: Record<Suite, string> = {
  inference: 'inference_results_',
  training: 'training_results_'
}

/**
 * Round named by one path segment: "inference_results_v4.1", "v4.1", "v4.1.0" (training's
 * v0.5.0 top folder). Null when the segment names no round of the suite.
 */
export function roundFromSegment(suite: Suite, segment: string): string | null {
  const prefix = REPOSITORY_PREFIX[suite]
  const explicit = segment.toLowerCase().startsWith(prefix)
  const rest = explicit ? segment.slice(prefix.length) : segment
  if (!/^v\d+\.\d+(?:\.\d+)?$/i.test(rest)) return null
  // A bare inference folder takes at most a ".0" patch; training's v0.5 tree is "v0.5.0".
  if (!explicit && suite === 'inference' && !/^v\d+\.\d+(?:\.0)?$/i.test(rest)) return null
  const round = canonicalRound(rest)
  if (round === null) return null
  return explicit || isKnownRound(suite, round) ? round : null
}

/** The round named by a path, searching from the end (the nearest folder wins). */
export function roundFromPath(suite: Suite, p: string): string | null {
  const segs = p.split(/[\\/]+/).filter((s) => s !== '')
  for (let i = segs.length - 1; i >= 0; i--) {
    const r = roundFromSegment(suite, segs[i] ?? '')
    if (r) return r
  }
  return null
}

/**
 * A hint from LoadGen's loadgen_version ("4.1 @ 2ed9555be0", "5.0.12 @ …"). The early rounds
 * all print ".5a1 @ …", which says nothing, so they give null. Only known rounds count.
 */
export function roundFromLoadgenVersion(version: string | null | undefined): string | null {
  if (!version) return null
  const m = /^\s*(\d+)\.(\d+)/.exec(version)
  if (!m) return null
  const r = `v${m[1]}.${m[2]}`
  return isKnownRound('inference', r) ? r : null
}
