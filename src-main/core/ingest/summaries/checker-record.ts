/**
 * One inference record's input from a submission checker summary row, and the power row paired
 * with it. The round is the version column's, else the path's (v0.7 files have no version
 * column); without either the row cannot be filed and is skipped.
 */
import type { CheckerEntry } from './checker-rows'
import type { PathContext, SummaryRowInput } from './to-record'
import { parseLocation, pickDetail, powerUnitOf, toText } from './to-record'

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

/** Why a row without a round is skipped. */
export const NO_ROUND_REASON =
  'round unknown: the file has no version column and its path does not name the round (…/inference_results_vX.Y/…)'

/**
 * The row input of `entry`, or null when no round is known. `powerEntry` is its power row, or
 * the entry itself for a power row without a performance row (then no performance value).
 */
export function checkerRowInput(
  entry: CheckerEntry,
  powerEntry: CheckerEntry | null,
  fromPath: PathContext,
  baseNote: string
): SummaryRowInput | null {
  const { row } = entry
  const round = toText(row['version']) ?? fromPath.round
  if (round === null) return null
  const location = parseLocation(row['Location'])
  const notes = [baseNote]
  if (powerEntry !== null) {
    notes.push(`Power from row ${powerEntry.at} (${powerEntry.row['Units'] ?? ''}).`)
  }
  const isPerf = powerUnitOf(row['Units']) === null
  return {
    round,
    division: toText(row['Division']) ?? location.division ?? fromPath.division,
    submitter: toText(row['Organization']) ?? location.submitter ?? fromPath.submitter,
    systemId: toText(row['Platform']) ?? location.systemId,
    benchmark: toText(row['Model']) ?? location.benchmark,
    mlperfModel: row['MlperfModel'],
    scenario: toText(row['Scenario']) ?? location.scenarioFolder,
    value: isPerf ? row['Result'] : null,
    fileUnit: isPerf ? row['Units'] : null,
    powerValue: powerEntry?.row['Result'] ?? null,
    powerUnit: powerEntry?.row['Units'] ?? null,
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
    notes
  }
}
