/**
 * The final report's JSON (summary_results.json, or <csv>_results.json written by
 * generate_final_report.py): one object per result with the report's renamed columns
 * (Submitter, Category = division, Suite = system type, Platform = system id, UsedModel =
 * benchmark folder, Model = MLPerf model) and Performance_Result/Units plus, for power
 * submissions, Power_Result/Units (rules C.5). This is the official table itself, so its values
 * are taken as they are.
 */
import {
  RecordCollector,
  baseName,
  buildSummaryRecord,
  isRecordObject,
  contextFromPath,
  normaliseRound,
  parseLocation,
  pickDetail,
  rowLabel,
  toText
} from './to-record'
import type { SummaryFileContext, SummaryParseResult } from './to-record'

/** Columns that describe the system (kept in detail.system); the rest describe the result. */
const SYSTEM_KEYS = [
  'Submitter',
  'Availability',
  'Category',
  'Suite',
  'System',
  'Platform',
  'Nodes',
  'Processor',
  'host_processors_per_node',
  'p#',
  'host_processor_core_count',
  'Accelerator',
  'a#',
  'Total Accelerators',
  'Software',
  'operating_system',
  'Notes',
  'weight_data_types',
  'Details',
  'Code',
  'Unique ID (e.g. for Audit)'
] as const

/** True when a parsed JSON value looks like the final report (used by detection). */
export function looksLikeFinalReport(entries: unknown[]): boolean {
  const first = entries.find(isRecordObject)
  if (first === undefined) return false
  const keys = Object.keys(first)
  return (
    keys.includes('Performance_Result') ||
    (keys.includes('Submitter') && keys.includes('UsedModel') && keys.includes('Scenario'))
  )
}

export function parseFinalReportJson(text: string, ctx: SummaryFileContext): SummaryParseResult {
  const parsed: unknown = JSON.parse(text)
  const entries: unknown[] = Array.isArray(parsed) ? parsed : []
  const name = baseName(ctx.path)
  const fromPath = contextFromPath(ctx.path)
  const collector = new RecordCollector(ctx.path)
  const note = `Imported from the official results table (${name}); the logs were not read.`

  entries.forEach((entry, index) => {
    const where = `record ${index + 1}`
    if (!isRecordObject(entry)) {
      collector.skip(where, 'not a JSON object')
      return
    }
    const row = entry
    const location = parseLocation(row['Location'])
    // "v4.1-0001": the ID starts with the round, a fallback when `version` is missing.
    const idRound = normaliseRound(toText(row['ID'])?.split('-')[0])
    const hasPower = row['Power_Result'] !== undefined && row['Power_Result'] !== null
    const built = buildSummaryRecord(
      {
        round: toText(row['version']) ?? idRound ?? fromPath.round,
        division: toText(row['Category']) ?? location.division,
        submitter: toText(row['Submitter']) ?? location.submitter,
        systemId: toText(row['Platform']) ?? location.systemId,
        benchmark: toText(row['UsedModel']) ?? location.benchmark,
        mlperfModel: row['Model'],
        scenario: toText(row['Scenario']) ?? location.scenarioFolder,
        value: row['Performance_Result'],
        fileUnit: row['Performance_Units'],
        powerValue: hasPower ? row['Power_Result'] : null,
        powerUnit: hasPower ? row['Power_Units'] : null,
        category: row['Availability'],
        systemType: row['Suite'],
        systemName: row['System'],
        accelerator: row['Accelerator'],
        acceleratorsPerNode: row['a#'],
        nodes: row['Nodes'],
        acceleratorsTotal: row['Total Accelerators'],
        hostProcessor: row['Processor'],
        hostProcessorsPerNode: toText(row['host_processors_per_node']) ?? row['p#'],
        hostProcessorCoreCount: row['host_processor_core_count'],
        framework: row['Software'],
        operatingSystem: row['operating_system'],
        accuracy: row['Accuracy'],
        inferred: row['inferred'],
        weightDataTypes: row['weight_data_types'],
        publicId: row['ID'],
        location: row['Location'],
        system: pickDetail(row, SYSTEM_KEYS),
        notes: [note]
      },
      ctx
    )
    const label = rowLabel(row['Submitter'], row['Platform'], row['UsedModel'], row['Scenario'])
    collector.add(label === '' ? where : `${where} (${label})`, built)
  })

  const withPower = collector.records.filter((r) => r.powerValue !== null).length
  const notes = [
    `${name}: ${collector.records.length} results from the official table (${withPower} with power).`
  ]
  if (!Array.isArray(parsed)) notes.push(`${name}: the JSON is not a list of results.`)
  return { records: collector.records, skipped: collector.skipped, notes }
}
