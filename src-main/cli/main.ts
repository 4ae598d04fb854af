import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
import type { ImportReport, ResultPage, Suite, ViewQuery } from '../shared/api'
import { SUITE_CSV_COLUMNS } from '../shared/columns'
import { dispatch } from '../api/dispatch'
import { appVersion, openBackend } from '../api/open-backend'
import type { Backend } from '../api/open-backend'
import { defaultDbPath } from '../core/app-paths'
import { describeDbError } from '../core/db/db-errors'
import { writeResultsCsv } from '../core/export/results-csv'
import { startHttpServer } from '../bridge/http-server'
import { ensureRendererBuilt } from './ensure-renderer'
import { parseWhereArgs } from './where-arg'
import { textTable } from './text-table'
import { chartCmd } from './chart-cmd'
import { commentBlock } from '../charts/footnote'
import { tableFootnote } from '../core/export/render-view'
import { ttmtCmd } from './ttmt-cmd'
import { RUN_HELP, runCmd } from './run-cmd'
import { checkImportRound } from '../core/ingest/round-check'
import { CATALOGUE_UPDATE_HELP, catalogueUpdateCmd } from './catalogue-update-cmd'
import { CATALOGUE_HELP, catalogueCmd } from './catalogue-cmd'

const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url))

const HELP = `mlperf-explorer: MLPerf results from the command line

  mlperf-explorer import <path>... [--db FILE] [--round vX.Y]
      Import submission trees (inference_results_vX.Y and training_results_vX.Y clones,
      division, submitter or own folders; a folder or a single file of training result_*.txt
      logs) and official summary files (summary_results.json, summary.csv, summary.json,
      cm-result.json). --round is the round of results whose folders name none (without it,
      training rounds are decided from the logs' dates, benchmark and targets, inference rounds
      from the LoadGen seeds).
  mlperf-explorer results [--db FILE] [--suite inference|training] [--where COLUMN=VALUE]...
                          [--search TEXT] [--sort [-]COLUMN] [--format csv|json|table]
                          [--footnote]
      The results table as the UI shows it (csv is the default). Training values are the
      official score in minutes. --footnote appends the MLPerf citation footnote to the CSV
      as trailing "# " comment lines (the header and rows are unchanged).
  mlperf-explorer ttmt <log-file-or-folder>... [--thresholds T1,T2,...] [--format csv|json]
                       [--direction higher|lower]
      Time to multiple thresholds of training runs, read from their logs (a folder means every
      result_*.txt in it): TTA and ATTMT in minutes per run and threshold. Without
      --thresholds, the default ladder for the benchmark found in the logs.
  mlperf-explorer chart --view <view.json|bundle-folder> --out <file.svg|file.png> [--db FILE]
                        [--width PX] [--height PX]
      Renders a saved chart view (a report bundle's view.json) without a window: SVG, or PNG
      at twice the pixel size, with title, axis units and the citation footnote drawn in.
${RUN_HELP}
${CATALOGUE_UPDATE_HELP}
  mlperf-explorer serve [--db FILE] [--port N]
      The web mode on http://127.0.0.1 (open the printed URL; it carries the access token).
${CATALOGUE_HELP}

  --db defaults to the desktop app's database: ${defaultDbPath()}
  A new database gets the published catalogue (${'`'}catalogue${'`'} above); --no-catalogue makes
  one without it (${'`'}catalogue restore${'`'} adds it later).`

type Out = { out: (s: string) => void; err: (s: string) => void }
const stdio: Out = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s)
}

/** Opens a database; a new one gets the published catalogue unless --no-catalogue said no. */
type Open = (db: string | undefined, shell?: 'cli' | 'web') => Backend

function opener(catalogue: boolean | 'decline'): Open {
  return (db, shell = 'cli') =>
    openBackend({ dbPath: resolve(db ?? defaultDbPath()), shell, appRoot: APP_ROOT, catalogue })
}

async function importCmd(
  paths: string[],
  db: string | undefined,
  round: string | undefined,
  io: Out,
  open: Open
): Promise<number> {
  if (paths.length === 0) {
    io.err('import: give at least one folder or summary file\n')
    return 2
  }
  const checked = checkImportRound(round)
  if ('error' in checked) {
    io.err(`import: --round ${round ?? ''}: ${checked.error}\n`)
    return 2
  }
  const backend = open(db)
  const tty = process.stderr.isTTY
  backend.hub.subscribe((event, payload) => {
    if (event !== 'imports.progress' || !tty) return
    const p = payload as { filesRead: number; resultsFound: number; totalItems: number | null }
    io.err(
      `\r  files read ${p.filesRead}, results found ${p.resultsFound}${p.totalItems ? ` of ${p.totalItems}` : ''}   `
    )
  })
  const started = backend.imports.start(
    paths.map((p) => resolve(p)),
    { round: checked.round }
  )
  const report = await started.done
  if (tty) io.err('\n')
  await backend.close()
  io.out(formatReport(report))
  if (report.status !== 'failed') return 0
  // The report (stdout) lists what was read; the reason is one line on stderr.
  io.err(`import failed: ${(report.error ?? 'no reason given').replace(/\s*\n\s*/g, ' ')}\n`)
  return 1
}

export function formatReport(r: ImportReport): string {
  const lines = [
    `Import ${r.status}: ${r.resultsFound} results found in ${r.filesRead} files read`,
    `  imported ${r.imported}, updated ${r.updated}, unchanged ${r.unchanged}, skipped ${r.skipped}`
  ]
  if (r.error) lines.push(`  error: ${r.error}`)
  for (const s of r.skippedItems) lines.push(`  skipped ${s.path}: ${s.reason}`)
  for (const n of new Set(r.notes)) lines.push(`  note: ${n}`)
  return lines.join('\n') + '\n'
}

async function resultsCmd(
  v: {
    db?: string
    suite?: string
    where?: string[]
    search?: string
    sort?: string
    format?: string
    footnote?: boolean
  },
  io: Out,
  open: Open
): Promise<number> {
  const suiteArg = v.suite ?? 'inference'
  if (suiteArg !== 'inference' && suiteArg !== 'training') {
    io.err(`results: unknown suite "${suiteArg}" (inference or training)\n`)
    return 2
  }
  const suite: Suite = suiteArg
  const format = v.format ?? 'csv'
  if (!['csv', 'json', 'table'].includes(format)) {
    io.err(`results: --format must be csv, json or table\n`)
    return 2
  }
  let view: ViewQuery
  try {
    view = {
      suite,
      filters: parseWhereArgs(v.where ?? []),
      ...(v.search ? { search: v.search } : {}),
      ...(v.sort
        ? {
            sort: { column: v.sort.replace(/^-/, ''), dir: v.sort.startsWith('-') ? 'desc' : 'asc' }
          }
        : {})
    }
  } catch (e) {
    io.err(`results: ${(e as Error).message}\n`)
    return 2
  }
  const backend = open(v.db)
  try {
    // Validate the view through the API first so a bad column gives the API's message.
    const probe = await dispatch(backend.api, 'results.query', { ...view, offset: 0, limit: 1 })
    if (!probe.ok) {
      io.err(`results: ${probe.error.message}\n`)
      return 2
    }
    if (format === 'csv') {
      writeResultsCsv(backend.db, view, io.out)
      // Opt-in, so scripts that read the CSV as-is keep working; `# ` lines are skippable.
      if (v.footnote) {
        io.out(
          commentBlock(
            tableFootnote(backend.db, view, appVersion(APP_ROOT), new Date().toISOString())
          )
        )
      }
      return 0
    }
    const rows: ResultPage['rows'] = []
    const total = (probe.value as ResultPage).total
    for (let offset = 0; offset < total; offset += 1000) {
      const page = await dispatch(backend.api, 'results.query', {
        ...view,
        offset,
        limit: 1000,
        columns: [...SUITE_CSV_COLUMNS[suite]]
      })
      if (!page.ok) throw new Error(page.error.message)
      rows.push(...(page.value as ResultPage).rows)
    }
    if (format === 'json') io.out(JSON.stringify(rows, null, 2) + '\n')
    else if (suite === 'training') {
      const cols = [
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
      io.out(textTable(cols, rows) + `\n${rows.length} results\n`)
    } else {
      const cols = [
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
      ]
      io.out(textTable(cols, rows) + `\n${rows.length} results\n`)
    }
    return 0
  } finally {
    await backend.close()
  }
}

async function serveCmd(
  db: string | undefined,
  port: number | undefined,
  io: Out,
  open: Open
): Promise<number> {
  const staticDir = ensureRendererBuilt(APP_ROOT, io.err)
  const backend = open(db, 'web')
  const server = await startHttpServer({
    api: backend.api,
    hub: backend.hub,
    token: randomBytes(18).toString('base64url'),
    staticDir,
    ...(port !== undefined ? { port } : {})
  })
  io.out(`MLPerf Explorer web mode: ${server.url}\n`)
  await new Promise<void>((done) => {
    const stop = (): void => {
      void server
        .close()
        .then(() => backend.close())
        .then(done)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}

/**
 * Runs one CLI invocation; returns the exit code. Whatever goes wrong (a database that cannot
 * be opened, a full disk, a bug) ends as one line on stderr and exit code 1, never a stack
 * trace (MLPERF_EXPLORER_DEBUG=1 adds it).
 */
export async function main(argv: string[], io: Out = stdio): Promise<number> {
  try {
    return await command(argv, io)
  } catch (e) {
    io.err(`${errorLine(argv[0], e)}\n`)
    if (process.env.MLPERF_EXPLORER_DEBUG && e instanceof Error && e.stack) io.err(e.stack + '\n')
    return 1
  }
}

/** "import: <what went wrong>", in words for database faults. */
export function errorLine(cmd: string | undefined, e: unknown): string {
  const said = describeDbError(e) ?? (e instanceof Error ? e.message : String(e))
  return `${cmd ? `${cmd}: ` : ''}${said.replace(/\s*\n\s*/g, ' ')}`
}

async function command(argv: string[], io: Out): Promise<number> {
  const [command, ...rest] = argv
  // `run` has options of its own (parsed in run-cmd.ts).
  if (command === 'run') return runCmd(rest, io)
  if (command === 'catalogue' && rest[0] === 'update') return catalogueUpdateCmd(rest.slice(1), io)
  let parsed
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        suite: { type: 'string' },
        where: { type: 'string', multiple: true },
        search: { type: 'string' },
        sort: { type: 'string' },
        format: { type: 'string' },
        port: { type: 'string' },
        thresholds: { type: 'string' },
        direction: { type: 'string' },
        view: { type: 'string' },
        out: { type: 'string' },
        width: { type: 'string' },
        height: { type: 'string' },
        footnote: { type: 'boolean' },
        round: { type: 'string' },
        'no-catalogue': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${HELP}\n`)
    return 2
  }
  const { values: v, positionals } = parsed
  const open = opener(v['no-catalogue'] === true ? 'decline' : true)
  if (!command || command === 'help' || command === '--help' || command === '-h' || v.help) {
    io.out(HELP + '\n')
    return command && command !== 'help' && command !== '--help' && command !== '-h' && !v.help
      ? 2
      : 0
  }
  switch (command) {
    case 'import':
      return importCmd(positionals, v.db, v.round, io, open)
    case 'results':
      return resultsCmd(v, io, open)
    case 'ttmt':
      return ttmtCmd(
        positionals,
        {
          ...(v.thresholds !== undefined ? { thresholds: v.thresholds } : {}),
          ...(v.format !== undefined ? { format: v.format } : {}),
          ...(v.direction !== undefined ? { direction: v.direction } : {})
        },
        io
      )
    case 'chart':
      return chartCmd(
        {
          ...(v.view !== undefined ? { view: v.view } : {}),
          ...(v.out !== undefined ? { out: v.out } : {}),
          ...(v.width !== undefined ? { width: v.width } : {}),
          ...(v.height !== undefined ? { height: v.height } : {})
        },
        io,
        () => open(v.db),
        APP_ROOT
      )
    case 'catalogue':
      return catalogueCmd(positionals[0], v.format, io, () => open(v.db))
    case 'serve': {
      const port = v.port === undefined ? undefined : Number(v.port)
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        io.err('serve: --port must be a port number\n')
        return 2
      }
      return serveCmd(v.db, port, io, open)
    }
    default:
      io.err(`Unknown command "${command}"\n\n${HELP}\n`)
      return 2
  }
}
