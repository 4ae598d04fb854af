/**
 * A finished local run as a results-table record, read back from the log files the run wrote
 * with the importer's own functions (summary and detail parsers, the checker's official-value
 * rules, validity checks, accuracy.txt parser). The value in the table is therefore the one
 * the importer computes from the logs, never a number taken from memory.
 *
 * How a local run is filed (decided here, documented in README "Local runs"):
 * - round "local" and division "local": a local run was not submitted, reviewed or published,
 *   so it is neither closed nor open and no round filter of published results picks it up;
 * - the official-value rules of the newest round (RULES_ROUND) decide metric, unit and value;
 * - submitter "You" (short enough for the table's column next to its "unverified" badge),
 *   system id = the run's folder name (unique, so every run is its own row), system name =
 *   the host name and execution provider, processor/cores/OS from the machine;
 * - source_kind "local" marks it as the user's own, unverified result.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { latestRound, mlperfModelName } from '../../mlperf'
import type {
  InferenceResultDetail,
  InferenceResultRecord,
  SourceFile,
  ValidityCheck
} from '../../shared/inference'
import type { RunResult } from '../../shared/local-run'
import { parseAccuracyText } from '../ingest/inference/accuracy-txt'
import type { MllogDetail, MllogValue } from '../ingest/inference/mllog-detail'
import { parseMllogDetail } from '../ingest/inference/mllog-detail'
import { deriveOfficialValue } from '../ingest/inference/official-value'
import type { SummaryLog, SummaryScenario } from '../ingest/inference/summary-log'
import { normaliseScenario, parseSummaryLog } from '../ingest/inference/summary-log'
import { validityChecks } from '../ingest/inference/validity'
import type { MachineInfo } from './machine-info'
import { submissionChecks } from './submission-checks'

/** Round and division of every local run in the results table. */
export const LOCAL_ROUND = 'local'
export const LOCAL_DIVISION = 'local'
export const LOCAL_SUBMITTER = 'You'
/** The round whose checker rules derive a local run's official value and checks. */
export const RULES_ROUND: string = latestRound('inference')

export const UNVERIFIED_NOTE =
  'Your own run, made with MLPerf Explorer on this machine: unverified (not reviewed or published by MLCommons).'

export type LocalRunRecordInput = {
  /** Folder with mlperf_log_summary.txt and mlperf_log_detail.txt. */
  runDir: string
  runKey: string
  result: RunResult
  machine: MachineInfo
  /** accuracy.txt of the latest accuracy run of the same model and benchmark, if any. */
  accuracyRun?: { runKey: string; runDir: string } | null
}

export type LocalRunRecord = {
  record: InferenceResultRecord
  /** The value the importer derived, for the caller's cross-check with the RunResult. */
  value: number | null
}

type DetailValue = string | number | boolean | null

function scalar(v: MllogValue): DetailValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v)
  return JSON.stringify(v)
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

function sizeOf(path: string): number | null {
  try {
    return statSync(path).size
  } catch {
    return null
  }
}

/** A run's two LoadGen logs, read and parsed with the importer's parsers. */
export type RunLogs = {
  summaryPath: string
  detailPath: string
  summaryText: string
  detailText: string
  summary: SummaryLog
  detail: MllogDetail
}

/** Read the summary and detail logs of `runDir`; throws naming the file that is missing. */
export function readRunLogs(runDir: string): RunLogs {
  const summaryPath = join(runDir, 'mlperf_log_summary.txt')
  const detailPath = join(runDir, 'mlperf_log_detail.txt')
  const summaryText = readText(summaryPath)
  if (summaryText === null) throw new Error(`${summaryPath} is missing`)
  const detailText = readText(detailPath)
  if (detailText === null) throw new Error(`${detailPath} is missing`)
  return {
    summaryPath,
    detailPath,
    summaryText,
    detailText,
    summary: parseSummaryLog(summaryText),
    detail: parseMllogDetail(detailText)
  }
}

/** The scenario the run used: the detail log's effective_scenario, else the summary's. */
export function runScenario(logs: RunLogs): SummaryScenario {
  const eff = logs.detail.values.get('effective_scenario')
  const scenario =
    (typeof eff === 'string' ? normaliseScenario(eff) : null) ?? logs.summary.scenario ?? null
  if (scenario === null) throw new Error(`${logs.summaryPath} names no scenario`)
  return scenario
}

/**
 * LoadGen's verdict (the detail log's result_validity, else the summary's). Without an official
 * value (no early-stopping estimate) a run is never valid, whatever the verdict, so it can
 * never rank as a result.
 */
export function runValid(logs: RunLogs, officialValue: number | null): boolean {
  const verdict = logs.detail.values.get('result_validity')
  const loadgenValid =
    typeof verdict === 'string' ? verdict === 'VALID' : logs.summary.validity === 'VALID'
  return loadgenValid && officialValue !== null
}

/**
 * The detail panel's two tables from the detail log: settings (requested_* and effective_*)
 * and statistics (results, early stopping, generated queries, errors and power timestamps).
 */
export function detailSections(values: Map<string, MllogValue>): {
  settings: Record<string, DetailValue>
  statistics: Record<string, DetailValue>
} {
  const settings: Record<string, DetailValue> = {}
  const statistics: Record<string, DetailValue> = {}
  for (const [k, v] of values) {
    if (k.startsWith('effective_') || k.startsWith('requested_')) settings[k] = scalar(v)
    else if (
      k.startsWith('result_') ||
      k.startsWith('early_stopping_') ||
      k.startsWith('generated_') ||
      k === 'num_errors' ||
      k === 'power_begin' ||
      k === 'power_end'
    ) {
      statistics[k] = scalar(v)
    }
  }
  return { settings, statistics }
}

/**
 * The accuracy a performance run borrows from the latest accuracy run of the same model: its
 * accuracy.txt in the checker's rendering. Null when there is no such run or its file is gone.
 */
export function linkedAccuracy(
  accuracyRun: LocalRunRecordInput['accuracyRun'],
  mlperfModel: string
): {
  rendered: string | null
  metrics: Record<string, number>
  file: SourceFile
  note: string
} | null {
  if (!accuracyRun) return null
  const path = join(accuracyRun.runDir, 'accuracy.txt')
  const text = readText(path)
  if (text === null) return null
  const acc = parseAccuracyText(text, mlperfModel)
  return {
    rendered: acc.rendered,
    metrics: acc.metrics,
    file: { role: 'accuracy', path, bytes: Buffer.byteLength(text) },
    note: `Accuracy from the accuracy run ${accuracyRun.runKey} of the same model (its accuracy.txt).`
  }
}

type SystemFields = Pick<
  InferenceResultRecord,
  | 'systemName'
  | 'accelerator'
  | 'acceleratorsPerNode'
  | 'nodes'
  | 'acceleratorsTotal'
  | 'hostProcessor'
  | 'hostProcessorsPerNode'
  | 'hostProcessorCoreCount'
  | 'framework'
  | 'operatingSystem'
>

/**
 * This machine as the results table's system columns, and as the detail panel's system block
 * (the fields a systems/<id>.json would hold, plus how the run was set up).
 */
export function localSystem(
  machine: MachineInfo,
  settings: RunResult['settings']
): { fields: SystemFields; detail: InferenceResultDetail['system'] } {
  const ep = settings.executionProvider
  const ort = machine.onnxruntimeVersion
  const framework = `onnxruntime-node${ort ? ` ${ort}` : ''}`
  return {
    fields: {
      systemName: `${machine.hostname} (onnxruntime ${ep})`,
      accelerator: ep === 'cpu' ? null : ep,
      acceleratorsPerNode: null,
      nodes: 1,
      acceleratorsTotal: null,
      hostProcessor: machine.cpuModel,
      hostProcessorsPerNode: null,
      hostProcessorCoreCount: String(machine.logicalCores),
      framework: `${framework} (${ep})`,
      operatingSystem: machine.operatingSystem
    },
    detail: {
      host_name: machine.hostname,
      host_processor_model_name: machine.cpuModel,
      host_processor_core_count: machine.logicalCores,
      host_memory_capacity: `${machine.memoryGiB} GiB`,
      operating_system: machine.operatingSystem,
      framework,
      execution_provider: ep,
      intra_op_threads: settings.intraOpThreads,
      inter_op_threads: settings.interOpThreads,
      workers: settings.workers,
      batch_size: settings.batchSize,
      node_version: machine.nodeVersion,
      model_file: settings.modelPath,
      dataset: settings.datasetPath ?? 'synthetic inputs'
    }
  }
}

/** The files a record lists: both logs and the accuracy log (its size null when it is gone). */
export function runLogFiles(logs: RunLogs, runDir: string): SourceFile[] {
  const accLog = join(runDir, 'mlperf_log_accuracy.json')
  return [
    { role: 'summary', path: logs.summaryPath, bytes: Buffer.byteLength(logs.summaryText) },
    { role: 'detail', path: logs.detailPath, bytes: Buffer.byteLength(logs.detailText) },
    { role: 'accuracy log', path: accLog, bytes: sizeOf(accLog) }
  ]
}

/**
 * The record's notes: that it is unverified, which rules made its value and how, the run's
 * own notes, and how the MLPerf model was guessed when the benchmark name is not one.
 */
export function recordNotes(
  valueNotes: string[],
  runNotes: string[],
  model: { model: string; how: string },
  benchmark: string
): string[] {
  const notes = [
    UNVERIFIED_NOTE,
    `Metric, unit and value follow the ${RULES_ROUND} submission checker rules, read from the written logs.`,
    ...valueNotes,
    ...runNotes
  ]
  if (model.how !== 'official' && model.how !== 'mapping') {
    notes.push(`MLPerf model "${model.model}" from the benchmark name "${benchmark}".`)
  }
  return notes
}

/** Throws with the file and the reason when the logs cannot make a record. */
export function readLocalRunRecord(input: LocalRunRecordInput): LocalRunRecord {
  const { runDir, result } = input
  const settings = result.settings
  const logs = readRunLogs(runDir)
  const values = logs.detail.values
  const scenario = runScenario(logs)
  const model = mlperfModelName(settings.benchmark, RULES_ROUND)
  const ov = deriveOfficialValue({
    round: RULES_ROUND,
    folderScenario: scenario,
    logScenario: scenario,
    mlperfModel: model.model,
    detail: values,
    summary: logs.summary
  })
  const valid = runValid(logs, ov.value)
  const files = runLogFiles(logs, runDir)
  const notes = recordNotes(ov.notes, result.notes, model, settings.benchmark)
  const accuracy = linkedAccuracy(input.accuracyRun, model.model)
  if (accuracy) {
    files.push(accuracy.file)
    notes.push(accuracy.note)
  }
  const system = localSystem(input.machine, settings)
  const sections = detailSections(values)
  const loadgenVersion = values.get('loadgen_version')
  const record: InferenceResultRecord = {
    round: LOCAL_ROUND,
    division: LOCAL_DIVISION,
    category: null,
    systemType: null,
    submitter: LOCAL_SUBMITTER,
    systemId: input.runKey,
    ...system.fields,
    benchmark: settings.benchmark,
    mlperfModel: model.model,
    scenario,
    metric: ov.metric,
    unit: ov.unit,
    value: ov.value,
    powerValue: null,
    powerUnit: null,
    accuracy: accuracy?.rendered ?? null,
    valid,
    inferred: false,
    weightDataTypes: null,
    source: runDir,
    sourceKind: 'local',
    publicId: null,
    detail: {
      system: system.detail,
      settings: sections.settings,
      statistics: sections.statistics,
      checks: localRunChecks(logs, scenario, model.model, settings.benchmark),
      files,
      accuracyMetrics: accuracy?.metrics ?? {},
      notes,
      loadgenVersion: typeof loadgenVersion === 'string' ? loadgenVersion : null,
      runs: [{ run: input.runKey, value: ov.value, valid }]
    }
  }
  return { record, value: ov.value }
}

/** The importer's validity checks of the logs, then the submission checker's own checks. */
export function localRunChecks(
  logs: RunLogs,
  scenario: SummaryScenario,
  mlperfModel: string,
  benchmark: string
): ValidityCheck[] {
  const values = logs.detail.values
  return [
    ...validityChecks({
      round: RULES_ROUND,
      scenario,
      mlperfModel,
      detail: values,
      detailErrors: logs.detail.errors.map((e) => (typeof e.value === 'string' ? e.value : e.key)),
      summary: logs.summary
    }),
    ...submissionChecks(values, benchmark, RULES_ROUND)
  ]
}

/** The RunResult's own headline in the importer's units (ms for latencies), for cross-checks. */
export function runResultValue(result: RunResult): number | null {
  const s = result.summary
  if (!s) return null
  return s.resultUnit === 'ns' ? s.result / 1e6 : s.result
}

/** Same number within the precision the logs print (6 significant digits). */
export function valuesAgree(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-5
}
