import { stat } from 'node:fs/promises'
import { basename, isAbsolute } from 'node:path'
import type { PathCheck } from '../../shared/api'
import { isSummaryFileName } from './summaries'
import { isResultFileName, isTrainingSummaryFileName } from './training'

/**
 * What the import would do with a path, checked when the user adds it to the queue: the same
 * tests the import job applies to a path it is given (exists, a folder to scan, a summary file
 * or a training log), without reading any content.
 */
export async function checkImportPath(path: string): Promise<PathCheck> {
  const p = path.trim()
  if (!isAbsolute(p)) {
    return {
      path: p,
      ok: false,
      kind: null,
      message: 'Give a full path (starting with / or a drive letter).'
    }
  }
  const info = await stat(p).catch((e: NodeJS.ErrnoException) => e)
  if (info instanceof Error) {
    const message =
      info.code === 'ENOENT'
        ? 'Not found: no such file or folder.'
        : info.code === 'EACCES' || info.code === 'EPERM'
          ? 'Not allowed to read it.'
          : `Cannot read it: ${info.message}`
    return { path: p, ok: false, kind: null, message }
  }
  if (info.isDirectory()) {
    return {
      path: p,
      ok: true,
      kind: 'folder',
      message: 'Folder: scanned for result folders, training logs and summary files.'
    }
  }
  if (!info.isFile()) return { path: p, ok: false, kind: null, message: 'Not a file or a folder.' }
  if (isResultFileName(basename(p))) {
    return {
      path: p,
      ok: true,
      kind: 'training-log',
      message: 'Training log: imported as a one-run set.'
    }
  }
  if (isSummaryFileName(p) || isTrainingSummaryFileName(p)) {
    return { path: p, ok: true, kind: 'summary', message: 'Summary file: every row is read.' }
  }
  return {
    path: p,
    ok: false,
    kind: null,
    message:
      'Not a results summary file (summary_results.json, summary.csv, summary.json or cm-result.json), a training log (result_*.txt) or a folder.'
  }
}
