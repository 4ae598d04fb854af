import { existsSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { publishedPowerUnit, toStoredPower } from '../../mlperf'
import type { InferenceResultRecord } from '../../shared/inference'
import type { WritableDb } from '../db/types'
import {
  countInferenceResults,
  rebuildInferenceFts,
  upsertInferenceResults
} from '../repo/inference-results'

/**
 * A sample record made by an importer older than the one energy unit (migration 0060): energy
 * published in joules is stored in millijoules, with the note today's importers write.
 */
function withStoredEnergyUnit(r: InferenceResultRecord): InferenceResultRecord {
  const unit = publishedPowerUnit(r.powerUnit)
  if (r.powerValue === null || unit === null) return r
  const stored = toStoredPower(r.powerValue, unit, r.round)
  if (stored.note === null) return r
  const note = r.sourceKind === 'tree' ? `Power: ${stored.note}` : stored.note
  return {
    ...r,
    powerValue: stored.value,
    powerUnit: stored.unit,
    detail: { ...r.detail, notes: [...r.detail.notes, note] }
  }
}

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
  const counts = upsertInferenceResults(db, records.map(withStoredEnergyUnit), null)
  rebuildInferenceFts(db)
  return counts.imported
}
