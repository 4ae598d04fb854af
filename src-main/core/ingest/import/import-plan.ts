/**
 * What to read for each path the user gave: a file is a summary or a training log by its name;
 * a folder is scanned for inference result folders and training result sets, and, when it
 * holds neither, for official summary files. Planning everything before reading gives the
 * progress bar its total and the report its per-path counts of what was to be read.
 */
import type { Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { createDirLister } from '../dir-listing'
import { kindOf } from '../file-safety'
import { findSummaryFiles } from '../find-summary-files'
import { scanInferenceTree } from '../inference'
import type { ResultLocation } from '../inference'
import { refuseInvalidRounds } from '../round-check'
import { isSummaryFileName } from '../summaries'
import { isResultFileName, isTrainingSummaryFileName, scanTrainingTree } from '../training'
import type { TrainingSetLocation } from '../training'
import type { ImportState } from './import-state'
import type { Work } from './import-types'

/** The suite a piece of work is expected to hold (summary files: by their name). */
export function plannedSuite(w: Work): 'inference' | 'training' {
  if (w.kind === 'tree') return 'inference'
  if (w.kind === 'summary') return isTrainingSummaryFileName(w.file) ? 'training' : 'inference'
  return 'training'
}

/** Items a piece of work stands for, for the progress total. */
export function itemCount(w: Work): number {
  if (w.kind === 'tree') return w.locations.length
  if (w.kind === 'training') return w.sets.length
  return 1
}

/** Items of all the work, for the progress total. */
export function totalItems(work: readonly Work[]): number {
  return work.reduce((n, w) => n + itemCount(w), 0)
}

const NOT_READABLE_FILE =
  'Not a results summary file (summary_results.json, summary.csv, summary.json or cm-result.json), a training log (result_*.txt) or a folder'

const NOTHING_FOUND =
  'No MLPerf results found: no results/<system>/<benchmark>/<scenario>/performance folders, no training result_*.txt logs and no summary files'

/** A file the user named: a training log or a summary file by its name, or skipped. */
export function planFile(p: string, state: Pick<ImportState, 'skip'>): Work | null {
  if (isResultFileName(basename(p))) return { kind: 'training-log', owner: p, file: p }
  if (isSummaryFileName(p) || isTrainingSummaryFileName(p)) {
    return { kind: 'summary', owner: p, file: p }
  }
  state.skip(p, NOT_READABLE_FILE)
  return null
}

/** The path's file information, or null once the reason it cannot be read is reported. */
async function statOrSkip(p: string, state: ImportState): Promise<Stats | null> {
  const info = await stat(p).catch((e: NodeJS.ErrnoException) => e)
  if (info instanceof Error) {
    state.skip(
      p,
      info.code === 'ENOENT' ? 'No such file or folder' : `Cannot read: ${info.message}`
    )
    return null
  }
  if (!info.isFile() && !info.isDirectory()) {
    state.skip(p, `${basename(p)} is ${kindOf(info)}, not a regular file or a folder; not read`)
    return null
  }
  return info
}

type FolderScan = {
  locations: ResultLocation[]
  sets: TrainingSetLocation[]
  /** Whether either walk skipped anything (then the folder is not "empty" of results). */
  skippedAny: boolean
}

/**
 * Both walks of one folder. A clone holds one suite or the other; a folder of the user's own
 * may hold both. The training walk leaves out the inference result folders just found (most of
 * the folders of an inference clone), which keeps it cheap there. While scanning, the progress
 * total grows with every result folder found (after `before` items of earlier paths).
 */
async function scanFolder(
  p: string,
  before: number,
  state: ImportState,
  signal: AbortSignal
): Promise<FolderScan> {
  const list = createDirLister()
  const onFound = (n: number): void => {
    state.totalItems = before + n
    state.emit()
  }
  const scan = await scanInferenceTree(p, { signal, list, onFound })
  state.tally.at(p, 'inference')
  for (const s of scan.skipped) state.skip(s.path, s.reason)
  const inferenceDirs = new Set(scan.locations.map((l) => resolve(l.dir)))
  const training = await scanTrainingTree(p, {
    signal,
    list,
    skip: (d) => inferenceDirs.has(resolve(d)),
    onFound: (n) => onFound(scan.locations.length + n)
  })
  state.tally.at(p, 'training')
  for (const s of training.skipped) state.skip(s.path, s.reason)
  const skippedAny = scan.skipped.length > 0 || training.skipped.length > 0
  return { locations: scan.locations, sets: training.sets, skippedAny }
}

/** The work in one folder: its result folders and sets, else the summary files it holds. */
async function planFolder(
  p: string,
  before: number,
  state: ImportState,
  signal: AbortSignal
): Promise<Work[]> {
  const scan = await scanFolder(p, before, state, signal)
  // A folder naming a round no rules fit is refused once, by name, and not read.
  const locations = refuseInvalidRounds('inference', scan.locations)
  const sets = refuseInvalidRounds('training', scan.sets)
  for (const s of [...locations.skipped, ...sets.skipped]) state.skip(s.path, s.reason)
  const work: Work[] = []
  if (locations.kept.length > 0) {
    work.push({ kind: 'tree', owner: p, root: p, locations: locations.kept })
  }
  if (sets.kept.length > 0) work.push({ kind: 'training', owner: p, root: p, sets: sets.kept })
  if (scan.locations.length > 0 || scan.sets.length > 0) return work
  // A folder with no result folders may hold official summary files (e.g. a
  // cm4mlperf-results checkout): import those instead.
  const files = await findSummaryFiles(p, signal)
  if (files.length === 0 && !scan.skippedAny) {
    state.tally.at(p, null)
    state.skip(p, NOTHING_FOUND)
  }
  for (const f of files) work.push({ kind: 'summary', owner: p, file: f })
  return work
}

/** Every path's work, in path order; stops at cancel. */
export async function planWork(
  paths: readonly string[],
  state: ImportState,
  signal: AbortSignal
): Promise<Work[]> {
  const work: Work[] = []
  for (const p of paths) {
    if (signal.aborted) break
    state.currentPath = p
    state.tally.at(p, null)
    const info = await statOrSkip(p, state)
    if (info === null) continue
    if (info.isFile()) {
      const w = planFile(p, state)
      if (w !== null) work.push(w)
      continue
    }
    work.push(...(await planFolder(p, totalItems(work), state, signal)))
  }
  return work
}
