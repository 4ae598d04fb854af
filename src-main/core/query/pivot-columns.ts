/**
 * The columns of a round's pivot: one per benchmark × scenario × unit met in the round's
 * results, in the order of MLCommons' final report (by MLPerf model, then scenario), so the
 * pivot reads like the published table.
 */
import type { PivotColumn } from '../../shared/pivot'
import { PIVOT_BENCHMARK_ORDER, PIVOT_SCENARIO_ORDER } from '../../shared/pivot'

/** One result of the round as the pivot's SQL reads it. */
export type PivotSqlRow = {
  id: number
  division: string
  category: string | null
  system_type: string | null
  submitter: string
  system_id: string
  system_name: string | null
  accelerator: string | null
  accelerators_total: number | null
  benchmark: string
  mlperf_model: string
  scenario: string
  unit: string
  value: number | null
  valid: number
  inferred: number
  public_id: string | null
}

/** The column a result belongs to. */
export function columnKey(r: PivotSqlRow): string {
  return `${r.benchmark}\u0000${r.scenario}\u0000${r.unit}`
}

/** Position of `value` in the report's order; unknown values after the known ones. */
export function rank(list: readonly string[], value: string): number {
  const i = list.indexOf(value)
  return i === -1 ? list.length : i
}

/** The columns in the report's order, and each column key's position. */
export function pivotColumns(found: readonly PivotSqlRow[]): {
  columns: PivotColumn[]
  index: Map<string, number>
} {
  const columnInfo = new Map<string, PivotColumn & { model: string }>()
  for (const r of found) {
    const key = columnKey(r)
    if (!columnInfo.has(key)) {
      columnInfo.set(key, {
        benchmark: r.benchmark,
        scenario: r.scenario,
        unit: r.unit,
        model: r.mlperf_model
      })
    }
  }
  const ordered = [...columnInfo.entries()].sort(
    ([, a], [, b]) =>
      rank(PIVOT_BENCHMARK_ORDER, a.model) - rank(PIVOT_BENCHMARK_ORDER, b.model) ||
      a.model.localeCompare(b.model) ||
      a.benchmark.localeCompare(b.benchmark) ||
      rank(PIVOT_SCENARIO_ORDER, a.scenario) - rank(PIVOT_SCENARIO_ORDER, b.scenario) ||
      a.unit.localeCompare(b.unit)
  )
  const index = new Map(ordered.map(([key], i) => [key, i]))
  const columns = ordered.map(([, { benchmark, scenario, unit }]) => ({
    benchmark,
    scenario,
    unit
  }))
  return { columns, index }
}
