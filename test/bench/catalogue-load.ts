/**
 * Loading the shipped catalogue into a new database (what the first start of the app and of the
 * CLI does: read the file, unpack, insert every row with its detail, index, rebuild full-text
 * search), next to a bare better-sqlite3 insert of the same rows into a plain table with the
 * same columns and no index, measured in the same run. Budget: ≤ 3 s.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureCatalogue } from '../../src-main/core/catalogue/bundled-catalogue'
import {
  CATALOGUE_PATH,
  decodeCatalogue,
  unpackRows
} from '../../src-main/core/catalogue/catalogue-file'
import type { CatalogueTable } from '../../src-main/core/catalogue/catalogue-file'
import { openDb } from '../../src-main/core/db/open-db'
import { nowMs, percentile } from './stats'

export type CatalogueLoadResult = {
  rows: number
  fileBytes: number
  /** Median of the runs, ms. */
  loadMs: number
  bareMs: number
  ratio: number
}

function bareInsert(dir: string, tables: readonly CatalogueTable[]): number {
  const db = new Database(join(dir, `bare-${Math.random()}.db`))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  const t0 = nowMs()
  tables.forEach((t, i) => {
    const cols = [...t.columns, 'content_hash']
    db.exec(
      `CREATE TABLE r${i} (id INTEGER PRIMARY KEY, ${cols.map((c) => `${c} ANY`).join(', ')}); ` +
        `CREATE TABLE d${i} (result_id INTEGER PRIMARY KEY, detail_json TEXT)`
    )
    const insert = db.prepare(
      `INSERT INTO r${i} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`
    )
    const detail = db.prepare(`INSERT INTO d${i} (result_id, detail_json) VALUES (?, ?)`)
    const rows = unpackRows(t)
    db.transaction(() => {
      for (const row of rows) {
        const id = insert.run(...row.values, row.hash).lastInsertRowid
        detail.run(id, row.detail)
      }
    })()
  })
  const ms = nowMs() - t0
  db.close()
  return ms
}

export function benchCatalogueLoad(root: string, times = 3): CatalogueLoadResult {
  const path = join(root, ...CATALOGUE_PATH)
  const file = decodeCatalogue(readFileSync(path))
  const dir = mkdtempSync(join(tmpdir(), 'mlx-bench-catalogue-'))
  const load: number[] = []
  const bare: number[] = []
  try {
    for (let i = 0; i < times; i++) {
      const db = openDb(join(dir, `load-${i}.db`))
      const t0 = nowMs()
      ensureCatalogue(db, path)
      load.push(nowMs() - t0)
      db.close()
      bare.push(bareInsert(dir, [file.inference, file.training]))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const loadMs = percentile(load, 0.5)
  const bareMs = percentile(bare, 0.5)
  return {
    rows: file.inference.rows.length + file.training.rows.length,
    fileBytes: statSync(path).size,
    loadMs,
    bareMs,
    ratio: loadMs / bareMs
  }
}
