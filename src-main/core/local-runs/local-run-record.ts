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
import type { InferenceResultRecord, SourceFile } from '../../shared/inference'
import type { RunResult } from '../../shared/local-run'
import { parseAccuracyText } from '../ingest/inference/accuracy-txt'
import type { MllogValue } from '../ingest/inference/mllog-detail'
import { parseMllogDetail } from '../ingest/inference/mllog-detail'
import { deriveOfficialValue } from '../ingest/inference/official-value'
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

/** Throws with the file and the reason when the logs cannot make a record. */
export function readLocalRunRecord(input: LocalRunRecordInput): LocalRunRecord {
  const { runDir, result, machine } = input
  const settings = result.settings
  const summaryPath = join(runDir, 'mlperf_log_summary.txt')
  const detailPath = join(runDir, 'mlperf_log_detail.txt')
  const summaryText = readText(summaryPath)
  if (summaryText === null) throw new Error(`${summaryPath} is missing`)
  const detailText = readText(detailPath)
  if (detailText === null) throw new Error(`${detailPath} is missing`)
  const summary = parseSummaryLog(summaryText)
  const detail = parseMllogDetail(detailText)
  const values = detail.values
  const ep = settings.executionProvider
  const eff = values.get('effective_scenario')
  const scenario =
    (typeof eff === 'string' ? normaliseScenario(eff) : null) ?? summary.scenario ?? null
  if (scenario === null) throw new Error(`${summaryPath} names no scenario`)
  const model = mlperfModelName(settings.benchmark, RULES_ROUND)
  const ov = deriveOfficialValue({
    round: RULES_ROUND,
    folderScenario: scenario,
    logScenario: scenario,
    mlperfModel: model.model,
    detail: values,
    summary
  })
  const verdict = values.get('result_validity')
  // Without an official value (no early-stopping estimate) a run is never valid, whatever the
  // verdict, so it can never rank as a result.
  const valid =
    (typeof verdict === 'string' ? verdict === 'VALID' : summary.validity === 'VALID') &&
    ov.value !== null

  const files: SourceFile[] = [
    { role: 'summary', path: summaryPath, bytes: Buffer.byteLength(summaryText) },
    { role: 'detail', path: detailPath, bytes: Buffer.byteLength(detailText) }
  ]
  const accLog = join(runDir, 'mlperf_log_accuracy.json')
  files.push({ role: 'accuracy log', path: accLog, bytes: sizeOf(accLog) })

  const notes = [
    UNVERIFIED_NOTE,
    `Metric, unit and value follow the ${RULES_ROUND} submission checker rules, read from the written logs.`,
    ...ov.notes,
    ...result.notes
  ]
  if (model.how !== 'official' && model.how !== 'mapping') {
    notes.push(`MLPerf model "${model.model}" from the benchmark name "${settings.benchmark}".`)
  }

  let accuracy: string | null = null
  let accuracyMetrics: Record<string, number> = {}
  if (input.accuracyRun) {
    const accPath = join(input.accuracyRun.runDir, 'accuracy.txt')
    const accText = readText(accPath)
    if (accText !== null) {
      const acc = parseAccuracyText(accText, model.model)
      accuracy = acc.rendered
      accuracyMetrics = acc.metrics
      files.push({ role: 'accuracy', path: accPath, bytes: Buffer.byteLength(accText) })
      notes.push(
        `Accuracy from the accuracy run ${input.accuracyRun.runKey} of the same model (its accuracy.txt).`
      )
    }
  }

  const detailSettings: Record<string, DetailValue> = {}
  const statistics: Record<string, DetailValue> = {}
  for (const [k, v] of values) {
    if (k.startsWith('effective_') || k.startsWith('requested_')) detailSettings[k] = scalar(v)
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
  const loadgenVersion = values.get('loadgen_version')
  const ort = machine.onnxruntimeVersion
  const record: InferenceResultRecord = {
    round: LOCAL_ROUND,
    division: LOCAL_DIVISION,
    category: null,
    systemType: null,
    submitter: LOCAL_SUBMITTER,
    systemId: input.runKey,
    systemName: `${machine.hostname} (onnxruntime ${ep})`,
    accelerator: ep === 'cpu' ? null : ep,
    acceleratorsPerNode: null,
    nodes: 1,
    acceleratorsTotal: null,
    hostProcessor: machine.cpuModel,
    hostProcessorsPerNode: null,
    hostProcessorCoreCount: String(machine.logicalCores),
    framework: `onnxruntime-node${ort ? ` ${ort}` : ''} (${ep})`,
    operatingSystem: machine.operatingSystem,
    benchmark: settings.benchmark,
    mlperfModel: model.model,
    scenario,
    metric: ov.metric,
    unit: ov.unit,
    value: ov.value,
    powerValue: null,
    powerUnit: null,
    accuracy,
    valid,
    inferred: false,
    weightDataTypes: null,
    source: runDir,
    sourceKind: 'local',
    publicId: null,
    detail: {
      system: {
        host_name: machine.hostname,
        host_processor_model_name: machine.cpuModel,
        host_processor_core_count: machine.logicalCores,
        host_memory_capacity: `${machine.memoryGiB} GiB`,
        operating_system: machine.operatingSystem,
        framework: `onnxruntime-node${ort ? ` ${ort}` : ''}`,
        execution_provider: ep,
        intra_op_threads: settings.intraOpThreads,
        inter_op_threads: settings.interOpThreads,
        workers: settings.workers,
        batch_size: settings.batchSize,
        node_version: machine.nodeVersion,
        model_file: settings.modelPath,
        dataset: settings.datasetPath ?? 'synthetic inputs'
      },
      settings: detailSettings,
      statistics,
      checks: [
        ...validityChecks({
          round: RULES_ROUND,
          scenario,
          mlperfModel: model.model,
          detail: values,
          detailErrors: detail.errors.map((e) => (typeof e.value === 'string' ? e.value : e.key)),
          summary
        }),
        ...submissionChecks(values, settings.benchmark, RULES_ROUND)
      ],
      files,
      accuracyMetrics,
      notes,
      loadgenVersion: typeof loadgenVersion === 'string' ? loadgenVersion : null,
      runs: [{ run: input.runKey, value: ov.value, valid }]
    }
  }
  return { record, value: ov.value }
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
