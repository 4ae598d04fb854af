/**
 * What `charts.compare` returns: 2–8 results side by side, every field, the benchmarks and
 * scenarios the systems share with % deltas (+ always means better), and the differences that
 * must be stated or that forbid the comparison (src-main/charts/compare.ts builds it).
 */
import type { Cell, Suite } from './api'
import type { Footnote } from './charts/citation'

export const MIN_COMPARE = 2
export const MAX_COMPARE = 8

export type CompareItem = {
  id: number
  label: string
  round: string
  benchmark: string
  scenario: string | null
  verified: boolean
}

export type CompareField = {
  group: 'result' | 'system'
  name: string
  label: string
  values: Cell[]
  /** Not every value is the same. */
  differs: boolean
}

export type SharedWorkload = {
  benchmark: string
  scenario: string | null
  unit: string
  direction: 'higher' | 'lower'
  /** Per item: the system's result id and value (null where it has none). */
  ids: (number | null)[]
  values: (number | null)[]
  /** Per item: % better than the first item (first is 0); null where not comparable. */
  deltas: (number | null)[]
  /** Why some values cannot be compared with the first (empty when all can). */
  reasons: string[]
  /**
   * Where the systems have different accelerator counts: the result per accelerator (throughput
   * ÷ accelerators; training: minutes × accelerators, "accelerator-minutes") and its % deltas.
   * Null where the counts are equal or the metric does not divide (latencies).
   */
  perAccelerator: PerAccelerator | null
}

export type PerAccelerator = {
  unit: string
  direction: 'higher' | 'lower'
  values: (number | null)[]
  deltas: (number | null)[]
}

export type CompareIssue = {
  /** incomparable: MLPerf does not allow the comparison; identify: allowed, but must be stated. */
  severity: 'incomparable' | 'identify'
  text: string
}

export type Comparison = {
  suite: Suite
  items: CompareItem[]
  fields: CompareField[]
  shared: SharedWorkload[]
  issues: CompareIssue[]
  footnote: Footnote
}
