/**
 * A run's evaluations: each eval_accuracy record as points in time since run_start (one per
 * metric for dict values), and the scale they are written in. Some logs write BLEU in points
 * (25.9) against a fractional target (0.25), or fractions against a points target; the values
 * are then rescaled so that they compare with the target.
 */
import type { EvalPoint } from '../../../shared/training'
import type { TargetSpec } from '../../../mlperf'
import type { LogRecord } from './log-line'
import { isObject, num, text } from './log-values'
import { componentMatches } from './target-check'

/** A point and the evaluation it belongs to (its samples count, else its epoch, else its record). */
export type RawEval = EvalPoint & { group: string }

/** eval_accuracy records → points (one per metric for dict values such as {BBOX, SEGM}). */
export function evalPoints(
  records: LogRecord[],
  startMs: number
): { points: RawEval[]; skipped: number } {
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

/**
 * Scale of the logged values relative to the target: BLEU written in points (25.9) against a
 * fractional target (0.25) → 0.01; fractions against a points target → 100. Only for bounded
 * higher-is-better metrics, and only when the whole series is unambiguous.
 */
export function valueScaleFor(spec: TargetSpec, points: RawEval[]): number {
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

/**
 * The run's points on the target's scale (unchanged without a target), the scale applied and
 * the remarks: values that are not numbers, a rescaling.
 */
export function scaledEvals(
  records: LogRecord[],
  start: LogRecord | null,
  target: TargetSpec | null
): { points: RawEval[]; valueScale: number; notes: string[] } {
  const notes: string[] = []
  const { points: raw, skipped } =
    start !== null ? evalPoints(records, start.timeMs) : { points: [], skipped: 0 }
  if (skipped > 0) notes.push(`${skipped} eval_accuracy value(s) are not numbers and were skipped.`)
  const valueScale = target === null ? 1 : valueScaleFor(target, raw)
  if (target !== null && valueScale !== 1) {
    notes.push(
      `eval_accuracy values multiplied by ${valueScale} to match the scale of the target ${target.target}.`
    )
  }
  const points = raw.map((p) => (valueScale === 1 ? p : { ...p, value: p.value * valueScale }))
  return { points, valueScale, notes }
}
