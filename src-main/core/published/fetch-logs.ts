/**
 * "Fetch logs" of one published inference result: download just that result's folder from its
 * round's results repository (system description, LoadGen summary and detail, accuracy, power
 * files when the result has power), keep it in the local mirror, import it with the submission
 * tree importer, and keep the official table's figures beside the ones derived from the logs.
 *
 * The folder is found from what the table row knows: <division>/<submitter>/results/<system>/
 * <benchmark>/<scenario>, with the scenario folder tried as the table spells it and in lower
 * case (open and endpoint submissions use "offline", "singlestream"…), then the table's own
 * Location where it had one. Known file names are probed rather than listed: the raw file
 * layout (and any mirror of it) has no listing, and GitHub's listing API allows 60 requests an
 * hour without a token, i.e. a handful of results. mlperf_log_accuracy.json is not fetched: it
 * can be gigabytes and the importer does not read it (accuracy.txt holds the checked figure).
 *
 * A missing required file or an unreadable folder is a message; the row is left as it was.
 */
import { rmSync } from 'node:fs'
import type { Cell } from '../../shared/api'
import type { InferenceResultDetail } from '../../shared/inference'
import type {
  FetchedLogFile,
  FetchedLogsView,
  FetchLogsProgress,
  ResultFigures
} from '../../shared/published'
import { resultsRepo } from '../../shared/published'
import type { WritableDb } from '../db/types'
import { prepareCached } from '../db/statement-cache'
import type { FetchedLogsRecord, ResultKey } from '../repo/fetched-logs'
import { getFetchedLogs, saveFetchedLogs } from '../repo/fetched-logs'
import { getInferenceResult } from '../repo/inference-results'
import { publishedBaseUrl } from '../repo/published-settings'
import { compareFigures, disagreementMessages } from './compare-figures'
import type { Fetched } from './download'
import { fetchFile, rememberFetched, writeFetched } from './download'
import { CancelledError, HttpStatusError, OfflineError } from './http-get'
import { mirrorPath, safeSegment } from './mirror-path'
import { fileUrl } from './sources'
import type { ImportRunner } from './update-job'

/** A request the app cannot carry out for this row (e.g. it is not a published result). */
export class FetchLogsRefused extends Error {
  constructor(
    readonly reason: 'not_found' | 'invalid_input',
    message: string
  ) {
    super(message)
    this.name = 'FetchLogsRefused'
  }
}

export type FetchLogsDeps = {
  db: WritableDb
  publishedDir: string
  imports: ImportRunner
  onProgress?: (p: FetchLogsProgress) => void
  signal?: AbortSignal
}

type Wanted = { role: string; path: string; required: boolean }

const LOCATION_NOTE = 'Result folder in the submission: '

function text(row: Record<string, Cell>, key: string): string {
  const v = row[key]
  return v === null || v === undefined ? '' : String(v)
}

function num(row: Record<string, Cell>, key: string): number | null {
  const v = row[key]
  return typeof v === 'number' ? v : null
}

/** The figures a table row shows. */
export function figuresOf(row: Record<string, Cell>): ResultFigures {
  const valid = row['valid']
  return {
    value: num(row, 'value'),
    unit: text(row, 'unit') || null,
    metric: text(row, 'metric') || null,
    powerValue: num(row, 'power_value'),
    powerUnit: text(row, 'power_unit') || null,
    accuracy: text(row, 'accuracy') || null,
    valid: valid === null || valid === undefined ? null : Boolean(valid),
    publicId: text(row, 'public_id') || null
  }
}

function keyOf(row: Record<string, Cell>): ResultKey {
  return {
    suite: 'inference',
    round: text(row, 'round'),
    division: text(row, 'division'),
    submitter: text(row, 'submitter'),
    systemId: text(row, 'system_id'),
    benchmark: text(row, 'benchmark'),
    scenario: text(row, 'scenario')
  }
}

/** The result folder as the table's Location gives it (without ./ and performance/run_N). */
function locationHint(detail: InferenceResultDetail | null): string | null {
  const note = detail?.notes.find((n) => n.startsWith(LOCATION_NOTE))
  if (!note) return null
  const parts = note
    .slice(LOCATION_NOTE.length)
    .trim()
    .split(/[\\/]+/)
    .filter((p) => p !== '' && p !== '.')
  const perf = parts.indexOf('performance')
  const folder = perf >= 0 ? parts.slice(0, perf) : parts
  if (folder.length < 6 || folder[2] !== 'results') return null
  try {
    return folder.map(safeSegment).join('/')
  } catch {
    return null
  }
}

/** Candidate result folders, most likely first. */
function candidateFolders(key: ResultKey, hint: string | null): string[] {
  const base = [key.division, key.submitter, 'results', key.systemId, key.benchmark].map(
    safeSegment
  )
  const scenario = safeSegment(key.scenario)
  const out = [[...base, scenario].join('/'), [...base, scenario.toLowerCase()].join('/')]
  if (hint !== null) out.push(hint)
  return [...new Set(out)]
}

function roundIs(round: string, ...rounds: string[]): boolean {
  return rounds.includes(round)
}

function roundAtLeast(round: string, major: number, minor: number): boolean {
  const m = /^v(\d+)\.(\d+)$/.exec(round)
  if (!m) return false
  const a = Number(m[1])
  const b = Number(m[2])
  return a > major || (a === major && b >= minor)
}

/** The files of a result folder worth fetching, from what the row says about the result. */
function wantedFiles(key: ResultKey, folder: string, hasPower: boolean): Wanted[] {
  const submitterDir = folder.split('/').slice(0, 2).join('/')
  const run = (n: number): string => `${folder}/performance/run_${n}`
  const files: Wanted[] = [
    { role: 'LoadGen summary', path: `${run(1)}/mlperf_log_summary.txt`, required: true },
    {
      role: 'system description',
      path: `${submitterDir}/systems/${key.systemId}.json`,
      required: true
    },
    { role: 'LoadGen detail', path: `${run(1)}/mlperf_log_detail.txt`, required: true },
    { role: 'accuracy', path: `${folder}/accuracy/accuracy.txt`, required: false }
  ]
  // Before v1.0 the Server scenario ran five times and the checker kept the last valid run.
  if (key.scenario === 'Server' && roundIs(key.round, 'v0.5', 'v0.7')) {
    for (let n = 2; n <= 5; n++) {
      files.push({
        role: `LoadGen summary, run ${n}`,
        path: `${run(n)}/mlperf_log_summary.txt`,
        required: false
      })
      files.push({
        role: `LoadGen detail, run ${n}`,
        path: `${run(n)}/mlperf_log_detail.txt`,
        required: false
      })
    }
  }
  // From v6.0 the measurements file (precision) sits in the result folder.
  if (roundAtLeast(key.round, 6, 0)) {
    files.push({ role: 'measurements', path: `${folder}/measurements.json`, required: false })
  }
  if (key.division === 'open') {
    files.push({
      role: 'model mapping',
      path: `${submitterDir}/model_mapping.json`,
      required: false
    })
  }
  if (hasPower) {
    files.push({ role: 'power samples', path: `${run(1)}/spl.txt`, required: false })
    files.push({
      role: 'power server settings',
      path: `${folder}/performance/power/server.json`,
      required: false
    })
    files.push({
      role: 'power client settings',
      path: `${folder}/performance/power/client.json`,
      required: false
    })
  }
  return files
}

function failed(
  id: number,
  repo: string,
  folder: string,
  official: ResultFigures,
  message: string,
  files: FetchedLogFile[] = [],
  messages: string[] = []
): FetchedLogsView {
  return {
    id,
    status: 'failed',
    message,
    repo,
    folder,
    localDir: null,
    fetchedAt: new Date().toISOString(),
    official,
    fromLogs: null,
    comparisons: [],
    files,
    messages,
    importJobId: null
  }
}

function fileEntry(w: Wanted, f: Fetched | null): FetchedLogFile {
  return {
    role: w.role,
    path: w.path,
    status: f === null ? 'missing' : f.status,
    bytes: f?.bytes ?? null,
    required: w.required
  }
}

/** The row the logs became (by key), or the row imported from the local folder. */
function rowFromLogs(
  db: WritableDb,
  id: number,
  localDir: string
): { id: number; row: Record<string, Cell> } | null {
  const same = getInferenceResult(db, id)
  if (same && same.row['source_kind'] === 'tree' && same.row['source'] === localDir) {
    return { id, row: same.row }
  }
  const other = prepareCached(db, 'SELECT id FROM inference_results WHERE source = ?').get(
    localDir
  ) as { id: number } | undefined
  if (!other) return null
  const found = getInferenceResult(db, other.id)
  return found ? { id: other.id, row: found.row } : null
}

/** The stored result of the last fetch of a result's logs, with the figures as they are now. */
export function fetchedLogsView(db: WritableDb, id: number): FetchedLogsView | null {
  const found = getInferenceResult(db, id)
  if (!found) return null
  const rec = getFetchedLogs(db, keyOf(found.row))
  if (!rec) return null
  const logs = rowFromLogs(db, id, rec.localDir)
  const fromLogs = logs ? figuresOf(logs.row) : null
  const comparisons = compareFigures(rec.official, fromLogs)
  return {
    id,
    status: 'imported',
    message: `Logs fetched from ${rec.repo} on ${rec.fetchedAt.slice(0, 10)}.`,
    repo: rec.repo,
    folder: rec.folder,
    localDir: rec.localDir,
    fetchedAt: rec.fetchedAt,
    official: rec.official,
    fromLogs,
    comparisons,
    files: rec.files,
    messages: rec.messages,
    importJobId: rec.importJobId
  }
}

export async function fetchResultLogs(deps: FetchLogsDeps, id: number): Promise<FetchedLogsView> {
  const { db } = deps
  const found = getInferenceResult(db, id)
  if (!found) throw new FetchLogsRefused('not_found', `No result with id ${id}`)
  const { row, detail } = found
  const key = keyOf(row)
  const previous = getFetchedLogs(db, key)
  const kind = text(row, 'source_kind')
  if (kind === 'local') {
    throw new FetchLogsRefused(
      'invalid_input',
      `This is your own run: its logs are on this computer already (${text(row, 'source')}).`
    )
  }
  if (kind !== 'summary' && previous === null) {
    throw new FetchLogsRefused(
      'invalid_input',
      `This result was read from its logs already (${text(row, 'source')}).`
    )
  }
  // The official figures: from the table row, or kept from the first fetch (the row now holds
  // the logs' figures).
  const official = previous?.official ?? figuresOf(row)
  const repo = resultsRepo('inference', key.round)
  let candidates: string[]
  try {
    candidates = candidateFolders(key, locationHint(detail))
  } catch (e) {
    return failed(
      id,
      repo,
      '',
      official,
      `The result's folder cannot be named: ${(e as Error).message}.`
    )
  }
  const baseUrl = publishedBaseUrl(db)
  const ref = 'HEAD'
  const fetchOne = (path: string): Promise<Fetched> =>
    fetchFile(
      db,
      fileUrl(baseUrl, { repo, ref, path }),
      mirrorPath(deps.publishedDir, { repo, path }),
      {
        ...(deps.signal ? { signal: deps.signal } : {})
      }
    )

  try {
    // 1. Find the folder: its summary log is the one file every result has.
    let folder: string | null = null
    let summary: Fetched | null = null
    for (const c of candidates) {
      deps.onProgress?.({
        id,
        file: `${c}/performance/run_1/mlperf_log_summary.txt`,
        done: 0,
        total: 1
      })
      const f = await fetchOne(`${c}/performance/run_1/mlperf_log_summary.txt`)
      if (f.status !== 'missing') {
        folder = c
        summary = f
        break
      }
    }
    if (folder === null || summary === null) {
      const tried = candidates.map((c) => `${c}/performance/run_1/mlperf_log_summary.txt`)
      return failed(
        id,
        repo,
        candidates[0] ?? '',
        official,
        `The result's LoadGen summary is not in ${repo} (HTTP 404 for ${tried.join(', ')}); nothing was changed.`
      )
    }

    // 2. The other files.
    const wanted = wantedFiles(key, folder, official.powerValue !== null)
    const fetched = new Map<string, Fetched | null>([[wanted[0]?.path ?? '', summary]])
    let done = 1
    for (const w of wanted.slice(1)) {
      deps.onProgress?.({ id, file: w.path, done, total: wanted.length })
      const f = await fetchOne(w.path)
      fetched.set(w.path, f.status === 'missing' ? null : f)
      done++
    }
    deps.onProgress?.({ id, file: '', done, total: wanted.length })
    const files = wanted.map((w) => fileEntry(w, fetched.get(w.path) ?? null))
    const missingRequired = files.filter((f) => f.required && f.status === 'missing')
    if (missingRequired.length > 0) {
      return failed(
        id,
        repo,
        folder,
        official,
        `${missingRequired.map((f) => `The ${f.role} (${f.path})`).join(' and ')} ${missingRequired.length === 1 ? 'is' : 'are'} not in ${repo} (HTTP 404); nothing was changed.`,
        files
      )
    }

    // 3. Write the folder, import it with the tree importer.
    const kept = [...fetched.values()].filter((f): f is Fetched => f !== null)
    for (const f of kept) writeFetched(f)
    // A file gone from the repository since the last fetch must not be read from the old copy.
    for (const f of files) {
      if (f.status === 'missing')
        rmSync(mirrorPath(deps.publishedDir, { repo, path: f.path }), { force: true })
    }
    const localDir = mirrorPath(deps.publishedDir, { repo, path: folder })
    const job = deps.imports.start([localDir])
    const report = await job.done
    const logs = rowFromLogs(db, id, localDir)
    if (report.status !== 'done' || logs === null) {
      const why =
        report.skippedItems.find((s) => s.path.startsWith(localDir))?.reason ??
        report.error ??
        'the importer found no result in it'
      return {
        ...failed(
          id,
          repo,
          folder,
          official,
          `The logs were downloaded to ${localDir} but could not be read: ${why}. The row was left as it was.`,
          files
        ),
        importJobId: job.jobId
      }
    }
    const now = new Date().toISOString()
    for (const f of kept) rememberFetched(db, f, now)

    // 4. What changed, what is missing, and how the logs compare with the table.
    const messages: string[] = []
    if (folder !== candidates[0]) {
      messages.push(`The result's folder is ${folder} (the table's names give ${candidates[0]}).`)
    }
    for (const f of files) {
      if (f.status === 'missing' && !f.role.startsWith('LoadGen')) {
        messages.push(`No ${f.role} file in the repository (${f.path}).`)
      }
      if (f.status === 'changed') {
        messages.push(
          `${f.path} changed since the last fetch${previous ? ` (${previous.fetchedAt.slice(0, 10)})` : ''}.`
        )
      }
    }
    if (logs.id !== id) {
      messages.push(
        `The logs were imported as a separate result (#${logs.id}): their folder names differ from the table row's.`
      )
    }
    const fromLogs = figuresOf(logs.row)
    const comparisons = compareFigures(official, fromLogs)
    messages.push(...disagreementMessages(comparisons))
    saveFetchedLogs(db, {
      ...key,
      repo,
      folder,
      localDir,
      official,
      files,
      messages,
      importJobId: job.jobId,
      fetchedAt: now
    } satisfies FetchedLogsRecord)
    const changed = files.filter((f) => f.status === 'changed').length
    const fresh = files.filter((f) => f.status === 'new').length
    const same = files.filter((f) => f.status === 'unchanged').length
    return {
      id: logs.id,
      status: 'imported',
      message: `Fetched ${folder} from ${repo}: ${fresh} new, ${changed} changed, ${same} unchanged file${same === 1 ? '' : 's'}; imported.`,
      repo,
      folder,
      localDir,
      fetchedAt: now,
      official,
      fromLogs,
      comparisons,
      files,
      messages,
      importJobId: job.jobId
    }
  } catch (e) {
    if (e instanceof OfflineError || e instanceof HttpStatusError) {
      return failed(id, repo, candidates[0] ?? '', official, `${e.message} Nothing was changed.`)
    }
    if (e instanceof CancelledError) {
      return failed(id, repo, candidates[0] ?? '', official, 'Cancelled; nothing was changed.')
    }
    throw e
  }
}
