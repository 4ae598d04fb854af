/**
 * The options of every command, as data only (no imports): the strict parser (options.ts)
 * checks a command line against its command's set and names the command an unknown option
 * belongs to, and `--help` needs nothing else, so neither loads a command's handler.
 */
export type OptionSpec = {
  readonly type: 'string' | 'boolean'
  readonly multiple?: boolean
  readonly short?: string
}

export type OptionSet = Readonly<Record<string, OptionSpec>>

/** The values of an option set: strings, string lists for `multiple`, booleans for flags. */
export type OptionValues<S extends OptionSet> = {
  -readonly [K in keyof S]?: S[K]['type'] extends 'boolean'
    ? boolean
    : S[K]['multiple'] extends true
      ? string[]
      : string
}

const str = { type: 'string' } as const
const flag = { type: 'boolean' } as const
/** Options of every command that opens a database. */
const database = { db: str, 'no-catalogue': flag } as const

export const COMMAND_OPTIONS = {
  import: { ...database, round: str },
  results: {
    ...database,
    suite: str,
    where: { type: 'string', multiple: true },
    search: str,
    sort: str,
    format: str,
    footnote: flag
  },
  ttmt: { thresholds: str, format: str, direction: str },
  chart: { ...database, view: str, out: str, width: str, height: str },
  run: {
    model: str,
    dataset: str,
    scenario: str,
    mode: str,
    benchmark: str,
    'user-conf': str,
    'single-stream-expected-latency': str,
    'multi-stream-expected-latency': str,
    'performance-sample-count': str,
    out: str,
    db: str,
    'min-duration': str,
    'min-query-count': str,
    'target-qps': str,
    'target-latency': str,
    'samples-per-query': str,
    batch: str,
    threads: str,
    repetitions: str,
    'reference-accuracy': str,
    'quality-target': str
  },
  'catalogue update': {
    db: str,
    round: { type: 'string', multiple: true },
    suite: str,
    force: flag,
    list: flag,
    'base-url': str
  },
  serve: { ...database, port: str },
  catalogue: { ...database, format: str },
  help: {}
} as const satisfies Record<string, OptionSet>

export type CommandName = keyof typeof COMMAND_OPTIONS

export const COMMAND_NAMES = Object.keys(COMMAND_OPTIONS) as CommandName[]

/** The values a command's handler gets. */
export type CommandValues<C extends CommandName> = OptionValues<(typeof COMMAND_OPTIONS)[C]>
