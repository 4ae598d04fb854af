/**
 * The pure step under the convergence chart: each run's evaluations as points against time or
 * epoch, one line per run and sub-metric, and what the chart must say about the evaluations it
 * cannot draw (no epoch number, values ≤ 0 on a log axis).
 */
import type { TrainingRunsView } from '../shared/api'
import type { TrainingRunDetail } from '../shared/training'
import { plural, runLabel } from './training-chart-util'

/** One plotted point: [x, quality, minutes since run_start, epoch]. */
export type ConvergencePoint = [number, number, number, number | null]

export type ConvergenceLine = {
  /** Run label, with the sub-metric for multi-metric benchmarks. */
  name: string
  role: TrainingRunDetail['role']
  status: string
  runIndex: number
  /** 0 for a run's first sub-metric (circles), more for the others (triangles). */
  metricIndex: number
  /** Sorted by x. */
  points: ConvergencePoint[]
}

export type ConvergenceLines = {
  lines: ConvergenceLine[]
  /** Every quality value and x drawn (the axes span them). */
  values: number[]
  xs: number[]
  /** Evaluations left out: no epoch number (epoch axis), value ≤ 0 (log axis). */
  noEpoch: number
  nonPositive: number
}

/**
 * Every run's lines: its evaluations grouped by sub-metric, x in minutes or epochs. A run with
 * nothing to draw still gets a line (its legend entry).
 */
export function convergenceLines(
  runs: TrainingRunsView['runs'],
  x: 'time' | 'epoch',
  log: boolean
): ConvergenceLines {
  const metrics = new Set(runs.flatMap((r) => r.evals.map((e) => e.metric)))
  const multiMetric = metrics.size > 1
  const out: ConvergenceLines = { lines: [], values: [], xs: [], noEpoch: 0, nonPositive: 0 }
  runs.forEach((run, runIndex) => {
    const groups = new Map<string | null, ConvergencePoint[]>()
    for (const e of run.evals) {
      const minutes = e.timeMs / 60000
      if (x === 'epoch' && e.epoch === null) {
        out.noEpoch++
        continue
      }
      if (log && !(e.value > 0)) {
        out.nonPositive++
        continue
      }
      const xv = x === 'epoch' ? (e.epoch ?? 0) : minutes
      const list = groups.get(e.metric) ?? []
      list.push([xv, e.value, minutes, e.epoch])
      groups.set(e.metric, list)
      out.values.push(e.value)
      out.xs.push(xv)
    }
    const label = runLabel(run.file)
    if (groups.size === 0) groups.set(null, [])
    let metricIndex = 0
    for (const [metric, points] of groups) {
      out.lines.push({
        name: multiMetric && metric !== null ? `${label} · ${metric}` : label,
        role: run.role,
        status: run.status,
        runIndex,
        metricIndex: metricIndex++,
        points: points.sort((a, b) => a[0] - b[0])
      })
    }
  })
  return out
}

/** What the chart says under its title about what it could not draw. */
export function convergenceNotes(c: ConvergenceLines): string[] {
  const notes: string[] = []
  if (c.values.length === 0) notes.push('No evaluations to draw.')
  if (c.noEpoch > 0) {
    notes.push(`${plural(c.noEpoch, 'evaluation')} without an epoch number left out.`)
  }
  if (c.nonPositive > 0) {
    notes.push(`${plural(c.nonPositive, 'value')} ≤ 0 left out on the log scale.`)
  }
  return notes
}
