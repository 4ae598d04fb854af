import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from '../../src-main/core/db/open-db'
import { runImport } from '../../src-main/core/ingest/import-job'

const corpus = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus')
const present = existsSync(corpus)
const dir = mkdtempSync(join(tmpdir(), 'mlx-corpus-import-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// End to end through the import job and the database: every corpus tree plus the official v4.1
// results table, as a user would import them.
describe.skipIf(!present)(
  present
    ? 'importing the corpus into a database'
    : '../shared/corpus not found: corpus import check skipped',
  () => {
    const db = openDb(join(dir, 'corpus.db'))
    const signal = new AbortController().signal
    const table = join(corpus, 'consolidated', 'inference_results_v4.1', 'summary_results.json')

    it('imports every tree result, then the official table without duplicating them', async () => {
      const trees = await runImport(db, [join(corpus, 'inference')], {}, signal)
      expect(trees).toMatchObject({ status: 'done', resultsFound: 207, imported: 207, skipped: 0 })
      const summary = await runImport(db, [table], {}, signal)
      // 71 of the 937 official v4.1 rows are results already read from the v4.1 trees: their
      // values stay, and each gains what only the table carries (its result ID, precision…).
      expect(summary).toMatchObject({
        status: 'done',
        resultsFound: 937,
        imported: 866,
        updated: 71,
        unchanged: 0
      })
      expect(summary.notes.join(' ')).toMatch(
        /71 summary row\(s\) matched results already imported/
      )
      expect(summary.notes.join(' ')).toMatch(/71 result\(s\) read from logs kept fields/)
      const n = db
        .prepare('SELECT source_kind, count(*) AS n FROM inference_results GROUP BY 1 ORDER BY 1')
        .all()
      expect(n).toEqual([
        { source_kind: 'summary', n: 866 },
        { source_kind: 'tree', n: 207 }
      ])
    })

    it('changes nothing when the same paths are imported again', async () => {
      const again = await runImport(db, [join(corpus, 'inference'), table], {}, signal)
      expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 207 + 937, skipped: 0 })
    })

    it('changes nothing on a second import of every tree and every official summary', async () => {
      // The consolidated files overlap (the v4.1 table, its CM export, per-submitter CSVs):
      // a re-import must not flip rows between their copies.
      const all = [
        join(corpus, 'inference'),
        join(corpus, 'training'),
        join(corpus, 'consolidated')
      ]
      const fresh = openDb(join(dir, 'all.db'))
      const first = await runImport(fresh, all, {}, signal)
      expect(first.status).toBe('done')
      const second = await runImport(fresh, all, {}, signal)
      expect(second).toMatchObject({ imported: 0, updated: 0, unchanged: first.resultsFound })
      fresh.close()
      // Two imports of the whole corpus (43,000 results): a functional check, not a time budget
      // (npm run bench measures import speed), so it may take what a loaded machine needs.
    }, 600_000)

    it('holds every round of the corpus trees', () => {
      const rows = db
        .prepare(
          "SELECT round, count(*) AS n FROM inference_results WHERE source_kind = 'tree' GROUP BY round ORDER BY round"
        )
        .all()
      expect(rows).toEqual([
        { round: 'v0.5', n: 19 },
        { round: 'v0.7', n: 17 },
        { round: 'v1.0', n: 15 },
        { round: 'v3.0', n: 85 },
        { round: 'v4.1', n: 71 }
      ])
    })
  }
)
