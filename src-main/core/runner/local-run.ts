/**
 * One local MLPerf inference run, end to end: validate every input before timing (model loads,
 * dataset fits, samples decode), load the performance samples into shared memory, warm up, run
 * the scenario through the LoadGen run loop against a worker pool, then write the LoadGen log
 * files and return the RunResult. Cancel (AbortSignal) stops the run and keeps what ran; a
 * worker crash ends it as failed with the reason. Never throws for run problems.
 *
 * This module only says the order of the steps; each step lives in a module of its own:
 * run-inputs (checks before timing), run-plan (settings and loadable sets), run-sets (the timed
 * walk over the sets), set-run (one set through the run loop), run-summary and run-outputs
 * (statistics, accuracy, files, charts), with the run's progress and result carried by
 * RunProgressReporter and RunResultBuilder.
 */
import { resolve } from 'node:path'
import type { RunProgress, RunResult, RunSettings } from '../../shared/local-run'
import type { RunClock } from '../loadgen/clock'
import { realClock } from '../loadgen/clock'
import { loadgenBuild } from '../loadgen/build-info'
import { testDatetime } from '../loadgen/detail-writer'
import { summarizePerformance } from '../loadgen/performance-summary'
import type { QueryPlan } from '../loadgen/query-plan'
import { generateQueries } from '../loadgen/query-plan'
import { performanceChecks } from '../loadgen/validity'
import { describeModelInput } from './model-input'
import type { ModelInput } from './model-input'
import type { RunInputs } from './run-inputs'
import { checkRunInputs, openModelPool } from './run-inputs'
import { RunLogWriter } from './run-logs'
import { runCharts, runFileTexts, scoreAccuracy, writeRunFiles } from './run-outputs'
import type { RunPlan } from './run-plan'
import { fixedBatchNote, planRun } from './run-plan'
import { testSettingsFor } from './run-settings'
import { RunProgressReporter } from './run-progress'
import { RunResultBuilder } from './run-result'
import type { SetsOutcome, SetWalk } from './run-sets'
import { runLoadableSets } from './run-sets'
import { jitterP99, toRunSummary } from './run-summary'
import { createSampleSource } from './sample-source'
import type { SampleSource } from './sample-source'
import { defaultStoreLimit } from './sample-store'
import type { SetRunner } from './set-run'
import { runSet } from './set-run'
import type { WorkerFactory } from './worker-pool'
import type { WorkerPool } from './worker-pool'

/** Written as the first generic_message of every detail log. */
export const FORMAT_NOTE =
  'LoadGen 6.0 log formats written by MLPerf Explorer (a TypeScript LoadGen), not by the official LoadGen binary'
export const SEED_NOTE =
  "Seeds drive mt19937 as in LoadGen and the query schedule is LoadGen's, but samples are drawn with this app's integer distributions and shuffles, so the sample order differs from the C++ LoadGen's; the same seed gives the same order within MLPerf Explorer"

export type LocalRunOptions = {
  /** Creates inference workers (sourceWorkerFactory under tsx/vitest, the bundled worker in the app). */
  createWorker: WorkerFactory
  onProgress?: (p: RunProgress) => void
  signal?: AbortSignal
  /** Defaults to the process's monotonic clock. */
  clock?: RunClock
  /** Largest sample store; defaults to min(4 GiB, 40% of RAM). */
  memoryLimitBytes?: number
  /** The app's version, for the detail log's version block. */
  appVersion?: string
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** A run whose model is loaded: what every later step reads, and what it reports to. */
type PoolRun = {
  settings: RunSettings
  opts: LocalRunOptions
  clock: RunClock
  inputs: RunInputs
  pool: WorkerPool
  out: RunResultBuilder
  progress: RunProgressReporter
}

/** Run one local benchmark. Always resolves with a RunResult. */
export async function runLocal(settings: RunSettings, opts: LocalRunOptions): Promise<RunResult> {
  const out = new RunResultBuilder(settings, resolve(settings.outputDir), Date.now(), [
    FORMAT_NOTE + '.',
    SEED_NOTE + '.'
  ])
  const progress = new RunProgressReporter(settings, opts.onProgress)
  const inputs = await checkRunInputs(settings)
  if ('problem' in inputs) return out.failed(inputs.problem)
  progress.emit()
  let pool: WorkerPool
  try {
    pool = await openModelPool(opts.createWorker, settings, inputs.modelPath)
  } catch (e) {
    return out.failed(message(e))
  }
  const clock = opts.clock ?? realClock
  try {
    return await runWithPool({ settings, opts, clock, inputs, pool, out, progress })
  } finally {
    await pool.close()
  }
}

/** The model's input and the samples that feed it (dataset files or synthetic tensors). */
async function openSamples(run: PoolRun): Promise<{ input: ModelInput; source: SampleSource }> {
  const { settings, inputs } = run
  const input = describeModelInput(run.pool.inputs, inputs.modelPath)
  const source = await createSampleSource({
    dataset: inputs.dataset,
    input,
    preprocess: settings.preprocess,
    modelPath: inputs.modelPath,
    syntheticCount: settings.syntheticSampleCount,
    // Synthetic tensors come from the QSL seed: the same settings give the same inputs.
    seed: testSettingsFor(settings).qslRngSeed
  })
  const dataset = inputs.dataset
  run.out.note(
    dataset === null
      ? `No dataset: ${source.description} inputs (performance only).`
      : `Dataset ${dataset.root}: ${source.total} samples, ${source.description}.`
  )
  return { input, source }
}

/** What is decided before anything is loaded: the samples, the plan, the first set's queries. */
type Prepared = {
  input: ModelInput
  source: SampleSource
  plan: RunPlan
  firstPlan: QueryPlan
}

/** Open the samples and plan the run; throws the reason the run cannot start. */
async function prepare(run: PoolRun): Promise<Prepared> {
  const { settings, out } = run
  const { input, source } = await openSamples(run)
  const plan = planRun(settings, source.total)
  for (const n of plan.notes) out.note(n)
  run.progress.setMinDuration(plan.effective.minDurationMs)
  // Generate the first set's queries now: settings that would not fit fail before loading.
  const firstPlan = generateQueries(plan.effective, plan.sets[0]!)
  const batchNote = fixedBatchNote(input.fixedBatch, settings.batchSize)
  if (batchNote) out.note(batchNote)
  return { input, source, plan, firstPlan }
}

async function runWithPool(run: PoolRun): Promise<RunResult> {
  let prepared: Prepared
  try {
    prepared = await prepare(run)
  } catch (e) {
    return run.out.failed(message(e))
  }
  const logs = openRunLogs(run, prepared)
  const sets = await runLoadableSets(setWalk(run, prepared, logs))
  // Nothing was timed: report the problem without writing logs of an empty run.
  if (!sets.record)
    return run.out.result({
      status: sets.status === 'done' ? 'failed' : sets.status,
      reason: sets.reason ?? 'Nothing ran.'
    })
  return finishRun(run, prepared, logs, { ...sets, record: sets.record })
}

/** The walk over the loadable sets, wired to this run's pool, clock, progress and notes. */
function setWalk(run: PoolRun, p: Prepared, logs: RunLogWriter): SetWalk {
  const { settings, opts, clock, progress, pool } = run
  const setRunner: SetRunner = {
    pool,
    settings,
    clock,
    clockInjected: opts.clock !== undefined,
    signal: opts.signal,
    onProgress: (lp) => progress.emit({ ...lp })
  }
  return {
    pool,
    settings,
    effective: p.plan.effective,
    sets: p.plan.sets,
    firstPlan: p.firstPlan,
    source: p.source,
    fixedBatch: p.input.fixedBatch,
    memoryLimitBytes: opts.memoryLimitBytes ?? defaultStoreLimit(),
    logs,
    clock,
    signal: opts.signal,
    progress,
    note: (text) => run.out.note(text),
    runSet: (r) => runSet(setRunner, r)
  }
}

/** The detail log writer, opened with the run's identity and settings when timing is near. */
function openRunLogs(run: PoolRun, { source, plan }: Prepared): RunLogWriter {
  const { settings } = run
  return new RunLogWriter(
    run.clock.now(),
    {
      build: loadgenBuild(run.opts.appVersion ?? '0.0.0'),
      testDatetime: testDatetime(run.out.wallStart),
      sutName: settings.sutName,
      qslName: run.inputs.dataset ? 'MLPerf Explorer dataset' : 'MLPerf Explorer synthetic samples',
      qslTotalCount: source.total,
      qslPerformanceCount: source.total
    },
    [FORMAT_NOTE, SEED_NOTE],
    plan.requested,
    plan.effective
  )
}

/** Statistics, accuracy, the log files and the charts of a run that timed something. */
async function finishRun(
  run: PoolRun,
  { plan, source }: Prepared,
  logs: RunLogWriter,
  sets: SetsOutcome & { record: NonNullable<SetsOutcome['record']> }
): Promise<RunResult> {
  const { settings, out } = run
  const { record, status, reason } = sets
  run.progress.enter('writing')
  const end = run.clock.now()
  if (status !== 'done') logs.stopped(end, status, reason)
  const ps =
    settings.mode !== 'AccuracyOnly' && record.completedSamples > 0
      ? summarizePerformance(plan.effective, record)
      : null
  const texts = logs.finish(end, ps, settings.sutName)
  const scored = scoreAccuracy(settings, run.pool.outputs, source.labels, record)
  for (const n of scored.notes) out.note(n)
  try {
    await writeRunFiles(out.runDir, runFileTexts(texts, scored), out.files)
  } catch (e) {
    return out.failed(`Cannot write the log files to ${out.runDir}: ${message(e)}`)
  }
  if (record.sampleCount > record.completedSamples) {
    out.note(
      `${record.sampleCount - record.completedSamples} issued samples never completed; statistics cover completed samples only.`
    )
  }
  return out.result({
    status,
    reason,
    summary: ps ? toRunSummary(ps, record, jitterP99(sets.outcome)) : null,
    checks: ps && status === 'done' ? performanceChecks(ps) : [],
    valid: ps && status === 'done' ? ps.valid : null,
    accuracy: scored.accuracy,
    ...runCharts(record)
  })
}
