/**
 * The full-text indexes follow every committed row (migration 0091): no rebuild at the end of
 * an import, so a window is never frozen by one and a killed import leaves no unsearchable rows.
 */
import { describe, expect, it } from 'vitest'
import { openDb } from '../../../../../src-main/core/db/open-db'
import type { WritableDb } from '../../../../../src-main/core/db/types'
import { upsertInferenceResults } from '../../../../../src-main/core/repo/inference-results'
import { upsertTrainingResults } from '../../../../../src-main/core/repo/training-results'
import { makeRecord } from '../../../../support/records'
import { makeTrainingRecord } from '../../../../support/training-records'

function search(db: WritableDb, table: string, term: string): string[] {
  return (
    db
      .prepare(
        `SELECT system_name FROM ${table} WHERE id IN (SELECT rowid FROM ${table}_fts WHERE ${table}_fts MATCH ?) ORDER BY system_name`
      )
      .all(term) as { system_name: string }[]
  ).map((r) => r.system_name)
}

function indexSound(db: WritableDb, table: string): void {
  // With rank 1, FTS5 compares the index with the content table (SQLITE_CORRUPT_VTAB if not).
  db.prepare(`INSERT INTO ${table}_fts (${table}_fts, rank) VALUES ('integrity-check', 1)`).run()
}

describe('full-text index maintained by triggers', () => {
  it('inference: inserts are found, updates replace the old words, deletes remove them', () => {
    const db = openDb(':memory:')
    upsertInferenceResults(db, [makeRecord({ systemName: 'Zephyr Alpha', systemId: 'z1' })], null)
    expect(search(db, 'inference_results', 'zephyr')).toEqual(['Zephyr Alpha'])
    upsertInferenceResults(
      db,
      [makeRecord({ systemName: 'Quasar Beta', systemId: 'z1', value: 2 })],
      null
    )
    expect(search(db, 'inference_results', 'zephyr')).toEqual([])
    expect(search(db, 'inference_results', 'quasar')).toEqual(['Quasar Beta'])
    indexSound(db, 'inference_results')
    db.prepare('DELETE FROM inference_results').run()
    expect(search(db, 'inference_results', 'quasar')).toEqual([])
    indexSound(db, 'inference_results')
  })

  it('training: the same', () => {
    const db = openDb(':memory:')
    upsertTrainingResults(db, [makeTrainingRecord({ systemName: 'Nebula One' })], null)
    expect(search(db, 'training_results', 'nebula')).toEqual(['Nebula One'])
    upsertTrainingResults(db, [makeTrainingRecord({ systemName: 'Pulsar Two', value: 9 })], null)
    expect(search(db, 'training_results', 'nebula')).toEqual([])
    expect(search(db, 'training_results', 'pulsar')).toEqual(['Pulsar Two'])
    indexSound(db, 'training_results')
  })
})
