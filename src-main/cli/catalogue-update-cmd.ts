/**
 * `mlperf-explorer catalogue update`: the app's "Get published results…" from the command line.
 * Downloads the official tables of the rounds not in the database yet (and re-checks, with
 * conditional requests, those it downloaded before), imports them, and prints one line per
 * round. Exit 0 when the update ran (a round not published yet is not an error), 1 when it
 * failed or a round could not be imported, 2 for bad arguments.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { dispatch } from '../api/dispatch'
import { openBackend } from '../api/open-backend'
import { defaultDbPath } from '../core/app-paths'
import type { Suite } from '../shared/api'
import type {
  PublishedSourcesView,
  RoundKey,
  UpdateProgress,
  UpdateReport
} from '../shared/published'
import { textTable } from './text-table'

const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export const CATALOGUE_UPDATE_HELP = `  mlperf-explorer catalogue update [--db FILE] [--round vX.Y]... [--suite inference|training]
                                   [--force] [--list] [--base-url URL|default]
      Downloads the official results tables (summary_results.json, cm4mlperf-results) of the
      rounds not in the database yet, re-checks with conditional requests those downloaded
      before, and imports them. --round picks rounds (of both suites unless --suite), --force
      downloads them even when present, --list only shows the rounds and what an update would
      do. --base-url sets the source address (a mirror in the raw.githubusercontent.com
      layout; kept for later updates; "default" resets it).`

type Out = { out: (s: string) => void; err: (s: string) => void }

class UsageError extends Error {}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`
}

function listRounds(view: PublishedSourcesView): string {
  const rows = view.rounds.map((r) => ({
    suite: r.suite,
    round: r.round,
    table: r.table,
    'in database': r.results,
    'from tables': r.tableResults,
    update: r.plan === 'skip' ? 'present' : r.probe ? 'look for it' : r.plan
  }))
  const cols = ['suite', 'round', 'table', 'in database', 'from tables', 'update']
  return `source: ${view.baseUrl}\n${textTable(cols, rows)}\n`
}

export function formatUpdateReport(r: UpdateReport): string {
  const rows = r.rounds.map((x) => ({
    suite: x.suite,
    round: x.round,
    outcome: x.outcome,
    details: x.message
  }))
  const lines = [
    `Update ${r.status} (source: ${r.baseUrl})`,
    rows.length > 0
      ? textTable(['suite', 'round', 'outcome', 'details'], rows)
      : 'No round to update.'
  ]
  if (r.error) lines.push(`error: ${r.error}`)
  return lines.join('\n') + '\n'
}

export async function catalogueUpdateCmd(args: string[], io: Out): Promise<number> {
  let v: {
    db?: string
    round?: string[]
    suite?: string
    force?: boolean
    list?: boolean
    'base-url'?: string
    help?: boolean
  }
  try {
    v = parseArgs({
      args,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        round: { type: 'string', multiple: true },
        suite: { type: 'string' },
        force: { type: 'boolean' },
        list: { type: 'boolean' },
        'base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      }
    }).values
    if (v.suite !== undefined && v.suite !== 'inference' && v.suite !== 'training') {
      throw new UsageError(`--suite must be inference or training, got "${v.suite}"`)
    }
    for (const r of v.round ?? []) {
      if (!/^v\d+\.\d+$/.test(r)) throw new UsageError(`--round must look like v5.0, got "${r}"`)
    }
  } catch (e) {
    io.err(`catalogue update: ${(e as Error).message}\n\n${CATALOGUE_UPDATE_HELP}\n`)
    return 2
  }
  if (v.help) {
    io.out(CATALOGUE_UPDATE_HELP + '\n')
    return 0
  }
  const backend = openBackend({
    dbPath: resolve(v.db ?? defaultDbPath()),
    shell: 'cli',
    appRoot: APP_ROOT,
    catalogue: true
  })
  const stopOnSignal: (() => void)[] = []
  try {
    if (v['base-url'] !== undefined) {
      const baseUrl = v['base-url'] === 'default' ? null : v['base-url']
      const set = await dispatch(backend.api, 'catalogue.setBaseUrl', { baseUrl })
      if (!set.ok) {
        io.err(`catalogue update: ${set.error.message}\n`)
        return 2
      }
      io.err(`Source address set to ${(set.value as PublishedSourcesView).baseUrl}\n`)
    }
    const sources = await dispatch(backend.api, 'catalogue.sources', {})
    if (!sources.ok) throw new Error(sources.error.message)
    const view = sources.value as PublishedSourcesView
    const suites: Suite[] = v.suite ? [v.suite] : ['inference', 'training']
    let rounds: RoundKey[] | undefined
    if (v.round !== undefined || v.suite !== undefined) {
      rounds = view.rounds
        .filter((r) => suites.includes(r.suite))
        .filter((r) => (v.round ? v.round.includes(r.round) : r.plan !== 'skip' || v.force))
        .map((r) => ({ suite: r.suite, round: r.round }))
      const unknown = (v.round ?? []).filter((r) => !rounds?.some((k) => k.round === r))
      if (unknown.length > 0) {
        io.err(
          `catalogue update: no published table is known for ${unknown.join(', ')} (${suites.join(' or ')}); see --list\n`
        )
        return 2
      }
    }
    if (v.list) {
      io.out(listRounds(view))
      return 0
    }

    const tty = process.stderr.isTTY
    backend.hub.subscribe((event, payload) => {
      if (event !== 'catalogue.progress') return
      const p = payload as UpdateProgress
      if (p.phase === 'done' || p.round === null) return
      const line = `${p.round}: ${p.phase} ${p.filesDone}/${p.filesTotal} files, ${megabytes(p.bytes)}`
      if (tty) io.err(`\r  ${line}   `)
    })
    const started = await dispatch(backend.api, 'catalogue.update', {
      ...(rounds ? { rounds } : {}),
      ...(v.force ? { force: true } : {})
    })
    if (!started.ok) {
      io.err(`catalogue update: ${started.error.message}\n`)
      return 1
    }
    const { jobId } = started.value as { jobId: string }
    const cancel = (): void => {
      io.err('\nCancelling…\n')
      backend.updates.cancel(jobId)
    }
    process.once('SIGINT', cancel)
    stopOnSignal.push(() => process.off('SIGINT', cancel))
    await backend.updates.idle()
    if (tty) io.err('\n')
    const report = backend.updates.get(jobId)
    if (!report) throw new Error(`The update ${jobId} left no report`)
    io.out(formatUpdateReport(report))
    const failedRound = report.rounds.some((r) => r.outcome === 'failed')
    return report.status === 'done' && !failedRound ? 0 : 1
  } finally {
    for (const stop of stopOnSignal) stop()
    await backend.close()
  }
}
