import { describe, expect, it } from 'vitest'
import { withFtsDeferred } from '../../../../../src-main/core/db/fts-bulk'
import { openDb } from '../../../../../src-main/core/db/open-db'
import { upsertInferenceResults } from '../../../../../src-main/core/repo/inference-results'
import { makeRecord } from '../../../../support/records'

const triggers = (db: ReturnType<typeof openDb>): string[] =>
  (
    db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as {
      name: string
    }[]
  ).map((t) => t.name)

describe('bulk writes with the full-text triggers deferred', () => {
  it('indexes every row once at the end and puts the triggers back', () => {
    const db = openDb(':memory:')
    const before = triggers(db)
    expect(before.length).toBe(6)
    withFtsDeferred(db, () => {
      upsertInferenceResults(
        db,
        Array.from({ length: 50 }, (_, i) =>
          makeRecord({ systemId: `s${i}`, systemName: `Orion ${i}` })
        ),
        null
      )
      expect(triggers(db)).toEqual([])
    })
    expect(triggers(db)).toEqual(before)
    const found = db
      .prepare(
        `SELECT count(*) AS n FROM inference_results_fts WHERE inference_results_fts MATCH 'orion'`
      )
      .get() as { n: number }
    expect(found.n).toBe(50)
    db.prepare(
      `INSERT INTO inference_results_fts (inference_results_fts, rank) VALUES ('integrity-check', 1)`
    ).run()
  })

  it('a failure leaves the triggers and the rows as they were (one transaction)', () => {
    const db = openDb(':memory:')
    expect(() =>
      withFtsDeferred(db, () => {
        upsertInferenceResults(db, [makeRecord()], null)
        throw new Error('boom')
      })
    ).toThrow('boom')
    expect(triggers(db).length).toBe(6)
    expect(db.prepare('SELECT count(*) AS n FROM inference_results').get()).toEqual({ n: 0 })
  })
})
