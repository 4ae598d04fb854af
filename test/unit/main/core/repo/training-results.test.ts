import { beforeEach, describe, expect, it } from 'vitest'
import { openDb } from '../../../../../src-main/core/db/open-db'
import type { WritableDb } from '../../../../../src-main/core/db/types'
import {
  countTrainingResults,
  getTrainingResult,
  getTrainingRuns,
  rebuildTrainingFts,
  upsertTrainingResults
} from '../../../../../src-main/core/repo/training-results'
import {
  makeRun,
  makeSummaryRecord,
  makeTrainingRecord
} from '../../../../support/training-records'

const idOf = (db: WritableDb, systemId: string): number =>
  (
    db.prepare('SELECT id FROM training_results WHERE system_id = ?').get(systemId) as {
      id: number
    }
  ).id

describe('training results repository', () => {
  let db: WritableDb
  beforeEach(() => {
    db = openDb(':memory:')
  })

  it('stores the row, the detail and every run with its evals', () => {
    const rec = makeTrainingRecord()
    expect(upsertTrainingResults(db, [rec], null)).toMatchObject({
      imported: 1,
      updated: 0,
      unchanged: 0,
      kept: 0
    })
    expect(countTrainingResults(db)).toBe(1)
    const got = getTrainingResult(db, idOf(db, 'acme_x8_mxnet'))
    expect(got?.row).toMatchObject({
      round: 'v3.0',
      submitter: 'Acme',
      benchmark: 'resnet',
      runs: 3,
      value: 3,
      unit: 'minutes',
      scaling_factor: 1,
      aborted_runs: 0,
      rcp_normalised: 0,
      valid: 1,
      source_kind: 'tree'
    })
    expect(got?.row).not.toHaveProperty('content_hash')
    // The runs come back from training_runs, in run order, exactly as written.
    expect(got?.detail).toEqual(rec.detail)
    const stored = db.prepare('SELECT detail_json FROM training_result_details').get() as {
      detail_json: string
    }
    expect(JSON.parse(stored.detail_json)).toMatchObject({ runs: [] })
  })

  it('is idempotent, updates in place and replaces the runs', () => {
    upsertTrainingResults(db, [makeTrainingRecord()], null)
    const id = idOf(db, 'acme_x8_mxnet')
    expect(upsertTrainingResults(db, [makeTrainingRecord()], null)).toMatchObject({
      unchanged: 1
    })
    const newer = makeTrainingRecord({ value: 2.5 })
    newer.detail = { ...newer.detail, runs: [makeRun('result_0.txt', [0.76])] }
    expect(upsertTrainingResults(db, [newer], null)).toMatchObject({ updated: 1 })
    expect(idOf(db, 'acme_x8_mxnet')).toBe(id)
    expect(getTrainingResult(db, id)?.row.value).toBe(2.5)
    expect(getTrainingRuns(db, id).map((r) => r.file)).toEqual(['result_0.txt'])
  })

  it('never lets a summary row replace a tree result', () => {
    upsertTrainingResults(db, [makeTrainingRecord()], null)
    const c = upsertTrainingResults(db, [makeSummaryRecord({ value: 2.99 })], null)
    expect(c).toMatchObject({ kept: 1, imported: 0 })
    // Same round, system and benchmark, another spelling of the submitter: still the same result.
    const other = upsertTrainingResults(
      db,
      [makeSummaryRecord({ submitter: 'ACME Inc.', value: 2.99 })],
      null
    )
    expect(other).toMatchObject({ kept: 1, imported: 0 })
    expect(countTrainingResults(db)).toBe(1)
    expect(getTrainingResult(db, idOf(db, 'acme_x8_mxnet'))?.row.value).toBe(3)
  })

  it('lets a tree result take over a summary row imported first', () => {
    upsertTrainingResults(db, [makeSummaryRecord({ submitter: 'ACME Inc.', value: 2.99 })], null)
    const id = idOf(db, 'acme_x8_mxnet')
    expect(getTrainingRuns(db, id)).toEqual([])
    expect(upsertTrainingResults(db, [makeTrainingRecord()], null)).toMatchObject({ updated: 1 })
    expect(countTrainingResults(db)).toBe(1)
    const got = getTrainingResult(db, id)
    expect(got?.row).toMatchObject({ submitter: 'Acme', value: 3, source_kind: 'tree' })
    expect(got?.detail.runs).toHaveLength(3)
  })

  it('keeps results of other systems, benchmarks and rounds apart', () => {
    const c = upsertTrainingResults(
      db,
      [
        makeTrainingRecord(),
        makeTrainingRecord({ benchmark: 'bert' }),
        makeTrainingRecord({ round: 'v3.1' }),
        makeTrainingRecord({ systemId: 'other' })
      ],
      null
    )
    expect(c.imported).toBe(4)
  })

  it('indexes the descriptive columns for full-text search', () => {
    upsertTrainingResults(
      db,
      [makeTrainingRecord(), makeTrainingRecord({ systemId: 'b', accelerator: 'Gaudi2' })],
      null
    )
    rebuildTrainingFts(db)
    const hits = db
      .prepare(
        'SELECT r.system_id FROM training_results r WHERE r.id IN (SELECT rowid FROM training_results_fts WHERE training_results_fts MATCH \'"gaud"*\')'
      )
      .all()
    expect(hits).toEqual([{ system_id: 'b' }])
  })

  it('deletes the runs and the detail with the result', () => {
    upsertTrainingResults(db, [makeTrainingRecord()], null)
    db.prepare('DELETE FROM training_results').run()
    expect(db.prepare('SELECT count(*) AS n FROM training_runs').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM training_result_details').get()).toEqual({
      n: 0
    })
  })
})
