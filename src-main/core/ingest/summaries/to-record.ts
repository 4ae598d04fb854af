/**
 * Shared mapping from one row of an official summary (final-report JSON, checker CSV, NVIDIA
 * five-column CSV, cm-result.json) to an InferenceResultRecord. Every format parser reduces its
 * row to a SummaryRowInput and calls buildSummaryRecord, so the rules that decide the metric,
 * the unit and the normalised key fields live in one place (rules C.3, C.4, C.5).
 */
import type { PublishedPowerUnit } from '../../../mlperf'
import {
  KNOWN_UNITS,
  UNITS,
  canonicalRound,
  mlperfModelName,
  officialResultField,
  publishedPowerUnit,
  resolveRound,
  toStoredPower
} from '../../../mlperf'
import type { SkippedItem } from '../../../shared/api'
import type {
  InferenceResultDetail,
  InferenceResultRecord,
  Scenario
} from '../../../shared/inference'
import { primaryAccuracyKey } from '../../../shared/accuracy-key'

/** A scalar as the detail panel stores it. */
export type DetailValue = string | number | boolean | null

/** What every parser produces for one file. */
export type SummaryParseResult = {
  records: InferenceResultRecord[]
  skipped: SkippedItem[]
  notes: string[]
}

/** The file a row came from; `bytes` is the file size for detail.files. */
export type SummaryFileContext = { path: string; bytes: number | null }

// ---------------------------------------------------------------------------------------------
// Scalars: summaries carry numbers as numbers, as strings ("8", "32.0"), or as "" for "none".

/** A finite number from a number or a numeric string; null for "", null, NaN, text. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (text === '') return null
  const parsed = Number(text)
  return Number.isFinite(parsed) ? parsed : null
}

/** Trimmed text; null for empty values. Numbers are rendered the way JavaScript prints them. */
export function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') {
    const text = value.trim()
    return text === '' ? null : text
  }
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null
  if (typeof value === 'boolean') return String(value)
  return null
}

/** Checker booleans arrive as true/false, 1/0, "True"/"False", "1"/"0". */
export function toBool(value: unknown): boolean {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'string') return ['true', '1', 'yes'].includes(value.trim().toLowerCase())
  return false
}

/** A JSON/CSV value as a detail scalar (objects and arrays as JSON text). */
export function toDetailValue(value: unknown): DetailValue {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value === '' ? null : value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'boolean') return value
  return JSON.stringify(value)
}

/** A plain JSON object (not null, not an array). */
export function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Copies the listed keys of a row (those present) into a detail map. */
export function pickDetail(
  row: Record<string, unknown>,
  keys: readonly string[]
): Record<string, DetailValue> {
  const out: Record<string, DetailValue> = {}
  for (const key of keys) {
    if (Object.prototype.hasOwnProperty.call(row, key)) out[key] = toDetailValue(row[key])
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Key fields.

/** "3.0", "v3.0", "V4.1", 4.1, "inference_results_v0.7" → "v3.0" / "v4.1" / "v0.7"; else null. */
export function normaliseRound(value: unknown): string | null {
  const text = typeof value === 'number' ? value.toFixed(1) : toText(value)
  if (text === null) return null
  // Only a letters-only prefix ("inference_results_") is allowed, so dates do not look like rounds.
  const match = /^(?:[a-z_-]*[_-])?v?(\d+)(?:\.(\d+))?(?:\.\d+)?$/i.exec(text)
  if (!match) return null
  return canonicalRound(`${Number(match[1])}.${Number(match[2] ?? '0')}`)
}

/**
 * Availability as the results table spells it (lower-case). The report generator maps the old
 * "on-premise" to "available"; "Preview" appears capitalised in v1.0 system files.
 */
export function normaliseAvailability(value: unknown): string | null {
  const text = toText(value)?.toLowerCase() ?? null
  if (text === null) return null
  if (text.includes('preview')) return 'preview'
  if (text === 'rdi' || text.includes('research')) return 'rdi'
  if (text === 'on-premise' || text === 'onprem' || text.startsWith('available')) return 'available'
  return text
}

/** closed | open | network, lower-case. */
export function normaliseDivision(value: unknown): string | null {
  return toText(value)?.toLowerCase() ?? null
}

/**
 * datacenter | edge | datacenter,edge. The checker accepts "edge,datacenter" too; one spelling
 * keeps facets and the datacenter/edge filters simple.
 */
export function normaliseSystemType(value: unknown): string | null {
  const text = toText(value)?.toLowerCase().replace(/\s+/g, '') ?? null
  if (text === null) return null
  const parts = text.split(',').filter((p) => p !== '')
  if (parts.length === 2 && parts.includes('datacenter') && parts.includes('edge')) {
    return 'datacenter,edge'
  }
  return parts.join(',')
}

const SCENARIOS: Record<string, Scenario> = {
  singlestream: 'SingleStream',
  multistream: 'MultiStream',
  server: 'Server',
  offline: 'Offline',
  interactive: 'Interactive'
}

/** Canonical scenario for any folder/summary spelling ("offline", "Single Stream"); else null. */
export function normaliseScenario(value: unknown): Scenario | null {
  const text = toText(value)
  if (text === null) return null
  return SCENARIOS[text.toLowerCase().replace(/[\s_-]+/g, '')] ?? null
}

/**
 * The checker's model_mapping (rules C.1): benchmark folder name → MLPerf model, under the rules
 * of `round` (the rulebook's mapping, the same the tree importer applies). Open-division
 * free-form names map through the submitter's model_mapping.json, which a summary row already
 * carries in its MlperfModel/Model column.
 */
export function mapMlperfModel(benchmark: string, round: string): string {
  return mlperfModelName(benchmark, round).model
}

/** Where a result folder sits: <division>/<submitter>/results/<system>/<benchmark>/<scenario>. */
export type LocationParts = {
  division: string | null
  submitter: string | null
  systemId: string | null
  benchmark: string | null
  scenarioFolder: string | null
}

/** Splits a checker Location ("closed/AMD/results/<sys>/<bench>/Offline[/performance/run_1]"). */
export function parseLocation(value: unknown): LocationParts {
  const empty: LocationParts = {
    division: null,
    submitter: null,
    systemId: null,
    benchmark: null,
    scenarioFolder: null
  }
  const text = toText(value)
  if (text === null) return empty
  const parts = text.split(/[\\/]+/).filter((p) => p !== '')
  const at = parts.lastIndexOf('results')
  if (at < 0) return empty
  return {
    division: at >= 2 ? (parts[at - 2] ?? null) : null,
    submitter: at >= 1 ? (parts[at - 1] ?? null) : null,
    systemId: parts[at + 1] ?? null,
    benchmark: parts[at + 2] ?? null,
    scenarioFolder: parts[at + 3] ?? null
  }
}

/** Round, division and submitter as far as a summary file's path tells them. */
export type PathContext = {
  round: string | null
  division: string | null
  submitter: string | null
}

const DIVISIONS = new Set(['closed', 'open', 'network'])

/**
 * Reads …/inference_results_v0.7/closed/NVIDIA/results_summary.csv (or …/v0.7/closed/NVIDIA/…,
 * or submissions_inference_v4.1/…). The round folder is optional; division and submitter are
 * only taken when the division folder is followed by another folder.
 */
export function contextFromPath(path: string): PathContext {
  const parts = path.split(/[\\/]+/).filter((p) => p !== '')
  const folders = parts.slice(0, -1)
  let round: string | null = null
  let division: string | null = null
  let submitter: string | null = null
  for (let i = 0; i < folders.length; i++) {
    const folder = folders[i] ?? ''
    const roundMatch = /^(?:inference_results_|submissions_inference_)?v(\d+\.\d+)$/i.exec(folder)
    if (roundMatch) {
      round = normaliseRound(roundMatch[1])
      division = null
      submitter = null
      continue
    }
    const next = folders[i + 1]
    if (DIVISIONS.has(folder.toLowerCase()) && next !== undefined && division === null) {
      division = folder.toLowerCase()
      submitter = next
    }
  }
  return { round, division, submitter }
}

// ---------------------------------------------------------------------------------------------
// Metric and unit (rules C.3). The value in a summary is already the official Result; what the
// round/scenario/model decide is which LoadGen figure it is and how the table labels it.

/** The checker's power unit spelling when `unit` is one, else null. */
export function powerUnitOf(unit: unknown): PublishedPowerUnit | null {
  return publishedPowerUnit(toText(unit))
}

export type MetricChoice = { metric: string; unit: string }

/**
 * The official metric id and unit for a result (rules C.3), from the rulebook's table
 * (src-main/mlperf/inference-metrics.ts), which the tree importer reads too.
 */
export function officialMetric(
  round: string,
  scenario: Scenario,
  mlperfModel: string
): MetricChoice {
  const field = officialResultField(round, scenario, mlperfModel)
  return { metric: field.metric, unit: field.unit }
}

/**
 * The metric for a row, reconciling the checker rule with the unit the file prints. The file's
 * label is not always right: the v4.0 checker printed Samples/s for llama2 tokens/s, the CM
 * export does the same for every v4.1 LLM, and the v4.1 checker looked the unit up by benchmark
 * folder name, so open-division LLM folders with their own names (mapped to llama2-70b) got
 * "Samples/s"/"Queries/s" for a tokens/s value even in summary_results.json. The rule wins
 * there (with a note); a file that says "Tokens/s" where the rule does not know the model as an
 * LLM is believed. Units the explorer has no metric for (e.g. "Tasks/s") are an error.
 */
export function resolveMetric(
  round: string,
  scenario: Scenario,
  mlperfModel: string,
  fileUnit: string | null
): { choice: MetricChoice; note: string | null } | { error: string } {
  const rule = officialMetric(round, scenario, mlperfModel)
  if (fileUnit === null || fileUnit === rule.unit) return { choice: rule, note: null }
  if (!KNOWN_UNITS.has(fileUnit)) {
    return { error: `unit "${fileUnit}" has no metric in the explorer's metric list` }
  }
  if (
    fileUnit === UNITS.tokens &&
    (scenario === 'Offline' || scenario === 'Server' || scenario === 'Interactive')
  ) {
    const choice: MetricChoice =
      scenario === 'Offline'
        ? { metric: 'tokens_per_second', unit: UNITS.tokens }
        : { metric: 'completed_tokens_per_second', unit: UNITS.tokens }
    return {
      choice,
      note: `The file reports Tokens/s; the ${round} checker rule for ${mlperfModel} ${scenario} gives ${rule.unit}. Kept the file's unit.`
    }
  }
  return {
    choice: rule,
    note: `The file labels this value "${fileUnit}"; by the ${round} checker rules a ${mlperfModel} ${scenario} result is ${rule.metric} in ${rule.unit}, which is used here.`
  }
}

// ---------------------------------------------------------------------------------------------
// Accuracy.

/**
 * Parses the checker's accuracy rendering ("ROUGE1: 44.5  ROUGE2: 22.1", "acc: 76.076") into a
 * map. Older checkers and the CM export give only the first metric as a bare number; it is
 * filed under that model's primary metric name.
 */
export function parseAccuracy(value: unknown, mlperfModel: string): Record<string, number> {
  const out: Record<string, number> = {}
  if (typeof value === 'number') {
    if (Number.isFinite(value)) out[primaryAccuracyKey(mlperfModel)] = value
    return out
  }
  const text = toText(value)
  if (text === null) return out
  const bare = toNumber(text)
  if (bare !== null) {
    out[primaryAccuracyKey(mlperfModel)] = bare
    return out
  }
  const pattern = /([A-Za-z][\w.%-]*)\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/g
  for (const match of text.matchAll(pattern)) {
    const key = match[1]
    const number = toNumber(match[2])
    if (key !== undefined && number !== null) out[key] = number
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// The record.

/** A summary row reduced to the fields the record needs (raw values; normalised here). */
export type SummaryRowInput = {
  round: unknown
  division: unknown
  submitter: unknown
  systemId: unknown
  benchmark: unknown
  /** MLPerf model from the file; mapped from the benchmark when absent. */
  mlperfModel?: unknown
  scenario: unknown
  /** The official Result in the table's unit (ns already converted by the caller). */
  value: unknown
  /** Unit the file prints for the value, if any. */
  fileUnit?: unknown
  /** A metric the caller already knows (five-column perf_metric); checked against the rule. */
  knownMetric?: string
  powerValue?: unknown
  powerUnit?: unknown
  category?: unknown
  systemType?: unknown
  systemName?: unknown
  accelerator?: unknown
  acceleratorsPerNode?: unknown
  nodes?: unknown
  acceleratorsTotal?: unknown
  hostProcessor?: unknown
  hostProcessorsPerNode?: unknown
  hostProcessorCoreCount?: unknown
  framework?: unknown
  operatingSystem?: unknown
  accuracy?: unknown
  inferred?: unknown
  weightDataTypes?: unknown
  publicId?: unknown
  /** Result folder (checker Location), shown in the notes. */
  location?: unknown
  system: Record<string, DetailValue>
  notes: string[]
}

/** nodes × accelerators per node, as the checker computes total_accelerators. */
export function acceleratorsTotalOf(
  nodes: number | null,
  perNode: number | null,
  given: number | null
): number | null {
  if (given !== null) return given
  if (nodes === null || perNode === null) return null
  return nodes * perNode
}

/** Why a row cannot be imported (the skip reason). */
type Refusal = { reason: string }

/** The row's key fields, normalised. */
type RowKey = {
  round: string
  division: string
  submitter: string
  systemId: string
  benchmark: string
  scenario: Scenario
}

/** The key fields, or which are missing (an unknown scenario spelling is named). */
function rowKey(input: SummaryRowInput): RowKey | Refusal {
  const key = {
    round: normaliseRound(input.round),
    division: normaliseDivision(input.division),
    submitter: toText(input.submitter),
    systemId: toText(input.systemId),
    benchmark: toText(input.benchmark),
    scenario: normaliseScenario(input.scenario)
  }
  const fields: [string, string | null][] = [
    ['round', key.round],
    ['division', key.division],
    ['submitter', key.submitter],
    ['system id', key.systemId],
    ['benchmark', key.benchmark]
  ]
  const missing = fields.filter(([, v]) => v === null).map(([name]) => name)
  if (key.scenario === null) {
    const raw = toText(input.scenario)
    if (raw !== null) return { reason: `unknown scenario "${raw}"` }
    missing.push('scenario')
  }
  if (missing.length > 0) return { reason: `missing ${missing.join(', ')}` }
  return key as RowKey
}

/** The result and power values; a row needs one of them, and a result must be a number. */
function rowValues(
  input: SummaryRowInput
): { value: number | null; powerValue: number | null } | Refusal {
  const value = toNumber(input.value)
  const powerValue = toNumber(input.powerValue)
  if (value === null && toText(input.value) !== null) {
    return { reason: `result "${toText(input.value)}" is not a number` }
  }
  if (value === null && powerValue === null) return { reason: 'no result value' }
  return { value, powerValue }
}

/**
 * The official metric of the row's result under the round's rules, checked against the unit
 * the file prints and the metric the caller knows; notes say what the rules decided.
 */
function rowMetric(
  input: SummaryRowInput,
  key: RowKey,
  rules: string,
  mlperfModel: string,
  notes: string[]
): MetricChoice | Refusal {
  const resolved = resolveMetric(rules, key.scenario, mlperfModel, toText(input.fileUnit))
  if ('error' in resolved) return { reason: resolved.error }
  if (resolved.note !== null) notes.push(resolved.note)
  const metric = resolved.choice.metric
  if (input.knownMetric !== undefined && input.knownMetric !== metric) {
    return {
      reason: `the file gives ${input.knownMetric}, but the official ${key.round} ${key.scenario} result for ${mlperfModel} is ${metric}`
    }
  }
  return resolved.choice
}

/**
 * Whether the row is an inferred result. Only MultiStream and Offline can be inferred from
 * another scenario (edge rules). The v6.0 checker writes inferred = 1 for every Interactive row
 * through a case-comparison slip.
 */
function rowInferred(input: SummaryRowInput, scenario: Scenario, notes: string[]): boolean {
  const inferred = toBool(input.inferred)
  if (!inferred || scenario === 'MultiStream' || scenario === 'Offline') return inferred
  notes.push(
    `The file marks this ${scenario} result as inferred, which the rules do not allow; not marked.`
  )
  return false
}

/** The power figure as stored: energy published in joules (v1.0–v2.1 tools) in millijoules. */
function rowPower(input: SummaryRowInput, powerValue: number | null, round: string) {
  if (powerValue === null) return null
  const published = powerUnitOf(input.powerUnit)
  if (published === null) return { value: powerValue, unit: toText(input.powerUnit), note: null }
  return toStoredPower(powerValue, published, round)
}

/** The system columns of the row, as the file gives them. */
function systemColumns(input: SummaryRowInput) {
  const nodes = toNumber(input.nodes)
  const acceleratorsPerNode = toNumber(input.acceleratorsPerNode)
  return {
    systemName: toText(input.systemName),
    accelerator: toText(input.accelerator),
    acceleratorsPerNode,
    nodes,
    acceleratorsTotal: acceleratorsTotalOf(
      nodes,
      acceleratorsPerNode,
      toNumber(input.acceleratorsTotal)
    ),
    hostProcessor: toText(input.hostProcessor),
    hostProcessorsPerNode: toNumber(input.hostProcessorsPerNode),
    hostProcessorCoreCount: toText(input.hostProcessorCoreCount),
    framework: toText(input.framework),
    operatingSystem: toText(input.operatingSystem)
  }
}

/** What the checks decided, for the record. */
type RowParts = {
  key: RowKey
  mlperfModel: string
  metric: MetricChoice
  value: number | null
  power: ReturnType<typeof rowPower>
  inferred: boolean
  notes: string[]
}

function summaryDetail(
  input: SummaryRowInput,
  ctx: SummaryFileContext,
  p: RowParts
): InferenceResultDetail {
  const accuracy = typeof input.accuracy === 'number' ? input.accuracy : toText(input.accuracy)
  return {
    system: input.system,
    settings: {},
    statistics: {},
    checks: [],
    files: [{ role: 'summary', path: ctx.path, bytes: ctx.bytes }],
    accuracyMetrics: parseAccuracy(accuracy, p.mlperfModel),
    notes: p.notes,
    loadgenVersion: null,
    runs: []
  }
}

function summaryRecord(
  input: SummaryRowInput,
  ctx: SummaryFileContext,
  p: RowParts
): InferenceResultRecord {
  const { round, division, submitter, systemId, benchmark, scenario } = p.key
  return {
    round,
    division,
    category: normaliseAvailability(input.category),
    systemType: normaliseSystemType(input.systemType),
    submitter,
    systemId,
    ...systemColumns(input),
    benchmark,
    mlperfModel: p.mlperfModel,
    scenario,
    metric: p.metric.metric,
    unit: p.metric.unit,
    value: p.value,
    powerValue: p.power?.value ?? null,
    powerUnit: p.power?.unit ?? null,
    accuracy: toText(input.accuracy),
    // A published row passed the checker; a row without a result value has nothing to be valid.
    valid: p.value !== null,
    inferred: p.inferred,
    weightDataTypes: toText(input.weightDataTypes),
    source: ctx.path,
    sourceKind: 'summary',
    publicId: toText(input.publicId),
    detail: summaryDetail(input, ctx, p)
  }
}

/**
 * Builds the record for one row, or returns why it cannot be imported. Never throws: a bad row
 * must not stop the rest of the file.
 */
export function buildSummaryRecord(
  input: SummaryRowInput,
  ctx: SummaryFileContext
): { record: InferenceResultRecord } | Refusal {
  const key = rowKey(input)
  if ('reason' in key) return key
  const resolvedRound = resolveRound('inference', key.round)
  if (resolvedRound.kind === 'invalid') return { reason: resolvedRound.error }
  // The rules of the round: its own, or the latest known for a round newer than this version.
  const rules = resolvedRound.rules
  const mlperfModel = toText(input.mlperfModel) ?? mapMlperfModel(key.benchmark, rules)
  const values = rowValues(input)
  if ('reason' in values) return values
  const notes = [...input.notes]
  if (resolvedRound.kind === 'newer') notes.push(resolvedRound.note)
  const metric = rowMetric(input, key, rules, mlperfModel, notes)
  if ('reason' in metric) return metric
  if (values.value === null)
    notes.push('The file has only the power row for this result; no performance value.')
  const location = toText(input.location)
  if (location !== null) notes.push(`Result folder in the submission: ${location}`)
  const inferred = rowInferred(input, key.scenario, notes)
  const power = rowPower(input, values.powerValue, key.round)
  const parts = { key, mlperfModel, metric, value: values.value, power, inferred, notes }
  const record = summaryRecord(input, ctx, parts)
  // Last, so that a database converted by migration 0060 holds the same notes as a re-import.
  if (power?.note) notes.push(power.note)
  return { record }
}

/** The base name of a path, for notes. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]+/)
  return parts[parts.length - 1] ?? path
}

/** Short label for a row in skip reasons: "NVIDIA H200x8 resnet50 Offline". */
export function rowLabel(...parts: unknown[]): string {
  return parts
    .map((p) => toText(p))
    .filter((p): p is string => p !== null)
    .join(' ')
}

/** The key a result is stored under (see InferenceResultRecord). */
export function recordKey(record: InferenceResultRecord): string {
  return [
    record.round,
    record.division,
    record.submitter,
    record.systemId,
    record.benchmark,
    record.scenario
  ].join('\u0000')
}

/**
 * Collects records for one file, refusing a second record with the same key (a file that lists a
 * result twice with different numbers cannot say which is official).
 */
export class RecordCollector {
  readonly records: InferenceResultRecord[] = []
  readonly skipped: SkippedItem[] = []
  private readonly seen = new Map<string, string>()

  constructor(private readonly path: string) {}

  /** Adds a built record or a skip; `where` is "row 5" / "record 12" plus a short label. */
  add(where: string, built: { record: InferenceResultRecord } | { reason: string }): void {
    if ('reason' in built) {
      this.skip(where, built.reason)
      return
    }
    const key = recordKey(built.record)
    const first = this.seen.get(key)
    if (first !== undefined) {
      this.skip(
        where,
        `the file lists this result again (first at ${first}); the first one is kept`
      )
      return
    }
    this.seen.set(key, where.split(' (')[0] ?? where)
    this.records.push(built.record)
  }

  skip(where: string, reason: string): void {
    this.skipped.push({ path: this.path, reason: `${where}: ${reason}` })
  }
}
