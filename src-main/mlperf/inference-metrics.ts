/**
 * The official "Result" of an inference result (rules C.3): for each round × MLPerf model ×
 * scenario, which LoadGen figure it is (detail-log key, or summary label before v1.0), the
 * divisor to the table's unit, the metric id and the unit the results table prints. The tree
 * importer reads the figure from the logs with it; the summary importers label a published value
 * with it; local runs use the latest round. One table, so the two paths cannot disagree.
 *
 * Sources: the checker's RESULT_FIELD / RESULT_FIELD_NEW (per round) and
 * RESULT_FIELD_BENCHMARK_OVERWRITE (per model), UNIT_DICT / SPECIAL_UNIT_DICT
 * (mlcommons/inference tools/submission; INF@v4.0, INF@v5.0 and master constants.py).
 */
import { roundAtLeast } from './round-order'

/** Units as the official results table prints them. */
export const UNITS = {
  samples: 'Samples/s',
  queries: 'Queries/s',
  tokens: 'Tokens/s',
  latencyMs: 'Latency (ms)',
  latencyS: 'Latency (s)',
  streams: 'Streams'
} as const

export type Unit = (typeof UNITS)[keyof typeof UNITS]

/** Scenario folders as the results table names them; Interactive is Server with tighter limits. */
export type InferenceScenario =
  'SingleStream' | 'MultiStream' | 'Server' | 'Offline' | 'Interactive'

/** A LoadGen scenario (what the log says it ran). */
export type LoadgenScenario = Exclude<InferenceScenario, 'Interactive'>

/** One LoadGen figure the checker may take as the Result. */
export type ResultField = {
  /** Where the number lives: the detail log (v1.0+) or the summary file (v0.5/v0.7). */
  source: 'detail' | 'summary'
  /** Detail key or summary label. */
  key: string
  /** Stable metric id (samples_per_second, latency_p90_ms, …). */
  metric: string
  unit: Unit
  /** The raw value is divided by this (1e6 for ns → ms, 1e9 for ns → s, else 1). */
  divisor: number
  /** Legacy MultiStream (v0.5–v1.1): the metric is the number of streams. */
  legacyMultiStream: boolean
}

const field = (
  source: ResultField['source'],
  key: string,
  metric: string,
  unit: Unit,
  divisor = 1,
  legacyMultiStream = false
): ResultField => ({ source, key, metric, unit, divisor, legacyMultiStream })

/** Every figure a round or a model override can name. */
export const RESULT_FIELDS = {
  summaryP90: field(
    'summary',
    '90th percentile latency (ns)',
    'latency_p90_ms',
    UNITS.latencyMs,
    1e6
  ),
  summaryStreams: field('summary', 'Samples per query', 'streams', UNITS.streams, 1, true),
  summaryScheduled: field(
    'summary',
    'Scheduled samples per second',
    'scheduled_samples_per_second',
    UNITS.queries
  ),
  summarySamples: field('summary', 'Samples per second', 'samples_per_second', UNITS.samples),
  p90: field(
    'detail',
    'result_90.00_percentile_latency_ns',
    'latency_p90_ms',
    UNITS.latencyMs,
    1e6
  ),
  streams: field('detail', 'effective_samples_per_query', 'streams', UNITS.streams, 1, true),
  earlyStoppingSs: field(
    'detail',
    'early_stopping_latency_ss',
    'latency_p90_ms',
    UNITS.latencyMs,
    1e6
  ),
  earlyStoppingSsP999: field(
    'detail',
    'early_stopping_latency_ss',
    'latency_p99_9_ms',
    UNITS.latencyMs,
    1e6
  ),
  earlyStoppingSsSeconds: field(
    'detail',
    'early_stopping_latency_ss',
    'latency_p90_s',
    UNITS.latencyS,
    1e9
  ),
  // Despite its name LoadGen writes this key in nanoseconds ("ms" is MultiStream).
  earlyStoppingMs: field(
    'detail',
    'early_stopping_latency_ms',
    'latency_p99_ms',
    UNITS.latencyMs,
    1e6
  ),
  scheduled: field(
    'detail',
    'result_scheduled_samples_per_sec',
    'scheduled_samples_per_second',
    UNITS.queries
  ),
  completed: field(
    'detail',
    'result_completed_samples_per_sec',
    'completed_samples_per_second',
    UNITS.queries
  ),
  samples: field('detail', 'result_samples_per_second', 'samples_per_second', UNITS.samples),
  tokens: field('detail', 'result_tokens_per_second', 'tokens_per_second', UNITS.tokens),
  completedTokens: field(
    'detail',
    'result_completed_tokens_per_second',
    'completed_tokens_per_second',
    UNITS.tokens
  ),
  inferredTokens: field(
    'detail',
    'result_inferred_tokens_per_second',
    'inferred_tokens_per_second',
    UNITS.tokens
  ),
  inferredCompletedTokens: field(
    'detail',
    'result_inferred_completed_tokens_per_second',
    'inferred_completed_tokens_per_second',
    UNITS.tokens
  )
} as const satisfies Record<string, ResultField>

export type ResultFieldName = keyof typeof RESULT_FIELDS

/** The checker's per-round field for each LoadGen scenario; an entry holds until the next one. */
export const ROUND_RESULT_FIELDS: readonly {
  from: string
  fields: Record<LoadgenScenario, ResultFieldName>
}[] = [
  {
    from: 'v0.5',
    fields: {
      SingleStream: 'summaryP90',
      MultiStream: 'summaryStreams',
      Server: 'summaryScheduled',
      Offline: 'summarySamples'
    }
  },
  {
    from: 'v1.0',
    fields: { SingleStream: 'p90', MultiStream: 'streams', Server: 'scheduled', Offline: 'samples' }
  },
  {
    from: 'v2.0',
    fields: {
      SingleStream: 'earlyStoppingSs',
      MultiStream: 'earlyStoppingMs',
      Server: 'scheduled',
      Offline: 'samples'
    }
  },
  {
    from: 'v4.1',
    fields: {
      SingleStream: 'earlyStoppingSs',
      MultiStream: 'earlyStoppingMs',
      Server: 'completed',
      Offline: 'samples'
    }
  }
]

/**
 * Per-model overrides (RESULT_FIELD_BENCHMARK_OVERWRITE and the models' own units), by MLPerf
 * model name, from the round the checker introduced them (`until`: first round without).
 * LLMs report tokens per second; gptj's "inferred" tokens are a figure LoadGen derives from
 * samples/s; llama3.1-8b-edge SingleStream takes the plain p90 because LoadGen overwrites
 * early_stopping_latency_ss with a TTFT estimate for token runs (rules A.7).
 */
export const MODEL_RESULT_FIELDS: readonly {
  models: readonly string[]
  from: string
  until?: string
  fields: Partial<Record<LoadgenScenario, ResultFieldName>>
  /** Said on the rows whose tokens-per-second value the override names. */
  note?: string
}[] = [
  {
    // The v4.0 checker read tokens/s for llama2 Offline; its Server figure stayed completed
    // samples/s.
    models: ['llama2-70b-99', 'llama2-70b-99.9'],
    from: 'v4.0',
    until: 'v4.1',
    fields: { Offline: 'tokens', Server: 'completed' },
    note: 'The v4.0 checker labelled this tokens-per-second value "Samples/s".'
  },
  {
    models: [
      'llama2-70b-99',
      'llama2-70b-99.9',
      'llama2-70b-interactive-99',
      'llama2-70b-interactive-99.9',
      'mixtral-8x7b'
    ],
    from: 'v4.1',
    fields: { Offline: 'tokens', Server: 'completedTokens' }
  },
  {
    models: ['gptj-99', 'gptj-99.9'],
    from: 'v4.1',
    until: 'v5.1',
    fields: { Offline: 'inferredTokens', Server: 'inferredCompletedTokens' }
  },
  {
    models: ['llama3.1-405b'],
    from: 'v5.0',
    fields: { Offline: 'tokens', Server: 'completedTokens' }
  },
  {
    models: ['pointpainting'],
    from: 'v5.0',
    fields: { SingleStream: 'earlyStoppingSsP999' }
  },
  {
    models: ['llama3.1-8b', 'deepseek-r1'],
    from: 'v5.1',
    fields: { Offline: 'tokens', Server: 'completedTokens' }
  },
  {
    models: ['llama3.1-8b-edge'],
    from: 'v5.1',
    fields: { Offline: 'tokens', SingleStream: 'p90' }
  },
  { models: ['whisper'], from: 'v5.1', fields: { Offline: 'tokens' } },
  {
    models: ['gpt-oss-120b'],
    from: 'v6.0',
    fields: { Offline: 'tokens', Server: 'completedTokens' }
  },
  { models: ['wan-2.2-t2v-a14b'], from: 'v6.0', fields: { SingleStream: 'earlyStoppingSsSeconds' } }
]

/** The LoadGen scenario a results-table scenario runs (Interactive folders hold Server runs). */
export function loadgenScenario(scenario: InferenceScenario): LoadgenScenario {
  return scenario === 'Interactive' ? 'Server' : scenario
}

/**
 * The official Result field for a round's rules, a scenario and an MLPerf model name. `round`
 * is the round whose rules apply (see round-resolution.ts), not a round this version never saw.
 */
export function officialResultField(
  round: string,
  scenario: InferenceScenario,
  mlperfModel: string
): ResultField & { note: string | null } {
  const s = loadgenScenario(scenario)
  const model = mlperfModel.toLowerCase()
  let name: ResultFieldName | undefined
  let note: string | null = null
  for (const o of MODEL_RESULT_FIELDS) {
    if (!o.models.includes(model) || !roundAtLeast(round, o.from)) continue
    if (o.until !== undefined && roundAtLeast(round, o.until)) continue
    const named = o.fields[s]
    if (named === undefined) continue
    name = named
    note = named === 'tokens' ? (o.note ?? null) : null
  }
  if (name === undefined) {
    let era = ROUND_RESULT_FIELDS[0]
    for (const e of ROUND_RESULT_FIELDS) if (roundAtLeast(round, e.from)) era = e
    name = era?.fields[s] ?? 'samples'
  }
  return { ...RESULT_FIELDS[name], note }
}

/** Every unit the results table uses for a performance value. */
export const KNOWN_UNITS: ReadonlySet<string> = new Set<string>(Object.values(UNITS))
