/**
 * One inference record from a CM export (cm-result.json) record, in checker column names. The
 * power figure is inline in v3.0 (Result_Power, Result_Power_Units) and a record of its own in
 * v4.1 (merged here); a power figure without a unit gets the scenario's (rules C.4), said in
 * the record's notes.
 */
import { powerUnitFor } from '../../../mlperf'
import type { CmRecord } from './cm-entries'
import type { LocationParts, SummaryRowInput } from './to-record'
import {
  normaliseScenario,
  parseLocation,
  pickDetail,
  powerUnitOf,
  toNumber,
  toText
} from './to-record'

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
  'framework',
  'operating_system',
  'notes',
  'git_url'
] as const

/**
 * The power figure and its unit: inline (v3.0) or from the separate power record (v4.1); a
 * figure without a unit takes the scenario's, with a note.
 */
export function cmPowerFigure(
  record: CmRecord,
  powerRecord: CmRecord | null
): { powerValue: number | null; powerUnit: string | null; note: string | null } {
  const powerSource = powerRecord ?? record
  const powerValue = toNumber(powerSource['Result_Power'])
  const powerUnit =
    toText(powerSource['Result_Power_Units']) ??
    (powerRecord !== null ? powerUnitOf(powerRecord['Units']) : null)
  if (powerValue === null || powerUnit !== null) return { powerValue, powerUnit, note: null }
  // Spec C.4: energy per query for SingleStream/MultiStream, average power otherwise.
  const assumed = powerUnitFor(normaliseScenario(record['Scenario']) ?? 'Offline')
  const note = `The power unit is not in the record; ${assumed} assumed from the scenario.`
  return { powerValue, powerUnit: assumed, note }
}

/**
 * The row input of `record`; `powerRecord` is its v4.1 power record, or the record itself for
 * a power record without a performance one (then it gives no performance value).
 */
export function cmRowInput(
  record: CmRecord,
  powerRecord: CmRecord | null,
  round: string | null,
  baseNote: string
): SummaryRowInput {
  const location: LocationParts = parseLocation(record['Location'])
  const { powerValue, powerUnit, note } = cmPowerFigure(record, powerRecord)
  const isPerf = powerRecord !== record
  return {
    round: toText(record['version']) ?? round,
    division: toText(record['Division']) ?? location.division,
    submitter: toText(record['Organization']) ?? location.submitter,
    systemId: toText(record['Platform']) ?? location.systemId,
    benchmark: toText(record['Model']) ?? location.benchmark,
    mlperfModel: record['MlperfModel'],
    scenario: toText(record['Scenario']) ?? location.scenarioFolder,
    value: isPerf ? record['Result'] : null,
    fileUnit: isPerf ? (toText(record['Units']) ?? record['Result_Units']) : null,
    powerValue,
    powerUnit,
    category: record['Availability'],
    systemType: record['SystemType'],
    systemName: record['SystemName'],
    accelerator: record['accelerator_model_name'],
    acceleratorsPerNode: record['accelerators_per_node'],
    nodes: record['number_of_nodes'],
    hostProcessor: record['host_processor_model_name'],
    hostProcessorsPerNode: record['host_processors_per_node'],
    hostProcessorCoreCount: record['host_processor_core_count'],
    framework: record['framework'],
    operatingSystem: record['operating_system'],
    accuracy: record['Accuracy'],
    inferred: record['inferred'],
    weightDataTypes: record['weight_data_types'],
    location: record['Location'],
    system: pickDetail(record, SYSTEM_KEYS),
    notes: note === null ? [baseNote] : [baseNote, note]
  }
}
