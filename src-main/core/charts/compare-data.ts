import { INFERENCE_COLUMNS } from '../../shared/columns'
import type { ChartRow } from '../../shared/charts/chart-points'
import type { Comparison, CompareSource } from '../../shared/compare'
import { buildComparison } from '../../shared/compare'
import type { Cell } from '../../shared/api'
import type { ReadonlyDb } from '../db/types'
import { prepareCached } from '../db/statement-cache'
import { getInferenceResult } from '../repo/inference-results'
import { provenance } from './chart-data'

/** Row of inference_results as the chart builders read it. */
const ROW_SQL = `SELECT r.id, r.round, r.division, r.category, r.submitter, r.system_id AS systemId,
  r.system_name AS systemName, r.accelerator, r.accelerators_total AS acceleratorsTotal,
  r.mlperf_model AS benchmark, r.benchmark AS usedModel, r.scenario, r.unit, r.metric, r.value,
  r.power_value AS powerValue, r.power_unit AS powerUnit, r.valid, r.inferred,
  r.source_kind AS sourceKind, r.public_id AS publicId FROM inference_results r`

type RawRow = Omit<ChartRow, 'valid' | 'inferred'> & { valid: number; inferred: number }

function toRow(r: RawRow): ChartRow {
  return { ...r, valid: r.valid === 1, inferred: r.inferred === 1 }
}

/** Thrown when an id names no result; the API maps it to not_found. */
export class MissingResultError extends Error {
  constructor(readonly id: number) {
    super(`No result with id ${id}`)
    this.name = 'MissingResultError'
  }
}

/**
 * Gathers what a comparison needs (each result's row, system description and the other results
 * of its system) and builds it. Ids keep the caller's order: the first is the baseline.
 */
export function compareResults(
  db: ReadonlyDb,
  ids: readonly number[],
  appVersion: string,
  now: string
): Comparison {
  const sources: CompareSource[] = ids.map((id) => {
    const found = getInferenceResult(db, id)
    const raw = prepareCached(db, `${ROW_SQL} WHERE r.id = ?`).get(id) as RawRow | undefined
    if (!found || !raw) throw new MissingResultError(id)
    const row = toRow(raw)
    const siblings = (
      prepareCached(
        db,
        `${ROW_SQL} WHERE r.round = ? AND r.submitter = ? AND r.system_id = ? AND r.division = ? ORDER BY r.id`
      ).all(row.round, row.submitter, row.systemId, row.division) as RawRow[]
    ).map(toRow)
    const cells: Record<string, Cell> = {}
    for (const c of INFERENCE_COLUMNS) cells[c.name] = found.row[c.name] ?? null
    return { row, cells, system: found.detail?.system ?? {}, siblings }
  })
  const placeholders = ids.map(() => '?').join(', ')
  return buildComparison({
    sources,
    columns: INFERENCE_COLUMNS,
    provenance: provenance(
      db,
      'inference',
      { sql: `WHERE r.id IN (${placeholders})`, params: [...ids] },
      appVersion
    ),
    now
  })
}
