/**
 * Time to multiple thresholds (Verma et al., "Metrics for machine learning workload
 * benchmarking", FastPath 2019). A single time-to-target hides how a run got there; measuring the
 * time to a ladder of quality thresholds shows it.
 *
 *  - TTA(t) of a run: minutes from run_start to the first eval_accuracy whose value reaches t
 *    (≥ t when higher is better, ≤ t when lower is better). No such eval → undefined (null).
 *  - Thresholds are ordered by increasing difficulty (ascending for higher-is-better, descending
 *    for lower-is-better). ATTMT(t_k) = mean of TTA(t_1) … TTA(t_k); undefined as soon as one of
 *    them is undefined.
 *  - Run-to-run spread per threshold: mean, sample standard deviation (n − 1, as the paper reports
 *    variability across a sample of runs) and coefficient of variation = std / mean, over the runs
 *    whose value is defined; `n` and `missing` say how many runs that is.
 *  - Speedup of A over B per threshold = mean time of B / mean time of A (> 1: A is faster), by
 *    TTA and by ATTMT; null when either mean is undefined.
 *
 * All functions are pure; times are minutes (the unit of the official score).
 *
 * Caveat: Stable Diffusion (v3.1–v5.0) evaluates saved checkpoints offline after run_stop, so its
 * eval timestamps, and hence its TTAs, lie after the end of the timed run.
 */
import type {
  EvalPoint,
  MetricDirection,
  RunTtmt,
  SetTtmt,
  SpeedupRow,
  Spread
} from '../../../shared/training'

export type { RunTtmt, SetTtmt, SpeedupRow, Spread }
import type { TargetSpec } from '../../../mlperf'
import { meetsTarget } from '../../../mlperf'
import { defaultThresholds } from './default-thresholds'

/** Order thresholds from the easiest to the hardest to reach. */
export function sortThresholds(thresholds: number[], direction: MetricDirection): number[] {
  const finite = thresholds.filter((t) => Number.isFinite(t))
  return direction === 'higher' ? finite.sort((a, b) => a - b) : finite.sort((a, b) => b - a)
}

/**
 * Minutes from run_start to the first eval reaching `threshold`, or null. `metric` restricts the
 * points to one sub-metric (FID for Stable Diffusion); null/undefined uses every point whose
 * metric is null, or all points when none is.
 */
export function timeToThreshold(
  evals: EvalPoint[],
  threshold: number,
  direction: MetricDirection,
  metric?: string | null
): number | null {
  const points = selectPoints(evals, metric)
  let best: number | null = null
  for (const p of points) {
    if (meetsTarget(p.value, threshold, direction) && (best === null || p.timeMs < best)) {
      best = p.timeMs
    }
  }
  return best === null ? null : best / 60000
}

function selectPoints(evals: EvalPoint[], metric?: string | null): EvalPoint[] {
  if (metric !== undefined && metric !== null) {
    const m = metric.toLowerCase()
    return evals.filter((p) => p.metric !== null && p.metric.toLowerCase() === m)
  }
  const plain = evals.filter((p) => p.metric === null)
  return plain.length > 0 ? plain : evals
}

/** ATTMT from TTAs already in difficulty order: running mean, null from the first gap on. */
export function attmtFromTtas(ttas: (number | null)[]): (number | null)[] {
  const out: (number | null)[] = []
  let sum = 0
  let broken = false
  ttas.forEach((t, i) => {
    if (broken || t === null) {
      broken = true
      out.push(null)
      return
    }
    sum += t
    out.push(sum / (i + 1))
  })
  return out
}

/** TTA and ATTMT of one run. */
export function runTtmt(
  run: { file: string; evals: EvalPoint[] },
  thresholds: number[],
  direction: MetricDirection,
  metric?: string | null
): RunTtmt {
  const ordered = sortThresholds([...thresholds], direction)
  const tta = ordered.map((t) => timeToThreshold(run.evals, t, direction, metric))
  return { file: run.file, thresholds: ordered, tta, attmt: attmtFromTtas(tta) }
}

/** Mean, sample std and CV of the defined values. */
export function spread(values: (number | null)[]): Spread {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v))
  const n = xs.length
  const missing = values.length - n
  if (n === 0) return { n, missing, mean: null, std: null, cv: null }
  let sum = 0
  for (const x of xs) sum += x
  const mean = sum / n
  if (n < 2) return { n, missing, mean, std: null, cv: null }
  let ss = 0
  for (const x of xs) ss += (x - mean) * (x - mean)
  const std = Math.sqrt(ss / (n - 1))
  return { n, missing, mean, std, cv: mean === 0 ? null : std / mean }
}

/** TTA/ATTMT of every run of a set and their spread per threshold. */
export function setTtmt(
  runs: { file: string; evals: EvalPoint[] }[],
  thresholds: number[],
  direction: MetricDirection,
  metric?: string | null
): SetTtmt {
  const ordered = sortThresholds([...thresholds], direction)
  const perRun = runs.map((r) => runTtmt(r, ordered, direction, metric))
  return {
    thresholds: ordered,
    direction,
    runs: perRun,
    tta: ordered.map((_, i) => spread(perRun.map((r) => r.tta[i] ?? null))),
    attmt: ordered.map((_, i) => spread(perRun.map((r) => r.attmt[i] ?? null)))
  }
}

function ratio(b: number | null, a: number | null): number | null {
  if (a === null || b === null || a === 0) return null
  return b / a
}

/**
 * Speedup of set A over set B per threshold (ratio of mean times B / A). Both sets must use the
 * same thresholds and direction.
 */
export function speedupTable(a: SetTtmt, b: SetTtmt): SpeedupRow[] {
  if (a.direction !== b.direction || a.thresholds.length !== b.thresholds.length) {
    throw new Error('speedupTable: both sets need the same thresholds and direction')
  }
  a.thresholds.forEach((t, i) => {
    if (t !== b.thresholds[i]) throw new Error('speedupTable: thresholds differ')
  })
  return a.thresholds.map((threshold, i) => {
    const ttaA = a.tta[i]?.mean ?? null
    const ttaB = b.tta[i]?.mean ?? null
    const attmtA = a.attmt[i]?.mean ?? null
    const attmtB = b.attmt[i]?.mean ?? null
    return {
      threshold,
      ttaA,
      ttaB,
      ttaSpeedup: ratio(ttaB, ttaA),
      attmtA,
      attmtB,
      attmtSpeedup: ratio(attmtB, attmtA)
    }
  })
}

/**
 * setTtmt with a benchmark's target: its direction, its primary metric (FID for Stable Diffusion,
 * BBOX for Mask R-CNN) and, unless given, the default thresholds (targets.defaultThresholds).
 */
export function setTtmtForTarget(
  runs: { file: string; evals: EvalPoint[] }[],
  spec: TargetSpec,
  thresholds: number[] = defaultThresholds(spec)
): SetTtmt {
  return setTtmt(runs, thresholds, spec.direction, spec.components[0]?.metric ?? null)
}
