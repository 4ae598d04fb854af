import type { Cell } from '../../shared/api'
import type { Origin } from '../../shared/catalogue'
import type { InferenceResultDetail, InferenceResultRecord } from '../../shared/inference'
import { prepareCached } from '../db/statement-cache'
import { writeTransaction } from '../db/write-transaction'
import type { ReadonlyDb, WritableDb } from '../db/types'
import type { MergeSpec, Row } from './table-merge'
import { fillGaps, mergeIntoLogs, snapshotOf } from './table-merge'
import type { UpsertCounts } from './upsert-sql'
import { contentHash, emptyCounts, upsertSql } from './upsert-sql'

export const INFERENCE_KEY_COLUMNS = [
  'round',
  'division',
  'submitter',
  'system_id',
  'benchmark',
  'scenario'
]

/** Every stored column but the bookkeeping ones (id, content_hash, import_id). */
export const INFERENCE_STORED_COLUMNS = [
  'round',
  'division',
  'category',
  'system_type',
  'submitter',
  'system_id',
  'system_name',
  'accelerator',
  'accelerators_per_node',
  'nodes',
  'accelerators_total',
  'host_processor',
  'host_processors_per_node',
  'host_processor_core_count',
  'framework',
  'operating_system',
  'benchmark',
  'mlperf_model',
  'scenario',
  'metric',
  'unit',
  'value',
  'power_value',
  'power_unit',
  'accuracy',
  'valid',
  'inferred',
  'weight_data_types',
  'source',
  'source_kind',
  'public_id'
] as const

type StoredRow = Record<(typeof INFERENCE_STORED_COLUMNS)[number], string | number | null>

function toRow(r: InferenceResultRecord): StoredRow {
  return {
    round: r.round,
    division: r.division,
    category: r.category,
    system_type: r.systemType,
    submitter: r.submitter,
    system_id: r.systemId,
    system_name: r.systemName,
    accelerator: r.accelerator,
    accelerators_per_node: r.acceleratorsPerNode,
    nodes: r.nodes,
    accelerators_total: r.acceleratorsTotal,
    host_processor: r.hostProcessor,
    host_processors_per_node: r.hostProcessorsPerNode,
    host_processor_core_count: r.hostProcessorCoreCount,
    framework: r.framework,
    operating_system: r.operatingSystem,
    benchmark: r.benchmark,
    mlperf_model: r.mlperfModel,
    scenario: r.scenario,
    metric: r.metric,
    unit: r.unit,
    value: r.value,
    power_value: r.powerValue,
    power_unit: r.powerUnit,
    accuracy: r.accuracy,
    valid: r.valid ? 1 : 0,
    inferred: r.inferred ? 1 : 0,
    weight_data_types: r.weightDataTypes,
    source: r.source,
    source_kind: r.sourceKind,
    public_id: r.publicId
  }
}

/** What a stored detail leaves out (the catalogue stores summary rows' details compactly). */
const EMPTY_DETAIL: InferenceResultDetail = {
  system: {},
  settings: {},
  statistics: {},
  checks: [],
  files: [],
  accuracyMetrics: {},
  notes: [],
  loadgenVersion: null,
  runs: []
}

/**
 * A stored detail with what it leaves out put back: empty sections, and for a summary row
 * without a file list, the summary file it came from (the row's source).
 */
export function parseInferenceDetail(
  json: string | null,
  source: string,
  sourceKind: string
): InferenceResultDetail {
  const stored = (JSON.parse(json ?? 'null') ?? {}) as Partial<InferenceResultDetail>
  const detail = { ...EMPTY_DETAIL, ...stored }
  if (stored.files === undefined && sourceKind === 'summary') {
    detail.files = [{ role: 'summary', path: source, bytes: null }]
  }
  return detail
}

/** The record a stored row stands for (the inverse of toRow), e.g. for a catalogue row. */
export function inferenceRecordFromRow(
  row: Readonly<Record<string, string | number | null>>,
  detail: InferenceResultDetail
): InferenceResultRecord {
  const text = (c: string): string | null => (row[c] === null ? null : String(row[c]))
  const num = (c: string): number | null => (typeof row[c] === 'number' ? row[c] : null)
  return {
    round: String(row['round']),
    division: String(row['division']),
    category: text('category'),
    systemType: text('system_type'),
    submitter: String(row['submitter']),
    systemId: String(row['system_id']),
    systemName: text('system_name'),
    accelerator: text('accelerator'),
    acceleratorsPerNode: num('accelerators_per_node'),
    nodes: num('nodes'),
    acceleratorsTotal: num('accelerators_total'),
    hostProcessor: text('host_processor'),
    hostProcessorsPerNode: num('host_processors_per_node'),
    hostProcessorCoreCount: text('host_processor_core_count'),
    framework: text('framework'),
    operatingSystem: text('operating_system'),
    benchmark: String(row['benchmark']),
    mlperfModel: String(row['mlperf_model']),
    scenario: String(row['scenario']) as InferenceResultRecord['scenario'],
    metric: String(row['metric']),
    unit: String(row['unit']),
    value: num('value'),
    powerValue: num('power_value'),
    powerUnit: text('power_unit'),
    accuracy: text('accuracy'),
    valid: row['valid'] === 1,
    inferred: row['inferred'] === 1,
    weightDataTypes: text('weight_data_types'),
    source: String(row['source']),
    sourceKind: String(row['source_kind']) as InferenceResultRecord['sourceKind'],
    publicId: text('public_id'),
    detail
  }
}

const SQL = upsertSql(
  'inference_results',
  'inference_result_details',
  INFERENCE_STORED_COLUMNS,
  INFERENCE_KEY_COLUMNS
)
const STORED_SQL =
  `SELECT ${INFERENCE_STORED_COLUMNS.join(', ')}, d.detail_json FROM inference_results r ` +
  'LEFT JOIN inference_result_details d ON d.result_id = r.id WHERE r.id = ?'

/** What a table row gives a log-derived result it meets (see table-merge.ts). */
const MERGE: MergeSpec = {
  fill: {
    public_id: 'result ID',
    weight_data_types: 'precision',
    category: 'availability',
    system_type: 'system type',
    system_name: 'system name',
    accelerator: 'accelerator',
    accelerators_per_node: 'accelerators per node',
    nodes: 'nodes',
    accelerators_total: 'accelerators',
    host_processor: 'host processor',
    host_processors_per_node: 'host processors per node',
    host_processor_core_count: 'host processor cores',
    framework: 'software',
    operating_system: 'operating system',
    accuracy: 'accuracy',
    power_value: 'power'
  },
  pairs: { power_value: 'power_unit' },
  compare: [
    { column: 'value', unit: 'unit', label: 'the result' },
    { column: 'power_value', unit: 'power_unit', label: 'the power figure' }
  ]
}

type Found = { id: number; content_hash: string; source_kind: string; origin: string }

/** The row in INFERENCE_STORED_COLUMNS order (the content hash depends on key order). */
function ordered(row: Row): StoredRow {
  const out = {} as StoredRow
  for (const c of INFERENCE_STORED_COLUMNS) out[c] = row[c] ?? null
  return out
}

/** "v4.1 closed JuniperNetworks DGX-H100… llama2-70b-99 Offline": a result in report notes. */
function resultLabel(row: Row): string {
  return [row.round, row.division, row.submitter, row.system_id, row.benchmark, row.scenario].join(
    ' '
  )
}

/** The submitter's notes a table row carries (checker/CM "notes" column), if any. */
function tableNotes(detail: InferenceResultDetail): string | null {
  const n = detail.system['notes']
  return typeof n === 'string' && n.trim() !== '' ? n : null
}

/** The statements one batch uses, prepared once per database. */
type Statement = ReturnType<typeof prepareCached>
type Statements = {
  find: Statement
  stored: Statement
  insert: Statement
  update: Statement
  detail: Statement
}

function statements(db: WritableDb): Statements {
  return {
    find: prepareCached(db, SQL.find),
    stored: prepareCached(db, STORED_SQL),
    insert: prepareCached(db, SQL.insert),
    update: prepareCached(db, SQL.update),
    detail: prepareCached(db, SQL.detail)
  }
}

/** A stored result's columns (in hash order) and its detail with the left-out parts put back. */
function storedRow(s: Statements, id: number): { row: StoredRow; detail: InferenceResultDetail } {
  const { detail_json, ...cells } = s.stored.get(id) as Row & { detail_json: string | null }
  return {
    row: ordered(cells),
    detail: parseInferenceDetail(detail_json, String(cells.source), String(cells.source_kind))
  }
}

/** A result whose key is new: inserted with its detail. */
function insertNew(
  s: Statements,
  row: StoredRow,
  recDetail: InferenceResultDetail,
  importId: number | null,
  origin: Origin
): void {
  const detailJson = JSON.stringify(recDetail)
  const hash = contentHash(row, detailJson)
  const id = s.insert.run({
    ...row,
    content_hash: hash,
    import_id: importId,
    origin
  }).lastInsertRowid
  s.detail.run(id, detailJson)
}

/** What is written over a stored result: the row, its detail, and the origin the row keeps. */
type Written = { row: StoredRow; detail: InferenceResultDetail; origin: Origin }

/**
 * A summary row meeting a stored tree result: the logs' values stay; the table may add what the
 * logs lack, and is compared with them. The row keeps its origin.
 */
function tableIntoStoredLogs(
  s: Statements,
  rec: InferenceResultRecord,
  existing: Found,
  counts: UpsertCounts
): Written {
  const current = storedRow(s, existing.id)
  const table = snapshotOf(toRow(rec), tableNotes(rec.detail))
  const label = resultLabel(current.row)
  const merged = mergeIntoLogs(current.row, current.detail, table, MERGE, counts, label)
  counts.kept++
  return { row: ordered(merged.row), detail: merged.detail, origin: existing.origin as Origin }
}

/**
 * A tree result replacing a stored summary row, or a tree result that carries an official
 * table's row already: it keeps what only the table knows and is compared with it.
 */
function logsOverStoredTable(
  s: Statements,
  rec: InferenceResultRecord,
  existing: Found,
  origin: Origin,
  counts: UpsertCounts
): Written {
  const row = toRow(rec)
  const current = storedRow(s, existing.id)
  const table =
    existing.source_kind === 'summary'
      ? snapshotOf(current.row, tableNotes(current.detail))
      : current.detail.officialTable
  if (!table) return { row, detail: rec.detail, origin }
  const merged = mergeIntoLogs(row, rec.detail, table, MERGE, counts, resultLabel(row))
  return { row: ordered(merged.row), detail: merged.detail, origin }
}

/** What a record whose key is stored writes over the stored result (logs win over tables). */
function overStored(
  s: Statements,
  rec: InferenceResultRecord,
  existing: Found,
  origin: Origin,
  counts: UpsertCounts
): Written {
  if (existing.source_kind === 'tree' && rec.sourceKind === 'summary') {
    return tableIntoStoredLogs(s, rec, existing, counts)
  }
  if (rec.sourceKind === 'tree' && existing.source_kind !== 'local') {
    return logsOverStoredTable(s, rec, existing, origin, counts)
  }
  return { row: toRow(rec), detail: rec.detail, origin }
}

/** One record of a batch: inserted, updated in place, or unchanged (same content hash). */
function upsertOne(
  s: Statements,
  rec: InferenceResultRecord,
  importId: number | null,
  batchOrigin: Origin,
  counts: UpsertCounts
): void {
  const origin: Origin = rec.sourceKind === 'local' ? 'local' : batchOrigin
  const existing = s.find.get(toRow(rec)) as Found | undefined
  if (!existing) {
    insertNew(s, toRow(rec), rec.detail, importId, origin)
    counts.imported++
    return
  }
  const w = overStored(s, rec, existing, origin, counts)
  const detailJson = JSON.stringify(w.detail)
  const hash = contentHash(w.row, detailJson)
  if (existing.content_hash === hash) {
    counts.unchanged++
    return
  }
  const id = existing.id
  s.update.run({ ...w.row, content_hash: hash, import_id: importId, origin: w.origin, id })
  s.detail.run(id, detailJson)
  counts.updated++
}

/**
 * Writes a batch in one synchronous transaction. Same key and same content → unchanged;
 * same key, new content → updated in place. Logs win over tables: a summary row never replaces
 * a result read from a submission tree (counted as `kept`), and a tree result that replaces or
 * meets a summary row keeps what only the table knows (result ID, precision, availability,
 * notes) and is compared with it (see table-merge.ts). `origin` marks where the batch came
 * from; the user's own runs are always local.
 */
export function upsertInferenceResults(
  db: WritableDb,
  records: readonly InferenceResultRecord[],
  importId: number | null,
  origin: Origin = 'imported'
): UpsertCounts {
  const counts = emptyCounts()
  const s = statements(db)
  writeTransaction(db, () => {
    for (const rec of records) upsertOne(s, rec, importId, origin, counts)
  })
  return counts
}

/**
 * Fills what stored summary rows lack from further copies of the same results read in the same
 * import (e.g. the CM export's copy of a summary_results.json row); see fillGaps.
 */
export function fillInferenceSummaryGaps(
  db: WritableDb,
  copies: readonly InferenceResultRecord[]
): number {
  return db.transaction(() =>
    fillGaps(db, 'inference_results', INFERENCE_KEY_COLUMNS, MERGE, copies.map(toRow))
  )()
}

/** Re-indexes full-text search once after a batch of writes. */
export function rebuildInferenceFts(db: WritableDb): void {
  db.prepare(`INSERT INTO inference_results_fts(inference_results_fts) VALUES ('rebuild')`).run()
}

export function countInferenceResults(db: ReadonlyDb): number {
  return (prepareCached(db, 'SELECT count(*) AS n FROM inference_results').get() as { n: number }).n
}

/** One row (table columns) plus its parsed detail, or null. */
export function getInferenceResult(
  db: ReadonlyDb,
  id: number
): { row: Record<string, Cell>; detail: InferenceResultDetail } | null {
  const row = prepareCached(
    db,
    'SELECT r.*, d.detail_json FROM inference_results r ' +
      'LEFT JOIN inference_result_details d ON d.result_id = r.id WHERE r.id = ?'
  ).get(id) as (Record<string, Cell> & { detail_json: string | null }) | undefined
  if (!row) return null
  const { detail_json, content_hash: _h, import_id: _i, ...cells } = row
  return {
    row: cells,
    detail: parseInferenceDetail(detail_json, String(cells.source), String(cells.source_kind))
  }
}
