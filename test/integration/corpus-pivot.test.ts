/**
 * The per-round pivot against MLCommons' own v4.1 results table: after importing
 * summary_results.json, every official result sits in the cell of its system (by MLPerf ID),
 * benchmark and scenario, with the official value. Skipped when ../shared/corpus is absent.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src-main/core/db/open-db'
import { runImport } from '../../src-main/core/ingest/import-job'
import { queryPivot } from '../../src-main/core/query/pivot'

const corpus = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus')
const table = join(corpus, 'consolidated', 'inference_results_v4.1', 'summary_results.json')
const present = existsSync(table)
const dir = mkdtempSync(join(tmpdir(), 'mlx-corpus-pivot-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe.skipIf(!present)(
  present ? 'the v4.1 pivot against the official table' : '../shared/corpus not found: skipped',
  () => {
    it('puts every official result in its system row and benchmark × scenario column', async () => {
      const db = openDb(join(dir, 'pivot.db'))
      const report = await runImport(db, [table], {}, new AbortController().signal)
      expect(report.status).toBe('done')
      const official = JSON.parse(readFileSync(table, 'utf8')) as Record<string, unknown>[]
      const pivot = queryPivot(db, { round: 'v4.1', filters: [] })
      const perf = queryPivot(db, { round: 'v4.1', filters: [] })
      expect(perf.results).toBe(official.length)
      let checked = 0
      for (const o of official) {
        const row = pivot.rows.find(
          (r) =>
            r.division === o['Category'] &&
            r.submitter === o['Submitter'] &&
            r.systemId === o['Platform']
        )
        expect(row, String(o['ID'])).toBeDefined()
        const col = pivot.columns.findIndex(
          (c) => c.benchmark === o['UsedModel'] && c.scenario === o['Scenario']
        )
        expect(col, `${String(o['UsedModel'])} ${String(o['Scenario'])}`).toBeGreaterThanOrEqual(0)
        expect(row?.cells[col]?.value).toBe(o['Performance_Result'])
        expect(row?.cells[col]?.publicId).toBe(o['ID'])
        if (o['Category'] === 'closed') expect(row?.publicId).toBe(o['ID'])
        checked++
      }
      expect(checked).toBe(official.length)
      // The power view holds the official power results of the same systems.
      const power = queryPivot(db, { round: 'v4.1', filters: [], measure: 'power' })
      expect(power.results).toBe(official.filter((o) => o['Power_Result'] !== undefined).length)
      db.close()
    })
  }
)
