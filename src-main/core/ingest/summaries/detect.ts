/**
 * Which summary importer a file needs. The name only says whether a file may be a summary; the
 * format is decided by the content, because names are not reliable (checker output is called
 * summary.csv or results_summary.csv, and NVIDIA's five-column file is also results_summary.csv).
 */
import { looksLikeCheckerHeader } from './checker-csv'
import { looksLikeCmResult } from './cm-result-json'
import { looksLikeFinalReport } from './final-report-json'
import { FIVE_COLUMN_HEADER } from './nvidia-five-column'
import { readCsvRows } from './csv-rows'
import { baseName } from './to-record'

export type SummaryFormat =
  'final-report-json' | 'checker-csv' | 'nvidia-five-column-csv' | 'cm-result-json'

/**
 * summary_results.json, <csv>_results.json (generate_final_report), cm-result.json and any CSV
 * with "summary" in its name (summary.csv, results_summary.csv, …).
 */
export function isSummaryFileName(path: string): boolean {
  const name = baseName(path).toLowerCase()
  if (name === 'summary_results.json' || name === 'cm-result.json') return true
  if (name.endsWith('_results.json')) return true
  return name.endsWith('.csv') && name.includes('summary')
}

/** The first CSV record of a text (the header), trimmed. */
function csvHeader(text: string): string[] {
  // Only the first line matters; a header never spans lines.
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? ''
  return (readCsvRows(firstLine).rows[0]?.fields ?? []).map((f) => f.trim())
}

export function detectSummaryFormat(path: string, text: string): SummaryFormat | null {
  const body = text.replace(/^\uFEFF/, '').trimStart()
  if (body.startsWith('[') || body.startsWith('{')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      return null
    }
    if (!Array.isArray(parsed)) return null
    if (looksLikeFinalReport(parsed)) return 'final-report-json'
    if (looksLikeCmResult(parsed)) return 'cm-result-json'
    // An empty list says nothing by content; the well-known names still do.
    if (parsed.length === 0) {
      const name = baseName(path).toLowerCase()
      if (name === 'cm-result.json') return 'cm-result-json'
      if (name.endsWith('_results.json')) return 'final-report-json'
    }
    return null
  }
  const header = csvHeader(body)
  const lower = header.map((h) => h.toLowerCase())
  if (FIVE_COLUMN_HEADER.every((c) => lower.includes(c))) return 'nvidia-five-column-csv'
  if (looksLikeCheckerHeader(header)) return 'checker-csv'
  return null
}
