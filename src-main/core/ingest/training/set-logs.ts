/**
 * The runs of a training result set: every result_*.txt read and parsed. A file that cannot be
 * read or parsed is a failed run, as it is for the official summarizer, never an error for the
 * set. Reading and parsing are apart because a set whose round the logs decide is parsed twice
 * (set-round.ts) from the same texts.
 */
import path from 'node:path'

import type { TrainingRun } from '../../../shared/training'
import { readTextSafe } from '../file-safety'
import { UnknownLogFormatError } from './log-line'
import { parseTrainingLog } from './parse-log'
import type { ParsedTrainingLog } from './parse-log'
import type { TrainingSetLocation } from './tree-scan'

export type SetLogs = {
  /** One per result file, null for a file that could not be read or parsed. */
  parsedLogs: (ParsedTrainingLog | null)[]
  /** One per result file, in run order. */
  runs: TrainingRun[]
}

/** Texts of the result files (null when missing or refused, file-safety.ts says why). */
export async function readSetTexts(
  loc: TrainingSetLocation
): Promise<{ texts: (string | null)[]; filesRead: number }> {
  const texts: (string | null)[] = []
  let filesRead = 0
  for (const name of loc.resultFiles) {
    // The official parser reads logs as latin-1; so do we (no decoding failures on stray bytes).
    const text = await readTextSafe(path.join(loc.dir, name), 'latin1')
    if (text !== null) filesRead++
    texts.push(text)
  }
  return { texts, filesRead }
}

/** A run that does not count: the file could not be read or is no training log. */
export function failedRun(file: string, reason: string): TrainingRun {
  return {
    file,
    status: 'failed',
    timeToTrainMs: null,
    minutes: null,
    reason,
    converged: false,
    reachedTarget: null,
    evals: [],
    target: null,
    direction: null,
    valueScale: 1,
    logBenchmark: null,
    format: null,
    runFinalMs: null,
    ignoredLines: 0,
    malformedLines: 0
  }
}

/**
 * Parse every text with the rules of `rules` (null: the log syntax decides) and the benchmark
 * `benchmark` (null: each log's own submission_benchmark).
 */
export function parseSetLogs(
  files: readonly string[],
  texts: readonly (string | null)[],
  rules: string | null,
  benchmark: string | null
): SetLogs {
  const parsedLogs: (ParsedTrainingLog | null)[] = []
  const runs: TrainingRun[] = []
  files.forEach((name, i) => {
    const text = texts[i] ?? null
    if (text === null) {
      runs.push(failedRun(name, 'The file cannot be read.'))
      parsedLogs.push(null)
      return
    }
    try {
      const parsed = parseTrainingLog(text, { file: name, round: rules, benchmark })
      parsedLogs.push(parsed)
      runs.push(parsed.run)
    } catch (e) {
      const why =
        e instanceof UnknownLogFormatError
          ? e.message
          : `cannot parse: ${e instanceof Error ? e.message : String(e)}`
      runs.push(failedRun(name, why))
      parsedLogs.push(null)
    }
  })
  return { parsedLogs, runs }
}

/** The logs that parsed. */
export function readableLogs(logs: SetLogs): ParsedTrainingLog[] {
  return logs.parsedLogs.filter((p): p is ParsedTrainingLog => p !== null)
}

/** Why a set without a single readable log is skipped. */
export function noLogsReason(runs: readonly TrainingRun[]): string {
  return runs.length === 0
    ? 'No result_*.txt file could be read.'
    : `None of the ${runs.length} result file(s) is an MLPerf training log (${runs[0]?.reason ?? ''}).`
}
