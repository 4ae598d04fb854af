import type { Api } from '../../../src-main/shared/api'
import type {
  LocalRunMode,
  LocalScenario,
  QualityTargetFraction
} from '../../../src-main/shared/local-run'
import type {
  BenchmarkSuggestionView,
  RunDefaults,
  RunStartInput,
  RunStartSettings
} from '../../../src-main/shared/local-run-views'
import { errorMessage } from '../api/client'
import { LatestRequest } from './latest-request'

/** A number field: null (or NaN from an emptied input) means "not set". */
type Num = number | null

/** The LoadGen and runner fields that mlperf.conf (or the runner) gives defaults for. */
export const NUMBER_FIELDS = [
  'minDurationMs',
  'minQueryCount',
  'targetQps',
  'targetLatencyMs',
  'targetLatencyPercentile',
  'expectedLatencyMs',
  'samplesPerQuery',
  'performanceSampleCount',
  'maxAsyncQueries',
  'batchSize',
  'intraOpThreads',
  'interOpThreads',
  'workers'
] as const
export type NumberField = (typeof NUMBER_FIELDS)[number]

/** The text fields a path picker fills. */
export type PathField = 'modelPath' | 'datasetPath' | 'outputDir'

function isSet(v: Num | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v)
}

/**
 * The "New run" form: what to run (model, dataset, benchmark, scenario, mode) and the settings,
 * filled from the official mlperf.conf whenever the benchmark, scenario or mode changes and
 * editable after that. The benchmark the model stands for starts unchosen: a suggestion from
 * the model's file name and input shape is offered, never applied by itself.
 */
export class NewRunForm {
  modelPath = $state('')
  datasetPath = $state('')
  outputDir = $state('')
  /** '' until the user chooses. */
  benchmark = $state('')
  scenario = $state<LocalScenario>('SingleStream')
  mode = $state<LocalRunMode>('PerformanceOnly')

  minDurationMs = $state<Num>(null)
  minQueryCount = $state<Num>(null)
  targetQps = $state<Num>(null)
  targetLatencyMs = $state<Num>(null)
  targetLatencyPercentile = $state<Num>(null)
  expectedLatencyMs = $state<Num>(null)
  samplesPerQuery = $state<Num>(null)
  performanceSampleCount = $state<Num>(null)
  maxAsyncQueries = $state<Num>(null)
  batchSize = $state<Num>(null)
  intraOpThreads = $state<Num>(null)
  interOpThreads = $state<Num>(null)
  workers = $state<Num>(null)
  executionProvider = $state('cpu')
  qslRngSeed = $state('')
  sampleIndexRngSeed = $state('')
  scheduleRngSeed = $state('')

  repetitions = $state<Num>(1)
  referenceAccuracy = $state<Num>(null)
  qualityTargetFraction = $state<QualityTargetFraction>(0.99)

  benchmarks = $state.raw<string[]>([])
  runsDir = $state('')
  loading = $state(false)
  error = $state<string | null>(null)
  /** The defaults last loaded, to show what mlperf.conf says next to an edited field. */
  defaults = $state.raw<RunDefaults['settings'] | null>(null)
  /** What the chosen model file looks like, for the benchmark choice. */
  suggestion = $state.raw<BenchmarkSuggestionView | null>(null)
  suggesting = $state(false)

  /** What stops the form from starting, in plain words (empty = ready). */
  problems: string[] = $derived.by(() => {
    const p: string[] = []
    if (this.modelPath.trim() === '') p.push('Choose an ONNX model file.')
    if (this.benchmark === '') p.push('Choose the MLPerf benchmark the model stands for.')
    if (this.mode === 'AccuracyOnly' && this.datasetPath.trim() === '') {
      p.push('Accuracy mode needs a dataset folder with val_map.txt.')
    }
    if (!isSet(this.repetitions) || this.repetitions < 1) p.push('Repetitions must be 1 or more.')
    return p
  })

  readonly #api: Api
  readonly #latest = new LatestRequest()
  readonly #latestSuggestion = new LatestRequest()
  /** benchmark/scenario/mode of the defaults in the form, so a remount keeps the user's edits. */
  #loadedKey: string | null = null

  constructor(api: Api) {
    this.#api = api
  }

  /**
   * Fill every setting from mlperf.conf for the chosen benchmark, scenario and mode; unless
   * `force`, only when that choice differs from the one the form was last filled for.
   */
  async loadDefaults(force = false): Promise<void> {
    const key = `${this.benchmark}|${this.scenario}|${this.mode}`
    if (!force && key === this.#loadedKey) return
    this.#loadedKey = key
    const isLatest = this.#latest.begin()
    this.loading = true
    this.error = null
    try {
      // No benchmark yet: mlperf.conf's generic (*) settings.
      const d = await this.#api.runs.defaults({
        ...(this.benchmark !== '' ? { benchmark: this.benchmark } : {}),
        scenario: this.scenario,
        mode: this.mode
      })
      if (!isLatest()) return
      this.benchmarks = d.benchmarks
      this.runsDir = d.runsDir
      this.defaults = d.settings
      for (const f of NUMBER_FIELDS) this[f] = d.settings[f]
      this.executionProvider = d.settings.executionProvider
      this.qslRngSeed = d.settings.qslRngSeed
      this.sampleIndexRngSeed = d.settings.sampleIndexRngSeed
      this.scheduleRngSeed = d.settings.scheduleRngSeed
    } catch (err) {
      if (isLatest()) {
        this.error = errorMessage(err)
        this.#loadedKey = null
      }
    } finally {
      if (isLatest()) this.loading = false
    }
  }

  /**
   * Look at the model file: which benchmark its name and input shape suggest. Called when the
   * model path settles; a stale answer (the path changed meanwhile) is dropped.
   */
  async suggest(): Promise<void> {
    const modelPath = this.modelPath.trim()
    const isLatest = this.#latestSuggestion.begin()
    if (!modelPath.toLowerCase().endsWith('.onnx')) {
      this.suggestion = null
      this.suggesting = false
      return
    }
    this.suggesting = true
    try {
      const s = await this.#api.runs.suggestBenchmark({ modelPath })
      if (isLatest()) this.suggestion = s
    } catch {
      if (isLatest()) this.suggestion = null
    } finally {
      if (isLatest()) this.suggesting = false
    }
  }

  /** Take the suggested benchmark (the user's explicit choice). */
  useSuggestion(): void {
    if (this.suggestion?.benchmark) this.benchmark = this.suggestion.benchmark
  }

  /**
   * Short durations for a quick look (the official 600 s is meant for real measurements). The
   * expected latency drops to 10 µs so LoadGen pre-generates enough queries for a fast model.
   */
  quick(): void {
    this.minDurationMs = 2000
    if (this.scenario === 'SingleStream' || this.scenario === 'MultiStream')
      this.expectedLatencyMs = 0.01
    if (this.scenario !== 'MultiStream') this.minQueryCount = 100
    if (this.scenario === 'Offline') this.minQueryCount = 1024
  }

  /** The start request; settings left empty fall back to mlperf.conf on the main side. */
  toStart(): RunStartInput {
    const settings: RunStartSettings = {
      modelPath: this.modelPath.trim(),
      ...(this.benchmark !== '' ? { benchmark: this.benchmark } : {}),
      scenario: this.scenario,
      mode: this.mode,
      datasetPath: this.datasetPath.trim() === '' ? null : this.datasetPath.trim(),
      executionProvider: this.executionProvider.trim() || 'cpu',
      qualityTargetFraction: this.qualityTargetFraction,
      referenceAccuracy: isSet(this.referenceAccuracy) ? this.referenceAccuracy : null
    }
    if (this.outputDir.trim() !== '') settings.outputDir = this.outputDir.trim()
    for (const f of NUMBER_FIELDS) {
      const v = this[f]
      if (isSet(v)) settings[f] = v
    }
    for (const f of ['qslRngSeed', 'sampleIndexRngSeed', 'scheduleRngSeed'] as const) {
      const v = this[f].trim()
      if (v !== '') settings[f] = v
    }
    return {
      settings,
      repetitions: isSet(this.repetitions) ? Math.max(1, Math.round(this.repetitions)) : 1
    }
  }
}
