/**
 * Local-run benchmark on a real model with synthetic inputs: the app's Offline throughput and
 * SingleStream p90 next to a bare onnxruntime-node loop on the same model in the same process
 * (bare loops run between the app runs, so each comparison uses the loops around it), a Server
 * run at 80% of the bare loop's single-sample capacity (is it VALID? against the bare loop run
 * as a Server SUT on the same schedule), and the issue jitter p99.
 * `npx tsx test/bench/local-run-bench.ts [model.onnx]` prints the numbers.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as ort from 'onnxruntime-node'
import { realClock } from '../../src-main/core/loadgen/clock'
import { parseSeed } from '../../src-main/core/loadgen/mt19937'
import { builtInTestSettings, effectiveSettings } from '../../src-main/core/loadgen/config'
import { generateQueries } from '../../src-main/core/loadgen/query-plan'
import { runLocal } from '../../src-main/core/runner/local-run'
import { describeModelInput } from '../../src-main/core/runner/model-input'
import { resolveRunSettings } from '../../src-main/core/runner/run-settings'
import { sourceWorkerFactory } from '../../src-main/core/runner/source-worker'
import { fillSynthetic, syntheticDims } from '../../src-main/core/runner/synthetic'
import { ELEMENT_BYTES } from '../../src-main/core/runner/tensor-types'
import { tensorData, valueMetas } from '../../src-main/core/runner/worker-ops'
import type { RunResult } from '../../src-main/shared/local-run'

export type LocalRunBenchOptions = {
  /** Batch of the Offline comparison (app and bare loop). */
  batch?: number
  /** Timed seconds of each bare loop and of the SingleStream/Offline runs. */
  seconds?: number
  /**
   * Server latency bound in ms. Default: the larger of MLPerf's resnet50 bound (15 ms) and
   * 1.5 × the p99 the bare loop reaches on the same schedule: at 80% load queueing alone puts
   * an ideal single server's p99 near 11 service times, so a fixed multiple of the service
   * time would fail the bare loop too. The app passes when its tail (and LoadGen's early
   * stopping estimate of it) stays within half again of the bare loop's.
   */
  serverBoundMs?: number
}

export type LocalRunBenchResult = {
  model: string
  batch: number
  /**
   * Bare loops measured before Offline, between Offline and SingleStream, and after; each app
   * run is compared with the mean of the two bare loops around it (the machine may be shared).
   */
  bare: BareNumbers[]
  offline: {
    samplesPerSecond: number
    bareSamplesPerSecond: number
    ratioToBare: number
    valid: boolean | null
  }
  singleStream: {
    p90Ms: number
    earlyStoppingP90Ms: number
    bareP90Ms: number
    /** App p90 / bare p90 (1 = no overhead). */
    ratioToBare: number
    queries: number
    valid: boolean | null
    jitterP99Us: number
  }
  server: {
    targetQps: number
    completedSamplesPerSecond: number
    p99Ms: number
    /** p99 of the bare loop run as a Server SUT on the same schedule (queueing alone). */
    bareP99Ms: number
    boundMs: number
    queries: number
    valid: boolean | null
    /** p99 of issue time − scheduled time. */
    jitterP99Us: number
  }
}

export type BareNumbers = {
  /** Per-call latency of batch-1 runs. */
  batch1P50Ms: number
  batch1P90Ms: number
  batch1SamplesPerSecond: number
  batchSamplesPerSecond: number
}

const p = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!

type BareSession = {
  session: ort.InferenceSession
  feed: (n: number) => Record<string, ort.Tensor>
}

/** A session with the app's default options and a synthetic feed of any batch. */
async function bareSession(modelPath: string): Promise<BareSession> {
  const session = await ort.InferenceSession.create(modelPath, {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all'
  })
  const input = describeModelInput(valueMetas(session.inputMetadata), modelPath)
  const dims = syntheticDims(input.sampleDims, input.name, null)
  const sampleBytes = dims.reduce((a, b) => a * b, 1) * ELEMENT_BYTES[input.dtype]
  const feed = (n: number): Record<string, ort.Tensor> => {
    const bytes = new Uint8Array(n * sampleBytes)
    for (let k = 0; k < n; k++)
      fillSynthetic(
        input.dtype,
        bytes.subarray(k * sampleBytes, (k + 1) * sampleBytes),
        parseSeed(1),
        k
      )
    return {
      [input.name]: new ort.Tensor(input.dtype, tensorData(input.dtype, bytes), [n, ...dims])
    }
  }
  return { session, feed }
}

/** Bare onnxruntime-node loop: batch-1 latencies and batch-N throughput, same session options as the app. */
async function bareLoop(modelPath: string, batch: number, seconds: number): Promise<BareNumbers> {
  const { session, feed } = await bareSession(modelPath)
  const one = feed(1)
  const many = feed(batch)
  for (let i = 0; i < 3; i++) {
    await session.run(one)
    await session.run(many)
  }
  const lat: number[] = []
  let end = performance.now() + seconds * 1000
  while (performance.now() < end) {
    const t = process.hrtime.bigint()
    await session.run(one)
    lat.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  let samples = 0
  const t0 = performance.now()
  end = t0 + seconds * 1000
  while (performance.now() < end) {
    await session.run(many)
    samples += batch
  }
  const batchSps = samples / ((performance.now() - t0) / 1000)
  await session.release()
  lat.sort((a, b) => a - b)
  return {
    batch1P50Ms: p(lat, 0.5),
    batch1P90Ms: p(lat, 0.9),
    batch1SamplesPerSecond: 1000 / (lat.reduce((a, b) => a + b, 0) / lat.length),
    batchSamplesPerSecond: batchSps
  }
}

/**
 * The bare loop as a Server SUT: the same Poisson schedule LoadGen's Server would draw, one
 * sample per query, each run as soon as it has arrived and the previous one has finished, on
 * the main thread with no workers or messages. Its p99 (completion − scheduled time) is what
 * queueing alone costs at this load, the baseline the app's Server run is held to.
 */
async function bareOpenLoop(
  modelPath: string,
  qps: number,
  seconds: number,
  scheduleSeed: string
): Promise<number> {
  const { session, feed } = await bareSession(modelPath)
  const one = feed(1)
  for (let i = 0; i < 3; i++) await session.run(one)
  const offsetsNs = generateQueries(
    effectiveSettings(
      {
        ...builtInTestSettings('Server', 'PerformanceOnly'),
        serverTargetQps: qps,
        minDurationMs: seconds * 1000,
        minQueryCount: 100,
        scheduleRngSeed: parseSeed(scheduleSeed)
      },
      1
    ),
    Uint32Array.of(0)
  ).scheduledNs!
  const lat: number[] = []
  const start = process.hrtime.bigint()
  for (const off of offsetsNs) {
    const at = start + BigInt(off)
    if (process.hrtime.bigint() < at) await realClock.sleepUntil(at)
    await session.run(one)
    lat.push(Number(process.hrtime.bigint() - at) / 1e6)
  }
  await session.release()
  lat.sort((a, b) => a - b)
  return p(lat, 0.99)
}

function ok(r: RunResult): NonNullable<RunResult['summary']> {
  if (r.status !== 'done' || r.summary === null)
    throw new Error(`${r.settings.scenario} run ${r.status}: ${r.reason}`)
  return r.summary
}

/** Measure the app against a bare loop on `modelPath` (MobileNetV2 in the lead's bench). */
export async function runLocalRunBench(
  modelPath: string,
  opts: LocalRunBenchOptions = {}
): Promise<LocalRunBenchResult> {
  const model = resolve(modelPath)
  const batch = opts.batch ?? 8
  const seconds = opts.seconds ?? 4
  const dir = mkdtempSync(join(tmpdir(), 'mlx-local-bench-'))
  const createWorker = sourceWorkerFactory()
  const common = {
    modelPath: model,
    benchmark: 'resnet50',
    syntheticSampleCount: 16,
    warmupRuns: 3
  }
  const mean = (a: BareNumbers, b: BareNumbers, k: keyof BareNumbers): number => (a[k] + b[k]) / 2
  try {
    const bare0 = await bareLoop(model, batch, seconds / 2)
    const offline = ok(
      await runLocal(
        resolveRunSettings({
          ...common,
          outputDir: join(dir, 'offline'),
          scenario: 'Offline',
          batchSize: batch,
          // Size the single query to last about `seconds` at the bare loop's rate.
          targetQps: bare0.batchSamplesPerSecond,
          minDurationMs: seconds * 1000,
          minQueryCount: 1
        }),
        { createWorker }
      )
    )
    const bare1 = await bareLoop(model, batch, seconds / 2)
    const ssRun = await runLocal(
      resolveRunSettings({
        ...common,
        outputDir: join(dir, 'ss'),
        scenario: 'SingleStream',
        minDurationMs: seconds * 1000,
        minQueryCount: 64,
        // LoadGen pre-generates 2 × min_duration at this latency: a tenth of the bare loop's.
        expectedLatencyMs: bare1.batch1P50Ms / 10
      }),
      { createWorker }
    )
    const ss = ok(ssRun)
    const bare2 = await bareLoop(model, batch, seconds / 2)
    const capacity =
      (bare0.batch1SamplesPerSecond + bare1.batch1SamplesPerSecond + bare2.batch1SamplesPerSecond) /
      3
    const bareP90 = mean(bare1, bare2, 'batch1P90Ms')
    const targetQps = 0.8 * capacity
    const serverSettings = {
      ...common,
      outputDir: join(dir, 'server'),
      scenario: 'Server' as const,
      targetQps,
      // Early stopping at p99 needs at least 459 queries; aim for ~700.
      minDurationMs: Math.max(seconds * 1000, Math.ceil((700 / targetQps) * 1000)),
      minQueryCount: 100
    }
    // The bare loop under the very schedule the app's run will draw.
    const bareServerP99 = await bareOpenLoop(
      model,
      targetQps,
      serverSettings.minDurationMs / 1000,
      resolveRunSettings(serverSettings).scheduleRngSeed
    )
    const boundMs = opts.serverBoundMs ?? Math.max(15, 1.5 * bareServerP99)
    const serverRun = await runLocal(
      resolveRunSettings({ ...serverSettings, targetLatencyMs: boundMs }),
      { createWorker }
    )
    const server = ok(serverRun)
    const offlineBare = mean(bare0, bare1, 'batchSamplesPerSecond')
    return {
      model,
      batch,
      bare: [bare0, bare1, bare2],
      offline: {
        samplesPerSecond: offline.samplesPerSecond ?? 0,
        bareSamplesPerSecond: offlineBare,
        ratioToBare: (offline.samplesPerSecond ?? 0) / offlineBare,
        valid: offline.validity === 'VALID'
      },
      singleStream: {
        p90Ms: ss.percentilesNs['90.00']! / 1e6,
        earlyStoppingP90Ms: (ss.earlyStoppingEstimateNs ?? 0) / 1e6,
        bareP90Ms: bareP90,
        ratioToBare: ss.percentilesNs['90.00']! / 1e6 / bareP90,
        queries: ss.queryCount,
        valid: ssRun.valid,
        jitterP99Us: ss.issueJitterP99Ns / 1e3
      },
      server: {
        targetQps,
        completedSamplesPerSecond: server.completedSamplesPerSecond ?? 0,
        p99Ms: server.percentilesNs['99.00']! / 1e6,
        bareP99Ms: bareServerP99,
        boundMs,
        queries: server.queryCount,
        valid: serverRun.valid,
        jitterP99Us: server.issueJitterP99Ns / 1e3
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  const model =
    process.argv[2] ??
    join(import.meta.dirname, '..', '..', '..', 'shared', 'models', 'mobilenet_v2.onnx')
  console.log(JSON.stringify(await runLocalRunBench(model), null, 2))
}
