import { existsSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import type { InferenceResultRecord } from '../../shared/inference'
import type { WritableDb } from '../db/types'
import { withFtsDeferred } from '../db/fts-bulk'
import { countInferenceResults, upsertInferenceResults } from '../repo/inference-results'

/** File name of the bundled sample inside resources/sample/. */
export const SAMPLE_FILE = 'inference-results.json.gz'

/**
 * Seeds an empty database with the bundled sample of published results (made by our own
 * importer from MLCommons' Apache-2.0 results repositories), so the first start never shows an
 * empty table. Does nothing when the database already holds results or the file is absent.
 */
export function seedSampleIfEmpty(db: WritableDb, samplePath: string): number {
  if (countInferenceResults(db) > 0 || !existsSync(samplePath)) return 0
  const records = JSON.parse(
    gunzipSync(readFileSync(samplePath)).toString('utf8')
  ) as InferenceResultRecord[]
  // One index rebuild for the whole sample instead of a trigger per row.
  const counts = withFtsDeferred(db, () => upsertInferenceResults(db, records, null))
  return counts.imported
}
