import type { WritableDb } from '../../src-main/core/db/types'
import {
  rebuildInferenceFts,
  upsertInferenceResults
} from '../../src-main/core/repo/inference-results'
import type { InferenceResultRecord } from '../../src-main/shared/inference'
import { catalogueInferenceRecords } from './catalogue-records'
import { syntheticRecords } from './synthetic-records'

/** The bundled catalogue's records (resources/catalogue), the seed of every synthetic database. */
export function bundledSample(root: string): InferenceResultRecord[] {
  return catalogueInferenceRecords(root)
}

/** Fills a database with `n` synthetic results made from `sample`, 5,000 a transaction. */
export function insertSynthetic(
  db: WritableDb,
  sample: readonly InferenceResultRecord[],
  n: number
): void {
  const records = syntheticRecords(sample, n)
  for (let i = 0; i < records.length; i += 5000) {
    upsertInferenceResults(db, records.slice(i, i + 5000), null)
  }
  rebuildInferenceFts(db)
}
