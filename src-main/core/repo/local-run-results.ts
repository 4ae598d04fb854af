/** The results-table row of a local run (LOCAL_ROUND / LOCAL_DIVISION / LOCAL_SUBMITTER). */
import { prepareCached } from '../db/statement-cache'
import type { ReadonlyDb } from '../db/types'

export type LocalResultKey = {
  round: string
  division: string
  submitter: string
  systemId: string
  benchmark: string
  scenario: string
}

/** The id of the inference_results row a local run was indexed as, or null. */
export function localResultId(db: ReadonlyDb, key: LocalResultKey): number | null {
  const row = prepareCached(
    db,
    `SELECT id FROM inference_results WHERE round = ? AND division = ? AND submitter = ?
     AND system_id = ? AND benchmark = ? AND scenario = ?`
  ).get(key.round, key.division, key.submitter, key.systemId, key.benchmark, key.scenario) as
    { id: number } | undefined
  return row?.id ?? null
}
