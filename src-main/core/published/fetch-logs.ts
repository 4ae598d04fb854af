/**
 * "Fetch logs" of one published result (a row from an official table): download just that
 * result's folder from its round's results repository (the suite's layout: inference-folder.ts,
 * training-folder.ts), keep it in the local mirror, import it with the submission tree importer,
 * and keep the official table's figures beside the ones derived from the logs.
 *
 * A missing required file, a folder the importer cannot read or a server that cannot be reached
 * is a message; the row is left as it was. Fetching again asks conditionally and says which
 * files changed since the last fetch. The steps are modules of their own: fetch-start (what is
 * refused), fetch-folder (the download), logs-row (the rows), fetch-views (what the panel shows).
 */
import type { Cell, Suite } from '../../shared/api'
import type { FetchedLogsView, FetchLogsProgress } from '../../shared/published'
import { rememberFetched } from './download'
import type { WritableDb } from '../db/types'
import { saveFetchedLogs } from '../repo/fetched-logs'
import { compareFigures } from './compare-figures'
import type { FetchStart } from './fetch-start'
import { folderPlanFor, startFetch } from './fetch-start'
import type { GatheredFiles } from './fetch-folder'
import {
  fetchProgress,
  gatherFiles,
  locate,
  missingRequiredMessage,
  notFoundMessage,
  repoFetcher,
  writeFolder
} from './fetch-folder'
import { failedView, importedMessage, remarks } from './fetch-views'
import type { FetchOne, FolderPlan } from './folder-plan'
import { CancelledError, HttpStatusError, OfflineError } from './http-get'
import { figuresOf, rowFromLogs } from './logs-row'
import { mirrorPath } from './mirror-path'
import type { ImportRunner } from './update-job'

export { FetchLogsRefused } from './fetch-start'
export { fetchedLogsView } from './fetch-views'
export { figuresOf } from './logs-row'

export type FetchLogsDeps = {
  db: WritableDb
  publishedDir: string
  imports: ImportRunner
  onProgress?: (p: FetchLogsProgress) => void
  signal?: AbortSignal
}

export async function fetchResultLogs(
  deps: FetchLogsDeps,
  suite: Suite,
  id: number
): Promise<FetchedLogsView> {
  const begun = startFetch(deps.db, suite, id)
  const plan = folderPlanFor(suite, begun)
  if ('error' in plan) return failedView(id, { repo: '', folder: '' }, begun.official, plan.error)
  const firstFolder = { repo: plan.repo, folder: plan.candidates[0]?.folder ?? '' }
  const fetchOne = repoFetcher(deps.db, deps.publishedDir, plan.repo, deps.signal)
  try {
    return await fetchAndImport(deps, suite, id, begun, plan, fetchOne)
  } catch (e) {
    return failedView(id, firstFolder, begun.official, unreachableMessage(e))
  }
}

/** A server that cannot be reached, or a cancelled fetch, changes nothing; anything else throws. */
function unreachableMessage(e: unknown): string {
  if (e instanceof OfflineError || e instanceof HttpStatusError) {
    return `${e.message} Nothing was changed.`
  }
  if (e instanceof CancelledError) return 'Cancelled; nothing was changed.'
  throw e
}

/** Find the folder, take its files, write them to the mirror, import them, keep the figures. */
async function fetchAndImport(
  deps: FetchLogsDeps,
  suite: Suite,
  id: number,
  begun: FetchStart,
  plan: FolderPlan,
  fetchOne: FetchOne
): Promise<FetchedLogsView> {
  const { repo } = plan
  const { official } = begun
  const progress = fetchProgress(id, deps.onProgress)
  // 1. Find the folder by the one file every result of the suite has.
  const hit = await locate(plan, fetchOne, progress)
  if (hit === null) {
    const firstFolder = { repo, folder: plan.candidates[0]?.folder ?? '' }
    return failedView(id, firstFolder, official, notFoundMessage(plan))
  }
  const folder = hit.candidate.folder
  // 2. The rest of the folder; every required file must be there.
  const got = await gatherFiles(plan, hit, fetchOne, progress)
  const missing = missingRequiredMessage(got.files, repo)
  if (missing !== null) return failedView(id, { repo, folder }, official, missing, got.files)
  // 3. Write the folder, import it with the tree importer.
  const kept = writeFolder(deps.publishedDir, repo, got)
  const localDir = mirrorPath(deps.publishedDir, { repo, path: folder })
  const imported = await importFolder(deps, suite, id, localDir)
  if ('why' in imported) {
    const message = `The logs were downloaded to ${localDir} but could not be read: ${imported.why}. The row was left as it was.`
    return {
      ...failedView(id, { repo, folder }, official, message, got.files),
      importJobId: imported.jobId
    }
  }
  const now = new Date().toISOString()
  for (const f of kept) rememberFetched(deps.db, f, now)
  // 4. The logs' figures beside the table's, kept for when the panel opens again.
  const fetched = { plan, folder, localDir, got, now, jobId: imported.jobId }
  return recordFetch(deps.db, id, begun, fetched, imported.logs)
}

/** Import the mirrored folder; the row the logs became, or why there is none. */
async function importFolder(
  deps: FetchLogsDeps,
  suite: Suite,
  id: number,
  localDir: string
): Promise<
  | { jobId: string; logs: { id: number; row: Record<string, Cell> } }
  | { jobId: string; why: string }
> {
  const job = deps.imports.start([localDir], { origin: 'downloaded' })
  const report = await job.done
  const logs = rowFromLogs(deps.db, suite, id, localDir)
  if (report.status !== 'done' || logs === null) {
    const why =
      report.skippedItems.find((s) => s.path.startsWith(localDir))?.reason ??
      report.error ??
      'the importer found no result in it'
    return { jobId: job.jobId, why }
  }
  return { jobId: job.jobId, logs }
}

/** Save the fetch (official figures, files, remarks) and show it. */
function recordFetch(
  db: WritableDb,
  id: number,
  begun: FetchStart,
  f: {
    plan: FolderPlan
    folder: string
    localDir: string
    got: GatheredFiles
    now: string
    jobId: string
  },
  logs: { id: number; row: Record<string, Cell> }
): FetchedLogsView {
  const { official, previous } = begun
  const { repo } = f.plan
  const { folder, localDir, now } = f
  const { wanted, files } = f.got
  const fromLogs = figuresOf(logs.row)
  const comparisons = compareFigures(official, fromLogs)
  const movedTo = logs.id === id ? null : logs.id
  const messages = remarks(f.plan, folder, wanted, files, previous, movedTo, comparisons)
  const importJobId = f.jobId
  saveFetchedLogs(db, {
    ...begun.key,
    repo,
    folder,
    localDir,
    official,
    files,
    messages,
    importJobId,
    fetchedAt: now
  })
  return {
    id: logs.id,
    status: 'imported',
    message: importedMessage(folder, repo, files),
    repo,
    folder,
    localDir,
    fetchedAt: now,
    official,
    fromLogs,
    comparisons,
    files,
    messages,
    importJobId
  }
}
