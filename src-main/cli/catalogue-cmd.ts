import { dispatch } from '../api/dispatch'
import type { CatalogueChange, CatalogueStatus, CoverageRow } from '../shared/catalogue'
import { openCliBackend } from './backend'
import type { Handler } from './commands'
import { CATALOGUE_HELP } from './help'
import { textTable } from './text-table'

const COLUMNS = [
  'suite',
  'round',
  'results',
  'bundled',
  'yours',
  'coverage',
  'source',
  'note'
] as const

/** One line per suite and round, as the coverage view shows it. */
export function coverageLines(rows: readonly CoverageRow[]): Record<string, string | number>[] {
  return rows.map((c) => ({
    suite: c.suite,
    round: c.round,
    results: c.results,
    bundled: c.inDatabase.bundled,
    yours: c.inDatabase.imported + c.inDatabase.downloaded + c.inDatabase.local,
    coverage: c.complete ? 'complete' : 'partial',
    source: c.source,
    note: c.note ?? ''
  }))
}

function csvCell(v: string | number): string {
  const s = String(v)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

function statusText(s: CatalogueStatus, format: string): string {
  const lines = coverageLines(s.coverage)
  if (format === 'json') return JSON.stringify(s, null, 2) + '\n'
  if (format === 'csv') {
    return [
      COLUMNS.join(','),
      ...lines.map((l) => COLUMNS.map((c) => csvCell(l[c] ?? '')).join(','))
    ]
      .map((l) => l + '\n')
      .join('')
  }
  const table = textTable(
    COLUMNS.filter((c) => c !== 'note'),
    lines
  )
  const partial = s.coverage.filter((c) => !c.complete && c.note)
  const notes = partial.map((c) => `  ${c.suite} ${c.round}: ${c.note}`)
  const state = s.removed
    ? s.coverage.length === 0
      ? 'This database was made without the catalogue ("catalogue restore" adds it).'
      : 'The bundled results are removed from this database ("catalogue restore" puts them back).'
    : `${s.bundled.inference + s.bundled.training} bundled results in this database (${s.bundled.inference} inference, ${s.bundled.training} training).`
  return (
    [table, '', state, ...(notes.length ? ['', 'Partial rounds:', ...notes] : [])].join('\n') + '\n'
  )
}

function changeText(verb: string, c: CatalogueChange): string {
  return `${verb} ${c.inference} inference and ${c.training} training results.\n`
}

/** `mlperf-explorer catalogue [remove|restore]`: coverage, or take the bundled rows out/in. */
export const catalogueCmd: Handler<'catalogue'> = async ({ positionals, values }, io) => {
  const action = positionals[0]
  const fmt = values.format ?? 'table'
  if (!['table', 'csv', 'json'].includes(fmt)) {
    io.err('catalogue: --format must be table, csv or json\n')
    return 2
  }
  if (action !== undefined && action !== 'remove' && action !== 'restore') {
    io.err(`catalogue: unknown action "${action}" (remove or restore)\n\n${CATALOGUE_HELP}\n`)
    return 2
  }
  const backend = openCliBackend(values)
  try {
    if (action !== undefined) {
      const r = await dispatch(backend.api, `catalogue.${action}`, {})
      if (!r.ok) {
        io.err(`catalogue: ${r.error.message}\n`)
        return 1
      }
      io.out(changeText(action === 'remove' ? 'Removed' : 'Restored', r.value as CatalogueChange))
      return 0
    }
    const r = await dispatch(backend.api, 'catalogue.status', {})
    if (!r.ok) {
      io.err(`catalogue: ${r.error.message}\n`)
      return 1
    }
    io.out(statusText(r.value as CatalogueStatus, fmt))
    return 0
  } finally {
    await backend.close()
  }
}
