/**
 * The table rows "Fetch logs" works on: the row the user asked about, the row the downloaded
 * logs became (the same one when their keys match, a new one when the folder names differ), and
 * the figures either shows, which the panel puts side by side.
 */
import type { Cell, Suite } from '../../shared/api'
import type { ResultFigures } from '../../shared/published'
import { prepareCached } from '../db/statement-cache'
import type { WritableDb } from '../db/types'
import { getInferenceResult } from '../repo/inference-results'
import { getTrainingResult } from '../repo/training-results'
import { text } from './folder-plan'

const TABLE: Record<Suite, string> = {
  inference: 'inference_results',
  training: 'training_results'
}

function num(row: Record<string, Cell>, key: string): number | null {
  const v = row[key]
  return typeof v === 'number' ? v : null
}

/** The figures a table row shows. */
export function figuresOf(row: Record<string, Cell>): ResultFigures {
  const valid = row['valid']
  return {
    value: num(row, 'value'),
    unit: text(row, 'unit') || null,
    metric: text(row, 'metric') || null,
    powerValue: num(row, 'power_value'),
    powerUnit: text(row, 'power_unit') || null,
    accuracy: text(row, 'accuracy') || null,
    valid: valid === null || valid === undefined ? null : Boolean(valid),
    publicId: text(row, 'public_id') || null
  }
}

/** A result row of the suite's table with its detail, or null when there is no such id. */
export function getRow(
  db: WritableDb,
  suite: Suite,
  id: number
): { row: Record<string, Cell>; detail: unknown } | null {
  return suite === 'inference' ? getInferenceResult(db, id) : getTrainingResult(db, id)
}

/** The row the logs became: the same id when the keys matched, else the row read from them. */
export function rowFromLogs(
  db: WritableDb,
  suite: Suite,
  id: number,
  localDir: string
): { id: number; row: Record<string, Cell> } | null {
  const same = getRow(db, suite, id)
  if (same && same.row['source_kind'] === 'tree' && same.row['source'] === localDir) {
    return { id, row: same.row }
  }
  const other = prepareCached(db, `SELECT id FROM ${TABLE[suite]} WHERE source = ?`).get(
    localDir
  ) as { id: number } | undefined
  const found = other ? getRow(db, suite, other.id) : null
  return other && found ? { id: other.id, row: found.row } : null
}
