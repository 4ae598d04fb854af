/**
 * What the "Fetch logs" panel shows: a failed fetch (the row left as it was), a fetch that
 * imported the logs, or the stored result of the last fetch with the figures as they are now.
 * The remarks say what the user should know: the folder found elsewhere than the table's names
 * give, files absent or changed, the logs read as a separate row, figures that disagree.
 */
import type { Suite } from '../../shared/api'
import type {
  FetchedLogFile,
  FetchedLogsView,
  FigureComparison,
  ResultFigures
} from '../../shared/published'
import type { WritableDb } from '../db/types'
import type { FetchedLogsRecord } from '../repo/fetched-logs'
import { getFetchedLogs } from '../repo/fetched-logs'
import { compareFigures, disagreementMessages } from './compare-figures'
import { resultKeyOf } from './fetch-start'
import type { FolderPlan, Wanted } from './folder-plan'
import { figuresOf, getRow, rowFromLogs } from './logs-row'

/** A fetch that changed nothing, and why. */
export function failedView(
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
  const rec = getFetchedLogs(db, resultKeyOf(suite, found.row))
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

/** Remarks on a successful fetch: folder found elsewhere, files absent or changed, figures. */
export function remarks(
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

/** The one-line summary of an imported fetch: how many files were new, changed, unchanged. */
export function importedMessage(
  folder: string,
  repo: string,
  files: readonly FetchedLogFile[]
): string {
  const count = (s: string): number => files.filter((f) => f.status === s).length
  return `Fetched ${folder} from ${repo}: ${count('new')} new, ${count('changed')} changed, ${count('unchanged')} unchanged; imported.`
}
