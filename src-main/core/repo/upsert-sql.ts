/**
 * What the inference and training result tables share for idempotent imports: the statements
 * that find a result by its key, insert or update it with a content hash, and store its detail
 * JSON, and the hash itself (same key and same hash → unchanged).
 */
import { createHash } from 'node:crypto'

export type UpsertCounts = { imported: number; updated: number; unchanged: number; kept: number }

export type UpsertSql = { insert: string; update: string; detail: string; find: string }

export function upsertSql(
  table: string,
  detailTable: string,
  insertColumns: readonly string[],
  keyColumns: readonly string[]
): UpsertSql {
  return {
    insert:
      `INSERT INTO ${table} (${insertColumns.join(', ')}, content_hash, import_id) ` +
      `VALUES (${insertColumns.map((c) => '@' + c).join(', ')}, @content_hash, @import_id)`,
    update:
      `UPDATE ${table} SET ${insertColumns.map((c) => `${c} = @${c}`).join(', ')}, ` +
      `content_hash = @content_hash, import_id = @import_id WHERE id = @id`,
    detail:
      `INSERT INTO ${detailTable} (result_id, detail_json) VALUES (?, ?) ` +
      'ON CONFLICT (result_id) DO UPDATE SET detail_json = excluded.detail_json',
    find:
      `SELECT id, content_hash, source_kind FROM ${table} WHERE ` +
      keyColumns.map((c) => `${c} = @${c}`).join(' AND ')
  }
}

/** SHA-1 of a stored row and the detail JSON that describes it. */
export function contentHash(row: Record<string, unknown>, detailJson: string): string {
  return createHash('sha1').update(JSON.stringify(row)).update(detailJson).digest('hex')
}
