import type { Cell, Suite } from '../../shared/api'
import type { ChartRow } from '../../shared/charts/chart-points'
import { SUITE_COLUMNS } from '../../shared/columns'
import type { Comparison } from '../../shared/comparison'
import type { CompareSource } from '../../charts/compare'
import { buildComparison } from '../../charts/compare'
import type { ReadonlyDb } from '../db/types'
import { prepareCached } from '../db/statement-cache'
import { getInferenceResult } from '../repo/inference-results'
import { getTrainingResult } from '../repo/training-results'
import { provenance } from './chart-data'

/** Rows of each suite's table as the chart builders read them (training has no scenario). */
const ROW_SQL: Readonly<Record<Suite, string>> = {
  inference: `SELECT r.id, r.round, r.division, r.category, r.submitter, r.system_id AS systemId,
  r.system_name AS systemName, r.accelerator, r.accelerators_total AS acceleratorsTotal,
  r.mlperf_model AS benchmark, r.benchmark AS usedModel, r.scenario, r.unit, r.metric, r.value,
  r.power_value AS powerValue, r.power_unit AS powerUnit, r.valid, r.inferred,
  r.source_kind AS sourceKind, r.public_id AS publicId FROM inference_results r`,
  training: `SELECT r.id, r.round, r.division, r.category, r.submitter, r.system_id AS systemId,
  r.system_name AS systemName, r.accelerator, r.accelerators_total AS acceleratorsTotal,
  r.benchmark, NULL AS usedModel, NULL AS scenario, r.unit, NULL AS metric, r.value,
  NULL AS powerValue, NULL AS powerUnit, r.valid, 0 AS inferred,
  r.source_kind AS sourceKind, NULL AS publicId FROM training_results r`
}

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

function getResult(
  db: ReadonlyDb,
  suite: Suite,
  id: number
): { row: Record<string, Cell>; system: CompareSource['system'] } | null {
  const found = suite === 'training' ? getTrainingResult(db, id) : getInferenceResult(db, id)
  return found ? { row: found.row, system: found.detail?.system ?? {} } : null
}

/**
 * Gathers what a comparison needs (each result's row, system description and the other results
 * of its system) and builds it. Ids keep the caller's order: the first is the baseline.
 */
export function compareResults(
  db: ReadonlyDb,
  ids: readonly number[],
  appVersion: string,
  now: string,
  suite: Suite = 'inference'
): Comparison {
  const sql = ROW_SQL[suite]
  const columns = SUITE_COLUMNS[suite]
  const sources: CompareSource[] = ids.map((id) => {
    const found = getResult(db, suite, id)
    const raw = prepareCached(db, `${sql} WHERE r.id = ?`).get(id) as RawRow | undefined
    if (!found || !raw) throw new MissingResultError(id)
    const row = toRow(raw)
    const siblings = (
      prepareCached(
        db,
        `${sql} WHERE r.round = ? AND r.submitter = ? AND r.system_id = ? AND r.division = ? ORDER BY r.id`
      ).all(row.round, row.submitter, row.systemId, row.division) as RawRow[]
    ).map(toRow)
    const cells: Record<string, Cell> = {}
    for (const c of columns) cells[c.name] = found.row[c.name] ?? null
    return { row, cells, system: found.system, siblings }
  })
  const placeholders = ids.map(() => '?').join(', ')
  return buildComparison({
    suite,
    sources,
    columns,
    provenance: provenance(
      db,
      suite,
      { sql: `WHERE r.id IN (${placeholders})`, params: [...ids] },
      appVersion
    ),
    now
  })
}
