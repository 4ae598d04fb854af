/**
 * What a "Fetch logs" request starts from, and the requests it refuses: only a row of an
 * official table (or of the bundled catalogue) has its logs upstream; a local run's or a tree's
 * logs are on this computer already. The request also needs the result's folder to be nameable
 * from what the row knows (the suite's layout: inference-folder.ts, training-folder.ts).
 */
import type { Cell, Suite } from '../../shared/api'
import type { ResultFigures } from '../../shared/published'
import type { WritableDb } from '../db/types'
import type { FetchedLogsRecord, ResultKey } from '../repo/fetched-logs'
import { getFetchedLogs } from '../repo/fetched-logs'
import type { FolderPlan } from './folder-plan'
import { text } from './folder-plan'
import { inferenceKey, inferencePlan } from './inference-folder'
import { figuresOf, getRow } from './logs-row'
import { trainingKey, trainingPlan } from './training-folder'

/** A request the app cannot carry out for this row (e.g. it is not a published result). */
export class FetchLogsRefused extends Error {
  constructor(
    readonly reason: 'not_found' | 'invalid_input',
    message: string
  ) {
    super(message)
    this.name = 'FetchLogsRefused'
  }
}

/** What a fetch starts from: the row, its key, the last fetch and the official figures. */
export type FetchStart = {
  row: Record<string, Cell>
  detail: unknown
  key: ResultKey
  previous: FetchedLogsRecord | null
  official: ResultFigures
}

/** The row's key in the fetched-logs table. */
export function resultKeyOf(suite: Suite, row: Record<string, Cell>): ResultKey {
  return suite === 'inference' ? inferenceKey(row) : trainingKey(row)
}

/** Refuses rows that are not from a published table (a local run, a tree read by the user). */
export function startFetch(db: WritableDb, suite: Suite, id: number): FetchStart {
  const found = getRow(db, suite, id)
  if (!found) {
    const what = suite === 'training' ? 'training result' : 'result'
    throw new FetchLogsRefused('not_found', `No ${what} with id ${id}`)
  }
  const { row, detail } = found
  const key = resultKeyOf(suite, row)
  const previous = getFetchedLogs(db, key)
  const kind = text(row, 'source_kind')
  if (kind === 'local') {
    throw new FetchLogsRefused(
      'invalid_input',
      `This is your own run: its logs are on this computer already (${text(row, 'source')}).`
    )
  }
  // Rows of an official table, and the bundled catalogue's rows (some of its early rounds were
  // read from the public trees), have their logs only upstream.
  if (kind !== 'summary' && text(row, 'origin') !== 'bundled' && previous === null) {
    throw new FetchLogsRefused(
      'invalid_input',
      `This result was read from its logs already (${text(row, 'source')}).`
    )
  }
  // The official figures: from the table row, or kept from the first fetch (the row now holds
  // the logs' figures).
  return { row, detail, key, previous, official: previous?.official ?? figuresOf(row) }
}

/**
 * Where the result's folder may be, or why it cannot be named. An inference result with power
 * figures also needs its power logs.
 */
export function folderPlanFor(suite: Suite, s: FetchStart): FolderPlan | { error: string } {
  try {
    return suite === 'inference'
      ? inferencePlan(
          s.row,
          s.detail as Parameters<typeof inferencePlan>[1],
          s.official.powerValue !== null
        )
      : trainingPlan(s.row)
  } catch (e) {
    return { error: `The result's folder cannot be named: ${(e as Error).message}.` }
  }
}
