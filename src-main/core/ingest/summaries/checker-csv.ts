/**
 * The submission checker's summary CSV, every generation (rules C.5):
 *  - v0.7: 11 columns (Organization … Result, Accuracy, Location), some with system columns;
 *    no version column, so the round comes from the path (…/inference_results_v0.7/…);
 *  - v4.0 era: 27 columns, only some values quoted, accuracy as a bare number;
 *  - current: 30/31 columns, every value double-quoted (and not escaped), total_accelerators,
 *    weight_data_types, design_power_watts, PrivateID.
 * Columns are looked up by header name, so any generation in between works too. A power
 * submission has a second row with the power metric in Result and Watts/millijoules/Joules in
 * Units; it is merged into its performance row. Results are already in the table's units
 * (SingleStream ms; legacy MultiStream = streams).
 */
import { checkerRowInput, NO_ROUND_REASON } from './checker-record'
import { checkerRows } from './checker-rows'
import { pairWithPower } from './power-pairing'
import {
  RecordCollector,
  baseName,
  buildSummaryRecord,
  contextFromPath,
  rowLabel
} from './to-record'
import type { SummaryFileContext, SummaryParseResult } from './to-record'
import { readCsvRows } from './csv-rows'

/** True for a header naming the checker's columns (the same test detection uses). */
export function looksLikeCheckerHeader(fields: readonly string[]): boolean {
  const names = new Set(fields.map((f) => f.trim()))
  return (
    names.has('Organization') &&
    names.has('Scenario') &&
    names.has('Result') &&
    (names.has('Platform') || names.has('Location')) &&
    (names.has('Model') || names.has('Location'))
  )
}

export function parseCheckerCsv(text: string, ctx: SummaryFileContext): SummaryParseResult {
  const name = baseName(ctx.path)
  const fromPath = contextFromPath(ctx.path)
  const collector = new RecordCollector(ctx.path)
  const notes: string[] = []
  const { rows, recoveredQuotes } = readCsvRows(text.replace(/^\uFEFF/, ''))
  const headerRow = rows[0]
  if (headerRow === undefined) {
    notes.push(`${name}: the file has no rows.`)
    return { records: [], skipped: [], notes }
  }
  const header = headerRow.fields.map((f) => f.trim())
  if (recoveredQuotes) {
    notes.push(
      `${name}: values contain unescaped quotes; lines were split on '","' as the checker wrote them.`
    )
  }
  const sorted = checkerRows(header, rows.slice(1), collector)
  if (sorted.repeatedHeaders > 0) {
    notes.push(
      `${name}: the header row appears ${sorted.repeatedHeaders + 1} times; repeats were ignored.`
    )
  }

  const base = `Imported from the submission checker's summary (${name}); the logs were not read.`
  // Older checkers wrote only the power row when the system reported system power only.
  pairWithPower(sorted.performance, sorted.power, (entry, powerEntry) => {
    const { row, at } = entry
    const label = rowLabel(row['Organization'], row['Platform'], row['Model'], row['Scenario'])
    const input = checkerRowInput(entry, powerEntry, fromPath, base)
    if (input === null) collector.skip(`row ${at} (${label})`, NO_ROUND_REASON)
    else collector.add(`row ${at} (${label})`, buildSummaryRecord(input, ctx))
  })

  const withPower = collector.records.filter((r) => r.powerValue !== null).length
  notes.unshift(`${name}: ${collector.records.length} results (${withPower} with power).`)
  return { records: collector.records, skipped: collector.skipped, notes }
}
