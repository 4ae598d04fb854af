/**
 * Side-by-side comparison of 2–8 results: every field, every benchmark and scenario the systems
 * share with % deltas (direction-aware: + always means better), and which differences make them
 * not directly comparable (MLPerf results guidelines: identify differences in version, division,
 * category, verified status and chip count; never compare across incompatible versions). Pure;
 * the main side gathers the rows, the renderer draws the result.
 */
import type { Cell, Suite } from '../shared/api'
import type { ChartRow } from '../shared/charts/chart-points'
import { isLocal } from '../shared/charts/chart-points'
import type { Provenance } from '../shared/charts/citation'
import type {
  CompareField,
  CompareIssue,
  CompareItem,
  Comparison,
  PerAccelerator,
  SharedWorkload
} from '../shared/comparison'
import { benchmarkNamer, workloadLabel } from './chart-scope'
import { comparability, toComparable } from './comparability'
import { flagText, systemField } from './compare-fields'
import { betterRatio, directionOf } from './direction'
import { citationFootnote } from './footnote'
import { systemLabel } from './row-text'

/** One picked result: its table row, system description and the system's other results. */
export type CompareSource = {
  row: ChartRow
  /** Every table column of the result, by column name. */
  cells: Record<string, Cell>
  /** systems/<id>.json fields as imported. */
  system: Record<string, string | number | boolean | null>
  /** Every result of the same round, submitter and system (including this one). */
  siblings: ChartRow[]
}

export type CompareInput = {
  /** Default inference. */
  suite?: Suite
  sources: CompareSource[]
  /** Column names, labels and types of the results table, in display order. */
  columns: readonly { name: string; label: string; type?: string }[]
  provenance: Provenance
  now: string
}

function same(values: readonly Cell[]): boolean {
  return values.every((v) => String(v ?? '') === String(values[0] ?? ''))
}

function label(r: ChartRow): string {
  return `${systemLabel(r)} (${r.round})${isLocal(r) ? ' · unverified' : ''}`
}

/** Percent better than `base` (+ = better, honouring lower-is-better units). */
export function percentBetter(
  value: number | null,
  base: number | null,
  unit: string
): number | null {
  const ratio = betterRatio(value, base, directionOf(unit))
  return ratio === null ? null : (ratio - 1) * 100
}

/**
 * The per-accelerator view of one shared workload, when the systems' accelerator counts differ:
 * throughput ÷ accelerators (higher is better), or for training minutes × accelerators (lower
 * is better). Deltas only where the main values are comparable (`deltas[i]` not null).
 */
function perAcceleratorOf(
  suite: Suite,
  rows: readonly ChartRow[],
  unit: string,
  direction: 'higher' | 'lower',
  comparable: readonly boolean[]
): PerAccelerator | null {
  const counts = rows.map((r) => ((r.acceleratorsTotal ?? 0) > 0 ? r.acceleratorsTotal : null))
  if (new Set(counts.filter((c) => c !== null)).size < 2) return null
  if (suite === 'inference' && direction !== 'higher') return null
  const values = rows.map((r, i) => {
    const n = counts[i]
    if (r.value === null || n === null || n === undefined) return null
    return suite === 'training' ? r.value * n : r.value / n
  })
  const perUnit = suite === 'training' ? `accelerator-${unit}` : `${unit} per accelerator`
  const dir = suite === 'training' ? 'lower' : 'higher'
  const base = values[0] ?? null
  const deltas = values.map((v, i) => {
    if (i === 0) return 0
    if (!comparable[i]) return null
    const ratio = betterRatio(v, base, dir)
    return ratio === null ? null : (ratio - 1) * 100
  })
  return { unit: perUnit, direction: dir, values, deltas }
}

export function buildComparison(input: CompareInput): Comparison {
  const { sources } = input
  const suite = input.suite ?? 'inference'
  // Benchmarks named as the results table names them (resnet50, not the checker's resnet).
  const name = benchmarkNamer(sources.flatMap((s) => s.siblings))
  const items: CompareItem[] = sources.map((s) => ({
    id: s.row.id,
    label: label(s.row),
    round: s.row.round,
    benchmark: name(s.row.benchmark),
    scenario: s.row.scenario,
    verified: !isLocal(s.row)
  }))

  // Flags as Yes/No, whatever the store keeps (1/0, true/false).
  const fields: CompareField[] = input.columns.map((c) => {
    const values = sources.map((s) => {
      const v = s.cells[c.name] ?? null
      return c.type === 'boolean' ? flagText(v) : v
    })
    return { group: 'result', name: c.name, label: c.label, values, differs: !same(values) }
  })
  // System descriptions: one row per fact whatever the source's spelling of its key, and none
  // for a fact a result column already shows.
  const shownColumns = new Set(input.columns.map((c) => c.name))
  const systemRows = new Map<string, { label: string; values: Cell[] }>()
  for (const [i, s] of sources.entries()) {
    for (const [raw, v] of Object.entries(s.system)) {
      const f = systemField(raw)
      if (f.column !== undefined && shownColumns.has(f.column)) continue
      const row = systemRows.get(f.key) ?? {
        label: f.label,
        values: sources.map((): Cell => null)
      }
      const value: Cell = typeof v === 'boolean' ? flagText(v) : v === '' ? null : v
      if (row.values[i] === null || row.values[i] === undefined) row.values[i] = value
      systemRows.set(f.key, row)
    }
  }
  for (const [key, row] of [...systemRows].sort((a, b) => a[1].label.localeCompare(b[1].label))) {
    if (row.values.every((v) => v === null)) continue
    fields.push({
      group: 'system',
      name: key,
      label: row.label,
      values: row.values,
      differs: !same(row.values)
    })
  }

  // Benchmarks and scenarios every compared system ran.
  const maps = sources.map(
    (s) => new Map(s.siblings.map((r) => [`${r.benchmark}|${r.scenario ?? ''}`, r]))
  )
  const first = maps[0] ?? new Map<string, ChartRow>()
  const shared: SharedWorkload[] = []
  for (const [key, base] of [...first].sort((a, b) => a[0].localeCompare(b[0]))) {
    const rows = maps.map((m) => m.get(key) ?? null)
    if (rows.some((r) => r === null)) continue
    const reasons: string[] = []
    const deltas = rows.map((r, i) => {
      if (!r || i === 0) return i === 0 ? 0 : null
      const c = comparability(toComparable(base), toComparable(r))
      if (!c.ok) {
        reasons.push(`${label(r)}: ${c.reason}`)
        return null
      }
      return percentBetter(r.value, base.value, base.unit)
    })
    const direction = directionOf(base.unit, base.metric)
    const present = rows.filter((r): r is ChartRow => r !== null)
    shared.push({
      benchmark: name(base.benchmark),
      scenario: base.scenario,
      unit: base.unit,
      direction,
      ids: rows.map((r) => r?.id ?? null),
      values: rows.map((r) => r?.value ?? null),
      deltas,
      reasons,
      perAccelerator: perAcceleratorOf(
        suite,
        present,
        base.unit,
        direction,
        deltas.map((d) => d !== null)
      )
    })
  }

  const issues: CompareIssue[] = []
  const rows = sources.map((s) => s.row)
  const workloads = new Set(rows.map((r) => workloadLabel(r, name)))
  if (workloads.size > 1) {
    issues.push({
      severity: 'incomparable',
      text: `The picked results are of different benchmarks or scenarios (${[...workloads].join(', ')}); compare them through the shared benchmarks below.`
    })
  }
  const base = rows[0]
  if (base) {
    for (const r of rows.slice(1)) {
      if (r.benchmark !== base.benchmark || r.scenario !== base.scenario) continue
      const c = comparability(toComparable(base), toComparable(r))
      if (!c.ok) issues.push({ severity: 'incomparable', text: `${label(r)}: ${c.reason}.` })
      else
        for (const cv of c.caveats)
          issues.push({ severity: 'identify', text: `${label(r)}: ${cv}.` })
    }
  }
  const identify = (what: string, values: (string | number | null)[]): void => {
    const distinct = [...new Set(values.map((v) => String(v ?? 'unknown')))]
    if (distinct.length > 1) {
      issues.push({
        severity: 'identify',
        text: `Different ${what} (${distinct.join(' vs ')}): the guidelines require stating this with the comparison.`
      })
    }
  }
  identify(
    'rounds (benchmark versions)',
    rows.map((r) => r.round)
  )
  identify(
    'divisions',
    rows.map((r) => r.division)
  )
  identify(
    'categories (availability)',
    rows.map((r) => r.category)
  )
  identify(
    'accelerator counts',
    rows.map((r) => r.acceleratorsTotal)
  )
  if (rows.some(isLocal) && rows.some((r) => !isLocal(r))) {
    issues.push({
      severity: 'identify',
      text: 'Official and unverified results side by side: your own runs must be called "Unverified" and cited with "Result not verified by MLCommons Association".'
    })
  }
  for (const r of rows) {
    if (!r.valid) issues.push({ severity: 'incomparable', text: `${label(r)} is marked invalid.` })
    if (r.inferred) {
      issues.push({
        severity: 'identify',
        text: `${label(r)} is inferred from another scenario's run (edge rules).`
      })
    }
  }

  const sharedIds = new Set(shared.flatMap((w) => w.ids))
  const cited = new Map<number, ChartRow>(rows.map((r) => [r.id, r]))
  for (const s of sources) for (const x of s.siblings) if (sharedIds.has(x.id)) cited.set(x.id, x)
  const perAcc = shared.some((w) => w.perAccelerator !== null)
  const footnote = citationFootnote({
    suite,
    rows: [...cited.values()],
    provenance: input.provenance,
    derived: [
      `% better = (result ÷ first result − 1) × 100, inverted for ${suite === 'training' ? 'times to train' : 'latencies'}`,
      ...(perAcc
        ? [
            suite === 'training'
              ? 'accelerator-minutes = minutes to train × accelerators (lower is better)'
              : 'per accelerator = throughput ÷ total accelerators'
          ]
        : [])
    ],
    exportedAt: input.now
  })
  return { suite, items, fields, shared, issues, footnote }
}
