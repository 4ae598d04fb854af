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
import {
  RecordCollector,
  baseName,
  buildSummaryRecord,
  contextFromPath,
  normaliseDivision,
  normaliseScenario,
  parseLocation,
  pickDetail,
  powerUnitOf,
  rowLabel,
  toText
} from './to-record'
import type { SummaryFileContext, SummaryParseResult } from './to-record'
import { readCsvRows } from './csv-rows'

/** Columns that describe the system (kept in detail.system). */
const SYSTEM_KEYS = [
  'Organization',
  'Availability',
  'Division',
  'SystemType',
  'SystemName',
  'Platform',
  'number_of_nodes',
  'host_processor_model_name',
  'host_processors_per_node',
  'host_processor_core_count',
  'accelerator_model_name',
  'accelerators_per_node',
  'total_accelerators',
  'framework',
  'operating_system',
  'notes',
  'weight_data_types',
  'design_power_watts'
] as const

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

/** A data row by column name (trimmed values). */
type Row = Record<string, string>

function groupKey(row: Row): string {
  const location = parseLocation(row['Location'])
  return [
    normaliseDivision(row['Division']) ?? location.division ?? '',
    toText(row['Organization']) ?? location.submitter ?? '',
    toText(row['Platform']) ?? location.systemId ?? '',
    toText(row['Model']) ?? location.benchmark ?? '',
    normaliseScenario(row['Scenario']) ?? ''
  ].join('\u0000')
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

  const performance: { row: Row; at: number }[] = []
  const power = new Map<string, { row: Row; at: number }>()
  let repeatedHeaders = 0
  for (const { fields, row: at } of rows.slice(1)) {
    const values = fields.map((f) => f.trim())
    if (values.length === header.length && values.every((v, i) => v === header[i])) {
      repeatedHeaders++
      continue
    }
    if (values.length !== header.length) {
      collector.skip(`row ${at}`, `has ${values.length} fields, the header has ${header.length}`)
      continue
    }
    const row: Row = {}
    header.forEach((column, i) => {
      row[column] = values[i] ?? ''
    })
    if (powerUnitOf(row['Units']) !== null) {
      const key = groupKey(row)
      if (power.has(key)) {
        collector.skip(`row ${at}`, 'a second power row for the same result; the first one is kept')
      } else {
        power.set(key, { row, at })
      }
    } else {
      performance.push({ row, at })
    }
  }
  if (repeatedHeaders > 0) {
    notes.push(
      `${name}: the header row appears ${repeatedHeaders + 1} times; repeats were ignored.`
    )
  }

  const base = `Imported from the submission checker's summary (${name}); the logs were not read.`
  const build = (row: Row, at: number, powerRow: { row: Row; at: number } | null): void => {
    const location = parseLocation(row['Location'])
    const rowNotes = [base]
    if (powerRow !== null) {
      rowNotes.push(`Power from row ${powerRow.at} (${powerRow.row['Units'] ?? ''}).`)
    }
    const isPerf = powerUnitOf(row['Units']) === null
    const round = toText(row['version']) ?? fromPath.round
    const label = rowLabel(row['Organization'], row['Platform'], row['Model'], row['Scenario'])
    if (round === null) {
      collector.skip(
        `row ${at} (${label})`,
        'round unknown: the file has no version column and its path does not name the round (…/inference_results_vX.Y/…)'
      )
      return
    }
    const built = buildSummaryRecord(
      {
        round,
        division: toText(row['Division']) ?? location.division ?? fromPath.division,
        submitter: toText(row['Organization']) ?? location.submitter ?? fromPath.submitter,
        systemId: toText(row['Platform']) ?? location.systemId,
        benchmark: toText(row['Model']) ?? location.benchmark,
        mlperfModel: row['MlperfModel'],
        scenario: toText(row['Scenario']) ?? location.scenarioFolder,
        value: isPerf ? row['Result'] : null,
        fileUnit: isPerf ? row['Units'] : null,
        powerValue: powerRow?.row['Result'] ?? null,
        powerUnit: powerRow?.row['Units'] ?? null,
        category: row['Availability'],
        systemType: row['SystemType'],
        systemName: row['SystemName'],
        accelerator: row['accelerator_model_name'],
        acceleratorsPerNode: row['accelerators_per_node'],
        nodes: row['number_of_nodes'],
        acceleratorsTotal: row['total_accelerators'],
        hostProcessor: row['host_processor_model_name'],
        hostProcessorsPerNode: row['host_processors_per_node'],
        hostProcessorCoreCount: row['host_processor_core_count'],
        framework: row['framework'],
        operatingSystem: row['operating_system'],
        accuracy: row['Accuracy'],
        inferred: row['inferred'],
        weightDataTypes: row['weight_data_types'],
        location: row['Location'],
        system: pickDetail(row, SYSTEM_KEYS),
        notes: rowNotes
      },
      ctx
    )
    collector.add(`row ${at} (${label})`, built)
  }

  for (const { row, at } of performance) {
    const key = groupKey(row)
    const powerRow = power.get(key) ?? null
    power.delete(key)
    build(row, at, powerRow)
  }
  // Older checkers wrote only the power row when the system reported system power only.
  for (const powerRow of power.values()) build(powerRow.row, powerRow.at, powerRow)

  const withPower = collector.records.filter((r) => r.powerValue !== null).length
  notes.unshift(`${name}: ${collector.records.length} results (${withPower} with power).`)
  return { records: collector.records, skipped: collector.skipped, notes }
}
