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
import { powerUnitFor } from '../../../mlperf'
import {
  RecordCollector,
  baseName,
  buildSummaryRecord,
  isRecordObject,
  contextFromPath,
  normaliseDivision,
  normaliseRound,
  normaliseScenario,
  parseLocation,
  pickDetail,
  powerUnitOf,
  rowLabel,
  toNumber,
  toText
} from './to-record'
import type { SummaryFileContext, SummaryParseResult } from './to-record'

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

type CmRecord = Record<string, unknown>

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

/** Training records have no scenario and carry Model_ID/_Result, time in "min.". */
function isTraining(record: CmRecord, experiment: string | null): boolean {
  if (experiment?.startsWith('mlperf-training--')) return true
  if ('Scenario' in record) return false
  return 'Model_ID' in record || '_Result' in record || toText(record['Result_Units']) === 'min.'
}

/** JSON text with sorted keys, so identical records compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function groupKey(record: CmRecord): string {
  const location = parseLocation(record['Location'])
  return [
    normaliseDivision(record['Division']) ?? location.division ?? '',
    toText(record['Organization']) ?? location.submitter ?? '',
    toText(record['Platform']) ?? location.systemId ?? '',
    toText(record['Model']) ?? location.benchmark ?? '',
    normaliseScenario(record['Scenario']) ?? ''
  ].join('\u0000')
}

/** A power-only record: no performance value, a power value (v4.1 power experiments). */
function isPowerRecord(record: CmRecord): boolean {
  // Only an absent Result makes a power record; a malformed one is a bad performance record.
  if (toText(record['Result']) !== null) return false
  return toNumber(record['Result_Power']) !== null || powerUnitOf(record['Units']) !== null
}

export function parseCmResultJson(text: string, ctx: SummaryFileContext): SummaryParseResult {
  const parsed: unknown = JSON.parse(text)
  const entries: unknown[] = Array.isArray(parsed) ? parsed : []
  const name = baseName(ctx.path)
  const experiment = experimentName(ctx.path)
  const experimentRound = normaliseRound(experiment?.split('--')[1])
  const fromPath = contextFromPath(ctx.path)
  const collector = new RecordCollector(ctx.path)
  const notes: string[] = []
  const source = experiment === null ? name : `${name}, experiment ${experiment}`
  const base = `Imported from the MLCommons CM export of the results table (${source}); the logs were not read.`

  const seen = new Set<string>()
  let duplicates = 0
  let training = 0
  let tiny = 0
  const performance: { record: CmRecord; at: number }[] = []
  const power = new Map<string, { record: CmRecord; at: number }>()
  entries.forEach((entry, index) => {
    const at = index + 1
    if (!isRecordObject(entry)) {
      collector.skip(`record ${at}`, 'not a JSON object')
      return
    }
    const record: CmRecord = entry
    const canonical = canonicalJson(record)
    if (seen.has(canonical)) {
      duplicates++
      return
    }
    seen.add(canonical)
    if (experiment?.startsWith('mlperf-tiny--')) {
      tiny++
      const label = rowLabel(record['Organization'], record['Benchmark'])
      collector.skip(
        `record ${at}`,
        `MLPerf Tiny: not a datacenter or edge inference result (${label})`
      )
      return
    }
    if (isTraining(record, experiment)) {
      training++
      const label = rowLabel(record['Model_ID'], record['Organization'], record['system'])
      collector.skip(`record ${at}`, `training summary: not an inference result (${label})`)
      return
    }
    if (isPowerRecord(record)) {
      const key = groupKey(record)
      if (power.has(key)) {
        collector.skip(
          `record ${at}`,
          'a second power record for the same result; the first one is kept'
        )
      } else {
        power.set(key, { record, at })
      }
      return
    }
    performance.push({ record, at })
  })

  const build = (record: CmRecord, at: number, powerRecord: CmRecord | null): void => {
    const location = parseLocation(record['Location'])
    const rowNotes = [base]
    const scenario = normaliseScenario(record['Scenario'])
    // The power figure and its unit: inline (v3.0) or from the separate power record (v4.1).
    const powerSource = powerRecord ?? record
    const powerValue = toNumber(powerSource['Result_Power'])
    let powerUnit =
      toText(powerSource['Result_Power_Units']) ??
      (powerRecord !== null ? powerUnitOf(powerRecord['Units']) : null)
    if (powerValue !== null && powerUnit === null) {
      // Spec C.4: energy per query for SingleStream/MultiStream, average power otherwise.
      powerUnit = powerUnitFor(scenario ?? 'Offline')
      rowNotes.push(`The power unit is not in the record; ${powerUnit} assumed from the scenario.`)
    }
    const isPerf = powerRecord !== record
    const built = buildSummaryRecord(
      {
        round: toText(record['version']) ?? experimentRound ?? fromPath.round,
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
        notes: rowNotes
      },
      ctx
    )
    const label = rowLabel(
      record['Organization'],
      record['Platform'],
      record['Model'],
      record['Scenario']
    )
    collector.add(`record ${at} (${label})`, built)
  }

  for (const { record, at } of performance) {
    const key = groupKey(record)
    const powerEntry = power.get(key) ?? null
    power.delete(key)
    build(record, at, powerEntry?.record ?? null)
  }
  for (const { record, at } of power.values()) build(record, at, record)

  const withPower = collector.records.filter((r) => r.powerValue !== null).length
  notes.push(`${source}: ${collector.records.length} results (${withPower} with power).`)
  if (duplicates > 0) notes.push(`${source}: ${duplicates} identical duplicate records ignored.`)
  if (training > 0) notes.push(`${source}: ${training} training records skipped.`)
  if (tiny > 0) notes.push(`${source}: ${tiny} MLPerf Tiny records skipped.`)
  if (!Array.isArray(parsed)) notes.push(`${source}: the JSON is not a list of results.`)
  return { records: collector.records, skipped: collector.skipped, notes }
}
