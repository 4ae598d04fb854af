/**
 * `mlperf-explorer catalogue update`: the app's "Get published results…" from the command line.
 * Downloads the official tables of the rounds not in the database yet (and re-checks, with
 * conditional requests, those it downloaded before), imports them, and prints one line per
 * round. Exit 0 when the update ran (a round not published yet is not an error), 1 when it
 * failed or a round could not be imported, 2 for bad arguments.
 */
import { dispatch } from '../api/dispatch'
import type { Backend } from '../api/open-backend'
import type { Suite } from '../shared/api'
import type {
  PublishedSourcesView,
  RoundKey,
  UpdateProgress,
  UpdateReport
} from '../shared/published'
import { openCliBackend } from './backend'
import type { CommandInput, Handler, Io } from './commands'
import { jobEnd } from './job-events'
import { CATALOGUE_UPDATE_HELP } from './help'
import { textTable } from './text-table'

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

type Values = CommandInput<'catalogue update'>['values']

/** The usage error of a command line, or null. */
function usageError(v: Values): string | null {
  if (v.suite !== undefined && v.suite !== 'inference' && v.suite !== 'training') {
    return `--suite must be inference or training, got "${v.suite}"`
  }
  const bad = (v.round ?? []).find((r) => !/^v\d+\.\d+$/.test(r))
  return bad === undefined ? null : `--round must look like v5.0, got "${bad}"`
}

/** The rounds --round and --suite pick (undefined: the update's default), or the unknown ones. */
function pickRounds(v: Values, view: PublishedSourcesView): RoundKey[] | undefined | string {
  if (v.round === undefined && v.suite === undefined) return undefined
  const suites: Suite[] =
    v.suite === 'inference' || v.suite === 'training' ? [v.suite] : ['inference', 'training']
  const rounds = view.rounds
    .filter((r) => suites.includes(r.suite))
    .filter((r) => (v.round ? v.round.includes(r.round) : r.plan !== 'skip' || v.force))
    .map((r) => ({ suite: r.suite, round: r.round }))
  const unknown = (v.round ?? []).filter((r) => !rounds.some((k) => k.round === r))
  if (unknown.length === 0) return rounds
  return `no published table is known for ${unknown.join(', ')} (${suites.join(' or ')}); see --list`
}

/** Progress of the update on a terminal: one line rewritten in place. */
function showProgress(backend: Backend, io: Io): () => void {
  if (!process.stderr.isTTY) return () => undefined
  return backend.hub.subscribe((event, payload) => {
    if (event !== 'catalogue.progress') return
    const p = payload as UpdateProgress
    if (p.phase === 'done' || p.round === null) return
    io.err(
      `\r  ${p.round}: ${p.phase} ${p.filesDone}/${p.filesTotal} files, ${megabytes(p.bytes)}   `
    )
  })
}

/** Starts the update, lets Ctrl-C cancel it, waits for its report; returns the exit code. */
async function update(
  backend: Backend,
  rounds: RoundKey[] | undefined,
  force: boolean,
  io: Io
): Promise<number> {
  const finished = jobEnd(backend.hub, 'catalogue.finished', (r) => r.jobId)
  const stopProgress = showProgress(backend, io)
  let cancel: (() => void) | undefined
  try {
    const started = await dispatch(backend.api, 'catalogue.update', {
      ...(rounds ? { rounds } : {}),
      ...(force ? { force: true } : {})
    })
    if (!started.ok) {
      io.err(`catalogue update: ${started.error.message}\n`)
      return 1
    }
    const { jobId } = started.value as { jobId: string }
    cancel = (): void => {
      io.err('\nCancelling…\n')
      void dispatch(backend.api, 'catalogue.cancelUpdate', { jobId })
    }
    process.once('SIGINT', cancel)
    const report = await finished.wait(jobId)
    if (process.stderr.isTTY) io.err('\n')
    io.out(formatUpdateReport(report))
    const failedRound = report.rounds.some((r) => r.outcome === 'failed')
    return report.status === 'done' && !failedRound ? 0 : 1
  } finally {
    if (cancel) process.off('SIGINT', cancel)
    stopProgress()
    finished.stop()
  }
}

export const catalogueUpdateCmd: Handler<'catalogue update'> = async ({ values: v }, io) => {
  const usage = usageError(v)
  if (usage !== null) {
    io.err(`catalogue update: ${usage}\n\n${CATALOGUE_UPDATE_HELP}\n`)
    return 2
  }
  const backend = openCliBackend(v, 'cli', true)
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
    const rounds = pickRounds(v, view)
    if (typeof rounds === 'string') {
      io.err(`catalogue update: ${rounds}\n`)
      return 2
    }
    if (v.list) {
      io.out(listRounds(view))
      return 0
    }
    return await update(backend, rounds, v.force === true, io)
  } finally {
    await backend.close()
  }
}
