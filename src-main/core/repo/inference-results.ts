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
  const find = prepareCached(db, SQL.find)
  const stored = prepareCached(db, STORED_SQL)
  const insert = prepareCached(db, SQL.insert)
  const update = prepareCached(db, SQL.update)
  const detail = prepareCached(db, SQL.detail)
  const storedRow = (id: number): { row: StoredRow; detail: InferenceResultDetail } => {
    const { detail_json, ...cells } = stored.get(id) as Row & { detail_json: string | null }
    return {
      row: ordered(cells),
      detail: parseInferenceDetail(detail_json, String(cells.source), String(cells.source_kind))
    }
  }
  writeTransaction(db, () => {
    for (const rec of records) {
      const recOrigin: Origin = rec.sourceKind === 'local' ? 'local' : origin
      let row = toRow(rec)
      let recDetail = rec.detail
      const existing = find.get(row) as Found | undefined
      if (!existing) {
        const detailJson = JSON.stringify(recDetail)
        const hash = contentHash(row, detailJson)
        const id = insert.run({
          ...row,
          content_hash: hash,
          import_id: importId,
          origin: recOrigin
        }).lastInsertRowid
        detail.run(id, detailJson)
        counts.imported++
        continue
      }
      let rowOrigin = recOrigin
      const treeKept = existing.source_kind === 'tree' && rec.sourceKind === 'summary'
      if (treeKept) {
        // The logs' values stay; the table may add what the logs lack, and is compared.
        const current = storedRow(existing.id)
        const merged = mergeIntoLogs(
          current.row,
          current.detail,
          snapshotOf(row, tableNotes(rec.detail)),
          MERGE,
          counts,
          resultLabel(current.row)
        )
        row = ordered(merged.row)
        recDetail = merged.detail
        rowOrigin = existing.origin as Origin
        counts.kept++
      } else if (rec.sourceKind === 'tree' && existing.source_kind !== 'local') {
        const current = storedRow(existing.id)
        const table =
          existing.source_kind === 'summary'
            ? snapshotOf(current.row, tableNotes(current.detail))
            : current.detail.officialTable
        if (table) {
          const merged = mergeIntoLogs(row, rec.detail, table, MERGE, counts, resultLabel(row))
          row = ordered(merged.row)
          recDetail = merged.detail
        }
      }
      const detailJson = JSON.stringify(recDetail)
      const hash = contentHash(row, detailJson)
      if (existing.content_hash === hash) {
        counts.unchanged++
        continue
      }
      update.run({
        ...row,
        content_hash: hash,
        import_id: importId,
        origin: rowOrigin,
        id: existing.id
      })
      detail.run(existing.id, detailJson)
      counts.updated++
    }
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
