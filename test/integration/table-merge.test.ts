/**
 * Issue 10 points 4 and 5 on the real corpus: a submission tree imported over an official table
 * keeps what only the table knows (the v4.1 JuniperNetworks llama2-70b-99 Offline result keeps
 * its ID v4.1-0036, so the citation footnote names every ID), the same over the bundled
 * catalogue, and a submitter summary that disagrees with the published logs is reported with
 * both numbers instead of being counted as unchanged. Skipped when ../shared/corpus is absent.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../src-main/api/open-backend'
import { openDb } from '../../src-main/core/db/open-db'
import type { WritableDb } from '../../src-main/core/db/types'
import { tableFootnote } from '../../src-main/core/export/render-view'
import { runImport } from '../../src-main/core/ingest/import-job'
import { getInferenceResult } from '../../src-main/core/repo/inference-results'
import type { ViewQuery } from '../../src-main/shared/api'

const root = join(import.meta.dirname, '..', '..')
const corpus = join(root, '..', 'shared', 'corpus')
const present = existsSync(join(corpus, 'inference', 'v4.1'))
const dir = mkdtempSync(join(tmpdir(), 'mlx-table-merge-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const signal = new AbortController().signal

const table = join(corpus, 'consolidated', 'inference_results_v4.1', 'summary_results.json')
const tree = join(corpus, 'inference', 'v4.1')
/** The closed-division llama2-70b-99 results of v4.1: six of them were read from the tree. */
const llama: ViewQuery = {
  suite: 'inference',
  filters: [
    { column: 'round', op: 'eq', value: 'v4.1' },
    { column: 'division', op: 'eq', value: 'closed' },
    { column: 'benchmark', op: 'eq', value: 'llama2-70b-99' }
  ]
}

function juniper(db: WritableDb): { id: number; public_id: string | null; source_kind: string } {
  return db
    .prepare(
      "SELECT id, public_id, source_kind FROM inference_results WHERE round = 'v4.1' AND " +
        "submitter = 'JuniperNetworks' AND system_id = 'DGX-H100_H100-SXM-80GBx32_TRT' AND " +
        "benchmark = 'llama2-70b-99' AND scenario = 'Offline'"
    )
    .get() as { id: number; public_id: string | null; source_kind: string }
}

describe.skipIf(!present)(
  present
    ? 'merging a tree over an official table'
    : '../shared/corpus not found: table merge checks skipped',
  () => {
    it('keeps the result ID, precision and availability the logs do not carry', async () => {
      const db = openDb(join(dir, 'tree-over-table.db'))
      await runImport(db, [table], {}, signal)
      const before = tableFootnote(db, llama, '0.1.0', '2026-12-03T00:00:00Z').join('\n')
      expect(before).not.toMatch(/have no published ID/)
      const r = await runImport(db, [tree], {}, signal)
      expect(r).toMatchObject({ status: 'done', resultsFound: 71, imported: 0, updated: 71 })
      expect(r.notes.join('\n')).toMatch(/71 result\(s\) read from logs kept fields/)

      const j = juniper(db)
      expect(j).toMatchObject({ public_id: 'v4.1-0036', source_kind: 'tree' })
      const view = getInferenceResult(db, j.id)
      expect(view?.row).toMatchObject({ weight_data_types: 'fp16', category: 'available' })
      expect(view?.detail.notes.join('\n')).toMatch(
        /Kept from the results table \(summary_results\.json\), which the logs do not carry: result ID v4\.1-0036/
      )
      expect(view?.detail.officialTable?.source).toBe(table)
      // The logs' checks are still there: the row is the tree's.
      expect(view?.detail.checks.length).toBeGreaterThan(0)

      const after = tableFootnote(db, llama, '0.1.0', '2026-12-03T00:00:00Z').join('\n')
      expect(after).toMatch(/Result IDs: .*v4\.1-0036/)
      expect(after).not.toMatch(/have no published ID/)
      // Reading the logs again, or both sources in one import, changes nothing.
      expect(await runImport(db, [tree], {}, signal)).toMatchObject({ updated: 0, unchanged: 71 })
      expect(await runImport(db, [tree, table], {}, signal)).toMatchObject({
        imported: 0,
        updated: 0
      })
      expect(juniper(db).public_id).toBe('v4.1-0036')
      db.close()
    })

    it('does the same over the bundled catalogue, marking the row imported', async () => {
      const backend = openBackend({
        dbPath: join(dir, 'tree-over-catalogue.db'),
        shell: 'cli',
        appRoot: root,
        catalogue: true
      })
      const before = juniper(backend.db)
      expect(before).toMatchObject({ public_id: 'v4.1-0036', source_kind: 'summary' })
      const r = await runImport(backend.db, [tree], {}, signal)
      expect(r.status).toBe('done')
      const j = juniper(backend.db)
      expect(j).toMatchObject({ id: before.id, public_id: 'v4.1-0036', source_kind: 'tree' })
      const origin = backend.db
        .prepare('SELECT origin FROM inference_results WHERE id = ?')
        .get(j.id) as { origin: string }
      expect(origin.origin).toBe('imported')
      const note = tableFootnote(backend.db, llama, '0.1.0', '2026-12-03T00:00:00Z').join('\n')
      expect(note).not.toMatch(/have no published ID/)
      // Removing the bundled results leaves the imported ones, table fields and all.
      await backend.api.catalogue.remove({})
      expect(juniper(backend.db).public_id).toBe('v4.1-0036')
      await backend.close()
    })

    it('reports a summary value that differs from the logs, with both numbers', async () => {
      const db = openDb(join(dir, 'disagreement.db'))
      const inspur = join(
        corpus,
        'consolidated',
        'inference_results_v0.7',
        'closed',
        'Inspur',
        'results_summary.csv'
      )
      const r = await runImport(db, [join(corpus, 'inference', 'v0.7'), inspur], {}, signal)
      expect(r.status).toBe('done')
      const line =
        'v0.7 closed Inspur T4x8_TRT 3d-unet-99 Offline: The results table (results_summary.csv) ' +
        'gives the result 60.4107 Samples/s; the logs give 59.1081 Samples/s'
      expect(r.notes.some((n) => n.startsWith(line))).toBe(true)
      expect(r.notes).toContain(
        '1 value(s) differ between a results table and the logs beyond the table’s precision; the logs’ values are kept and both numbers are listed here and in each result’s notes.'
      )
      const row = db
        .prepare(
          "SELECT id, value FROM inference_results WHERE submitter = 'Inspur' AND system_id = 'T4x8_TRT' AND benchmark = '3d-unet-99'"
        )
        .get() as { id: number; value: number }
      expect(row.value).toBeCloseTo(59.1081, 4)
      expect(getInferenceResult(db, row.id)?.detail.notes.join('\n')).toMatch(
        /gives the result 60\.4107 Samples\/s; the logs give 59\.108\d* Samples\/s/
      )
      // Importing the summary again says so again: it is not silently "unchanged".
      const again = await runImport(db, [inspur], {}, signal)
      expect(again.notes.some((n) => n.startsWith(line))).toBe(true)
      db.close()
    })
  }
)
