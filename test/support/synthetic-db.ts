import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import type { WritableDb } from '../../src-main/core/db/types'
import {
  rebuildInferenceFts,
  upsertInferenceResults
} from '../../src-main/core/repo/inference-results'
import { SAMPLE_FILE } from '../../src-main/core/sample/load-sample'
import type { InferenceResultRecord } from '../../src-main/shared/inference'
import { syntheticRecords } from './synthetic-records'

/** The bundled sample's records (resources/sample), the seed of every synthetic database. */
export function bundledSample(root: string): InferenceResultRecord[] {
  return JSON.parse(
    gunzipSync(readFileSync(join(root, 'resources', 'sample', SAMPLE_FILE))).toString('utf8')
  ) as InferenceResultRecord[]
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
