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
import type { Footnote, Provenance } from '../shared/charts/citation'
import type {
  CompareField,
  CompareIssue,
  CompareItem,
  Comparison,
  SharedWorkload
} from '../shared/comparison'
import type { BenchmarkNamer } from './chart-scope'
import { benchmarkNamer, workloadLabel } from './chart-scope'
import { comparability, toComparable } from './comparability'
import { flagText, systemField } from './compare-fields'
import { itemLabel, sharedWorkloads } from './compare-shared'
import { citationFootnote } from './footnote'

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

/** The results table's columns side by side; flags as Yes/No, whatever the store keeps. */
function resultFields(input: CompareInput): CompareField[] {
  return input.columns.map((c) => {
    const values = input.sources.map((s) => {
      const v = s.cells[c.name] ?? null
      return c.type === 'boolean' ? flagText(v) : v
    })
    return { group: 'result', name: c.name, label: c.label, values, differs: !same(values) }
  })
}

/**
 * The system descriptions side by side: one row per fact whatever the source's spelling of its
 * key, none for a fact a result column already shows, sorted by label.
 */
function systemFields(input: CompareInput): CompareField[] {
  const { sources } = input
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
  const fields: CompareField[] = []
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
  return fields
}

/** Picked results of different workloads, and pairs of one workload MLPerf does not compare. */
function workloadIssues(rows: readonly ChartRow[], name: BenchmarkNamer): CompareIssue[] {
  const issues: CompareIssue[] = []
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
      if (!c.ok) issues.push({ severity: 'incomparable', text: `${itemLabel(r)}: ${c.reason}.` })
      else
        for (const cv of c.caveats)
          issues.push({ severity: 'identify', text: `${itemLabel(r)}: ${cv}.` })
    }
  }
  return issues
}

/**
 * What the comparison must state (MLPerf results guidelines): differences in version, division,
 * category and chip count, official next to unverified results, invalid and inferred results.
 */
function comparisonIssues(rows: readonly ChartRow[], name: BenchmarkNamer): CompareIssue[] {
  const issues = workloadIssues(rows, name)
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
    if (!r.valid) {
      issues.push({ severity: 'incomparable', text: `${itemLabel(r)} is marked invalid.` })
    }
    if (r.inferred) {
      issues.push({
        severity: 'identify',
        text: `${itemLabel(r)} is inferred from another scenario's run (edge rules).`
      })
    }
  }
  return issues
}

/** The citation: the picked results and every sibling a shared workload shows. */
function comparisonFootnote(
  input: CompareInput,
  suite: Suite,
  shared: readonly SharedWorkload[]
): Footnote {
  const sharedIds = new Set(shared.flatMap((w) => w.ids))
  const cited = new Map<number, ChartRow>(input.sources.map((s) => [s.row.id, s.row]))
  for (const s of input.sources) {
    for (const x of s.siblings) if (sharedIds.has(x.id)) cited.set(x.id, x)
  }
  const perAcc = shared.some((w) => w.perAccelerator !== null)
  return citationFootnote({
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
}

export function buildComparison(input: CompareInput): Comparison {
  const { sources } = input
  const suite = input.suite ?? 'inference'
  // Benchmarks named as the results table names them (resnet50, not the checker's resnet).
  const name = benchmarkNamer(sources.flatMap((s) => s.siblings))
  const items: CompareItem[] = sources.map((s) => ({
    id: s.row.id,
    label: itemLabel(s.row),
    round: s.row.round,
    benchmark: name(s.row.benchmark),
    scenario: s.row.scenario,
    verified: !isLocal(s.row)
  }))
  const fields = [...resultFields(input), ...systemFields(input)]
  const shared = sharedWorkloads(suite, sources, name)
  const issues = comparisonIssues(
    sources.map((s) => s.row),
    name
  )
  const footnote = comparisonFootnote(input, suite, shared)
  return { suite, items, fields, shared, issues, footnote }
}
