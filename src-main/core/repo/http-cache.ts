import { prepareCached } from '../db/statement-cache'
import type { ReadonlyDb, WritableDb } from '../db/types'
import type { Validators } from '../published/http-get'

/** What is remembered about one downloaded URL. */
export type CachedFile = Validators & {
  url: string
  sha256: string
  bytes: number
  localPath: string
  fetchedAt: string
  checkedAt: string
}

type Row = {
  url: string
  etag: string | null
  last_modified: string | null
  sha256: string
  bytes: number
  local_path: string
  fetched_at: string
  checked_at: string
}

function toCached(r: Row): CachedFile {
  return {
    url: r.url,
    etag: r.etag,
    lastModified: r.last_modified,
    sha256: r.sha256,
    bytes: r.bytes,
    localPath: r.local_path,
    fetchedAt: r.fetched_at,
    checkedAt: r.checked_at
  }
}

export function getCachedFile(db: ReadonlyDb, url: string): CachedFile | null {
  const row = prepareCached(db, 'SELECT * FROM published_http_cache WHERE url = ?').get(url) as
    Row | undefined
  return row ? toCached(row) : null
}

/** Records a download (a new or changed file). */
export function saveCachedFile(db: WritableDb, f: CachedFile): void {
  prepareCached(
    db,
    `INSERT INTO published_http_cache
       (url, etag, last_modified, sha256, bytes, local_path, fetched_at, checked_at)
     VALUES (@url, @etag, @last_modified, @sha256, @bytes, @local_path, @fetched_at, @checked_at)
     ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
       sha256 = excluded.sha256, bytes = excluded.bytes, local_path = excluded.local_path,
       fetched_at = excluded.fetched_at, checked_at = excluded.checked_at`
  ).run({
    url: f.url,
    etag: f.etag,
    last_modified: f.lastModified,
    sha256: f.sha256,
    bytes: f.bytes,
    local_path: f.localPath,
    fetched_at: f.fetchedAt,
    checked_at: f.checkedAt
  })
}

/** Records that the server confirmed the copy is current (304). */
export function touchCachedFile(db: WritableDb, url: string, checkedAt: string): void {
  prepareCached(db, 'UPDATE published_http_cache SET checked_at = ? WHERE url = ?').run(
    checkedAt,
    url
  )
}
