import type { Cell } from '../../shared/api'
import type { InferenceResultDetail, InferenceResultRecord } from '../../shared/inference'
import { prepareCached } from '../db/statement-cache'
import { writeTransaction } from '../db/write-transaction'
import type { ReadonlyDb, WritableDb } from '../db/types'
import type { UpsertCounts } from './upsert-sql'
import { contentHash, upsertSql } from './upsert-sql'

const KEY_COLUMNS = ['round', 'division', 'submitter', 'system_id', 'benchmark', 'scenario']

/** Every stored column but the bookkeeping ones (id, content_hash, import_id). */
const INSERT_COLUMNS = [
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

type StoredRow = Record<(typeof INSERT_COLUMNS)[number], string | number | null>

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

const SQL = upsertSql('inference_results', 'inference_result_details', INSERT_COLUMNS, KEY_COLUMNS)

/**
 * Writes a batch in one synchronous transaction. Same key and same content → unchanged;
 * same key, new content → updated in place. A summary row never replaces a result read from
 * a submission tree (the tree carries the logs and full precision): it is counted as `kept`.
 */
export function upsertInferenceResults(
  db: WritableDb,
  records: readonly InferenceResultRecord[],
  importId: number | null
): UpsertCounts {
  const counts: UpsertCounts = { imported: 0, updated: 0, unchanged: 0, kept: 0 }
  const find = prepareCached(db, SQL.find)
  const insert = prepareCached(db, SQL.insert)
  const update = prepareCached(db, SQL.update)
  const detail = prepareCached(db, SQL.detail)
  writeTransaction(db, () => {
    for (const rec of records) {
      const row = toRow(rec)
      const detailJson = JSON.stringify(rec.detail)
      const hash = contentHash(row, detailJson)
      const existing = find.get(row) as
        { id: number; content_hash: string; source_kind: string } | undefined
      if (!existing) {
        const id = insert.run({ ...row, content_hash: hash, import_id: importId }).lastInsertRowid
        detail.run(id, detailJson)
        counts.imported++
      } else if (existing.source_kind === 'tree' && rec.sourceKind === 'summary') {
        counts.kept++
      } else if (existing.content_hash === hash) {
        counts.unchanged++
      } else {
        update.run({ ...row, content_hash: hash, import_id: importId, id: existing.id })
        detail.run(existing.id, detailJson)
        counts.updated++
      }
    }
  })
  return counts
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
  return { row: cells, detail: JSON.parse(detail_json ?? 'null') as InferenceResultDetail }
}
