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
import { threadId } from 'node:worker_threads'
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
import { accuracyLogText, accuracyTxt, int32LeHex } from '../loadgen/accuracy-log'
import type { AccuracyEntry } from '../loadgen/accuracy-log'
import {
  DetailLog,
  logResults,
  logRunStart,
  powerTimestamp,
  testDatetime
} from '../loadgen/detail-writer'
import type { PerformanceSummary } from '../loadgen/performance-summary'
import { officialResult, summarizePerformance } from '../loadgen/performance-summary'
import type { LoopOutcome, LoopProgress } from '../loadgen/run-loop'
import { ERROR_ENDINGS, runScenario } from '../loadgen/run-loop'
import type { RunRecord } from '../loadgen/run-record'
import { loadableSets } from '../loadgen/sample-order'
import {
  histogramBins,
  percentileCurve,
  percentileOfSorted,
  throughputSeries
} from '../loadgen/stats'
import { summaryFooter, writeSummary } from '../loadgen/summary-writer'
import { performanceChecks } from '../loadgen/validity'
import { openDataset } from './dataset'
import type { Dataset } from './dataset'
import type { ModelInput } from './model-input'
import { describeModelInput } from './model-input'
import { qualityTarget } from './quality-target'
import { settingsProblems, testSettingsFor } from './run-settings'
import { createSampleSource } from './sample-source'
import type { SampleSource } from './sample-source'
import { loadSampleStore, MAX_STORE_BYTES } from './sample-store'
import type { WorkerFactory } from './worker-pool'
import { WorkerPool } from './worker-pool'

/** Written as the first generic_message of every detail log. */
export const FORMAT_NOTE =
  'LoadGen-compatible format written by MLPerf Explorer (TypeScript); sample order is not bit-identical to the C++ LoadGen'
export const SEED_NOTE =
  'Seeds drive mt19937 as in LoadGen, but the C++ standard-library distributions are not reproduced, so exact C++ sample and schedule sequences differ; the same seed gives the same sequence within MLPerf Explorer'
export const LOADGEN_VERSION = 'MLPerf Explorer TS LoadGen 0.1 @ local'

export type LocalRunOptions = {
  /** Creates inference workers (sourceWorkerFactory under tsx/vitest, the bundled worker in the app). */
  createWorker: WorkerFactory
  onProgress?: (p: RunProgress) => void
  signal?: AbortSignal
  /** Defaults to the process's monotonic clock. */
  clock?: RunClock
  /** Largest sample store; defaults to min(4 GiB, 40% of RAM). */
  memoryLimitBytes?: number
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

/** Time of the last completion, ns from the start. */
function lastCompletion(rec: RunRecord): number {
  let end = 0
  for (let s = 0; s < rec.sampleCount; s++) if (rec.sCompleted[s]! > end) end = rec.sCompleted[s]!
  return end
}

function jitterP99(outcome: LoopOutcome | null): number {
  if (!outcome || outcome.jitterCount === 0) return 0
  const j = outcome.jitterNs.slice(0, outcome.jitterCount).sort()
  return Math.max(0, percentileOfSorted(j, 0.99))
}

/** Label offset: 'auto' = 1 when the first output has 1001 classes (background class first). */
function labelOffset(settings: RunSettings, pool: WorkerPool): number {
  if (settings.labelOffset !== 'auto') return settings.labelOffset
  const shape = pool.outputs[0]?.shape ?? []
  return shape[shape.length - 1] === 1001 ? 1 : 0
}

/** Run one local benchmark. Always resolves with a RunResult. */
export async function runLocal(settings: RunSettings, opts: LocalRunOptions): Promise<RunResult> {
  const clock = opts.clock ?? realClock
  const wallStart = Date.now()
  const runDir = resolve(settings.outputDir)
  const notes: string[] = [FORMAT_NOTE + '.', SEED_NOTE + '.']
  const files: RunFile[] = []
  const signal = opts.signal
  let phase: RunProgress['phase'] = 'preparing'
  let minDurationNs = settings.minDurationMs * 1e6
  const progress = (p: Partial<RunProgress>): void => {
    opts.onProgress?.({
      phase,
      elapsedNs: 0,
      minDurationNs,
      issued: 0,
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
  if (settings.mode === 'AccuracyOnly' && settings.datasetPath === null) {
    return failed(
      'Accuracy mode needs a dataset folder with val_map.txt labels; synthetic inputs have no labels.'
    )
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

    const requested = testSettingsFor(settings)
    const eff: EffectiveSettings = effectiveSettings(requested, source.total)
    if (eff.performanceSampleCount > source.total) {
      notes.push(
        `performance_sample_count ${eff.performanceSampleCount} exceeds the ${source.total} samples available; all ${source.total} are loaded.`
      )
      eff.performanceSampleCount = source.total
    }
    if (settings.scenario === 'SingleStream' || settings.scenario === 'MultiStream') {
      notes.push(
        'Queries are drawn as they are issued instead of pre-generated, so a run never runs out of queries; the expected latency only sets target_qps in the logs.'
      )
    }
    minDurationNs = eff.minDurationMs * 1e6
    const accuracy = eff.mode === 'AccuracyOnly'
    const sets = loadableSets(source.total, eff.performanceSampleCount, eff.qslRngSeed)
    const toRun = accuracy ? sets : sets.slice(0, 1)
    const fixedBatch = input.fixedBatch
    if (fixedBatch !== null && fixedBatch !== settings.batchSize && settings.batchSize !== 1) {
      notes.push(
        `The model's input has a fixed batch of ${fixedBatch}; batches are sent with that size.`
      )
    }
    const limit = opts.memoryLimitBytes ?? Math.min(MAX_STORE_BYTES, Math.floor(totalmem() * 0.4))

    const origin = clock.now()
    const detail = new DetailLog(origin, process.pid, threadId)
    logRunStart(
      detail,
      origin,
      {
        version: LOADGEN_VERSION,
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
    let powerBeginMs = 0
    let status: RunResult['status'] = 'done'
    let reason: string | null = null
    for (let si = 0; si < toRun.length; si++) {
      const set = toRun[si]!
      phase = 'loading'
      let store
      try {
        store = await loadSampleStore(source, set, {
          memoryLimitBytes: limit,
          signal,
          onProgress: (loaded, total) => progress({ loaded, toLoad: total })
        })
        await pool.setSamples(store)
      } catch (e) {
        if (signal?.aborted) {
          status = 'cancelled'
          reason = 'Cancelled while loading samples.'
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
          const b = Math.min(fixedBatch ?? settings.batchSize, set.length)
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
        } catch (e) {
          status = 'failed'
          reason = `Inference failed during warm-up: ${message(e)}`
          break
        }
        if (settings.warmupRuns > 0)
          notes.push(`${settings.warmupRuns} untimed warm-up inferences per worker before timing.`)
        detail.str(
          'generic_message',
          accuracy ? 'Starting accuracy mode' : 'Starting performance mode',
          clock.now()
        )
        powerBeginMs = Date.now()
      }
      detail.log('loaded_qsl_set', { kind: 'intList', v: set }, clock.now())
      if (signal?.aborted) {
        status = 'cancelled'
        reason = 'Cancelled before timing started.'
        break
      }
      phase = 'running'
      const sut = pool.createSut({
        batchSize: settings.batchSize,
        fixedBatch,
        slotOf: store.slotOf,
        want: accuracy ? 'argmax' : 'none',
        // A second batch waits in the worker (which runs one at a time), so it starts the
        // moment the first ends, with no round trip through this thread, which may be asleep
        // until the next Server arrival. SingleStream/MultiStream have one query in flight.
        depth: settings.scenario === 'Offline' || settings.scenario === 'Server' ? 2 : 1
      })
      outcome = await runScenario({
        settings: eff,
        loadedSet: set,
        sut,
        clock,
        signal,
        record,
        keepResponses: accuracy,
        onProgress: (p: LoopProgress) => progress({ ...p })
      })
      record = outcome.record
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
    detail.int('generated_query_count', record.queryCount, end)
    detail.int('generated_samples_per_query', eff.samplesPerQuery, end)
    detail.int('generated_query_duration', outcome ? outcome.endNs - outcome.startNs : 0n, end)
    if (outcome && ERROR_ENDINGS.has(outcome.endMessage))
      detail.error('error_runtime', outcome.endMessage, end)
    else if (outcome) detail.str('generic_message', outcome.endMessage, end)
    if (status === 'failed') detail.error('error_runtime', reason ?? 'The run failed.', end)
    if (status === 'cancelled') detail.warning(reason ?? 'The run was cancelled.', end)
    if (powerBeginMs > 0) {
      detail.str('power_begin', powerTimestamp(powerBeginMs), end)
      detail.str('power_end', powerTimestamp(Date.now()), end)
    }

    let ps: PerformanceSummary | null = null
    let summary: RunSummary | null = null
    if (!accuracy && record.completedSamples > 0) {
      ps = summarizePerformance(eff, record)
      logResults(detail, end, ps)
      summary = toRunSummary(ps, record, jitterP99(outcome))
    }
    detail.int('num_errors', detail.errors, end)

    let acc: RunAccuracy | null = null
    const entries: AccuracyEntry[] = []
    if (accuracy && record.sResponse && record.completionOrder && source.labels) {
      const offset = labelOffset(settings, pool)
      let good = 0
      for (let k = 0; k < record.completedSamples; k++) {
        const s: number = record.completionOrder[k]!
        const resp: number = record.sResponse[s]!
        const qsl: number = record.sQsl[s]!
        entries.push({ seqId: s, qslIdx: qsl, hex: int32LeHex(resp) })
        if (resp - offset === source.labels[qsl]) good++
      }
      const total = record.completedSamples
      const top1 = total > 0 ? (100 * good) / total : 0
      acc = {
        top1Percent: top1,
        good,
        total,
        qualityTarget:
          settings.referenceAccuracy !== null
            ? qualityTarget(top1, settings.referenceAccuracy, settings.qualityTargetFraction)
            : null
      }
      if (offset !== 0)
        notes.push(
          `Label offset ${offset}: the model's class ids are compared with val_map labels + ${offset}.`
        )
    }

    const accuracyJson = accuracyLogText(entries)
    const out: [string, string, string][] = [
      [
        'summary',
        FILES.summary,
        ps
          ? writeSummary(ps, {
              sutName: settings.sutName,
              warnings: detail.warnings,
              errors: detail.errors
            })
          : summaryFooter(detail.warnings, detail.errors)
      ],
      ['detail', FILES.detail, detail.text()],
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
      checks: ps ? performanceChecks(ps) : [],
      valid: ps ? ps.valid && status === 'done' : null,
      accuracy: acc,
      histogram: histogramBins(lat),
      percentileCurve: percentileCurve(lat),
      throughputSeries: throughputSeries(record.completionTimes())
    })
  }
}
