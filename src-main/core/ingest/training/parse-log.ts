/**
 * A whole training result file (result_<i>.txt) → its log records and one TrainingRun.
 *
 * Timing follows result_summarizer `_query_run_start_stop` (rules D.3): records are read in file
 * order, every run_start / run_stop overwrites the previous one until both have been seen, and
 * the time to train is run_stop − run_start. Nothing else is used as a start: v0.6 Google files
 * begin with submission_* records stamped 0.0, v0.7 HugeCTR dlrm logs use a non-epoch clock for
 * run_start/run_stop (only the difference matters), and run_final (v0.5, Google, Habana) is
 * ignored for timing.
 *
 * A run converges (counts in the score) only if run_stop reports success and one eval_accuracy
 * reached the round's target (the compliance checker's ATLEAST_ONE_CHECK). A file with log
 * records that do not parse is not counted either: the official summarizer rejects it.
 *
 * The steps are modules of their own: eval-points (evaluations and their scale), target-check
 * (the target reached), run-status (whether the run counts); this file reads the markers.
 */
import type { TrainingRun } from '../../../shared/training'
import type { LogParse, LogRecord } from './log-line'
import { parseLogLines } from './log-line'
import type { TargetSpec } from '../../../mlperf'
import { TRAINING_LOG_SYNTAX_ROUND, trainingTarget } from '../../../mlperf'
import { scaledEvals } from './eval-points'
import type { RawEval } from './eval-points'
import { num, text } from './log-values'
import { runStatus } from './run-status'
import { evalsReachTarget } from './target-check'

export { evalsReachTarget }

export type ParseLogOptions = {
  /** File name reported in the run (result_0.txt). */
  file?: string
  /** Round from the path; the log syntax decides for v0.5/v0.6 when absent. */
  round?: string | null
  /** Benchmark from the folder; the log's submission_benchmark is used when absent. */
  benchmark?: string | null
  /** Target to check; undefined = look it up (targets.ts); null = no target check. */
  target?: TargetSpec | null
}

export type ParsedTrainingLog = {
  run: TrainingRun
  /** Every log record in file order. */
  events: LogRecord[]
  /** Round implied by the syntax (v0.5, v0.6) or passed in. */
  round: string | null
  benchmark: string | null
  /** submission_* values as logged (null when absent). */
  division: string | null
  org: string | null
  platform: string | null
  submissionStatus: string | null
  globalBatchSize: number | null
  target: TargetSpec | null
  /** Remarks about quirks met in this file (plain words). */
  notes: string[]
}

/** Epoch milliseconds below this are not wall-clock times (HugeCTR v0.7 logs, ~1.59e9). */
const EPOCH_MS_FLOOR = 1e11

/** _query_run_start_stop: every run_start / run_stop overwrites the last until both are seen. */
export function runStartStop(records: readonly LogRecord[]): {
  start: LogRecord | null
  stop: LogRecord | null
} {
  let start: LogRecord | null = null
  let stop: LogRecord | null = null
  for (const r of records) {
    if (r.key === 'run_start') start = r
    if (r.key === 'run_stop') stop = r
    if (start !== null && stop !== null) break
  }
  return { start, stop }
}

/** The target given by the caller, else the round's table entry for the benchmark. */
function targetFor(
  options: ParseLogOptions,
  round: string | null,
  benchmark: string | null,
  globalBatchSize: number | null
): TargetSpec | null {
  if (options.target !== undefined) return options.target
  return benchmark === null ? null : trainingTarget(round, benchmark, { globalBatchSize })
}

/** A run_start not stamped in epoch ms: only differences between records mean anything. */
function clockNotes(parsed: LogParse, start: LogRecord | null): string[] {
  return start !== null && parsed.format === 'mllog' && start.timeMs < EPOCH_MS_FLOOR
    ? [
        'time_ms on run_start is not an epoch time (HugeCTR log clock); only differences between records are used.'
      ]
    : []
}

/** v0.5 logs print their own eval_target; a difference from the table is said. */
function evalTargetNotes(records: readonly LogRecord[], target: TargetSpec | null): string[] {
  const logTarget = num(records.find((r) => r.key === 'eval_target')?.value)
  if (logTarget === null || target === null || Math.abs(logTarget - target.target) <= 1e-9)
    return []
  return [`The log's eval_target is ${logTarget}; the ${target.round} table says ${target.target}.`]
}

/** Parse a result file's text. Throws UnknownLogFormatError when it holds no log record. */
export function parseTrainingLog(textIn: string, options: ParseLogOptions = {}): ParsedTrainingLog {
  const parsed = parseLogLines(textIn)
  const records = parsed.records
  const first = (key: string): LogRecord | undefined => records.find((r) => r.key === key)
  const logBenchmark =
    text(first('submission_benchmark')?.value) ??
    records.find((r) => r.benchmark !== null)?.benchmark ??
    null
  const benchmark = options.benchmark ?? logBenchmark
  const round = options.round ?? TRAINING_LOG_SYNTAX_ROUND[parsed.format]
  const globalBatchSize = num(first('global_batch_size')?.value)
  const target = targetFor(options, round, benchmark, globalBatchSize)

  const { start, stop } = runStartStop(records)
  const evals = scaledEvals(records, start, target)
  const notes = [...clockNotes(parsed, start), ...evals.notes, ...evalTargetNotes(records, target)]
  const reachedTarget = target === null ? null : evalsReachTarget(evals.points, target.components)
  const { format, malformed } = parsed
  const facts = { start, stop, format, malformed, reachedTarget, points: evals.points }
  const verdict = runStatus({ ...facts, target, benchmark })
  notes.push(...verdict.notes)

  const runFinal = first('run_final')
  const run = trainingRun(
    options.file ?? 'result.txt',
    parsed,
    { start, stop, runFinal },
    {
      ...verdict,
      reachedTarget,
      points: evals.points,
      valueScale: evals.valueScale,
      target,
      logBenchmark
    }
  )
  return {
    run,
    events: records,
    round,
    benchmark,
    division: text(first('submission_division')?.value),
    org: text(first('submission_org')?.value),
    platform: text(first('submission_platform')?.value),
    submissionStatus: text(first('submission_status')?.value),
    globalBatchSize,
    target,
    notes
  }
}

/** The TrainingRun of a parsed file, timed run_stop − run_start as the summarizer times it. */
function trainingRun(
  file: string,
  parsed: LogParse,
  marks: { start: LogRecord | null; stop: LogRecord | null; runFinal: LogRecord | undefined },
  v: {
    status: TrainingRun['status']
    reason: string | null
    reachedTarget: boolean | null
    points: RawEval[]
    valueScale: number
    target: TargetSpec | null
    logBenchmark: string | null
  }
): TrainingRun {
  const { start, stop, runFinal } = marks
  const timeToTrainMs = start !== null && stop !== null ? stop.timeMs - start.timeMs : null
  return {
    file,
    status: v.status,
    timeToTrainMs,
    // Same operation order as result_summarizer: ms / 60 / 1000.
    minutes: timeToTrainMs === null ? null : timeToTrainMs / 60 / 1000,
    reason: v.reason,
    converged: v.status === 'success',
    reachedTarget: v.reachedTarget,
    evals: v.points.map(({ timeMs, epoch, samples, value, metric }) => ({
      timeMs,
      epoch,
      samples,
      value,
      metric
    })),
    target: v.target?.target ?? null,
    direction: v.target?.direction ?? null,
    valueScale: v.valueScale,
    logBenchmark: v.logBenchmark,
    format: parsed.format,
    runFinalMs: start !== null && runFinal !== undefined ? runFinal.timeMs - start.timeMs : null,
    ignoredLines: parsed.ignoredLines,
    malformedLines: parsed.malformed.length
  }
}
