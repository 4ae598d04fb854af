/**
 * One local MLPerf inference run, end to end: validate every input before timing (model loads,
 * dataset fits, samples decode), load the performance samples into shared memory, warm up, run
 * the scenario through the LoadGen run loop against a worker pool, then write the LoadGen log
 * files and return the RunResult. Cancel (AbortSignal) stops the run and keeps what ran; a
 * worker crash ends it as failed with the reason. Never throws for run problems.
 */
import { createHash } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { availableParallelism, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import type {
  RunAccuracy,
  RunFile,
  RunProgress,
  RunResult,
  RunSettings,
  RunSummary
} from '../../shared/local-run'
import type { RunClock } from '../loadgen/clock'
import { realClock } from '../loadgen/clock'
import type { EffectiveSettings } from '../loadgen/config'
import { effectiveSettings } from '../loadgen/config'
import { accuracyLogText, accuracyTxt } from '../loadgen/accuracy-log'
import type { AccuracyEntry } from '../loadgen/accuracy-log'
import { loadgenBuild } from '../loadgen/build-info'
import { testDatetime } from '../loadgen/detail-writer'
import type { PerformanceSummary } from '../loadgen/performance-summary'
import { officialResult, summarizePerformance } from '../loadgen/performance-summary'
import type { QueryPlan } from '../loadgen/query-plan'
import { generateQueries } from '../loadgen/query-plan'
import type { LoopOutcome, LoopProgress } from '../loadgen/run-loop'
import { CANCELLED_REASON, runScenario } from '../loadgen/run-loop'
import type { RunRecord } from '../loadgen/run-record'
import { scoreClassification } from './accuracy-results'
import { RunLogWriter } from './run-logs'
import { accuracyUnsupported, benchmarkDef } from './benchmarks'
import { loadableSets } from '../loadgen/sample-order'
import {
  histogramBins,
  percentileCurve,
  percentileOfSorted,
  throughputSeries
} from '../loadgen/stats'
import { performanceChecks } from '../loadgen/validity'
import { openDataset } from './dataset'
import type { Dataset } from './dataset'
import type { ModelInput } from './model-input'
import { describeModelInput } from './model-input'
import { qualityTarget } from './quality-target'
import { settingsProblems, testSettingsFor } from './run-settings'
import { createSampleSource } from './sample-source'
import type { SampleSource } from './sample-source'
import type { SampleStore } from './sample-store'
import { loadSampleStore, MAX_STORE_BYTES } from './sample-store'
import type { WorkerFactory } from './worker-pool'
import { WorkerPool } from './worker-pool'

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

const FILES = {
  summary: 'mlperf_log_summary.txt',
  detail: 'mlperf_log_detail.txt',
  accuracy: 'mlperf_log_accuracy.json',
  accuracyTxt: 'accuracy.txt'
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Statistics of a performance run in the shared RunSummary shape. */
function toRunSummary(ps: PerformanceSummary, rec: RunRecord, jitterP99: number): RunSummary {
  const s = ps.settings
  const latency = s.scenario === 'SingleStream' || s.scenario === 'MultiStream'
  const pct = (s.targetLatencyPercentile * 100).toLocaleString('en-US', {
    maximumFractionDigits: 1
  })
  return {
    scenario: s.scenario,
    mode: s.mode,
    result: officialResult(ps),
    resultLabel: latency
      ? ps.earlyStopping?.estimate != null
        ? `${pct}th percentile latency (early stopping estimate)`
        : // The measured percentile, not an estimate: too few queries for one (no official value).
          `${pct}th percentile latency (measured; too few queries for an early-stopping estimate, so no official result)`
      : s.scenario === 'Server'
        ? 'Completed samples per second'
        : 'Samples per second',
    resultUnit: latency ? 'ns' : 'samples/s',
    validity: ps.valid ? 'VALID' : 'INVALID',
    queryCount: ps.queryCount,
    sampleCount: ps.sampleCount,
    incompleteSamples: rec.sampleCount - rec.completedSamples,
    durationNs: lastCompletion(rec),
    minLatencyNs: ps.sample.min,
    maxLatencyNs: ps.sample.max,
    meanLatencyNs: ps.sample.mean,
    percentilesNs: ps.sample.percentiles,
    targetPercentile: s.targetLatencyPercentile * 100,
    targetPercentileLatencyNs: ps.targetPercentileLatency,
    earlyStoppingEstimateNs: ps.earlyStopping?.estimate ?? null,
    earlyStoppingP99EstimateNs: ps.earlyStopping?.estimateP99 ?? null,
    qpsWithLoadgenOverhead: ps.qpsWithLoadgenOverhead,
    qpsWithoutLoadgenOverhead: ps.qpsWithoutLoadgenOverhead,
    scheduledSamplesPerSecond: ps.scheduledSamplesPerSecond,
    completedSamplesPerSecond: ps.completedSamplesPerSecond,
    samplesPerSecond: ps.samplesPerSecond,
    overLatencyCount: ps.overLatencyCount,
    perQuery: ps.perQuery
      ? {
          minNs: ps.perQuery.min,
          maxNs: ps.perQuery.max,
          meanNs: ps.perQuery.mean,
          percentilesNs: ps.perQuery.percentiles
        }
      : null,
    issueJitterP99Ns: jitterP99
  }
}

/** Time of the last completion among samples `from`… (one loadable set), ns from its start. */
function lastCompletion(rec: RunRecord, from = 0): number {
  let end = 0
  for (let s = from; s < rec.sampleCount; s++)
    if (rec.sCompleted[s]! > end) end = rec.sCompleted[s]!
  return end
}

function jitterP99(outcome: LoopOutcome | null): number {
  if (!outcome || outcome.jitterCount === 0) return 0
  const j = outcome.jitterNs.slice(0, outcome.jitterCount).sort()
  return Math.max(0, percentileOfSorted(j, 0.99))
}

/** Untimed inferences on every worker: alternately a full batch and a single sample. */
async function warmUp(
  pool: WorkerPool,
  settings: RunSettings,
  fixedBatch: number | null,
  loaded: number
): Promise<void> {
  const b = Math.min(fixedBatch ?? settings.batchSize, loaded)
  for (let w = 0; w < pool.size; w++) {
    for (let k = 0; k < settings.warmupRuns; k++) {
      const n = k % 2 === 0 ? b : 1
      await pool.request(
        w,
        Int32Array.from({ length: n }, (_, i) => i),
        fixedBatch ?? n,
        'none'
      )
    }
  }
}

/** Label offset: 'auto' = 1 when the first output has 1001 classes (background class first). */
function labelOffset(settings: RunSettings, pool: WorkerPool): number {
  if (settings.labelOffset !== 'auto') return settings.labelOffset
  const shape = pool.outputs[0]?.shape ?? []
  return shape[shape.length - 1] === 1001 ? 1 : 0
}

/** What one loadable set's scenario run needs; the same for the in-thread and in-worker paths. */
type SetRun = {
  settings: EffectiveSettings
  set: Uint32Array
  plan: QueryPlan
  store: SampleStore
  fixedBatch: number | null
  record: RunRecord | undefined
}

/** Run one local benchmark. Always resolves with a RunResult. */
export async function runLocal(settings: RunSettings, opts: LocalRunOptions): Promise<RunResult> {
  const clock = opts.clock ?? realClock
  const wallStart = Date.now()
  const runDir = resolve(settings.outputDir)
  const notes: string[] = [FORMAT_NOTE + '.', SEED_NOTE + '.']
  const files: RunFile[] = []
  const signal = opts.signal
  const accuracy = settings.mode === 'AccuracyOnly'
  let phase: RunProgress['phase'] = 'preparing'
  // Accuracy mode issues every sample once: no minimum duration applies.
  let minDurationNs = accuracy ? 0 : settings.minDurationMs * 1e6
  const progress = (p: Partial<RunProgress>): void => {
    opts.onProgress?.({
      phase,
      mode: settings.mode,
      elapsedNs: 0,
      minDurationNs,
      issued: 0,
      generated: 0,
      completed: 0,
      loaded: 0,
      toLoad: 0,
      throughput: 0,
      latencyP50Ns: 0,
      latencyP90Ns: 0,
      latencyP99Ns: 0,
      ...p
    })
  }
  const result = (
    partial: Partial<RunResult> & Pick<RunResult, 'status' | 'reason'>
  ): RunResult => ({
    runDir,
    startedAt: new Date(wallStart).toISOString(),
    wallMs: Date.now() - wallStart,
    settings,
    summary: null,
    checks: [],
    valid: null,
    accuracy: null,
    files,
    histogram: [],
    percentileCurve: [],
    throughputSeries: [],
    notes,
    ...partial
  })
  const failed = (reason: string): RunResult => result({ status: 'failed', reason })

  // --- Validation before anything is timed ---------------------------------------------
  const problems = settingsProblems(settings)
  if (problems.length > 0) return failed(`Invalid settings: ${problems.join('; ')}.`)
  const modelPath = resolve(settings.modelPath)
  if (!existsSync(modelPath) || !statSync(modelPath).isFile())
    return failed(`Model file not found: ${modelPath}`)
  if (accuracy) {
    const unsupported = accuracyUnsupported(settings.benchmark)
    if (unsupported !== null) return failed(unsupported)
    if (settings.datasetPath === null) {
      return failed(
        'Accuracy mode needs a dataset folder with val_map.txt labels; synthetic inputs have no labels.'
      )
    }
  }
  let dataset: Dataset | null = null
  if (settings.datasetPath !== null) {
    try {
      dataset = await openDataset(settings.datasetPath)
    } catch (e) {
      return failed(message(e))
    }
  }
  progress({})

  const concurrent = settings.scenario === 'Server' || settings.scenario === 'Offline'
  const workerCount = concurrent
    ? Math.max(1, Math.min(settings.workers, availableParallelism() * 2))
    : 1
  let pool: WorkerPool
  try {
    pool = await WorkerPool.open(
      opts.createWorker,
      {
        modelPath,
        executionProvider: settings.executionProvider,
        intraOpThreads: settings.intraOpThreads,
        interOpThreads: settings.interOpThreads
      },
      workerCount
    )
  } catch (e) {
    return failed(`Could not load the model ${modelPath}: ${message(e)}`)
  }
  try {
    return await runWithPool()
  } finally {
    await pool.close()
  }

  async function runWithPool(): Promise<RunResult> {
    let source: SampleSource
    let input: ModelInput
    try {
      input = describeModelInput(pool.inputs, modelPath)
      source = await createSampleSource({
        dataset,
        input,
        preprocess: settings.preprocess,
        modelPath,
        syntheticCount: settings.syntheticSampleCount,
        seed: testSettingsFor(settings).qslRngSeed
      })
    } catch (e) {
      return failed(message(e))
    }
    if (dataset === null) notes.push(`No dataset: ${source.description} inputs (performance only).`)
    else notes.push(`Dataset ${dataset.root}: ${source.total} samples, ${source.description}.`)

    // The QSL reports all its samples as its performance count; performance_sample_count
    // (mlperf.conf's override, or the user's) is logged as LoadGen logs it even when it exceeds
    // them, and LoadGen then loads every sample as one loadable set (loadgen.cc
    // `GenerateLoadableSets`), as the app does.
    const requested = testSettingsFor(settings)
    const eff: EffectiveSettings = effectiveSettings(requested, source.total, source.total)
    if (eff.performanceSampleCount > source.total) {
      notes.push(
        `performance_sample_count ${eff.performanceSampleCount.toLocaleString('en-US')} is more than the ${source.total.toLocaleString('en-US')} samples available: all ${source.total.toLocaleString('en-US')} are loaded, as LoadGen does.`
      )
    }
    minDurationNs = accuracy ? 0 : eff.minDurationMs * 1e6
    const sets = loadableSets(source.total, eff.performanceSampleCount, eff.qslRngSeed)
    const toRun = accuracy ? sets : sets.slice(0, 1)
    // Generate the first set's queries now: settings that would not fit fail before loading.
    let firstPlan: QueryPlan
    try {
      firstPlan = generateQueries(eff, toRun[0]!)
    } catch (e) {
      return failed(message(e))
    }
    const fixedBatch = input.fixedBatch
    if (fixedBatch !== null && fixedBatch !== settings.batchSize && settings.batchSize !== 1) {
      notes.push(
        `The model's input has a fixed batch of ${fixedBatch}; batches are sent with that size.`
      )
    }
    const limit = opts.memoryLimitBytes ?? Math.min(MAX_STORE_BYTES, Math.floor(totalmem() * 0.4))

    const origin = clock.now()
    const logs = new RunLogWriter(
      origin,
      {
        build: loadgenBuild(opts.appVersion ?? '0.0.0'),
        testDatetime: testDatetime(wallStart),
        sutName: settings.sutName,
        qslName: dataset ? 'MLPerf Explorer dataset' : 'MLPerf Explorer synthetic samples',
        qslTotalCount: source.total,
        qslPerformanceCount: source.total
      },
      [FORMAT_NOTE, SEED_NOTE],
      requested,
      eff
    )

    let outcome: LoopOutcome | null = null
    let record: RunRecord | undefined
    let status: RunResult['status'] = 'done'
    let reason: string | null = null
    for (let si = 0; si < toRun.length; si++) {
      const set = toRun[si]!
      phase = 'loading'
      let store: SampleStore
      let plan: QueryPlan
      try {
        plan = si === 0 ? firstPlan : generateQueries(eff, set)
        store = await loadSampleStore(source, set, {
          memoryLimitBytes: limit,
          signal,
          onProgress: (loaded, total) => progress({ loaded, toLoad: total })
        })
        await pool.setSamples(store)
      } catch (e) {
        if (signal?.aborted) {
          status = 'cancelled'
          reason = CANCELLED_REASON
        } else {
          status = 'failed'
          reason = message(e)
        }
        break
      }
      if (si === 0) {
        phase = 'warmup'
        progress({})
        try {
          await warmUp(pool, settings, fixedBatch, set.length)
        } catch (e) {
          status = 'failed'
          reason = `Inference failed during warm-up: ${message(e)}`
          break
        }
        if (settings.warmupRuns > 0)
          notes.push(`${settings.warmupRuns} untimed warm-up inferences per worker before timing.`)
        logs.startMode(clock.now())
      }
      logs.setStart(clock.now(), set, plan)
      if (signal?.aborted) {
        status = 'cancelled'
        reason = CANCELLED_REASON
        break
      }
      phase = 'running'
      const fromSample = record?.sampleCount ?? 0
      outcome = await runSet(pool, settings, {
        settings: eff,
        set,
        plan,
        store,
        fixedBatch,
        record
      })
      record = outcome.record
      logs.setEnd(clock.now(), outcome, lastCompletion(record, fromSample))
      if (outcome.status !== 'done') {
        status = outcome.status
        reason = outcome.reason
        break
      }
    }

    // Nothing was timed: report the problem without writing logs of an empty run.
    if (!record)
      return result({
        status: status === 'done' ? 'failed' : status,
        reason: reason ?? 'Nothing ran.'
      })

    // --- Results and files ----------------------------------------------------------------
    phase = 'writing'
    progress({})
    const end = clock.now()
    if (status !== 'done') logs.stopped(end, status, reason)

    let ps: PerformanceSummary | null = null
    let summary: RunSummary | null = null
    if (!accuracy && record.completedSamples > 0) {
      ps = summarizePerformance(eff, record)
      summary = toRunSummary(ps, record, jitterP99(outcome))
    }
    const texts = logs.finish(end, ps, settings.sutName)

    let acc: RunAccuracy | null = null
    let entries: AccuracyEntry[] = []
    const encoding = benchmarkDef(settings.benchmark)?.accuracy ?? null
    if (accuracy && encoding && source.labels) {
      const offset = labelOffset(settings, pool)
      const score = scoreClassification(record, source.labels, offset, encoding)
      entries = score.entries
      const top1 = score.total > 0 ? (100 * score.good) / score.total : 0
      acc = {
        top1Percent: top1,
        good: score.good,
        total: score.total,
        qualityTarget:
          settings.referenceAccuracy !== null
            ? qualityTarget(top1, settings.referenceAccuracy, settings.qualityTargetFraction)
            : null
      }
      notes.push(
        `Accuracy log: ${encoding.meaning} per sample, as the ${settings.benchmark} reference harness writes it (read by ${encoding.scorer}).`
      )
      if (offset !== 0)
        notes.push(
          `Label offset ${offset}: the model's class ids minus ${offset} are compared with the val_map labels and written to the accuracy log.`
        )
    }

    const accuracyJson = accuracyLogText(entries)
    const out: [string, string, string][] = [
      ['summary', FILES.summary, texts.summary],
      ['detail', FILES.detail, texts.detail],
      ['accuracy_log', FILES.accuracy, accuracyJson]
    ]
    if (acc) {
      const hash = createHash('sha256').update(accuracyJson).digest('hex')
      out.push(['accuracy', FILES.accuracyTxt, accuracyTxt(acc.good, acc.total, hash)])
    }
    try {
      await mkdir(runDir, { recursive: true })
      for (const [role, name, text] of out) {
        const path = join(runDir, name)
        await writeFile(path, text)
        files.push({ role, path, bytes: Buffer.byteLength(text) })
      }
    } catch (e) {
      return failed(`Cannot write the log files to ${runDir}: ${message(e)}`)
    }

    const lat = record.completedLatencies().sort()
    if (record.sampleCount > record.completedSamples) {
      notes.push(
        `${record.sampleCount - record.completedSamples} issued samples never completed; statistics cover completed samples only.`
      )
    }
    return result({
      status,
      reason,
      summary,
      checks: ps && status === 'done' ? performanceChecks(ps) : [],
      valid: ps && status === 'done' ? ps.valid : null,
      accuracy: acc,
      histogram: histogramBins(lat),
      percentileCurve: percentileCurve(lat),
      throughputSeries: throughputSeries(record.completionTimes())
    })
  }

  /**
   * One loadable set through the LoadGen run loop. With one session the loop runs inside the
   * inference worker (no message per query, nothing on this thread can delay it); with several
   * it runs here against the pool, which spreads batches over the workers.
   */
  function runSet(p: WorkerPool, s: RunSettings, r: SetRun): Promise<LoopOutcome> {
    const want = accuracy ? 'argmax' : 'none'
    const onProgress = (lp: LoopProgress): void => progress({ ...lp })
    if (p.size === 1 && opts.clock === undefined) {
      return p.runScenarioInWorker({
        settings: r.settings,
        loadedSet: r.set,
        plan: r.plan,
        slotOf: r.store.slotOf,
        maxBatch: Math.max(1, r.fixedBatch ?? s.batchSize),
        fixedBatch: r.fixedBatch,
        want,
        keepResponses: accuracy,
        continueRecord: r.record !== undefined,
        ...(signal ? { signal } : {}),
        onProgress
      })
    }
    const sut = p.createSut({
      batchSize: s.batchSize,
      fixedBatch: r.fixedBatch,
      slotOf: r.store.slotOf,
      want,
      // A second batch waits in the worker (which runs one at a time), so it starts the
      // moment the first ends, with no round trip through this thread, which may be asleep
      // until the next Server arrival. SingleStream/MultiStream have one query in flight.
      depth: s.scenario === 'Offline' || s.scenario === 'Server' ? 2 : 1
    })
    return runScenario({
      settings: r.settings,
      loadedSet: r.set,
      plan: r.plan,
      sut,
      clock,
      signal,
      record: r.record,
      keepResponses: accuracy,
      onProgress
    })
  }
}
