import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
import type { ImportReport, ResultPage, Suite, ViewQuery } from '../shared/api'
import { INFERENCE_CSV_COLUMNS } from '../shared/columns'
import { dispatch } from '../api/dispatch'
import { openBackend } from '../api/open-backend'
import type { Backend } from '../api/open-backend'
import { defaultDbPath } from '../core/app-paths'
import { writeResultsCsv } from '../core/export/results-csv'
import { startHttpServer } from '../bridge/http-server'
import { ensureRendererBuilt } from './ensure-renderer'
import { parseWhereArgs } from './where-arg'
import { textTable } from './text-table'

const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url))

const HELP = `mlperf-explorer: MLPerf results from the command line

  mlperf-explorer import <path>... [--db FILE]
      Import submission trees (inference_results_vX.Y clones, division, submitter or own
      folders) and official summary files (summary_results.json, summary.csv, cm-result.json).
  mlperf-explorer results [--db FILE] [--suite inference] [--where COLUMN=VALUE]...
                          [--search TEXT] [--sort [-]COLUMN] [--format csv|json|table]
      The results table as the UI shows it (csv is the default).
  mlperf-explorer serve [--db FILE] [--port N]
      The web mode on http://127.0.0.1 (open the printed URL; it carries the access token).

  --db defaults to the desktop app's database: ${defaultDbPath()}`

type Out = { out: (s: string) => void; err: (s: string) => void }
const stdio: Out = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s)
}

function open(db: string | undefined, seedSample: boolean, shell: 'cli' | 'web' = 'cli'): Backend {
  return openBackend({
    dbPath: resolve(db ?? defaultDbPath()),
    shell,
    appRoot: APP_ROOT,
    seedSample
  })
}

async function importCmd(paths: string[], db: string | undefined, io: Out): Promise<number> {
  if (paths.length === 0) {
    io.err('import: give at least one folder or summary file\n')
    return 2
  }
  const backend = open(db, false)
  const tty = process.stderr.isTTY
  backend.hub.subscribe((event, payload) => {
    if (event !== 'imports.progress' || !tty) return
    const p = payload as { filesRead: number; resultsFound: number; totalItems: number | null }
    io.err(
      `\r  files read ${p.filesRead}, results found ${p.resultsFound}${p.totalItems ? ` of ${p.totalItems}` : ''}   `
    )
  })
  const started = backend.imports.start(paths.map((p) => resolve(p)))
  const report = await started.done
  if (tty) io.err('\n')
  await backend.close()
  io.out(formatReport(report))
  return report.status === 'failed' ? 1 : 0
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
  },
  io: Out
): Promise<number> {
  const suiteArg = v.suite ?? 'inference'
  if (suiteArg !== 'inference') {
    io.err(`results: unknown suite "${suiteArg}" (inference)\n`)
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
  const backend = open(v.db, false)
  try {
    // Validate the view through the API first so a bad column gives the API's message.
    const probe = await dispatch(backend.api, 'results.query', { ...view, offset: 0, limit: 1 })
    if (!probe.ok) {
      io.err(`results: ${probe.error.message}\n`)
      return 2
    }
    if (format === 'csv') {
      writeResultsCsv(backend.db, view, io.out)
      return 0
    }
    const rows: ResultPage['rows'] = []
    const total = (probe.value as ResultPage).total
    for (let offset = 0; offset < total; offset += 1000) {
      const page = await dispatch(backend.api, 'results.query', {
        ...view,
        offset,
        limit: 1000,
        columns: [...INFERENCE_CSV_COLUMNS]
      })
      if (!page.ok) throw new Error(page.error.message)
      rows.push(...(page.value as ResultPage).rows)
    }
    if (format === 'json') io.out(JSON.stringify(rows, null, 2) + '\n')
    else {
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
  io: Out
): Promise<number> {
  const staticDir = ensureRendererBuilt(APP_ROOT, io.err)
  const backend = open(db, true, 'web')
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

/** Runs one CLI invocation; returns the exit code. */
export async function main(argv: string[], io: Out = stdio): Promise<number> {
  const [command, ...rest] = argv
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
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${HELP}\n`)
    return 2
  }
  const { values: v, positionals } = parsed
  if (!command || command === 'help' || command === '--help' || command === '-h' || v.help) {
    io.out(HELP + '\n')
    return command && command !== 'help' && command !== '--help' && command !== '-h' && !v.help
      ? 2
      : 0
  }
  switch (command) {
    case 'import':
      return importCmd(positionals, v.db, io)
    case 'results':
      return resultsCmd(v, io)
    case 'serve': {
      const port = v.port === undefined ? undefined : Number(v.port)
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        io.err('serve: --port must be a port number\n')
        return 2
      }
      return serveCmd(v.db, port, io)
    }
    default:
      io.err(`Unknown command "${command}"\n\n${HELP}\n`)
      return 2
  }
}
