/**
 * What the inference and training result tables share for idempotent imports: the statements
 * that find a result by its key, insert or update it with a content hash, and store its detail
 * JSON, and the hash itself (same key and same hash → unchanged).
 */
import { createHash } from 'node:crypto'

export type UpsertCounts = {
  imported: number
  updated: number
  unchanged: number
  /**
   * Table rows that met a result read from logs: the logs' values were kept (each also counts
   * as unchanged, or as updated when the table added fields the logs lack).
   */
  kept: number
  /** Log-derived results that took fields only an official table carries (result ID…). */
  enriched: number
  /** Where an official table and the logs give different numbers (see table-merge.ts). */
  disagreements: { result: string; note: string }[]
}

export function emptyCounts(): UpsertCounts {
  return { imported: 0, updated: 0, unchanged: 0, kept: 0, enriched: 0, disagreements: [] }
}

export type UpsertSql = { insert: string; update: string; detail: string; find: string }

export function upsertSql(
  table: string,
  detailTable: string,
  insertColumns: readonly string[],
  keyColumns: readonly string[]
): UpsertSql {
  return {
    insert:
      `INSERT INTO ${table} (${insertColumns.join(', ')}, content_hash, import_id, origin) ` +
      `VALUES (${insertColumns.map((c) => '@' + c).join(', ')}, @content_hash, @import_id, @origin)`,
    update:
      `UPDATE ${table} SET ${insertColumns.map((c) => `${c} = @${c}`).join(', ')}, ` +
      `content_hash = @content_hash, import_id = @import_id, origin = @origin WHERE id = @id`,
    detail:
      `INSERT INTO ${detailTable} (result_id, detail_json) VALUES (?, ?) ` +
      'ON CONFLICT (result_id) DO UPDATE SET detail_json = excluded.detail_json',
    find:
      `SELECT id, content_hash, source_kind, origin FROM ${table} WHERE ` +
      keyColumns.map((c) => `${c} = @${c}`).join(' AND ')
  }
}

/** SHA-1 of a stored row and the detail JSON that describes it. */
export function contentHash(row: Record<string, unknown>, detailJson: string): string {
  return createHash('sha1').update(JSON.stringify(row)).update(detailJson).digest('hex')
}
