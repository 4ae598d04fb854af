import type { Filter } from '../shared/api'

const OPS: [string, Filter['op']][] = [
  ['!=', 'ne'],
  ['>=', 'gte'],
  ['<=', 'lte'],
  ['~', 'contains'],
  ['=', 'eq'],
  ['>', 'gt'],
  ['<', 'lt']
]

/**
 * `--where COLUMN=VALUE` (also !=, >, >=, <, <=, ~ for contains) → filters. Several `=` on
 * the same column combine into one `in` filter, as facet clicks do in the UI.
 */
export function parseWhereArgs(args: readonly string[]): Filter[] {
  const filters: Filter[] = []
  for (const arg of args) {
    const hit = OPS.map(([tok, op]) => ({ tok, op, at: arg.indexOf(tok) }))
      .filter((o) => o.at > 0)
      .sort((a, b) => a.at - b.at || b.tok.length - a.tok.length)[0]
    if (!hit) throw new Error(`--where "${arg}": expected COLUMN=VALUE (or !=, >, >=, <, <=, ~)`)
    const column = arg.slice(0, hit.at).trim()
    const value = arg.slice(hit.at + hit.tok.length)
    const same = filters.find((f) => f.column === column && (f.op === 'eq' || f.op === 'in'))
    if (hit.op === 'eq' && same) {
      const prev = Array.isArray(same.value) ? same.value : [same.value ?? '']
      same.op = 'in'
      same.value = [...prev, value]
    } else {
      filters.push({ column, op: hit.op, value })
    }
  }
  return filters
}
