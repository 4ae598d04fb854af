/**
 * The MLPerf Training record types: one parsed run (a result_<i>.txt file) and one result set
 * (all runs of one system × benchmark), scored the way mlperf_logging's result_summarizer does.
 * Environment neutral: shared by the main side and (as types) by the renderer.
 */
import type { OfficialTableRow } from './inference'

/** higher: the quality metric must reach the target from below (accuracy, mAP, AUC, BLEU…);
 * lower: from above (log perplexity, eval loss, WER, FID). */
export type MetricDirection = 'higher' | 'lower'

/**
 * How one run ended.
 *  - success: run_start and run_stop logged, run_stop says success and the quality target was
 *    reached (the only status that counts as a converged run);
 *  - aborted: run_stop says aborted (or the v0.5 `{"success": false}` value);
 *  - failed: the log is complete but the run does not count (target never reached, malformed
 *    log records, unknown run_stop status);
 *  - incomplete: run_start or run_stop is missing (truncated log).
 */
export type TrainingRunStatus = 'success' | 'aborted' | 'failed' | 'incomplete'

/** Where a stored result came from; a tree result is never overwritten by a summary row. */
export type TrainingSourceKind = 'tree' | 'summary'

/** Log syntax generation: `:::MLLOG {json}` (v0.7+), `:::MLL` (v0.6), `:::MLPv0.5.0` (v0.5). */
export type TrainingLogFormat = 'mllog' | 'mll' | 'mlp-v0.5'

/** One eval_accuracy event of a run. */
export type EvalPoint = {
  /** Milliseconds since run_start (same clock as the log; only differences are meaningful). */
  timeMs: number
  /** metadata.epoch_num (v0.6+) or value.epoch (v0.5); may be fractional (dlrm) or a step count. */
  epoch: number | null
  /** metadata.samples_count where logged (LLM, stable diffusion…). */
  samples: number | null
  /** Metric value on the target's scale (see TrainingRun.valueScale). */
  value: number
  /** Sub-metric label for multi-metric benchmarks (FID/CLIP, BBOX/SEGM); null otherwise. */
  metric: string | null
}

/** One run: a result_<i>.txt file, parsed. */
export type TrainingRun = {
  /** File name (result_3.txt) or path as given to the parser. */
  file: string
  status: TrainingRunStatus
  /** run_stop − run_start in ms (null when either is missing). Computed for aborted runs too. */
  timeToTrainMs: number | null
  /** timeToTrainMs / 60 / 1000, the unit of the official score. */
  minutes: number | null
  /** Plain-words reason for any status other than success, and remarks (null when none). */
  reason: string | null
  /** True when the run ended with success and reached the target: it counts in the score. */
  converged: boolean
  /** Whether an eval reached the target; null when the target is unknown. */
  reachedTarget: boolean | null
  /** eval_accuracy events in log order. */
  evals: EvalPoint[]
  /** Quality target used for the convergence check (primary metric), null when unknown. */
  target: number | null
  direction: MetricDirection | null
  /** Factor applied to logged values to put them on the target's scale (1, or 0.01 for BLEU
   * points against a fractional target…). */
  valueScale: number
  /** Benchmark named inside the log (submission_benchmark, or the v0.5 line prefix). */
  logBenchmark: string | null
  /** Log syntax; null when the file could not be read as a log at all. */
  format: TrainingLogFormat | null
  /** v0.5 only: run_final − run_start in ms (the rules of that round are ambiguous, rules G). */
  runFinalMs: number | null
  /** Lines without a log record (shell trace, training output); informational. */
  ignoredLines: number
  /** Log records whose payload could not be parsed. The official summarizer drops such runs. */
  malformedLines: number
}

/** A run inside a scored set, with its role in the olympic average. */
export type TrainingRunDetail = {
  file: string
  status: TrainingRunStatus
  minutes: number | null
  converged: boolean
  reason: string | null
  /** counted: in the average; fastest/slowest: dropped by the olympic rule; failed: not converged. */
  role: 'counted' | 'dropped-fastest' | 'dropped-slowest' | 'failed'
  evals: EvalPoint[]
  runFinalMs: number | null
}

export type TrainingResultDetail = {
  /** Every field of the system description as read (values stringified where not scalar). */
  system: Record<string, string | number | boolean | null>
  /** Runs with their role (empty for summary imports). */
  runs: TrainingRunDetail[]
  /** How the value was derived, warnings, quirks met (plain words). */
  notes: string[]
  /** Why the result is invalid (null when valid). */
  invalidReason: string | null
  /** Quality target and direction used (null when unknown or for summary rows). */
  target: number | null
  direction: MetricDirection | null
  /** Runs the rules require for this benchmark (benchmark_meta), null when unknown. */
  runsRequired: number | null
  /** Olympic mean before the scaling factor. */
  unscaledValue: number | null
  /** The summary's details_url (summary imports) or null. */
  detailsUrl: string | null
  /** The official table row this log-derived result replaced or met (see table-merge.ts). */
  officialTable?: OfficialTableRow
}

/**
 * One training result: (round, division, submitter, systemId, benchmark). value is the official
 * score in minutes: olympic mean of the converged runs × scaling factor.
 */
export type TrainingResultRecord = {
  /** "v0.5" … "v6.1"; "unknown" for a user's own logs when nothing names the round. */
  round: string
  /** closed | open (from the system description, else the logs); "unknown" when neither says. */
  division: string
  /** Availability as the results table labels it: "Available on-premise", "Available cloud",
   * "Preview", "Research, Development, or Internal (RDI)"; null when not given. */
  category: string | null
  submitter: string
  /** System description id (systems/<id>.json name, the results/<system> folder). */
  systemId: string
  systemName: string | null
  accelerator: string | null
  /** Accelerators in the system (chips for TPUs, see system-info). */
  acceleratorsTotal: number | null
  nodes: number | null
  framework: string | null
  /** Benchmark key as the summarizer names it (resnet, bert, llama2_70b_lora…). */
  benchmark: string
  /** Run files found (null for summary rows, which do not say). */
  runs: number | null
  value: number | null
  unit: 'minutes'
  /** scaling.json factor (1 when the file is absent); null for summary rows. */
  scalingFactor: number | null
  flags: { abortedRuns: number; rcpNormalised: boolean }
  valid: boolean
  /**
   * Energy of a power submission as the official summarizer reports it (olympic mean of the
   * runs' energy ordered by time to train, × scaling factor), computed from the tree's power
   * logs or read from the summarizer's power table; null or absent otherwise.
   */
  energyValue?: number | null
  /** Unit of energyValue ("Joules"); null when there is no energy. */
  energyUnit?: string | null
  /** Result set folder (tree) or summary file path (summary). */
  source: string
  sourceKind: TrainingSourceKind
  detail: TrainingResultDetail
}

// Time to multiple thresholds (computed in core/ingest/training/ttmt.ts; see there).

export type RunTtmt = {
  file: string
  /** Thresholds in difficulty order. */
  thresholds: number[]
  /** TTA per threshold, minutes (null: never reached). */
  tta: (number | null)[]
  /** ATTMT per threshold, minutes (null: some easier threshold was never reached). */
  attmt: (number | null)[]
}

export type Spread = {
  /** Runs with a defined value. */
  n: number
  /** Runs without one (threshold not reached). */
  missing: number
  mean: number | null
  /** Sample standard deviation (n − 1); null for fewer than 2 values. */
  std: number | null
  /** Coefficient of variation std / mean; null when std is null or mean is 0. */
  cv: number | null
}

export type SetTtmt = {
  thresholds: number[]
  direction: MetricDirection
  runs: RunTtmt[]
  /** Spread of TTA per threshold across runs. */
  tta: Spread[]
  /** Spread of ATTMT per threshold across runs. */
  attmt: Spread[]
}

export type SpeedupRow = {
  threshold: number
  /** Mean TTA of A and B (minutes). */
  ttaA: number | null
  ttaB: number | null
  /** ttaB / ttaA: how many times faster A reaches the threshold. */
  ttaSpeedup: number | null
  attmtA: number | null
  attmtB: number | null
  attmtSpeedup: number | null
}
