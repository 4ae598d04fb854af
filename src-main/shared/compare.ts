/**
 * Side-by-side comparison of 2–8 results: every field, every benchmark and scenario the systems
 * share with % deltas (direction-aware: + always means better), and which differences make them
 * not directly comparable (MLPerf results guidelines: identify differences in version, division,
 * category, verified status and chip count; never compare across incompatible versions). Pure;
 * the main side gathers the rows, the renderer draws the result.
 */
import type { Cell } from './api'
import type { ChartRow } from './charts/chart-points'
import { isLocal, systemLabel } from './charts/chart-points'
import { comparability, toComparable } from './charts/comparability'
import type { Footnote, Provenance } from './charts/footnote'
import { citationFootnote } from './charts/footnote'
import { betterRatio, directionOf } from './charts/direction'

export const MIN_COMPARE = 2
export const MAX_COMPARE = 8

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
}

export type CompareIssue = {
  /** incomparable: MLPerf does not allow the comparison; identify: allowed, but must be stated. */
  severity: 'incomparable' | 'identify'
  text: string
}

export type Comparison = {
  items: CompareItem[]
  fields: CompareField[]
  shared: SharedWorkload[]
  issues: CompareIssue[]
  footnote: Footnote
}

export type CompareInput = {
  sources: CompareSource[]
  /** Column names and labels of the results table, in display order. */
  columns: readonly { name: string; label: string }[]
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

export function buildComparison(input: CompareInput): Comparison {
  const { sources } = input
  const items: CompareItem[] = sources.map((s) => ({
    id: s.row.id,
    label: label(s.row),
    round: s.row.round,
    benchmark: s.row.benchmark,
    scenario: s.row.scenario,
    verified: !isLocal(s.row)
  }))

  const fields: CompareField[] = input.columns.map((c) => {
    const values = sources.map((s) => s.cells[c.name] ?? null)
    return { group: 'result', name: c.name, label: c.label, values, differs: !same(values) }
  })
  const systemKeys = [...new Set(sources.flatMap((s) => Object.keys(s.system)))].sort()
  for (const k of systemKeys) {
    const values = sources.map((s) => {
      const v = s.system[k]
      return v === undefined || v === null ? null : typeof v === 'boolean' ? String(v) : v
    })
    fields.push({ group: 'system', name: k, label: k, values, differs: !same(values) })
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
    shared.push({
      benchmark: base.benchmark,
      scenario: base.scenario,
      unit: base.unit,
      direction: directionOf(base.unit, base.metric),
      ids: rows.map((r) => r?.id ?? null),
      values: rows.map((r) => r?.value ?? null),
      deltas,
      reasons
    })
  }

  const issues: CompareIssue[] = []
  const rows = sources.map((s) => s.row)
  const workloads = new Set(rows.map((r) => `${r.benchmark} ${r.scenario ?? ''}`.trim()))
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
  const footnote = citationFootnote({
    suite: 'inference',
    rows: [...cited.values()],
    provenance: input.provenance,
    derived: ['% better = (result ÷ first result − 1) × 100, inverted for latencies'],
    exportedAt: input.now
  })
  return { items, fields, shared, issues, footnote }
}
