/**
 * Local runs as the app offers them: one job at a time (a benchmark that shares the CPU with
 * another one measures neither), each job one run or N repetitions of the same configuration.
 * Every run gets a row in local_runs when it starts and its RunResult when it ends; a finished
 * performance run is read back from its log files with the importer's functions and indexed in
 * inference_results as the user's own, unverified result. Progress and results go out through
 * the injected event sink (the API's event hub: IPC, SSE, the CLI's progress line).
 */
import { basename, join, resolve } from 'node:path'
import type {
  InspectResult,
  JobOutcome,
  JobRunOutcome,
  RunProgress,
  RunResult,
  RunSettings
} from '../../shared/local-run'
import type {
  ActiveRun,
  BenchmarkSuggestionView,
  InspectInput,
  LocalRunDetail,
  RunDefaults,
  RunDefaultsInput,
  RunFinishedEvent,
  RunList,
  RunProgressEvent,
  RunStartInput,
  RunStarted
} from '../../shared/local-run-views'
import type { WritableDb } from '../db/types'
import { MLPERF_CONF_MODELS } from '../loadgen/mlperf-conf-defaults'
import { getInferenceResult, upsertInferenceResults } from '../repo/inference-results'
import { localResultId } from '../repo/local-run-results'
import {
  failStaleRuns,
  finishLocalRun,
  getLocalRun,
  insertLocalRun,
  jobRuns,
  latestAccuracyRunDir,
  listLocalRuns
} from '../repo/local-runs'
import { inspectSample } from '../runner/inspect-sample'
import { runLocal } from '../runner/local-run'
import { repetitionStats, runRepetitions } from '../runner/repetitions'
import { RunResultBuilder } from '../runner/run-result'
import { ANY_BENCHMARK, BenchmarkChoiceError, resolveRunSettings } from '../runner/run-settings'
import { suggestBenchmark } from '../runner/benchmarks'
import { describeModelInput } from '../runner/model-input'
import type { ModelInput } from '../runner/model-input'
import { WorkerPool } from '../runner/worker-pool'
import type { WorkerFactory } from '../runner/worker-pool'
import {
  LOCAL_DIVISION,
  LOCAL_ROUND,
  LOCAL_SUBMITTER,
  readLocalRunRecord,
  runResultValue,
  valuesAgree
} from './local-run-record'
import type { MachineInfo } from './machine-info'
import { machineInfo } from './machine-info'
import { ProgressThrottle } from './progress-throttle'
import { runKey } from './run-key'

/** Minimum gap between progress events (phase changes always go out). */
const PROGRESS_MS = 100

/** Why a run cannot start: another is going (`conflict`) or the settings are wrong. */
export class RunStartError extends Error {
  constructor(
    readonly kind: 'conflict' | 'invalid_input',
    message: string
  ) {
    super(message)
    this.name = 'RunStartError'
  }
}

export type RunManagerEvents = {
  progress: (e: RunProgressEvent) => void
  finished: (e: RunFinishedEvent) => void
}

export type RunManagerOptions = {
  db: WritableDb
  /** Parent folder of run folders when a start names no output folder. */
  runsDir: string
  /**
   * The inference worker factory, resolved on first use: the bundled worker in the Electron
   * app, the TypeScript source under tsx (CLI, web mode, tests).
   */
  createWorker: () => Promise<WorkerFactory>
  events: Partial<RunManagerEvents>
  machine?: () => MachineInfo
  now?: () => Date
  /** The app's version, written in each run's detail log. */
  appVersion?: string
}

type Job = {
  jobId: string
  controller: AbortController
  active: ActiveRun
  done: Promise<JobOutcome>
}

/** A run's key: the job's folder name, with `-runN` for each of several repetitions. */
function repetitionKey(jobId: string, repetition: number, repetitions: number): string {
  return repetitions === 1 ? jobId : `${jobId}-run${repetition}`
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** What a stored run adds to the results table. */
type IndexedRun = {
  value: number | null
  unit: string | null
  metric: string | null
  resultId: number | null
}

/**
 * The settings of a run to start: paths made absolute, the run folder fixed, mlperf.conf and
 * user.conf applied. A benchmark must be chosen (`*` is only the form's "none yet").
 */
export function startSettings(requested: RunStartInput['settings'], runDir: string): RunSettings {
  try {
    if (requested.benchmark === ANY_BENCHMARK) throw new BenchmarkChoiceError(undefined)
    return resolveRunSettings({
      ...requested,
      modelPath: resolve(requested.modelPath),
      ...(requested.datasetPath ? { datasetPath: resolve(requested.datasetPath) } : {}),
      outputDir: runDir
    })
  } catch (e) {
    throw new RunStartError('invalid_input', message(e))
  }
}

/**
 * The note a run gets when the value read back from its logs differs from the one it computed
 * beyond the logs' printed precision (the table shows the logs' value); null when they agree.
 */
export function disagreementNote(
  logged: number | null,
  unit: string | null,
  own: number | null
): string | null {
  if (logged === null || own === null || valuesAgree(logged, own)) return null
  return `The logs give ${logged} ${unit} but the run computed ${own}; the table shows the logs' value.`
}

export class LocalRunManager {
  readonly #o: RunManagerOptions
  #job: Job | null = null
  #factory: Promise<WorkerFactory> | null = null

  constructor(o: RunManagerOptions) {
    this.#o = o
    // A read-only database is only browsed; a locked one gets its stale runs marked next time.
    if (o.db.readonly) return
    try {
      failStaleRuns(
        o.db,
        'The app (or the command line) stopped while this run was going; its log files may be incomplete.',
        this.#now().toISOString()
      )
    } catch {
      // see above
    }
  }

  #now(): Date {
    return this.#o.now ? this.#o.now() : new Date()
  }

  #worker(): Promise<WorkerFactory> {
    // A failed resolution is not cached: the next start tries again.
    this.#factory ??= this.#o.createWorker().catch((e: unknown) => {
      this.#factory = null
      throw e
    })
    return this.#factory
  }

  /** The form's defaults: mlperf.conf values for a benchmark, scenario and mode. */
  defaults(input: RunDefaultsInput): RunDefaults {
    let s: RunSettings
    try {
      // No benchmark chosen yet: the generic `*` entries of mlperf.conf, and no benchmark named.
      s = resolveRunSettings({
        modelPath: '',
        outputDir: '',
        benchmark: input.benchmark || ANY_BENCHMARK,
        ...(input.scenario !== undefined ? { scenario: input.scenario } : {}),
        ...(input.mode !== undefined ? { mode: input.mode } : {})
      })
    } catch (e) {
      throw new RunStartError('invalid_input', message(e))
    }
    const { modelPath: _m, outputDir: _o, datasetPath: _d, ...settings } = s
    if (settings.benchmark === ANY_BENCHMARK) settings.benchmark = ''
    return { settings, benchmarks: [...MLPERF_CONF_MODELS], runsDir: this.#o.runsDir }
  }

  /** Start a job; `done` resolves when its last run is stored (it never rejects). */
  start(input: RunStartInput): { started: RunStarted; done: Promise<JobOutcome> } {
    if (this.#job) {
      throw new RunStartError(
        'conflict',
        `A run is already going (${this.#job.active.benchmark} ${this.#job.active.scenario}); cancel it or wait until it ends.`
      )
    }
    const at = this.#now()
    const requested = input.settings
    const scenario = requested.scenario ?? 'SingleStream'
    const key = runKey(at, scenario)
    const runDir = resolve(requested.outputDir ?? join(this.#o.runsDir, key))
    const settings = startSettings(requested, runDir)
    const repetitions = Math.max(1, input.repetitions ?? 1)
    const controller = new AbortController()
    const insert = (repetition: number): number =>
      this.#insertRun(settings, { jobId: key, runDir, repetition, repetitions })
    const firstId = insert(1)
    const active: ActiveRun = {
      jobId: key,
      runId: firstId,
      repetition: 1,
      repetitions,
      modelPath: settings.modelPath,
      benchmark: settings.benchmark,
      scenario: settings.scenario,
      mode: settings.mode,
      startedAt: at.toISOString(),
      progress: null,
      cancelling: false
    }
    const job: Job = {
      jobId: key,
      controller,
      active,
      done: Promise.resolve({ jobId: key, runs: [] })
    }
    job.done = this.#runJob(job, settings, insert).finally(() => {
      if (this.#job === job) this.#job = null
    })
    this.#job = job
    return { started: { jobId: key, runId: firstId, runDir }, done: job.done }
  }

  /** The local_runs row of one repetition, as it starts. */
  #insertRun(
    settings: RunSettings,
    r: { jobId: string; runDir: string; repetition: number; repetitions: number }
  ): number {
    return insertLocalRun(this.#o.db, {
      runKey: repetitionKey(r.jobId, r.repetition, r.repetitions),
      jobId: r.jobId,
      repetition: r.repetition,
      repetitions: r.repetitions,
      benchmark: settings.benchmark,
      scenario: settings.scenario,
      mode: settings.mode,
      modelPath: settings.modelPath,
      // Repetitions go into run_1 … run_N inside the job's folder (runRepetitions).
      runDir: r.repetitions === 1 ? r.runDir : join(r.runDir, `run_${r.repetition}`),
      startedAt: this.#now().toISOString(),
      settingsJson: JSON.stringify(settings)
    })
  }

  async #runJob(
    job: Job,
    settings: RunSettings,
    insert: (repetition: number) => number
  ): Promise<JobOutcome> {
    const { active, controller } = job
    const outcome: JobOutcome = { jobId: job.jobId, runs: [] }
    const throttle = new ProgressThrottle(PROGRESS_MS)
    const onProgress = (p: RunProgress): void => {
      active.progress = p
      if (!throttle.pass(p.phase, Date.now())) return
      this.#o.events.progress?.({
        jobId: job.jobId,
        runId: active.runId,
        repetition: active.repetition,
        repetitions: active.repetitions,
        progress: p
      })
    }
    const finish = (result: RunResult, last: boolean): void => {
      outcome.runs.push(this.#store(active, settings, result, last))
    }
    try {
      const createWorker = await this.#worker()
      const opts = {
        createWorker,
        onProgress,
        signal: controller.signal,
        ...(this.#o.appVersion !== undefined ? { appVersion: this.#o.appVersion } : {})
      }
      if (active.repetitions === 1) {
        finish(await runLocal(settings, opts), true)
      } else {
        await runRepetitions(settings, active.repetitions, {
          ...opts,
          onRunDone: (index, r) => {
            // runRepetitions goes on exactly when a run is done and nobody cancelled.
            const more =
              index + 1 < active.repetitions && r.status === 'done' && !controller.signal.aborted
            finish(r, !more)
            if (more) {
              active.runId = insert(index + 2)
              active.repetition = index + 2
              active.progress = null
              throttle.reset()
            }
          }
        })
      }
    } catch (e) {
      // Only a bug or a worker that cannot be created lands here: the current run fails.
      const reason = `The run could not be carried out: ${message(e)}`
      if (!outcome.runs.some((r) => r.id === active.runId)) {
        finish(this.#failedResult(settings, active, reason), true)
      }
    }
    return outcome
  }

  /** A RunResult for a run that never reached the runner. */
  #failedResult(settings: RunSettings, active: ActiveRun, reason: string): RunResult {
    return new RunResultBuilder(settings, settings.outputDir, Date.parse(active.startedAt)).failed(
      reason
    )
  }

  /** Store one finished run, index it when it is a finished performance run, tell listeners. */
  #store(
    active: ActiveRun,
    settings: RunSettings,
    result: RunResult,
    last: boolean
  ): JobRunOutcome {
    const { db } = this.#o
    const id = active.runId
    const { value, unit, metric, resultId } = this.#indexRun(active, settings, result)
    finishLocalRun(db, id, {
      status: result.status,
      reason: result.reason,
      finishedAt: this.#now().toISOString(),
      valid: result.valid,
      value,
      unit,
      metric,
      accuracy: result.accuracy?.top1Percent ?? null,
      resultId,
      result
    })
    this.#o.events.finished?.({
      jobId: active.jobId,
      runId: id,
      repetition: active.repetition,
      repetitions: active.repetitions,
      status: result.status,
      reason: result.reason,
      valid: result.valid,
      value,
      unit,
      resultId,
      last
    })
    return { id, result, value, unit, resultId }
  }

  /**
   * A finished performance run read back from its logs and indexed in the results table, with
   * the value the table shows; a run the logs cannot make a record of gets a note saying why.
   */
  #indexRun(active: ActiveRun, settings: RunSettings, result: RunResult): IndexedRun {
    const indexed: IndexedRun = { value: null, unit: null, metric: null, resultId: null }
    if (result.status !== 'done' || result.summary === null) return indexed
    try {
      const { record } = readLocalRunRecord({
        runDir: result.runDir,
        runKey: repetitionKey(active.jobId, active.repetition, active.repetitions),
        result,
        machine: (this.#o.machine ?? machineInfo)(),
        accuracyRun: latestAccuracyRunDir(this.#o.db, settings.modelPath, settings.benchmark)
      })
      // The value stays with the run even when indexing it fails below.
      indexed.value = record.value
      indexed.unit = record.unit
      indexed.metric = record.metric
      const note = disagreementNote(record.value, record.unit, runResultValue(result))
      if (note) result.notes.push(note)
      indexed.resultId = this.#index(record)
    } catch (e) {
      result.notes.push(`Not added to the results table: ${message(e)}`)
    }
    return indexed
  }

  /** Write the record with the importer's writer and add its full-text row. */
  #index(record: Parameters<typeof upsertInferenceResults>[1][number]): number | null {
    const { db } = this.#o
    upsertInferenceResults(db, [record], null)
    // The full-text index follows the row by trigger (migration 0091).
    return localResultId(db, {
      round: LOCAL_ROUND,
      division: LOCAL_DIVISION,
      submitter: LOCAL_SUBMITTER,
      systemId: record.systemId,
      benchmark: record.benchmark,
      scenario: record.scenario
    })
  }

  /** Stop the job a run belongs to; false when that run is not going. */
  cancel(runId: number): boolean {
    const job = this.#job
    if (!job) return false
    const belongs =
      job.active.runId === runId || getLocalRun(this.#o.db, runId)?.summary.jobId === job.jobId
    if (!belongs) return false
    job.active.cancelling = true
    job.controller.abort()
    return true
  }

  list(): RunList {
    return { runs: listLocalRuns(this.#o.db), active: this.active() }
  }

  active(): ActiveRun | null {
    return this.#job ? { ...this.#job.active } : null
  }

  get(id: number): LocalRunDetail | null {
    const { db } = this.#o
    const stored = getLocalRun(db, id)
    if (!stored) return null
    const runs = jobRuns(db, stored.summary.jobId)
    const finished = runs.filter((r) => r.summary.status === 'done' && r.result?.summary)
    const first = finished[0]?.result?.summary
    const stats =
      finished.length >= 2 && first
        ? repetitionStats(
            finished.map((r) => r.result!.summary!.result),
            first.resultLabel,
            first.resultUnit
          )
        : null
    const checkerChecks =
      stored.summary.resultId !== null
        ? (getInferenceResult(db, stored.summary.resultId)?.detail.checks ?? [])
        : []
    return {
      ...stored.summary,
      result: stored.result,
      metric: stored.metric,
      checkerChecks,
      repetitionStats: stats,
      siblings: runs.map((r) => r.summary)
    }
  }

  /**
   * The benchmark a model file looks like (file name and input shape), read by a short worker
   * that loads the model; a suggestion the user confirms, never applied silently.
   */
  async suggestBenchmark(input: { modelPath: string }): Promise<BenchmarkSuggestionView> {
    const modelPath = resolve(input.modelPath)
    const name = basename(modelPath)
    let model: ModelInput | null = null
    let problem: string | null = null
    try {
      const pool = await WorkerPool.open(
        await this.#worker(),
        { modelPath, executionProvider: 'cpu', intraOpThreads: 1, interOpThreads: 1 },
        1
      )
      try {
        model = describeModelInput(pool.inputs, modelPath)
      } finally {
        await pool.close()
      }
    } catch (e) {
      problem = message(e)
    }
    const s = suggestBenchmark(name, model)
    return {
      ...s,
      modelPath,
      // The model's own dimensions, symbolic names included ("[N, 3, 224, 224]").
      inputShape: model ? `[${model.shape.map(String).join(', ')}]` : null,
      problem
    }
  }

  /** Top classes of one input (a short, separate worker; runs beside a job if need be). */
  async inspect(input: InspectInput): Promise<InspectResult> {
    const createWorker = await this.#worker()
    return inspectSample({
      modelPath: input.modelPath,
      inputPath: input.inputPath,
      createWorker,
      labelsPath: input.labelsPath ?? null,
      ...(input.topK !== undefined ? { topK: input.topK } : {}),
      ...(input.executionProvider !== undefined
        ? { executionProvider: input.executionProvider }
        : {})
    })
  }

  cancelAll(): void {
    this.#job?.controller.abort()
  }

  /** Resolves when no job is going. */
  async idle(): Promise<void> {
    await this.#job?.done
  }
}
