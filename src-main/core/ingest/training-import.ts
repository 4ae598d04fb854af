/**
 * The import job's training steps, kept apart from the job so its inference path stays as it
 * was: a single log file as a one-run set, the per-run remarks for the report, the identity of
 * a result across files, and telling a training summary from an inference one by its content.
 */
import path from 'node:path'
import type { TrainingResultRecord } from '../../shared/training'
import { readTextSafe } from './file-safety'
import type { TrainingReadContext, TrainingReadResult } from './training/read-result-set'
import { readTrainingResultSet } from './training/read-result-set'
import type { TrainingSummaryResult } from './training/summaries'
import { parseTrainingSummary } from './training/summaries'
import { describeTrainingSet } from './training/tree-scan'

/**
 * One result_*.txt as a set of its own. Its system id names the file, so importing one run of a
 * published set never replaces the whole set; the source is the file itself.
 */
export async function readTrainingLogFile(
  file: string,
  ctx: TrainingReadContext,
  round: string | null = null
): Promise<TrainingReadResult> {
  const name = path.basename(file)
  const loc = await describeTrainingSet(path.dirname(file), { dirs: [], files: [name] })
  const res = await readTrainingResultSet({ ...loc, strayDirs: [] }, ctx, { round })
  if ('skipped' in res) return { ...res, skipped: { ...res.skipped, path: file } }
  const record: TrainingResultRecord = {
    ...res.record,
    systemId: `${loc.systemId}/${name}`,
    source: file,
    detail: {
      ...res.record.detail,
      notes: [
        'Imported from a single log file: a one-run set (an official score needs every run of the set).',
        ...res.record.detail.notes
      ]
    }
  }
  return { ...res, record }
}

/** Report remarks for the runs that do not count (aborted, truncated, unreadable logs…). */
export function trainingRunNotes(record: TrainingResultRecord): string[] {
  // The source is the set folder, or the log itself for a one-file set.
  const dir = /\.txt$/i.test(record.source) ? path.dirname(record.source) : record.source
  return record.detail.runs
    .filter((r) => r.status !== 'success')
    .map(
      (r) =>
        `${path.join(dir, r.file)}: run ${r.status}${r.reason ? ` (${r.reason.replace(/\.$/, '')})` : ''}, not counted in the score; the rest of the set was imported.`
    )
}

/** The table's unique key of a training result. */
export function trainingRecordKey(r: TrainingResultRecord): string {
  return [r.round, r.division, r.submitter, r.systemId, r.benchmark].join('\u0000')
}

/**
 * The training summary in `file`, or null when the file is not one (an inference summary, or
 * unreadable: the inference reader then reports it as before).
 */
export async function readTrainingSummaryIfAny(
  file: string
): Promise<TrainingSummaryResult | null> {
  const raw = await readTextSafe(file)
  if (raw === null) return null
  return parseTrainingSummary(raw.replace(/^\uFEFF/, ''), file)
}
