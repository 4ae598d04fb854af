import type Database from 'better-sqlite3'
import type { ReadonlyDb } from './types'

const caches = new WeakMap<ReadonlyDb, Map<string, Database.Statement>>()

/** Prepares each distinct SQL text once per connection. */
export function prepareCached(db: ReadonlyDb, sql: string): Database.Statement {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let stmt = cache.get(sql)
  if (!stmt) {
    stmt = db.prepare(sql)
    cache.set(sql, stmt)
  }
  return stmt
}
