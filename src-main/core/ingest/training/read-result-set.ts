/**
 * Reads one training result set (found by tree-scan) into a TrainingResultRecord: every run
 * parsed, the system description, scaling.json, and the official score. Bad input yields a
 * SkippedItem with the path and a reason; one bad file never throws, and a run that cannot be
 * read counts as a failed run, as it does for the official summarizer. Each step is a module of
 * its own (set-round, set-logs, set-benchmark, set-notes, set-system, set-scaling, set-energy,
 * end-marker, set-record); this file only says their order.
 */
import { readdir } from 'node:fs/promises'

import type { SkippedItem } from '../../../shared/api'
import type { TrainingResultRecord, TrainingRun } from '../../../shared/training'
import { endMarkerNote } from './end-marker'
import { scoreTrainingRuns } from './score'
import { folderBenchmark, setBenchmark } from './set-benchmark'
import { setEnergy } from './set-energy'
import { noLogsReason, parseSetLogs, readSetTexts, readableLogs } from './set-logs'
import { perFileNotes, strayFolderNote, targetNotes } from './set-notes'
import { buildTrainingRecord } from './set-record'
import { roundAfterLogs, roundBeforeLogs } from './set-round'
import { readScalingFactor } from './set-scaling'
import { createTrainingReadContext, readSetSystem, usableSystem } from './set-system'
import type { TrainingReadContext } from './set-system'
import type { TrainingSetLocation } from './tree-scan'
import { describeTrainingSet } from './tree-scan'

export { createTrainingReadContext }
export type { TrainingReadContext }

export type TrainingReadOptions = {
  /** Round set for the import, used when the path does not name one (a user's own logs). */
  round?: string | null
}

export type TrainingReadResult =
  | { record: TrainingResultRecord; runs: TrainingRun[]; filesRead: number }
  | { skipped: SkippedItem; filesRead: number }

/** Read and score one result set. */
export async function readTrainingResultSet(
  loc: TrainingSetLocation,
  ctx: TrainingReadContext = createTrainingReadContext(),
  options: TrainingReadOptions = {}
): Promise<TrainingReadResult> {
  const notes: string[] = []
  const before = roundBeforeLogs(loc, options.round, notes)
  if ('error' in before) return { skipped: { path: loc.dir, reason: before.error }, filesRead: 0 }
  const stray = strayFolderNote(loc)
  if (stray !== null) notes.push(stray)

  const { texts, filesRead } = await readSetTexts(loc)
  const fromFolder = folderBenchmark(loc)
  let logs = parseSetLogs(loc.resultFiles, texts, before.rules, fromFolder)
  let okLogs = readableLogs(logs)
  if (okLogs.length === 0) {
    return { skipped: { path: loc.dir, reason: noLogsReason(logs.runs) }, filesRead }
  }
  const benchmark = setBenchmark(loc, fromFolder, okLogs, notes)
  const { round, rules, reparse } = roundAfterLogs(loc, before, okLogs, benchmark, notes)
  if (reparse) {
    logs = parseSetLogs(loc.resultFiles, texts, rules, fromFolder)
    okLogs = readableLogs(logs)
  }
  // The texts were kept only to read the runs again with a decided round.
  texts.length = 0
  const { runs } = logs
  const target = okLogs[0]?.target ?? null
  notes.push(...targetNotes(target, benchmark, round))
  notes.push(...perFileNotes(logs.parsedLogs, loc.resultFiles))

  const sys = usableSystem(await readSetSystem(loc, ctx), notes)
  const scalingFactor = await readScalingFactor(loc.dir, notes)
  const score = scoreTrainingRuns(
    benchmark,
    runs.map((r) => ({ file: r.file, converged: r.converged, minutes: r.minutes })),
    scalingFactor
  )
  notes.push(...score.notes)
  if (score.reason) notes.push(score.reason)
  const energy = await setEnergy(loc, runs, benchmark, scalingFactor, notes)
  const endMarker = endMarkerNote(round, runs, score.dropCount)
  if (endMarker !== null) notes.push(endMarker)

  const first = okLogs[0]
  const parts = { loc, round, benchmark, runs, first, sys, target, score, scalingFactor, energy }
  return { record: buildTrainingRecord({ ...parts, notes }), runs, filesRead }
}

/** Convenience: read the set in `dir` (a folder with result_*.txt directly inside). */
export async function readTrainingResultSetAt(
  dir: string,
  ctx: TrainingReadContext = createTrainingReadContext(),
  options: TrainingReadOptions = {}
): Promise<TrainingReadResult> {
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return { skipped: { path: dir, reason: 'Folder cannot be read.' }, filesRead: 0 }
  }
  const listing = {
    dirs: entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort(),
    files: entries
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort()
  }
  const loc = await describeTrainingSet(dir, listing)
  if (loc.resultFiles.length === 0) {
    return { skipped: { path: dir, reason: 'No result_*.txt file in this folder.' }, filesRead: 0 }
  }
  return readTrainingResultSet(loc, ctx, options)
}
