import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { migrate } from './migrate'
import type { WritableDb } from './types'

export type OpenDbOptions = {
  /** Path of a better-sqlite3 .node file built for the running ABI (Electron keeps its own). */
  nativeBinding?: string
}

/** Opens (creating if needed) and migrates a database. ':memory:' gives a private in-memory one. */
export function openDb(file: string, options: OpenDbOptions = {}): WritableDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
  )
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma('synchronous = NORMAL')
  const writable = db as WritableDb
  migrate(writable)
  return writable
}
