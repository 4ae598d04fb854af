import type { WritableDb } from './types'

/**
 * Runs `fn` in one write transaction that takes the write lock when it begins (BEGIN
 * IMMEDIATE). A deferred transaction that reads first and writes later cannot wait for another
 * writer: once someone else has committed since its read began, SQLite answers SQLITE_BUSY at
 * once instead of applying busy_timeout (the "database is locked" of two concurrent imports).
 * Beginning immediately makes every writer queue on busy_timeout instead.
 */
export function writeTransaction<T>(db: WritableDb, fn: () => T): T {
  return db.transaction(fn).immediate()
}
