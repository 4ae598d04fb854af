/**
 * The RNG seeds each inference round requires (rules A.9; checker "seeds": a run with other seeds
 * is rejected). They are also how an importer tells which round a loose log belongs to (rules
 * F.4). Exact decimal strings: they exceed 2^53.
 */
import { INFERENCE_ROUNDS } from './rounds'

export type Seeds = { qsl: string; sampleIndex: string; schedule: string }

/** Seeds per round (rules A.9). */
export const ROUND_SEEDS: Readonly<Record<string, Seeds>> = {
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

/** The seeds of the newest round (what LoadGen's built-in mlperf.conf carries). */
export function latestSeeds(): Seeds {
  const latest = INFERENCE_ROUNDS[INFERENCE_ROUNDS.length - 1] ?? 'v6.1'
  const s = ROUND_SEEDS[latest]
  if (!s) throw new Error(`No seeds for ${latest}`)
  return s
}
