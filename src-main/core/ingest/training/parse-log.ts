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
 */
import type { EvalPoint, TrainingRun, TrainingRunStatus } from '../../../shared/training'
import type { LogObject, LogRecord, LogValue } from './log-line'
import { parseLogLines } from './log-line'
import type { TargetComponent, TargetSpec } from '../../../mlperf'
import { TRAINING_LOG_SYNTAX_ROUND, meetsTarget, trainingTarget } from '../../../mlperf'

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

function text(v: LogValue | undefined): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim()
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return null
}

function num(v: LogValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) {
    return Number(v)
  }
  return null
}

function isObject(v: LogValue | undefined): v is LogObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v)
}

/** Status written on run_stop: metadata.status, or the v0.5/Graphcore value {"success": …}. */
function stopStatus(r: LogRecord): 'success' | 'aborted' | 'unknown' | 'missing' {
  const s = r.metadata.status
  if (typeof s === 'string') {
    const t = s.trim().toLowerCase()
    if (t === 'success') return 'success'
    if (t === 'aborted' || t === 'abort' || t === 'failure' || t === 'failed') return 'aborted'
    return 'unknown'
  }
  if (isObject(r.value) && 'success' in r.value) {
    const v = r.value.success
    if (v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true')) return 'success'
    if (v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false'))
      return 'aborted'
    return 'unknown'
  }
  return 'missing'
}

type RawEval = EvalPoint & { group: string }

/** eval_accuracy records → points (one per metric for dict values such as {BBOX, SEGM}). */
function evalPoints(records: LogRecord[], startMs: number): { points: RawEval[]; skipped: number } {
  const points: RawEval[] = []
  let skipped = 0
  records.forEach((r, index) => {
    if (r.key !== 'eval_accuracy') return
    const md = r.metadata
    let epoch = num(md.epoch_num) ?? num(md.epoch)
    const samples = num(md.samples_count)
    const timeMs = r.timeMs - startMs
    const metricLabel = text(md.metric)
    const push = (value: number | null, metric: string | null, ep: number | null): void => {
      if (value === null) {
        skipped++
        return
      }
      const group = samples !== null ? `s:${samples}` : ep !== null ? `e:${ep}` : `r:${index}`
      points.push({ timeMs, epoch: ep, samples, value, metric, group })
    }
    const v = r.value
    if (isObject(v)) {
      if ('value' in v) {
        // v0.5: {"value": 0.749, "epoch": 60}
        epoch = epoch ?? num(v.epoch)
        push(num(v.value), metricLabel, epoch)
      } else {
        // Mask R-CNN: {"BBOX": 0.377, "SEGM": 0.339}
        const entries = Object.entries(v).filter(([, x]) => num(x) !== null)
        if (entries.length === 0) skipped++
        for (const [k, x] of entries) push(num(x), k, epoch)
      }
    } else {
      push(num(v), metricLabel, epoch)
    }
  })
  return { points, skipped }
}

function componentMatches(c: TargetComponent, metric: string | null): boolean {
  if (c.metric === null) return true
  return metric !== null && metric.toLowerCase() === c.metric.toLowerCase()
}

/**
 * Scale of the logged values relative to the target: BLEU written in points (25.9) against a
 * fractional target (0.25) → 0.01; fractions against a points target → 100. Only for bounded
 * higher-is-better metrics, and only when the whole series is unambiguous.
 */
function valueScaleFor(spec: TargetSpec, points: RawEval[]): number {
  if (spec.direction !== 'higher' || spec.scale === 'absolute') return 1
  const values = points
    .filter((p) =>
      componentMatches(
        spec.components[0] ?? { metric: null, target: 0, direction: 'higher' },
        p.metric
      )
    )
    .map((p) => p.value)
  if (values.length === 0) return 1
  if (spec.scale === 'fraction' && values.some((v) => v > 1) && values.every((v) => v <= 100)) {
    return 0.01
  }
  if (spec.scale === 'points' && values.every((v) => v >= 0 && v <= 1)) return 100
  return 1
}

/** True when one evaluation (group) satisfies every component of the target. */
export function evalsReachTarget(
  points: (EvalPoint & { group?: string })[],
  components: TargetComponent[]
): boolean {
  if (components.length === 0) return false
  if (components.length === 1) {
    const c = components[0]
    if (c === undefined) return false
    return points.some(
      (p) => componentMatches(c, p.metric) && meetsTarget(p.value, c.target, c.direction, c.strict)
    )
  }
  const groups = new Map<string, (EvalPoint & { group?: string })[]>()
  points.forEach((p, i) => {
    const g =
      p.group ??
      (p.samples !== null ? `s:${p.samples}` : p.epoch !== null ? `e:${p.epoch}` : `i:${i}`)
    const list = groups.get(g) ?? []
    list.push(p)
    groups.set(g, list)
  })
  for (const list of groups.values()) {
    const ok = components.every((c) =>
      list.some(
        (p) =>
          c.metric !== null &&
          componentMatches(c, p.metric) &&
          meetsTarget(p.value, c.target, c.direction, c.strict)
      )
    )
    if (ok) return true
  }
  return false
}

/** Parse a result file's text. Throws UnknownLogFormatError when it holds no log record. */
export function parseTrainingLog(textIn: string, options: ParseLogOptions = {}): ParsedTrainingLog {
  const file = options.file ?? 'result.txt'
  const parsed = parseLogLines(textIn)
  const records = parsed.records
  const notes: string[] = []

  const first = (key: string): LogRecord | undefined => records.find((r) => r.key === key)
  const logBenchmark =
    text(first('submission_benchmark')?.value) ??
    records.find((r) => r.benchmark !== null)?.benchmark ??
    null
  const benchmark = options.benchmark ?? logBenchmark
  const round = options.round ?? TRAINING_LOG_SYNTAX_ROUND[parsed.format]
  const globalBatchSize = num(first('global_batch_size')?.value)

  let target: TargetSpec | null
  if (options.target !== undefined) target = options.target
  else target = benchmark === null ? null : trainingTarget(round, benchmark, { globalBatchSize })

  // _query_run_start_stop: overwrite until both are set.
  let start: LogRecord | null = null
  let stop: LogRecord | null = null
  for (const r of records) {
    if (r.key === 'run_start') start = r
    if (r.key === 'run_stop') stop = r
    if (start !== null && stop !== null) break
  }
  const runFinal = first('run_final')

  if (start !== null && parsed.format === 'mllog' && start.timeMs < EPOCH_MS_FLOOR) {
    notes.push(
      'time_ms on run_start is not an epoch time (HugeCTR log clock); only differences between records are used.'
    )
  }

  const { points: rawPoints, skipped } =
    start !== null ? evalPoints(records, start.timeMs) : { points: [], skipped: 0 }
  if (skipped > 0) notes.push(`${skipped} eval_accuracy value(s) are not numbers and were skipped.`)

  let valueScale = 1
  if (target !== null) {
    valueScale = valueScaleFor(target, rawPoints)
    if (valueScale !== 1) {
      notes.push(
        `eval_accuracy values multiplied by ${valueScale} to match the scale of the target ${target.target}.`
      )
    }
  }
  const scaled: RawEval[] = rawPoints.map((p) =>
    valueScale === 1 ? p : { ...p, value: p.value * valueScale }
  )

  // v0.5 logs print their own eval_target; compare it with the table.
  const logTarget = num(first('eval_target')?.value)
  if (logTarget !== null && target !== null && Math.abs(logTarget - target.target) > 1e-9) {
    notes.push(
      `The log's eval_target is ${logTarget}; the ${target.round} table says ${target.target}.`
    )
  }

  const reachedTarget = target === null ? null : evalsReachTarget(scaled, target.components)
  const stopState = stop === null ? null : stopStatus(stop)

  let status: TrainingRunStatus
  let reason: string | null = null
  if (start === null || stop === null) {
    status = 'incomplete'
    const missing = [start === null ? 'run_start' : null, stop === null ? 'run_stop' : null]
      .filter((x) => x !== null)
      .join(' and ')
    reason = `${missing} not logged (truncated or unfinished log).`
  } else if (stopState === 'aborted') {
    status = 'aborted'
    reason = 'run_stop reports the run as aborted.'
  } else if (parsed.malformed.length > 0) {
    status = 'failed'
    const m = parsed.malformed[0]
    reason =
      `${parsed.malformed.length} log record(s) could not be parsed (first at line ${m?.line ?? '?'}: ${m?.reason ?? ''}); ` +
      'the official summarizer rejects a file that fails to parse.'
  } else if (stopState === 'unknown') {
    status = 'failed'
    reason = 'run_stop carries a status other than success or aborted.'
  } else if (stopState === 'missing' && parsed.format !== 'mlp-v0.5') {
    status = 'failed'
    reason = 'run_stop has no status; the compliance checker requires one.'
  } else if (reachedTarget === false) {
    status = 'failed'
    const best = bestValue(scaled, target)
    reason =
      `No eval_accuracy reached the target ${describeTarget(target)}` +
      (best === null ? ' (no evaluation logged).' : ` (best ${best}).`)
  } else {
    status = 'success'
    if (stopState === 'missing') {
      notes.push(
        'run_stop carries no success flag (v0.5); convergence is judged from eval_accuracy.'
      )
    }
    if (reachedTarget === null) {
      reason = `No quality target is known for ${benchmark ?? 'this benchmark'}: convergence was not checked.`
    }
  }

  const timeToTrainMs = start !== null && stop !== null ? stop.timeMs - start.timeMs : null
  const run: TrainingRun = {
    file,
    status,
    timeToTrainMs,
    // Same operation order as result_summarizer: ms / 60 / 1000.
    minutes: timeToTrainMs === null ? null : timeToTrainMs / 60 / 1000,
    reason,
    converged: status === 'success',
    reachedTarget,
    evals: scaled.map(({ timeMs, epoch, samples, value, metric }) => ({
      timeMs,
      epoch,
      samples,
      value,
      metric
    })),
    target: target?.target ?? null,
    direction: target?.direction ?? null,
    valueScale,
    logBenchmark,
    format: parsed.format,
    runFinalMs: start !== null && runFinal !== undefined ? runFinal.timeMs - start.timeMs : null,
    ignoredLines: parsed.ignoredLines,
    malformedLines: parsed.malformed.length
  }

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

function describeTarget(t: TargetSpec | null): string {
  if (t === null) return '(unknown)'
  return t.components
    .map(
      (c) =>
        `${c.metric ?? ''}${c.metric ? ' ' : ''}${c.direction === 'higher' ? '≥' : '≤'} ${c.target}`
    )
    .join(' and ')
}

function bestValue(points: RawEval[], t: TargetSpec | null): number | null {
  const c = t?.components[0]
  if (c === undefined) return null
  const vals = points.filter((p) => componentMatches(c, p.metric)).map((p) => p.value)
  if (vals.length === 0) return null
  return c.direction === 'higher' ? Math.max(...vals) : Math.min(...vals)
}
