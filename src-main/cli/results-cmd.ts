import type { ResultPage, Suite, ViewQuery } from '../shared/api'
import { SUITE_CSV_COLUMNS } from '../shared/columns'
import { dispatch } from '../api/dispatch'
import type { Api } from '../shared/api'
import { openCliBackend } from './backend'
import type { Handler, Io } from './commands'
import { parseWhereArgs } from './where-arg'
import { textTable } from './text-table'

/** The columns of `--format table`, per suite. */
const TABLE_COLUMNS: Record<Suite, readonly string[]> = {
  inference: [
    'round',
    'division',
    'submitter',
    'system_name',
    'benchmark',
    'scenario',
    'value',
    'unit',
    'power_value',
    'power_unit',
    'valid'
  ],
  training: [
    'round',
    'division',
    'submitter',
    'system_name',
    'benchmark',
    'runs',
    'value',
    'unit',
    'scaling_factor',
    'aborted_runs',
    'valid'
  ]
}

type Checked = { view: ViewQuery; format: 'csv' | 'json' | 'table' }

/** The view and format a command line asks for, or the usage error. */
function checkArgs(v: Parameters<Handler<'results'>>[0]['values']): Checked | { error: string } {
  const suite = v.suite ?? 'inference'
  if (suite !== 'inference' && suite !== 'training') {
    return { error: `unknown suite "${suite}" (inference or training)` }
  }
  const format = v.format ?? 'csv'
  if (format !== 'csv' && format !== 'json' && format !== 'table') {
    return { error: '--format must be csv, json or table' }
  }
  try {
    const sort = v.sort
      ? { column: v.sort.replace(/^-/, ''), dir: v.sort.startsWith('-') ? 'desc' : 'asc' }
      : undefined
    return {
      format,
      view: {
        suite,
        filters: parseWhereArgs(v.where ?? []),
        ...(v.search ? { search: v.search } : {}),
        ...(sort ? { sort: sort as NonNullable<ViewQuery['sort']> } : {})
      }
    }
  } catch (e) {
    return { error: (e as Error).message }
  }
}

/** Every row of the view, a page of 1000 at a time, with the CSV column set. */
async function allRows(api: Api, view: ViewQuery, total: number): Promise<ResultPage['rows']> {
  const rows: ResultPage['rows'] = []
  for (let offset = 0; offset < total; offset += 1000) {
    const page = await dispatch(api, 'results.query', {
      ...view,
      offset,
      limit: 1000,
      columns: [...SUITE_CSV_COLUMNS[view.suite]]
    })
    if (!page.ok) throw new Error(page.error.message)
    rows.push(...(page.value as ResultPage).rows)
  }
  return rows
}

async function writeCsv(api: Api, view: ViewQuery, footnote: boolean, io: Io): Promise<void> {
  // The footnote is opt-in, so scripts that read the CSV as-is keep working; `# ` lines skip.
  const csv = await dispatch(api, 'results.csv', { ...view, ...(footnote ? { footnote } : {}) })
  if (!csv.ok) throw new Error(csv.error.message)
  io.out((csv.value as { csv: string }).csv)
}

/** `mlperf-explorer results`: the table as the UI shows it, as CSV, JSON or text. */
export const resultsCmd: Handler<'results'> = async ({ values: v }, io) => {
  const checked = checkArgs(v)
  if ('error' in checked) {
    io.err(`results: ${checked.error}\n`)
    return 2
  }
  const { view, format } = checked
  const backend = openCliBackend(v)
  try {
    // Validate the view through the API first so a bad column gives the API's message.
    const probe = await dispatch(backend.api, 'results.query', { ...view, offset: 0, limit: 1 })
    if (!probe.ok) {
      io.err(`results: ${probe.error.message}\n`)
      return 2
    }
    if (format === 'csv') {
      await writeCsv(backend.api, view, v.footnote === true, io)
      return 0
    }
    const rows = await allRows(backend.api, view, (probe.value as ResultPage).total)
    if (format === 'json') io.out(JSON.stringify(rows, null, 2) + '\n')
    else io.out(textTable(TABLE_COLUMNS[view.suite], rows) + `\n${rows.length} results\n`)
    return 0
  } finally {
    await backend.close()
  }
}
