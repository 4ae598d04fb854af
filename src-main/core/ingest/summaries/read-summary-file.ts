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
import type { SummaryFileContext, SummaryParseResult } from './to-record'

export type SummaryFileResult = {
  records: InferenceResultRecord[]
  skipped: SkippedItem[]
  notes: string[]
}

/** Training summaries sit next to inference ones; say so instead of "unknown format". */
function trainingHint(text: string): string | null {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? ''
  if (/^division,availability,submitter,system,/.test(firstLine)) {
    return 'it is a training summary (mlperf_logging result_summarizer), not an inference summary'
  }
  return null
}

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
    const hint =
      trainingHint(text) ??
      'not a summary_results.json, checker summary CSV, five-column results_summary.csv or cm-result.json'
    throw new Error(`Unknown summary format in ${path}: ${hint}`)
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
