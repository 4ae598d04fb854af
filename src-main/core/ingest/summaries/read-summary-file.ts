/**
 * Reads one official summary file and returns its results. A bad row never stops the file: it
 * is returned in `skipped` with the file, its row number and the reason. Only an unreadable file
 * or an unknown format throws (the caller reports that file and carries on with the others).
 */
import { readFileOrThrow } from '../file-safety'
import type { SkippedItem } from '../../../shared/api'
import type { InferenceResultRecord } from '../../../shared/inference'
import { parseCheckerCsv } from './checker-csv'
import { parseCmResultJson } from './cm-result-json'
import { detectSummaryFormat } from './detect'
import { parseFinalReportJson } from './final-report-json'
import { parseNvidiaFiveColumnCsv } from './nvidia-five-column'
import { detectTrainingSummary } from '../training/summaries'
import type { SummaryFileContext, SummaryParseResult } from './to-record'

export type SummaryFileResult = {
  records: InferenceResultRecord[]
  skipped: SkippedItem[]
  notes: string[]
}

/** Why the inference reader leaves a training summary out. */
export const TRAINING_SUMMARY_REASON =
  'training summary (mlperf_logging result_summarizer): not an inference result; it is imported as training'

export async function readSummaryFile(path: string): Promise<SummaryFileResult> {
  let buffer: Buffer
  try {
    // A regular file of bounded size inside the imported folders (file-safety.ts).
    buffer = await readFileOrThrow(path)
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    throw new Error(`Cannot read summary file ${path}: ${why}`, { cause: error })
  }
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '')
  const format = detectSummaryFormat(path, text)
  if (format === null) {
    // Training summaries sit next to inference ones (training_summaries/, the CM export): not
    // an error, just nothing for the inference table (the import job reads them as training).
    if (detectTrainingSummary(text, path) !== null) {
      return {
        records: [],
        skipped: [{ path, reason: TRAINING_SUMMARY_REASON }],
        notes: []
      }
    }
    throw new Error(
      `Unknown summary format in ${path}: not a summary_results.json, checker summary CSV, five-column results_summary.csv or cm-result.json`
    )
  }
  const ctx: SummaryFileContext = { path, bytes: buffer.length }
  let result: SummaryParseResult
  switch (format) {
    case 'final-report-json':
      result = parseFinalReportJson(text, ctx)
      break
    case 'cm-result-json':
      result = parseCmResultJson(text, ctx)
      break
    case 'checker-csv':
      result = parseCheckerCsv(text, ctx)
      break
    case 'nvidia-five-column-csv':
      result = parseNvidiaFiveColumnCsv(text, ctx)
      break
  }
  return { records: result.records, skipped: result.skipped, notes: result.notes }
}
