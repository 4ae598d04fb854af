/**
 * "Fetch logs" of one published result (a row from an official table): download just that
 * result's folder from its round's results repository (the suite's layout: inference-folder.ts,
 * training-folder.ts), keep it in the local mirror, import it with the submission tree importer,
 * and keep the official table's figures beside the ones derived from the logs.
 *
 * A missing required file, a folder the importer cannot read or a server that cannot be reached
 * is a message; the row is left as it was. Fetching again asks conditionally and says which
 * files changed since the last fetch.
 */
import { rmSync } from 'node:fs'
import type { Cell, Suite } from '../../shared/api'
import type {
  FetchedLogFile,
  FetchedLogsView,
  FetchLogsProgress,
  FigureComparison,
  ResultFigures
} from '../../shared/published'
import { prepareCached } from '../db/statement-cache'
import type { WritableDb } from '../db/types'
import type { FetchedLogsRecord, ResultKey } from '../repo/fetched-logs'
import { getFetchedLogs, saveFetchedLogs } from '../repo/fetched-logs'
import { getInferenceResult } from '../repo/inference-results'
import { publishedBaseUrl } from '../repo/published-settings'
import { getTrainingResult } from '../repo/training-results'
import { compareFigures, disagreementMessages } from './compare-figures'
import type { Fetched } from './download'
import { fetchFile, rememberFetched, writeFetched } from './download'
import type { Candidate, FetchOne, FolderPlan, Wanted } from './folder-plan'
import { statusOf, text } from './folder-plan'
import { CancelledError, HttpStatusError, OfflineError } from './http-get'
import { inferenceKey, inferencePlan } from './inference-folder'
import { mirrorPath } from './mirror-path'
import { fileUrl } from './sources'
import { trainingKey, trainingPlan } from './training-folder'
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

const TABLE: Record<Suite, string> = {
  inference: 'inference_results',
  training: 'training_results'
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

function getRow(
  db: WritableDb,
  suite: Suite,
  id: number
): { row: Record<string, Cell>; detail: unknown } | null {
  return suite === 'inference' ? getInferenceResult(db, id) : getTrainingResult(db, id)
}

/** The row the logs became: the same id when the keys matched, else the row read from them. */
function rowFromLogs(
  db: WritableDb,
  suite: Suite,
  id: number,
  localDir: string
): { id: number; row: Record<string, Cell> } | null {
  const same = getRow(db, suite, id)
  if (same && same.row['source_kind'] === 'tree' && same.row['source'] === localDir) {
    return { id, row: same.row }
  }
  const other = prepareCached(db, `SELECT id FROM ${TABLE[suite]} WHERE source = ?`).get(
    localDir
  ) as { id: number } | undefined
  const found = other ? getRow(db, suite, other.id) : null
  return other && found ? { id: other.id, row: found.row } : null
}

function failedView(
  id: number,
  plan: { repo: string; folder: string },
  official: ResultFigures,
  message: string,
  files: FetchedLogFile[] = []
): FetchedLogsView {
  return {
    id,
    status: 'failed',
    message,
    repo: plan.repo,
    folder: plan.folder,
    localDir: null,
    fetchedAt: new Date().toISOString(),
    official,
    fromLogs: null,
    comparisons: [],
    files,
    messages: [],
    importJobId: null
  }
}

/** The stored result of the last fetch of a result's logs, with the figures as they are now. */
export function fetchedLogsView(db: WritableDb, suite: Suite, id: number): FetchedLogsView | null {
  const found = getRow(db, suite, id)
  if (!found) return null
  const key = suite === 'inference' ? inferenceKey(found.row) : trainingKey(found.row)
  const rec = getFetchedLogs(db, key)
  if (!rec) return null
  const logs = rowFromLogs(db, suite, id, rec.localDir)
  const fromLogs = logs ? figuresOf(logs.row) : null
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
    comparisons: compareFigures(rec.official, fromLogs),
    files: rec.files,
    messages: rec.messages,
    importJobId: rec.importJobId
  }
}

/** What a fetch starts from: the row, its key, the last fetch and the official figures. */
type Start = {
  row: Record<string, Cell>
  detail: unknown
  key: ResultKey
  previous: FetchedLogsRecord | null
  official: ResultFigures
}

/** Refuses rows that are not from a published table (a local run, a tree read by the user). */
function start(db: WritableDb, suite: Suite, id: number): Start {
  const found = getRow(db, suite, id)
  if (!found) {
    const what = suite === 'training' ? 'training result' : 'result'
    throw new FetchLogsRefused('not_found', `No ${what} with id ${id}`)
  }
  const { row, detail } = found
  const key = suite === 'inference' ? inferenceKey(row) : trainingKey(row)
  const previous = getFetchedLogs(db, key)
  const kind = text(row, 'source_kind')
  if (kind === 'local') {
    throw new FetchLogsRefused(
      'invalid_input',
      `This is your own run: its logs are on this computer already (${text(row, 'source')}).`
    )
  }
  // Rows of an official table, and the bundled catalogue's rows (some of its early rounds were
  // read from the public trees), have their logs only upstream.
  if (kind !== 'summary' && text(row, 'origin') !== 'bundled' && previous === null) {
    throw new FetchLogsRefused(
      'invalid_input',
      `This result was read from its logs already (${text(row, 'source')}).`
    )
  }
  // The official figures: from the table row, or kept from the first fetch (the row now holds
  // the logs' figures).
  return { row, detail, key, previous, official: previous?.official ?? figuresOf(row) }
}

/** The first candidate folder whose marker file is there. */
async function locate(
  plan: FolderPlan,
  fetchOne: FetchOne,
  progress: (file: string, done: number, total: number) => void
): Promise<{ candidate: Candidate; marker: Fetched } | null> {
  for (const candidate of plan.candidates) {
    progress(candidate.marker.path, 0, 1)
    const marker = await fetchOne(candidate.marker.path)
    if (marker.status !== 'missing') return { candidate, marker }
  }
  return null
}

/** Remarks on a successful fetch: folder found elsewhere, files absent or changed, figures. */
function remarks(
  plan: FolderPlan,
  folder: string,
  wanted: readonly Wanted[],
  files: readonly FetchedLogFile[],
  previous: FetchedLogsRecord | null,
  movedTo: number | null,
  comparisons: FigureComparison[]
): string[] {
  const messages: string[] = []
  const expected = plan.candidates[0]?.folder ?? ''
  if (folder !== expected) {
    messages.push(`The result's folder is ${folder} (the table's names give ${expected}).`)
  }
  for (const [i, f] of files.entries()) {
    if (f.status === 'missing' && !f.role.startsWith('LoadGen')) {
      messages.push(wanted[i]?.absent ?? `No ${f.role} file in the repository (${f.path}).`)
    }
    if (f.status === 'changed') {
      const when = previous ? ` (${previous.fetchedAt.slice(0, 10)})` : ''
      messages.push(`${f.path} changed since the last fetch${when}.`)
    }
  }
  if (movedTo !== null) {
    messages.push(
      `The logs were imported as a separate result (#${movedTo}): their folder names differ from the table row's.`
    )
  }
  return [...messages, ...disagreementMessages(comparisons)]
}

export async function fetchResultLogs(
  deps: FetchLogsDeps,
  suite: Suite,
  id: number
): Promise<FetchedLogsView> {
  const { db } = deps
  const { row, detail, key, previous, official } = start(db, suite, id)
  let plan: FolderPlan
  try {
    plan =
      suite === 'inference'
        ? inferencePlan(
            row,
            detail as Parameters<typeof inferencePlan>[1],
            official.powerValue !== null
          )
        : trainingPlan(row)
  } catch (e) {
    return failedView(
      id,
      { repo: '', folder: '' },
      official,
      `The result's folder cannot be named: ${(e as Error).message}.`
    )
  }
  const { repo } = plan
  const firstFolder = { repo, folder: plan.candidates[0]?.folder ?? '' }
  const baseUrl = publishedBaseUrl(db)
  const fetchOne: FetchOne = (path) =>
    fetchFile(
      db,
      fileUrl(baseUrl, { repo, ref: 'HEAD', path }),
      mirrorPath(deps.publishedDir, { repo, path }),
      deps.signal ? { signal: deps.signal } : {}
    )
  const progress = (file: string, done: number, total: number): void =>
    deps.onProgress?.({ id, file, done, total })

  try {
    // 1. Find the folder by the one file every result of the suite has.
    const hit = await locate(plan, fetchOne, progress)
    if (hit === null) {
      const tried = [...new Set(plan.candidates.map((c) => c.marker.path))]
      return failedView(
        id,
        firstFolder,
        official,
        `The result's logs are not in ${repo} (HTTP 404 for ${tried.join(', ')}); nothing was changed.`
      )
    }
    const folder = hit.candidate.folder

    // 2. The rest of the folder; every required file must be there.
    const { wanted, fetched } = await plan.gather(hit.candidate, hit.marker, fetchOne, progress)
    const files: FetchedLogFile[] = wanted.map((w) => {
      const f = fetched.get(w.path) ?? null
      const status = statusOf(f)
      return { role: w.role, path: w.path, status, bytes: f?.bytes ?? null, required: w.required }
    })
    const missingRequired = files.filter((f) => f.required && f.status === 'missing')
    if (missingRequired.length > 0) {
      const which = missingRequired.map((f) => `The ${f.role} (${f.path})`).join(' and ')
      const verb = missingRequired.length === 1 ? 'is' : 'are'
      return failedView(
        id,
        { repo, folder },
        official,
        `${which} ${verb} not in ${repo} (HTTP 404); nothing was changed.`,
        files
      )
    }

    // 3. Write the folder, import it with the tree importer.
    const kept = [...fetched.values()].filter((f): f is Fetched => f !== null)
    for (const f of kept) writeFetched(f)
    // A file gone from the repository since the last fetch must not be read from the old copy.
    for (const f of files) {
      if (f.status === 'missing') {
        rmSync(mirrorPath(deps.publishedDir, { repo, path: f.path }), { force: true })
      }
    }
    const localDir = mirrorPath(deps.publishedDir, { repo, path: folder })
    const job = deps.imports.start([localDir], { origin: 'downloaded' })
    const report = await job.done
    const logs = rowFromLogs(db, suite, id, localDir)
    if (report.status !== 'done' || logs === null) {
      const why =
        report.skippedItems.find((s) => s.path.startsWith(localDir))?.reason ??
        report.error ??
        'the importer found no result in it'
      return {
        ...failedView(
          id,
          { repo, folder },
          official,
          `The logs were downloaded to ${localDir} but could not be read: ${why}. The row was left as it was.`,
          files
        ),
        importJobId: job.jobId
      }
    }
    const now = new Date().toISOString()
    for (const f of kept) rememberFetched(db, f, now)

    // 4. The logs' figures beside the table's, kept for when the panel opens again.
    const fromLogs = figuresOf(logs.row)
    const comparisons = compareFigures(official, fromLogs)
    const movedTo = logs.id === id ? null : logs.id
    const messages = remarks(plan, folder, wanted, files, previous, movedTo, comparisons)
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
    })
    const count = (s: string): number => files.filter((f) => f.status === s).length
    return {
      id: logs.id,
      status: 'imported',
      message: `Fetched ${folder} from ${repo}: ${count('new')} new, ${count('changed')} changed, ${count('unchanged')} unchanged; imported.`,
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
      return failedView(id, firstFolder, official, `${e.message} Nothing was changed.`)
    }
    if (e instanceof CancelledError) {
      return failedView(id, firstFolder, official, 'Cancelled; nothing was changed.')
    }
    throw e
  }
}
