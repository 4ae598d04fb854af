/**
 * Puts what the steps of a result folder's reading found into one InferenceResultRecord. The
 * field order is the stored order: the content hash of a result depends on it, so changing it
 * would make every stored result look changed on the next import.
 */
import type { InferenceResultDetail, InferenceResultRecord } from '../../../shared/inference'
import type { OfficialValue } from './official-value'
import type { ResultAccuracy } from './result-accuracy'
import type { ResultRound, ResultSystem } from './result-identify'
import type { ResultPower } from './result-power'
import type { ResultRead } from './result-read'
import type { settingsAndStatistics } from './result-settings'

export type ResultParts = {
  round: ResultRound
  system: ResultSystem
  model: string
  /** The scenario stored (the folder's, unless LoadGen ran another: record-scenario.ts). */
  scenario: InferenceResultRecord['scenario']
  ov: OfficialValue
  valid: boolean
  checks: InferenceResultDetail['checks']
  runs: InferenceResultDetail['runs']
  accuracy: ResultAccuracy
  power: ResultPower
  weightDataTypes: string | null
  panel: ReturnType<typeof settingsAndStatistics>
}

/** The system columns: from the system description, accelerators counted over the nodes. */
function systemColumns({ sys }: ResultSystem) {
  const nodes = sys.nodes
  const apn = sys.acceleratorsPerNode
  return {
    systemName: sys.systemName,
    accelerator: sys.accelerator,
    acceleratorsPerNode: apn,
    nodes,
    acceleratorsTotal: nodes !== null && apn !== null ? nodes * apn : null,
    hostProcessor: sys.hostProcessor,
    hostProcessorsPerNode: sys.hostProcessorsPerNode,
    hostProcessorCoreCount: sys.hostProcessorCoreCount,
    framework: sys.framework,
    operatingSystem: sys.operatingSystem
  }
}

function detailOf(r: ResultRead, p: ResultParts): InferenceResultDetail {
  return {
    system: { ...p.system.sys.fields },
    settings: p.panel.settings,
    statistics: p.panel.statistics,
    checks: p.checks,
    files: r.files,
    accuracyMetrics: p.accuracy.accuracyMetrics,
    notes: r.notes,
    loadgenVersion: p.round.loadgenVersion,
    runs: p.runs
  }
}

export function buildRecord(r: ResultRead, p: ResultParts): InferenceResultRecord {
  return {
    round: p.round.round,
    division: p.system.division,
    category: p.system.sys.category,
    systemType: p.system.sys.systemType,
    submitter: p.system.submitter,
    systemId: r.loc.systemId,
    ...systemColumns(p.system),
    benchmark: r.loc.benchmark,
    mlperfModel: p.model,
    scenario: p.scenario,
    metric: p.ov.metric,
    unit: p.ov.unit,
    value: p.ov.value,
    powerValue: p.power.powerValue,
    powerUnit: p.power.powerUnit,
    accuracy: p.accuracy.accuracy,
    valid: p.valid,
    inferred: p.ov.inferred,
    weightDataTypes: p.weightDataTypes,
    source: r.loc.dir,
    sourceKind: 'tree',
    publicId: null,
    detail: detailOf(r, p)
  }
}
