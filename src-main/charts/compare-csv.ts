/**
 * A comparison as one CSV table, one column per compared result (in the comparison's order,
 * the first being the baseline), one row per fact: the shared benchmarks with their values,
 * % deltas and per-accelerator values, then every field of the results and their systems. The
 * issues to state with the comparison and the citation footnote follow as `# ` comment lines,
 * which CSV readers skip (pandas `comment='#'`, R `comment.char`). Numbers keep full precision.
 */
import Papa from 'papaparse'
import type { Cell } from '../shared/api'
import { commentBlock } from './footnote'
import type { Comparison } from '../shared/comparison'

export const COMPARE_CSV_COLUMNS = ['section', 'field', 'unit'] as const

export function comparisonCsv(c: Comparison): string {
  const header = [
    ...COMPARE_CSV_COLUMNS,
    ...c.items.map((i) => `${i.label}${i.verified ? '' : ' [unverified]'} #${i.id}`)
  ]
  const rows: Cell[][] = []
  for (const w of c.shared) {
    const field = w.scenario ? `${w.benchmark} ${w.scenario}` : w.benchmark
    const better = w.direction === 'higher' ? 'higher is better' : 'lower is better'
    rows.push(['result', field, `${w.unit} (${better})`, ...w.values])
    rows.push(['% vs first', field, '%', ...w.deltas])
    const p = w.perAccelerator
    if (p) {
      const pBetter = p.direction === 'higher' ? 'higher is better' : 'lower is better'
      rows.push(['per accelerator', field, `${p.unit} (${pBetter})`, ...p.values])
      rows.push(['per accelerator % vs first', field, '%', ...p.deltas])
    }
  }
  for (const f of c.fields) {
    rows.push([f.group === 'result' ? 'field' : 'system', f.label, null, ...f.values])
  }
  const notes = c.issues.map(
    (i) => `${i.severity === 'incomparable' ? 'Not comparable' : 'State this'}: ${i.text}`
  )
  return (
    Papa.unparse({ fields: header, data: rows }, { newline: '\n' }) +
    '\n' +
    commentBlock([...notes, ...c.footnote.full])
  )
}

/** "mlperf-compare-inference-2025-03-01.csv". */
export function comparisonFilename(c: Comparison, now: string): string {
  return `mlperf-compare-${c.suite}-${now.slice(0, 10)}.csv`
}
