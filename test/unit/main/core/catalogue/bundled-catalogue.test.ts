import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import {
  catalogueStatus,
  declineCatalogue,
  ensureCatalogue,
  removeBundled,
  restoreBundled
} from '../../../../../src-main/core/catalogue/bundled-catalogue'
import {
  CATALOGUE_FORMAT,
  CATALOGUE_VERSION,
  decodeCatalogue,
  encodeCatalogue,
  packTable,
  unpackRows
} from '../../../../../src-main/core/catalogue/catalogue-file'
import type {
  CatalogueFile,
  CatalogueTable
} from '../../../../../src-main/core/catalogue/catalogue-file'
import { openDb } from '../../../../../src-main/core/db/open-db'
import type { WritableDb } from '../../../../../src-main/core/db/types'
import {
  INFERENCE_STORED_COLUMNS,
  upsertInferenceResults
} from '../../../../../src-main/core/repo/inference-results'
import { TRAINING_STORED_COLUMNS } from '../../../../../src-main/core/repo/training-results'
import type { InferenceResultRecord } from '../../../../../src-main/shared/inference'
import { makeRecord } from '../../../../support/records'

const dir = mkdtempSync(join(tmpdir(), 'mlx-bundled-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A catalogue of these results, made the way the build makes it: stored rows, packed. */
function catalogue(records: InferenceResultRecord[], name: string): string {
  const db = openDb(':memory:')
  upsertInferenceResults(db, records, null, 'bundled')
  const rows = db
    .prepare(
      `SELECT ${INFERENCE_STORED_COLUMNS.map((c) => `r.${c}`).join(', ')}, r.content_hash, d.detail_json ` +
        'FROM inference_results r JOIN inference_result_details d ON d.result_id = r.id ORDER BY r.id'
    )
    .all() as Record<string, string | number | null>[]
  const table: CatalogueTable = packTable(
    INFERENCE_STORED_COLUMNS,
    rows.map((r) => ({
      values: INFERENCE_STORED_COLUMNS.map((c) => r[c] ?? null),
      hash: String(r['content_hash']),
      detail: String(r['detail_json'])
    }))
  )
  const file: CatalogueFile = {
    format: CATALOGUE_FORMAT,
    version: CATALOGUE_VERSION,
    coverage: [
      {
        suite: 'inference',
        round: 'v4.1',
        results: records.length,
        source: 'summary_results.json',
        files: ['inference_results_v4.1/summary_results.json'],
        complete: true,
        note: null
      }
    ],
    inference: table,
    training: packTable(TRAINING_STORED_COLUMNS, [])
  }
  const path = join(dir, name)
  writeFileSync(path, encodeCatalogue(file))
  return path
}

const published = [
  makeRecord({ sourceKind: 'summary', submitter: 'A', systemId: 'a1', value: 10 }),
  makeRecord({ sourceKind: 'summary', submitter: 'B', systemId: 'b1', value: 20 }),
  makeRecord({ sourceKind: 'summary', submitter: 'C', systemId: 'c1', value: 30 })
]
const v1 = catalogue(published, 'v1.json.gz')
const v2 = catalogue(
  [...published.slice(0, 2), makeRecord({ sourceKind: 'summary', submitter: 'D', systemId: 'd1' })],
  'v2.json.gz'
)

const origins = (db: WritableDb): Record<string, string> =>
  Object.fromEntries(
    (
      db.prepare('SELECT submitter, origin FROM inference_results ORDER BY submitter').all() as {
        submitter: string
        origin: string
      }[]
    ).map((r) => [r.submitter, r.origin])
  )

describe('the catalogue file format', () => {
  it('codes text columns and gives them back as stored', () => {
    const table = packTable(
      ['a', 'b'],
      [
        { values: ['x', 1], hash: 'h1', detail: '{}' },
        { values: ['x', null], hash: 'h2', detail: '{"notes":[]}' },
        { values: [null, 2.5], hash: 'h3', detail: '{}' }
      ]
    )
    expect(table.coded).toEqual(['a'])
    expect(table.strings).toEqual(['x'])
    expect(unpackRows(table)).toEqual([
      { values: ['x', 1], hash: 'h1', detail: '{}' },
      { values: ['x', null], hash: 'h2', detail: '{"notes":[]}' },
      { values: [null, 2.5], hash: 'h3', detail: '{}' }
    ])
  })

  it('writes the same bytes for the same rows', () => {
    const again = catalogue(published, 'again.json.gz')
    expect(readFileSync(again).equals(readFileSync(v1))).toBe(true)
    expect(encodeCatalogue(decodeCatalogue(readFileSync(v1))).equals(readFileSync(v1))).toBe(true)
  })

  it('refuses a file that is not a catalogue, saying why', () => {
    expect(() => decodeCatalogue(Buffer.from('nope'))).toThrow(/not a gzipped JSON catalogue/)
    expect(() => decodeCatalogue(gzipSync('{"format":"x"}'))).toThrow(
      /not an MLPerf Explorer catalogue/
    )
    expect(() =>
      decodeCatalogue(gzipSync(JSON.stringify({ format: CATALOGUE_FORMAT, version: 99 })))
    ).toThrow(/catalogue version 99/)
  })
})

describe('the catalogue in a database', () => {
  it('loads into a new database once, marked bundled, with its coverage', () => {
    const db = openDb(':memory:')
    expect(ensureCatalogue(db, v1)).toEqual({ inference: 3, training: 0 })
    expect(ensureCatalogue(db, v1)).toBeNull()
    expect(origins(db)).toEqual({ A: 'bundled', B: 'bundled', C: 'bundled' })
    const s = catalogueStatus(db, v1)
    expect(s).toMatchObject({ removed: false, bundled: { inference: 3, training: 0 } })
    expect(s.loadedBuild).toBe(s.shippedBuild)
    expect(s.coverage).toEqual([
      expect.objectContaining({
        round: 'v4.1',
        results: 3,
        complete: true,
        inDatabase: { bundled: 3, imported: 0, downloaded: 0, local: 0 }
      })
    ])
  })

  it('never overwrites what the user has; a new build replaces only bundled rows', () => {
    const db = openDb(':memory:')
    upsertInferenceResults(db, [makeRecord({ submitter: 'A', systemId: 'a1', value: 11 })], null)
    ensureCatalogue(db, v1)
    expect(origins(db)).toEqual({ A: 'imported', B: 'bundled', C: 'bundled' })
    expect(ensureCatalogue(db, v2)).toEqual({ inference: 2, training: 0 })
    expect(origins(db)).toEqual({ A: 'imported', B: 'bundled', D: 'bundled' })
    const a = db.prepare("SELECT value FROM inference_results WHERE submitter = 'A'").get()
    expect(a).toEqual({ value: 11 })
  })

  it('stays removed until restored', () => {
    const db = openDb(':memory:')
    ensureCatalogue(db, v1)
    expect(removeBundled(db, v1)).toEqual({ inference: 3, training: 0 })
    expect(ensureCatalogue(db, v1)).toBeNull()
    expect(ensureCatalogue(db, v2)).toBeNull()
    expect(catalogueStatus(db, v1)).toMatchObject({ removed: true, bundled: { inference: 0 } })
    expect(restoreBundled(db, v1)).toEqual({ inference: 3, training: 0 })
    expect(catalogueStatus(db, v1).removed).toBe(false)
  })

  it('leaves a database made without it empty on later opens', () => {
    const db = openDb(':memory:')
    declineCatalogue(db, v1)
    expect(ensureCatalogue(db, v1)).toBeNull()
    expect(catalogueStatus(db, v1)).toMatchObject({ removed: true, bundled: { inference: 0 } })
  })

  it('does nothing without a file', () => {
    const db = openDb(':memory:')
    expect(ensureCatalogue(db, join(dir, 'missing.json.gz'))).toBeNull()
    expect(catalogueStatus(db, join(dir, 'missing.json.gz')).shippedBuild).toBeNull()
  })
})
