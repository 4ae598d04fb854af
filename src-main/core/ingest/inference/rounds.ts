/**
 * Which inference round a result belongs to. The round decides the official metric (spec C.3),
 * units, validity rules and power units, so it must never be guessed silently. Order of
 * evidence (spec F.4): an explicit round in the path (a clone of inference_results_vX.Y, or a
 * vX.Y folder), then the RNG seeds LoadGen logged (each round has its own, spec A.9), then the
 * loadgen_version string as a last hint.
 */

/** Inference rounds in order, spelled as the submission checker does. */
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

export type Seeds = { qsl: string; sampleIndex: string; schedule: string }

/** Seeds per round (spec A.9). Exact decimal strings: they exceed 2^53. */
export const ROUND_SEEDS: Record<string, Seeds> = {
  'v0.5': {
    qsl: '3133965575612453542',
    sampleIndex: '665484352860916858',
    schedule: '3622009729038561421'
  },
  'v0.7': {
    qsl: '12786827339337101903',
    sampleIndex: '12640797754436136668',
    schedule: '3135815929913719677'
  },
  'v1.0': {
    qsl: '7322528924094909334',
    sampleIndex: '1570999273408051088',
    schedule: '3507442325620259414'
  },
  'v1.1': {
    qsl: '1624344308455410291',
    sampleIndex: '517984244576520566',
    schedule: '10051496985653635065'
  },
  'v2.0': {
    qsl: '6655344265603136530',
    sampleIndex: '15863379492028895792',
    schedule: '12662793979680847247'
  },
  'v2.1': {
    qsl: '14284205019438841327',
    sampleIndex: '4163916728725999944',
    schedule: '299063814864929621'
  },
  'v3.0': {
    qsl: '10003631887983097364',
    sampleIndex: '17183018601990103738',
    schedule: '12134888396634371638'
  },
  'v3.1': {
    qsl: '148687905518835231',
    sampleIndex: '520418551913322573',
    schedule: '811580660758947900'
  },
  'v4.0': {
    qsl: '13281865557512327830',
    sampleIndex: '198141574272810017',
    schedule: '7575108116881280410'
  },
  'v4.1': {
    qsl: '3066443479025735752',
    sampleIndex: '10688027786191513374',
    schedule: '14962580496156340209'
  },
  'v5.0': {
    qsl: '6023615788873153749',
    sampleIndex: '15036839855038426416',
    schedule: '9933818062894767841'
  },
  'v5.1': {
    qsl: '1780908523862526354',
    sampleIndex: '14771362308971278857',
    schedule: '18209322760996052031'
  },
  'v6.0': {
    qsl: '2465351861681999779',
    sampleIndex: '14276810075590677512',
    schedule: '3936089224930324775'
  },
  'v6.1': {
    qsl: '2085463073848966840',
    sampleIndex: '2747215439041700203',
    schedule: '16159082839903944936'
  }
}

/** Position of a round in INFERENCE_ROUNDS (-1 when unknown); use for "v2.0 and later" rules. */
export function roundIndex(round: string): number {
  return (INFERENCE_ROUNDS as readonly string[]).indexOf(round)
}

/** True when `round` is at or after `from` (both known). */
export function roundAtLeast(round: string, from: string): boolean {
  const a = roundIndex(round)
  const b = roundIndex(from)
  return a >= 0 && b >= 0 && a >= b
}

/** Round named by one path segment: "inference_results_v4.1" or "v4.1" (also "v4.1.0"). */
export function roundFromSegment(segment: string): string | null {
  const m = /^(?:inference_results_)?v(\d+)\.(\d+)(?:\.0)?$/i.exec(segment)
  if (!m) return null
  const r = `v${m[1]}.${m[2]}`
  // A bare "vX.Y" folder only counts when it is a known round; the repository name is explicit.
  if (segment.toLowerCase().startsWith('inference_results_')) return r
  return roundIndex(r) >= 0 ? r : null
}

/** The round named by the path, searching from the end (the nearest folder wins). */
export function roundFromPath(p: string): string | null {
  const segs = p.split(/[\\/]+/).filter((s) => s !== '')
  for (let i = segs.length - 1; i >= 0; i--) {
    const r = roundFromSegment(segs[i] ?? '')
    if (r) return r
  }
  return null
}

/**
 * The round whose seeds match exactly (all three must match; seeds compare as decimal strings).
 * Any seed missing → null.
 */
export function roundFromSeeds(seeds: Partial<Seeds>): string | null {
  const { qsl, sampleIndex, schedule } = seeds
  if (!qsl || !sampleIndex || !schedule) return null
  for (const [round, s] of Object.entries(ROUND_SEEDS)) {
    if (s.qsl === qsl && s.sampleIndex === sampleIndex && s.schedule === schedule) return round
  }
  return null
}

/**
 * A hint from loadgen_version ("4.1 @ 2ed9555be0", "5.0.12 @ …"). The early rounds all print
 * ".5a1 @ …", which says nothing, so they give null.
 */
export function roundFromLoadgenVersion(version: string | null | undefined): string | null {
  if (!version) return null
  const m = /^\s*(\d+)\.(\d+)/.exec(version)
  if (!m) return null
  const r = `v${m[1]}.${m[2]}`
  return roundIndex(r) >= 0 ? r : null
}
