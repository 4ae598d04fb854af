/**
 * Local MLPerf inference runs: the settings a user edits, the progress the UI shows while a run
 * is going and the result it keeps afterwards. Environment neutral (no Node imports) so the
 * renderer can import these as types; the runner lives in src-main/core/runner.
 */
import type { ValidityCheck } from './inference'

/** The four LoadGen scenarios a local run can use. */
export const LOCAL_SCENARIOS = ['SingleStream', 'MultiStream', 'Server', 'Offline'] as const
export type LocalScenario = (typeof LOCAL_SCENARIOS)[number]

/** LoadGen test modes a local run supports (printed as in the logs). */
export const LOCAL_RUN_MODES = ['PerformanceOnly', 'AccuracyOnly'] as const
export type LocalRunMode = (typeof LOCAL_RUN_MODES)[number]

/** Memory layout of an image tensor. */
export const TENSOR_LAYOUTS = ['NCHW', 'NHWC'] as const
export type TensorLayout = (typeof TENSOR_LAYOUTS)[number]

/** Order of the colour channels a model expects. */
export const CHANNEL_ORDERS = ['RGB', 'BGR'] as const
export type ChannelOrder = (typeof CHANNEL_ORDERS)[number]

/**
 * How images become input tensors: resize the shorter side, centre crop, then
 * `(pixel - mean) / std` per channel with pixels in 0–255 units. Defaults follow the MLPerf
 * ResNet50 reference (shorter side 256 for a 224 crop, mean 123.68/116.78/103.94, std 1).
 */
export type ImagePreprocess = {
  /** Shorter side after resizing; null = crop / 0.875 (256 for a 224 crop). */
  resizeShorterSide: number | null
  /** Square crop size; null = the model's input height/width (224 when the model leaves it open). */
  cropSize: number | null
  /** Per-channel mean in 0–255 units, in RGB order. */
  mean: [number, number, number]
  /** Per-channel divisor in 0–255 units, in RGB order. */
  std: [number, number, number]
  /** 'auto' = decided by the model's input shape (channels of 3 first → NCHW, last → NHWC). */
  layout: 'auto' | TensorLayout
  channelOrder: ChannelOrder
}

/** Fraction of the reference FP32 accuracy a run must reach (MLPerf's "-99" and "-99.9" targets). */
export type QualityTargetFraction = 0.99 | 0.999

/**
 * Everything a local run needs. Defaults come from the official mlperf.conf for `benchmark`
 * (see resolveRunSettings in core/loadgen/config.ts); every LoadGen field is user-editable.
 * Times are in milliseconds and percentiles in percent, as in mlperf.conf/user.conf.
 */
export type RunSettings = {
  /** Path of the .onnx model. */
  modelPath: string
  /** mlperf.conf model name whose defaults apply: resnet50, retinanet, bert, … */
  benchmark: string
  scenario: LocalScenario
  mode: LocalRunMode
  /** Folder with val_map.txt and images/.npy files; null = synthetic inputs (performance only). */
  datasetPath: string | null
  preprocess: ImagePreprocess
  /** Subtracted from the model's argmax before comparing with val_map labels; 'auto' = 1 for 1001-class outputs. */
  labelOffset: number | 'auto'
  /** Run folder the log files are written to (created if missing). */
  outputDir: string
  sutName: string
  /** LoadGen min_duration (ms). */
  minDurationMs: number
  /** LoadGen max_duration (ms); 0 = unlimited. */
  maxDurationMs: number
  /** LoadGen min_query_count (Offline: minimum samples in the single query). */
  minQueryCount: number
  /** LoadGen max_query_count; 0 = unlimited. */
  maxQueryCount: number
  /** Server: Poisson arrival rate; Offline: expected samples/s used to size the query. */
  targetQps: number
  /** Server latency bound (ms). */
  targetLatencyMs: number
  /** SingleStream/MultiStream expected latency hint (ms); only sizes pre-generation in LoadGen. */
  expectedLatencyMs: number
  /** Target latency percentile in percent (90 SingleStream, 99 MultiStream/Server). */
  targetLatencyPercentile: number
  /** MultiStream samples per query. */
  samplesPerQuery: number
  /** LoadGen performance_sample_count_override; 0 = the dataset's own count. */
  performanceSampleCount: number
  /** Server max_async_queries; 0 = unlimited. */
  maxAsyncQueries: number
  /** uint64 seeds as decimal strings (they exceed 2^53). */
  qslRngSeed: string
  sampleIndexRngSeed: string
  scheduleRngSeed: string
  /** Largest number of samples per inference call (capped by a fixed batch dimension). */
  batchSize: number
  /** onnxruntime execution provider, e.g. 'cpu'. */
  executionProvider: string
  /** onnxruntime intra-op threads; 0 = onnxruntime's default. */
  intraOpThreads: number
  /** onnxruntime inter-op threads; 0 = onnxruntime's default. */
  interOpThreads: number
  /** Parallel sessions (one worker thread each) for Server/Offline; SingleStream/MultiStream use 1. */
  workers: number
  /** Number of synthetic samples kept in memory when no dataset is given. */
  syntheticSampleCount: number
  /** Untimed inference calls per worker before timing starts. */
  warmupRuns: number
  /** Reference FP32 top-1 accuracy in percent, for the quality target; null = not judged. */
  referenceAccuracy: number | null
  qualityTargetFraction: QualityTargetFraction
}

/** Input to resolveRunSettings: what the user set; everything else comes from mlperf.conf. */
export type RunSettingsInput = Partial<
  Omit<RunSettings, 'modelPath' | 'outputDir' | 'preprocess'>
> & {
  modelPath: string
  outputDir: string
  preprocess?: Partial<ImagePreprocess>
  /** user.conf text (mlperf.conf syntax) applied over mlperf.conf, before explicit fields. */
  userConf?: string | null
}

/** Where a run is. */
export type RunPhase = 'preparing' | 'loading' | 'warmup' | 'running' | 'writing'

/** Progress pushed to the UI a few times per second. Latencies are in nanoseconds. */
export type RunProgress = {
  phase: RunPhase
  /** Accuracy runs issue every sample once; no minimum duration applies to them. */
  mode: LocalRunMode
  /** Time since timing started (0 before). */
  elapsedNs: number
  /** 0 in accuracy mode. */
  minDurationNs: number
  /** Queries issued so far. */
  issued: number
  /** Queries LoadGen generated for this loadable set: the most that can be issued. */
  generated: number
  /** Samples completed so far. */
  completed: number
  /** Samples loaded / to load while phase is 'loading'. */
  loaded: number
  toLoad: number
  /** Samples per second completed so far. */
  throughput: number
  /** Approximate percentiles of the sample latencies so far (histogram, ~1% resolution). */
  latencyP50Ns: number
  latencyP90Ns: number
  latencyP99Ns: number
}

export type RunStatus = 'done' | 'cancelled' | 'failed'

/** One bar of the latency histogram. */
export type LatencyHistogramBin = { fromNs: number; toNs: number; count: number }

/** One point of the latency-by-percentile curve. */
export type PercentilePoint = { percentile: number; latencyNs: number }

/** Samples completed per second in one time window of the run. */
export type ThroughputPoint = { timeS: number; samplesPerSecond: number }

/** LoadGen statistics of a performance run (rules A.6). Latencies in integer nanoseconds. */
export type RunSummary = {
  scenario: LocalScenario
  mode: LocalRunMode
  /** The result as MLPerf reports it: SS/MS early-stopping latency estimate (ns), Server completed samples/s, Offline samples/s. */
  result: number
  resultLabel: string
  resultUnit: 'ns' | 'samples/s'
  validity: 'VALID' | 'INVALID'
  queryCount: number
  sampleCount: number
  /** Samples issued but never completed (cancelled or failed runs). */
  incompleteSamples: number
  /** From timing start to the last completion. */
  durationNs: number
  minLatencyNs: number
  maxLatencyNs: number
  meanLatencyNs: number
  /** Keys '50.00', '90.00', '95.00', '97.00', '99.00', '99.90'. */
  percentilesNs: Record<string, number>
  targetPercentile: number
  targetPercentileLatencyNs: number
  /** SS: p90 (target) estimate; MS: p99 estimate; null when too few queries or other scenarios. */
  earlyStoppingEstimateNs: number | null
  /** SingleStream only: the p99 estimate LoadGen also reports. */
  earlyStoppingP99EstimateNs: number | null
  qpsWithLoadgenOverhead: number | null
  qpsWithoutLoadgenOverhead: number | null
  scheduledSamplesPerSecond: number | null
  completedSamplesPerSecond: number | null
  samplesPerSecond: number | null
  overLatencyCount: number | null
  /** MultiStream per-query statistics. */
  perQuery: {
    minNs: number
    maxNs: number
    meanNs: number
    percentilesNs: Record<string, number>
  } | null
  /** p99 of issue time − scheduled time (Server), or of the gap between a completion and the next issue (SS/MS). */
  issueJitterP99Ns: number
}

/** Whether a run reached MLPerf's quality target (a fraction of the FP32 reference accuracy). */
export type QualityTargetResult = {
  referenceAccuracy: number
  fraction: QualityTargetFraction
  /** referenceAccuracy × fraction, in percent. */
  threshold: number
  achieved: number
  met: boolean
  explanation: string
}

/** Top-1 accuracy of an accuracy-mode run. */
export type RunAccuracy = {
  top1Percent: number
  good: number
  total: number
  qualityTarget: QualityTargetResult | null
}

/** A file the run wrote. */
export type RunFile = { role: string; path: string; bytes: number }

/** The outcome of one local run, kept after the run (and shown by the UI). */
export type RunResult = {
  status: RunStatus
  /** Why the run failed or was cancelled; null when done. */
  reason: string | null
  runDir: string
  /** ISO wall-clock time when the run started. */
  startedAt: string
  /** Wall time of the whole run including loading and writing. */
  wallMs: number
  settings: RunSettings
  /** Performance statistics; null for accuracy runs and runs that failed before timing. */
  summary: RunSummary | null
  /** Validity checks in plain words (performance mode). */
  checks: ValidityCheck[]
  valid: boolean | null
  accuracy: RunAccuracy | null
  files: RunFile[]
  histogram: LatencyHistogramBin[]
  percentileCurve: PercentilePoint[]
  throughputSeries: ThroughputPoint[]
  /** How the run differs from an official LoadGen run, warnings, derived values. */
  notes: string[]
}

/** One stored run of a job: its result and the value the results table shows. */
export type JobRunOutcome = {
  id: number
  result: RunResult
  value: number | null
  unit: string | null
  resultId: number | null
}

/** A finished job (the job manager's and the CLI's report): its runs in repetition order. */
export type JobOutcome = { jobId: string; runs: JobRunOutcome[] }

/** The headline metric over N repetitions of one configuration. */
export type RepetitionStats = {
  runs: number
  metricLabel: string
  unit: 'ns' | 'samples/s'
  values: number[]
  mean: number
  /** Sample standard deviation (n − 1); 0 for a single run. */
  std: number
  /** std / mean. */
  cv: number
}

/** One class of an inspected sample. */
export type InspectClass = { index: number; label: string | null; probability: number }

/** The model's top classes for one input. */
export type InspectResult = {
  inputPath: string
  outputName: string
  /** True when the output looked like logits and softmax was applied. */
  softmaxApplied: boolean
  top: InspectClass[]
  inferenceMs: number
}
