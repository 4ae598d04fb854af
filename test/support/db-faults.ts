/**
 * Database faults injected the way they happen to users: another program holding the write
 * lock, a disk that fills up, a database that turns read-only.
 */
import Database from 'better-sqlite3'
import type { WritableDb } from '../../src-main/core/db/types'

/** A second connection that holds the write lock until released (another writer, mid-batch). */
export function holdWriteLock(file: string): { release: () => void } {
  const other = new Database(file)
  other.exec('BEGIN IMMEDIATE')
  return {
    release: () => {
      other.exec('ROLLBACK')
      other.close()
    }
  }
}

/** Lets the connection grow by only `pages` more pages: the next larger write is SQLITE_FULL. */
export function fillDisk(db: WritableDb, pages = 2): void {
  const n = db.pragma('page_count', { simple: true }) as number
  db.pragma(`max_page_count = ${n + pages}`)
}

/** Every further write on this connection fails with SQLITE_READONLY. */
export function makeReadOnly(db: WritableDb): void {
  db.pragma('query_only = ON')
}

/** Makes a file read-only for everyone, root included (the app honours the permission bits). */
export const READ_ONLY_MODE = 0o444
