/**
 * What "Fetch logs" needs to know about one suite's submission layout: where a result's
 * folder may be (from what the table row knows), how to recognise it, and which files to take.
 * The download, import and comparison around it are the same for both suites (fetch-logs.ts).
 */
import type { Cell } from '../../shared/api'
import type { LogFileStatus } from '../../shared/published'
import type { ResultKey } from '../repo/fetched-logs'
import type { Fetched } from './download'

/** A file of a result folder, by its path in the repository. */
export type Wanted = {
  role: string
  path: string
  required: boolean
  /** What to say when an optional file is not there (default: that it is not published). */
  absent?: string
}

/** Fetches one repository path (conditionally where a copy exists). */
export type FetchOne = (path: string) => Promise<Fetched>

/** The files taken for a folder, each with what came back (null: not in the repository). */
export type Gathered = { wanted: Wanted[]; fetched: Map<string, Fetched | null> }

/** A folder the result may be in, and the file whose presence says it is. */
export type Candidate = { folder: string; marker: Wanted }

export type FolderPlan = {
  /** The row's key in the results table (scenario '' for training). */
  key: ResultKey
  repo: string
  /** Where the result may be, most likely first. */
  candidates: Candidate[]
  /** Fetches the rest of the folder once a candidate's marker was found. */
  gather: (
    candidate: Candidate,
    marker: Fetched,
    fetchOne: FetchOne,
    progress: (file: string, done: number, total: number) => void
  ) => Promise<Gathered>
}

export function text(row: Record<string, Cell>, key: string): string {
  const v = row[key]
  return v === null || v === undefined ? '' : String(v)
}

/** Fetches `wanted` one after the other (a result has a handful of files). */
export async function fetchAll(
  wanted: readonly Wanted[],
  already: Map<string, Fetched | null>,
  fetchOne: FetchOne,
  progress: (file: string, done: number, total: number) => void
): Promise<Map<string, Fetched | null>> {
  let done = already.size
  for (const w of wanted) {
    if (already.has(w.path)) continue
    progress(w.path, done, wanted.length)
    const f = await fetchOne(w.path)
    already.set(w.path, f.status === 'missing' ? null : f)
    done++
  }
  progress('', done, wanted.length)
  return already
}

export function statusOf(f: Fetched | null): LogFileStatus {
  return f === null ? 'missing' : f.status
}
