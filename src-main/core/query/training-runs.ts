import type { TrainingRunsView } from '../../shared/api'
import type { ReadonlyDb } from '../db/types'
import { getTrainingResult } from '../repo/training-results'
import { targetFor } from './training-thresholds'

/**
 * Every run of a training result set with its role in the score and its eval series, read from
 * the database (the logs are not parsed again), plus the quality target the chart draws. Null
 * when there is no such result.
 */
export function trainingRunsView(db: ReadonlyDb, id: number): TrainingRunsView | null {
  const found = getTrainingResult(db, id)
  if (!found) return null
  const round = String(found.row.round)
  const benchmark = String(found.row.benchmark)
  const spec = targetFor(round, benchmark)
  return {
    id,
    round,
    benchmark,
    // The stored target is the one the runs were checked against (e.g. v0.7 large-batch BERT).
    target: found.detail.target ?? spec?.target ?? null,
    direction: found.detail.direction ?? spec?.direction ?? null,
    metricLabel: spec?.metricName ?? 'quality',
    runs: found.detail.runs
  }
}
