import { createHash } from 'node:crypto'
import type { WritableDb } from '../types'

/**
 * One unit per power column (issue 9): energy per query was stored as published, joules for
 * v1.0–v2.1 and millijoules from v3.0, so a sort or chart of energy mixed both. The importers now
 * store millijoules for every round; this step converts the rows an older version stored, with
 * the note and content hash a re-import writes (so re-importing the same files finds them
 * unchanged). It also clears the 0 that older versions stored as the latency of a result without
 * an early-stopping estimate: such a result has no official value and is not valid.
 *
 * The texts and the stored column list are frozen here, as of this step (schema v50): a
 * migration must keep doing what it did when it shipped.
 */

/** inference_results columns hashed by the importer's upsert (repo/inference-results.ts), v50. */
const HASHED_COLUMNS = [
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

type Row = Record<(typeof HASHED_COLUMNS)[number], string | number | null> & {
  id: number
  detail_json: string | null
}

function joulesNote(round: string, unit: string): string {
  const what = unit.toLowerCase() === 'joules/stream' ? 'joules per stream' : 'joules'
  return `Energy published in ${what} by the ${round} tools; stored in millijoules (× 1000) like every other round.`
}

const NO_ESTIMATE_NOTE =
  'No official value: the early-stopping estimate in the logs is 0 (too few queries for one); ' +
  'versions before this one stored it as a latency of 0.'

function hash(row: Row, detailJson: string): string {
  const stored: Record<string, string | number | null> = {}
  for (const c of HASHED_COLUMNS) stored[c] = row[c]
  return createHash('sha1').update(JSON.stringify(stored)).update(detailJson).digest('hex')
}

export function up(db: WritableDb): void {
  const rows = db
    .prepare(
      `SELECT r.id, ${HASHED_COLUMNS.map((c) => `r.${c}`).join(', ')}, d.detail_json
       FROM inference_results r LEFT JOIN inference_result_details d ON d.result_id = r.id
       WHERE lower(r.power_unit) IN ('joules', 'joules/stream')
          OR (r.value = 0 AND r.unit LIKE 'Latency%')`
    )
    .all() as Row[]
  const update = db.prepare(
    `UPDATE inference_results SET value = @value, valid = @valid, power_value = @power_value,
       power_unit = @power_unit, content_hash = @content_hash WHERE id = @id`
  )
  const updateDetail = db.prepare(
    'UPDATE inference_result_details SET detail_json = ? WHERE result_id = ?'
  )
  for (const row of rows) {
    const detail = JSON.parse(row.detail_json ?? 'null') as { notes?: string[] } | null
    const notes: string[] = detail?.notes ?? []
    if (detail !== null) detail.notes = notes
    const next: Row = { ...row }
    if (row.value === 0 && typeof row.unit === 'string' && row.unit.startsWith('Latency')) {
      next.value = null
      next.valid = 0
      notes.push(NO_ESTIMATE_NOTE)
    }
    const unit = typeof row.power_unit === 'string' ? row.power_unit : ''
    if (typeof row.power_value === 'number' && /^joules(\/stream)?$/i.test(unit)) {
      next.power_value = row.power_value * 1000
      next.power_unit = 'millijoules'
      const note = joulesNote(String(row.round), unit)
      notes.push(row.source_kind === 'tree' ? `Power: ${note}` : note)
    }
    const detailJson = detail === null ? (row.detail_json ?? 'null') : JSON.stringify(detail)
    if (detail !== null) updateDetail.run(detailJson, row.id)
    update.run({
      id: row.id,
      value: next.value,
      valid: next.valid,
      power_value: next.power_value,
      power_unit: next.power_unit,
      content_hash: hash(next, detailJson)
    })
  }
  // The run list of the user's own runs keeps the same value as the table.
  db.exec(`UPDATE local_runs SET value = NULL WHERE value = 0 AND unit LIKE 'Latency%'`)
}
