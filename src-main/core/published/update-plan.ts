/**
 * Which rounds an update works on, and the report line each starts with: the chosen rounds
 * (default: every round whose plan is not "skip"), a round already in the database from an
 * official table reported as present unless forced, an unknown round as failed.
 */
import type {
  PublishedRoundInfo,
  RoundReport,
  UpdateInput,
  UpdateReport
} from '../../shared/published'
import { roundKey } from '../../shared/published'
import type { ReadonlyDb } from '../db/types'
import { describeRound } from './round-status'
import type { PublishedSource } from './sources'

/** One round to download, with its report line (filled in as the job goes). */
export type RoundWork = { source: PublishedSource; info: PublishedRoundInfo; round: RoundReport }

export function emptyRound(
  source: Pick<PublishedSource, 'suite' | 'round' | 'table'>
): RoundReport {
  return {
    suite: source.suite,
    round: source.round,
    table: source.table,
    outcome: 'pending',
    message: 'Not started.',
    filesFetched: 0,
    filesUnchanged: 0,
    filesMissing: [],
    bytes: 0,
    importJobId: null,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0
  }
}

/** Adds a report line per chosen round to `report` and returns the rounds to download. */
export function planUpdate(
  db: ReadonlyDb,
  sources: readonly PublishedSource[],
  input: UpdateInput,
  report: UpdateReport
): RoundWork[] {
  const infos = new Map<string, { source: PublishedSource; info: PublishedRoundInfo }>()
  for (const source of sources) {
    infos.set(roundKey(source), { source, info: describeRound(db, report.baseUrl, source) })
  }
  const chosen =
    input.rounds ?? [...infos.values()].map((v) => v.info).filter((i) => i.plan !== 'skip')
  const work: RoundWork[] = []
  const seen = new Set<string>()
  for (const key of chosen) {
    if (seen.has(roundKey(key))) continue
    seen.add(roundKey(key))
    const found = infos.get(roundKey(key))
    if (!found) {
      report.rounds.push({
        ...emptyRound({ suite: key.suite, round: key.round, table: '' }),
        outcome: 'failed',
        message: `No published table is known for ${key.suite} ${key.round}.`
      })
      continue
    }
    const round = emptyRound(found.source)
    report.rounds.push(round)
    if (found.info.plan === 'skip' && !input.force) {
      round.outcome = 'present'
      round.message = `Already in the database: ${found.info.tableResults} results from official tables; not downloaded.`
      continue
    }
    work.push({ ...found, round })
  }
  return work
}
