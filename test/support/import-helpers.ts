/** Importing through the real job and reading back what is stored, for the reliability tests. */
import { openDb } from '../../src-main/core/db/open-db'
import type { WritableDb } from '../../src-main/core/db/types'
import { runImport } from '../../src-main/core/ingest/import-job'
import type { ImportReport } from '../../src-main/shared/api'

export function importPaths(db: WritableDb, paths: string[]): Promise<ImportReport> {
  return runImport(db, paths, {}, new AbortController().signal)
}

/** Every stored result (table columns, detail left out) by a readable key. */
export type TableDump = Map<string, Record<string, unknown>>

const DROP = new Set(['id', 'import_id', 'content_hash'])

function rows(db: WritableDb, table: string, key: string[]): TableDump {
  const out: TableDump = new Map()
  for (const r of db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]) {
    const kept = Object.fromEntries(Object.entries(r).filter(([k]) => !DROP.has(k)))
    out.set(`${table}:${key.map((k) => String(r[k])).join('/')}`, kept)
  }
  return out
}

export function dumpTables(db: WritableDb): TableDump {
  return new Map([
    ...rows(db, 'inference_results', [
      'round',
      'division',
      'submitter',
      'system_id',
      'benchmark',
      'scenario'
    ]),
    ...rows(db, 'training_results', ['round', 'division', 'submitter', 'system_id', 'benchmark'])
  ])
}

/** Rows added, removed or changed between two dumps, with their source folders. */
export function changedRows(
  before: TableDump,
  after: TableDump
): { key: string; source: string; what: 'added' | 'removed' | 'changed' }[] {
  const out: { key: string; source: string; what: 'added' | 'removed' | 'changed' }[] = []
  for (const [k, a] of after) {
    const b = before.get(k)
    if (!b) out.push({ key: k, source: String(a['source']), what: 'added' })
    else if (JSON.stringify(a) !== JSON.stringify(b))
      out.push({ key: k, source: String(a['source']), what: 'changed' })
  }
  for (const [k, b] of before) {
    if (!after.has(k)) out.push({ key: k, source: String(b['source']), what: 'removed' })
  }
  return out
}

/** Every line of a report as text (skipped items and notes), for "is it mentioned" checks. */
export function reportLines(r: ImportReport): string[] {
  return [
    ...(r.error ? [r.error] : []),
    ...r.skippedItems.map((s) => `${s.path}: ${s.reason}`),
    ...r.notes
  ]
}

export { openDb }
