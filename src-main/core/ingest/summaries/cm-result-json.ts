/**
 * cm-result.json from MLCommons' Collective Mind export of the results tables
 * (cm4mlperf-results/experiment/<experiment>/<timestamp>/cm-result.json): a JSON list with one
 * record per result, in checker column names (Organization, Division, Platform, Model,
 * MlperfModel, Scenario, Result, Units, Accuracy, Location …).
 *
 * Quirks handled here:
 *  - power experiments ("closed-power") list every record twice, identical: duplicates are
 *    dropped;
 *  - v3.0 power records carry Result_Power/Result_Power_Units next to Result; v4.1 power
 *    experiments instead add a second record with Result = null, Result_Power and Units =
 *    Watts/millijoules, which is merged into its performance record;
 *  - v4.1 LLM records are labelled Samples/s or Queries/s although the value is tokens/s (the
 *    official table says Tokens/s); the checker rule decides the unit (see resolveMetric);
 *  - training experiments live in the same repository; their records are skipped, and so are
 *    those of MLPerf Tiny (a suite of its own, with its own columns).
 */
import { cmRowInput } from './cm-record'
import type { SortedCmEntries } from './cm-entries'
import { sortCmEntries } from './cm-entries'
import { pairWithPower } from './power-pairing'
import {
  RecordCollector,
  baseName,
  buildSummaryRecord,
  isRecordObject,
  contextFromPath,
  normaliseRound,
  rowLabel
} from './to-record'
import type { SummaryFileContext, SummaryParseResult } from './to-record'

/** True when parsed JSON looks like a CM export (used by detection). */
export function looksLikeCmResult(entries: unknown[]): boolean {
  const first = entries.find(isRecordObject)
  if (first === undefined) return false
  const keys = Object.keys(first)
  return keys.includes('uid') && (keys.includes('Result') || keys.includes('_Result'))
}

/** The experiment folder ("mlperf-inference--v4.1--edge--closed--…") in a path, if any. */
function experimentName(path: string): string | null {
  const parts = path.split(/[\\/]+/)
  return parts.find((p) => /^mlperf-(inference|training|tiny)--/.test(p)) ?? null
}

/** The file's remarks: results read, and what was left out. */
function fileNotes(
  source: string,
  collector: RecordCollector,
  sorted: SortedCmEntries,
  isList: boolean
): string[] {
  const notes: string[] = []
  const withPower = collector.records.filter((r) => r.powerValue !== null).length
  notes.push(`${source}: ${collector.records.length} results (${withPower} with power).`)
  if (sorted.duplicates > 0)
    notes.push(`${source}: ${sorted.duplicates} identical duplicate records ignored.`)
  if (sorted.training > 0) notes.push(`${source}: ${sorted.training} training records skipped.`)
  if (sorted.tiny > 0) notes.push(`${source}: ${sorted.tiny} MLPerf Tiny records skipped.`)
  if (!isList) notes.push(`${source}: the JSON is not a list of results.`)
  return notes
}

export function parseCmResultJson(text: string, ctx: SummaryFileContext): SummaryParseResult {
  const parsed: unknown = JSON.parse(text)
  const entries: unknown[] = Array.isArray(parsed) ? parsed : []
  const name = baseName(ctx.path)
  const experiment = experimentName(ctx.path)
  const round = normaliseRound(experiment?.split('--')[1]) ?? contextFromPath(ctx.path).round
  const collector = new RecordCollector(ctx.path)
  const source = experiment === null ? name : `${name}, experiment ${experiment}`
  const base = `Imported from the MLCommons CM export of the results table (${source}); the logs were not read.`

  const sorted = sortCmEntries(entries, experiment, collector)
  // Each performance record with its power record; then power records without one.
  pairWithPower(sorted.performance, sorted.power, ({ row: record, at }, powerEntry) => {
    const built = buildSummaryRecord(cmRowInput(record, powerEntry?.row ?? null, round, base), ctx)
    const label = rowLabel(
      record['Organization'],
      record['Platform'],
      record['Model'],
      record['Scenario']
    )
    collector.add(`record ${at} (${label})`, built)
  })

  const notes = fileNotes(source, collector, sorted, Array.isArray(parsed))
  return { records: collector.records, skipped: collector.skipped, notes }
}
