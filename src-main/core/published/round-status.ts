/**
 * Where each known round stands in this database: how many of its results came from an official
 * table, whether this app downloaded the table before, and so what an update does with it by
 * default (download it, re-check it, or leave it).
 */
import type { Suite } from '../../shared/api'
import type { PublishedRoundInfo, RoundPlan } from '../../shared/published'
import { prepareCached } from '../db/statement-cache'
import type { ReadonlyDb } from '../db/types'
import { getCachedFile } from '../repo/http-cache'
import type { PublishedSource } from './sources'
import { fileUrl } from './sources'

const TABLE: Record<Suite, string> = {
  inference: 'inference_results',
  training: 'training_results'
}

/** Results of a round: all of them, and those read from an official table. */
export function roundCounts(
  db: ReadonlyDb,
  suite: Suite,
  round: string
): { results: number; tableResults: number } {
  const row = prepareCached(
    db,
    `SELECT count(*) AS results, coalesce(sum(source_kind = 'summary'), 0) AS table_results
       FROM ${TABLE[suite]} WHERE round = ?`
  ).get(round) as { results: number; table_results: number }
  return { results: row.results, tableResults: row.table_results }
}

export function describeRound(
  db: ReadonlyDb,
  baseUrl: string,
  source: PublishedSource
): PublishedRoundInfo {
  const { results, tableResults } = roundCounts(db, source.suite, source.round)
  const cached = source.files.map((f) => getCachedFile(db, fileUrl(baseUrl, f)))
  const downloaded = cached.some((c) => c !== null)
  const checked = cached.map((c) => c?.checkedAt ?? null).filter((c): c is string => c !== null)
  const plan: RoundPlan = downloaded ? 'check' : tableResults > 0 ? 'skip' : 'download'
  return {
    suite: source.suite,
    round: source.round,
    table: source.table,
    files: source.files.length,
    repo: source.files[0]?.repo ?? '',
    probe: source.probe,
    tableResults,
    results,
    downloaded,
    checkedAt: checked.length === 0 ? null : (checked.sort()[0] ?? null),
    plan
  }
}
