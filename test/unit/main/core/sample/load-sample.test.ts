import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../../../../src-main/core/db/open-db'
import { SAMPLE_FILE, seedSampleIfEmpty } from '../../../../../src-main/core/sample/load-sample'
import { getInferenceResult } from '../../../../../src-main/core/repo/inference-results'

const sample = join(import.meta.dirname, '../../../../../resources/sample', SAMPLE_FILE)

describe('the bundled first-start sample', () => {
  it('seeds an empty database with one energy unit (joules of the v1.0 tools → mJ)', () => {
    const db = openDb(':memory:')
    expect(seedSampleIfEmpty(db, sample)).toBeGreaterThan(400)
    const units = db
      .prepare(
        `SELECT DISTINCT scenario, power_unit FROM inference_results
         WHERE power_unit IS NOT NULL ORDER BY scenario`
      )
      .all()
    expect(units).toEqual([
      { scenario: 'MultiStream', power_unit: 'millijoules' },
      { scenario: 'Offline', power_unit: 'Watts' },
      { scenario: 'Server', power_unit: 'Watts' },
      { scenario: 'SingleStream', power_unit: 'millijoules' }
    ])
    const krai = db
      .prepare(
        `SELECT id, power_value FROM inference_results WHERE round = 'v1.0' AND power_value IS NOT NULL`
      )
      .get() as { id: number; power_value: number }
    expect(krai.power_value).toBeCloseTo(3970.307008260607, 9)
    expect(getInferenceResult(db, krai.id)?.detail.notes.at(-1)).toBe(
      'Power: Energy published in joules by the v1.0 tools; stored in millijoules (× 1000) like every other round.'
    )
    db.close()
  })
})
