/**
 * Downloading one result's folder for "Fetch logs": find which candidate folder holds the
 * result (by the one file every result of the suite has), take the rest of its files, check the
 * required ones came, and write them to the local mirror. Each file is asked for conditionally
 * where a copy exists, so a second fetch says which files changed.
 */
import { rmSync } from 'node:fs'
import type { FetchedLogFile, FetchLogsProgress } from '../../shared/published'
import type { WritableDb } from '../db/types'
import { publishedBaseUrl } from '../repo/published-settings'
import type { Fetched } from './download'
import { fetchFile, writeFetched } from './download'
import type { Candidate, FetchOne, FolderPlan, Wanted } from './folder-plan'
import { statusOf } from './folder-plan'
import { mirrorPath } from './mirror-path'
import { fileUrl } from './sources'

export type Progress = (file: string, done: number, total: number) => void

/** Fetches one path of `repo` into the mirror under `publishedDir`. */
export function repoFetcher(
  db: WritableDb,
  publishedDir: string,
  repo: string,
  signal: AbortSignal | undefined
): FetchOne {
  const baseUrl = publishedBaseUrl(db)
  return (path) =>
    fetchFile(
      db,
      fileUrl(baseUrl, { repo, ref: 'HEAD', path }),
      mirrorPath(publishedDir, { repo, path }),
      signal ? { signal } : {}
    )
}

/** Progress of the fetch of result `id`, for the panel. */
export function fetchProgress(
  id: number,
  onProgress: ((p: FetchLogsProgress) => void) | undefined
): Progress {
  return (file, done, total) => onProgress?.({ id, file, done, total })
}

/** The first candidate folder whose marker file is there. */
export async function locate(
  plan: FolderPlan,
  fetchOne: FetchOne,
  progress: Progress
): Promise<{ candidate: Candidate; marker: Fetched } | null> {
  for (const candidate of plan.candidates) {
    progress(candidate.marker.path, 0, 1)
    const marker = await fetchOne(candidate.marker.path)
    if (marker.status !== 'missing') return { candidate, marker }
  }
  return null
}

/** Why no candidate folder is the result's: every marker tried was missing. */
export function notFoundMessage(plan: FolderPlan): string {
  const tried = [...new Set(plan.candidates.map((c) => c.marker.path))]
  return `The result's logs are not in ${plan.repo} (HTTP 404 for ${tried.join(', ')}); nothing was changed.`
}

/** The folder's files, each with what came back (status new, changed, unchanged or missing). */
export type GatheredFiles = {
  wanted: Wanted[]
  fetched: Map<string, Fetched | null>
  files: FetchedLogFile[]
}

/** The rest of the located folder. */
export async function gatherFiles(
  plan: FolderPlan,
  hit: { candidate: Candidate; marker: Fetched },
  fetchOne: FetchOne,
  progress: Progress
): Promise<GatheredFiles> {
  const { wanted, fetched } = await plan.gather(hit.candidate, hit.marker, fetchOne, progress)
  const files: FetchedLogFile[] = wanted.map((w) => {
    const f = fetched.get(w.path) ?? null
    const status = statusOf(f)
    return { role: w.role, path: w.path, status, bytes: f?.bytes ?? null, required: w.required }
  })
  return { wanted, fetched, files }
}

/** Which required files are not in the repository, or null when all are. */
export function missingRequiredMessage(
  files: readonly FetchedLogFile[],
  repo: string
): string | null {
  const missing = files.filter((f) => f.required && f.status === 'missing')
  if (missing.length === 0) return null
  const which = missing.map((f) => `The ${f.role} (${f.path})`).join(' and ')
  const verb = missing.length === 1 ? 'is' : 'are'
  return `${which} ${verb} not in ${repo} (HTTP 404); nothing was changed.`
}

/**
 * Write what came to the mirror, and remove the copies of files gone from the repository since
 * the last fetch (the importer must not read them). Returns the files written.
 */
export function writeFolder(publishedDir: string, repo: string, got: GatheredFiles): Fetched[] {
  const kept = [...got.fetched.values()].filter((f): f is Fetched => f !== null)
  for (const f of kept) writeFetched(f)
  for (const f of got.files) {
    if (f.status === 'missing')
      rmSync(mirrorPath(publishedDir, { repo, path: f.path }), { force: true })
  }
  return kept
}
