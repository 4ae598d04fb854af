import type { Cell } from '../shared/api'

/** Rows as an aligned plain-text table for terminals; numbers right-aligned. */
export function textTable(
  columns: readonly string[],
  rows: readonly Record<string, Cell>[]
): string {
  const cells = rows.map((r) =>
    columns.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c])))
  )
  const widths = columns.map((c, i) =>
    Math.max(c.length, ...cells.map((row) => row[i]?.length ?? 0))
  )
  const numeric = columns.map((c) => rows.some((r) => typeof r[c] === 'number'))
  const line = (vals: readonly string[]): string =>
    vals
      .map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n')
}
