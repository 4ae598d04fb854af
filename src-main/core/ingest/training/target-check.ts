/**
 * Whether a run's evaluations reached the quality target: the compliance checker's
 * ATLEAST_ONE_CHECK. A target of several components (Mask R-CNN's BBOX and SEGM) must be met by
 * one evaluation, all components at once; an evaluation is the points logged for the same
 * samples count, else the same epoch.
 */
import type { EvalPoint } from '../../../shared/training'
import type { TargetComponent, TargetSpec } from '../../../mlperf'
import { meetsTarget } from '../../../mlperf'

/** Whether a point of `metric` counts for component `c` (a component without metric takes all). */
export function componentMatches(c: TargetComponent, metric: string | null): boolean {
  if (c.metric === null) return true
  return metric !== null && metric.toLowerCase() === c.metric.toLowerCase()
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

/** The target in words ("≥ 0.759", "BBOX ≥ 0.377 and SEGM ≥ 0.339"). */
export function describeTarget(t: TargetSpec | null): string {
  if (t === null) return '(unknown)'
  return t.components
    .map(
      (c) =>
        `${c.metric ?? ''}${c.metric ? ' ' : ''}${c.direction === 'higher' ? '≥' : '≤'} ${c.target}`
    )
    .join(' and ')
}

/** The best value logged for the target's first component, or null when none was. */
export function bestValue(points: readonly EvalPoint[], t: TargetSpec | null): number | null {
  const c = t?.components[0]
  if (c === undefined) return null
  const vals = points.filter((p) => componentMatches(c, p.metric)).map((p) => p.value)
  if (vals.length === 0) return null
  return c.direction === 'higher' ? Math.max(...vals) : Math.min(...vals)
}
