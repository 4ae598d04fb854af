/**
 * Migration 0060: a database written before the energy unit was fixed holds joules for v1.0–v2.1
 * and a latency of 0 for results without an early-stopping estimate. After the step it must hold
 * exactly what a fresh import writes today (same values, notes and content hash, so re-importing
 * the same files finds them unchanged), and no mixed units.
 */
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate } from '../../../../../src-main/core/db/migrate'
import { MIGRATIONS } from '../../../../../src-main/core/db/migrations'
import type { WritableDb } from '../../../../../src-main/core/db/types'
import { buildSummaryRecord } from '../../../../../src-main/core/ingest/summaries/to-record'
import { upsertInferenceResults } from '../../../../../src-main/core/repo/inference-results'
import type { InferenceResultRecord } from '../../../../../src-main/shared/inference'
import { makeRecord } from '../../../../support/records'

/** A v2.1 SingleStream power result as the checker CSV gives it: 3.357 J per query. */
function v21Record(): InferenceResultRecord {
  const built = buildSummaryRecord(
    {
      round: 'v2.1',
      division: 'closed',
      submitter: 'Acme',
      systemId: 'acme_edge',
      benchmark: 'resnet50',
      scenario: 'SingleStream',
      value: '0.62',
      fileUnit: 'Latency (ms)',
      powerValue: '3.357',
      powerUnit: 'Joules',
      system: {},
      notes: ['Imported from the submission checker summary.']
    },
    { path: '/x/inference_results_v2.1/closed/Acme/summary.csv', bytes: 100 }
  )
  if (!('record' in built)) throw new Error(built.reason)
  return built.record
}

/** The same record as a version before the step wrote it (joules, no conversion note). */
function asBefore(r: InferenceResultRecord): InferenceResultRecord {
  return {
    ...r,
    powerValue: (r.powerValue ?? 0) / 1000,
    powerUnit: 'Joules',
    detail: { ...r.detail, notes: r.detail.notes.slice(0, -1) }
  }
}

const at50 = (): WritableDb => {
  const db = new Database(':memory:') as WritableDb
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 50)
  )
  return db
}

/**
 * Writes records into a database at version 50 with today's writer, which also sets the origin
 * column that migration 0070 adds later: the column exists only while the rows are written.
 */
function writeAt50(db: WritableDb, records: InferenceResultRecord[]): void {
  db.exec(`ALTER TABLE inference_results ADD COLUMN origin TEXT NOT NULL DEFAULT 'imported'`)
  upsertInferenceResults(db, records, null)
  db.exec('ALTER TABLE inference_results DROP COLUMN origin')
}

type Stored = Record<string, unknown>
const dump = (db: WritableDb): Stored[] =>
  db
    .prepare(
      `SELECT r.*, d.detail_json FROM inference_results r
       JOIN inference_result_details d ON d.result_id = r.id ORDER BY r.system_id`
    )
    .all()
    .map((row) => {
      // origin is 0070's classification (a row without an import reads as bundled), not 0060's.
      const { id: _id, import_id: _i, origin: _o, ...rest } = row as Stored
      return rest
    })

describe('migration 0060: one energy unit', () => {
  it('stores what the importers store today: millijoules with the note', () => {
    const fresh = v21Record()
    expect(fresh.powerValue).toBe(3357)
    expect(fresh.powerUnit).toBe('millijoules')
    expect(fresh.detail.notes.at(-1)).toBe(
      'Energy published in joules by the v2.1 tools; stored in millijoules (× 1000) like every other round.'
    )
  })

  it('converts an old database to exactly what a fresh import writes', () => {
    const old = at50()
    writeAt50(old, [asBefore(v21Record())])
    expect(old.prepare('SELECT power_value, power_unit FROM inference_results').get()).toEqual({
      power_value: 3.357,
      power_unit: 'Joules'
    })
    migrate(old)
    const fresh = at50()
    migrate(fresh)
    upsertInferenceResults(fresh, [v21Record()], null)
    expect(dump(old)).toEqual(dump(fresh))
    // A re-import of the same file then changes nothing.
    expect(upsertInferenceResults(old, [v21Record()], null)).toMatchObject({
      imported: 0,
      updated: 0,
      unchanged: 1,
      kept: 0
    })
  })

  it('turns a stored 0 latency (no early-stopping estimate) into no value, not valid', () => {
    const db = at50()
    writeAt50(db, [
      makeRecord({
        systemId: 'run-1',
        scenario: 'MultiStream',
        metric: 'latency_p99_ms',
        unit: 'Latency (ms)',
        value: 0,
        valid: true
      }),
      makeRecord({ systemId: 'run-2', value: 1234.5 })
    ])
    migrate(db)
    const rows = db
      .prepare('SELECT system_id, value, valid FROM inference_results ORDER BY system_id')
      .all()
    expect(rows).toEqual([
      { system_id: 'run-1', value: null, valid: 0 },
      { system_id: 'run-2', value: 1234.5, valid: 1 }
    ])
  })
})
