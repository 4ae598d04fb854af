import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { describeDbError, sqliteCode } from './db-errors'
import { DatabaseFileError, inspectDbFile } from './db-file'
import { DatabaseFromFutureError, migrate } from './migrate'
import { MIGRATIONS } from './migrations'
import { nap } from './nap'
import type { WritableDb } from './types'

export type OpenDbOptions = {
  /** Path of a better-sqlite3 .node file built for the running ABI (Electron keeps its own). */
  nativeBinding?: string
  /** How long a write waits for another writer's lock before SQLITE_BUSY (default 5 s). */
  busyTimeoutMs?: number
}

const BUSY_TIMEOUT_MS = 5000

/**
 * Opens (creating if needed) and migrates a database. ':memory:' gives a private in-memory one.
 *
 * Order matters, so that a file the app cannot use is never changed: the file is inspected
 * before SQLite opens it (db-file.ts), busy_timeout is set before anything takes a lock, and the
 * schema version is read before the journal mode is switched to WAL (that switch writes the
 * header). A read-only file opens read-only for browsing: writes then fail with SQLITE_READONLY,
 * which every caller reports in words (db-errors.ts). Throws DatabaseFileError or
 * DatabaseFromFutureError with a sentence for the user.
 */
export function openDb(file: string, options: OpenDbOptions = {}): WritableDb {
  const memory = file === ':memory:'
  const state = memory ? ({ kind: 'new' } as const) : inspectDbFile(file)
  if (state.kind === 'new' && !memory) mkdirSync(dirname(file), { recursive: true })
  const readOnly = state.kind === 'sqlite' && state.readOnly
  const db = new Database(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(readOnly ? { readonly: true } : {}),
    ...(state.kind === 'sqlite' ? { fileMustExist: true } : {})
  })
  const busyTimeoutMs = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`)
    const version = probeVersion(db, file)
    const latest = MIGRATIONS.at(-1)?.version ?? 0
    if (version > latest) throw new DatabaseFromFutureError(version, latest)
    if (readOnly) {
      if (version < latest) {
        throw new DatabaseFileError(
          file,
          `${file} is read-only and was written by an older version of the app, so it cannot be brought up to date. It was left unchanged. Make it writable, or open a writable copy.`
        )
      }
      db.pragma('foreign_keys = ON')
      return db as WritableDb
    }
    switchToWal(db, busyTimeoutMs)
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    const writable = db as WritableDb
    migrate(writable)
    return writable
  } catch (e) {
    db.close()
    if (e instanceof DatabaseFileError || e instanceof DatabaseFromFutureError) throw e
    const said = describeDbError(e, `The database ${file}`)
    if (said !== null) throw new DatabaseFileError(file, said)
    throw e
  }
}

/**
 * Switches the journal to WAL, waiting its turn. SQLite answers this pragma with SQLITE_BUSY at
 * once, without calling the busy handler, when another connection is converting the same new
 * file at that instant (1 opener in ~1,200 of six racing ones here), so the wait is done here.
 */
function switchToWal(db: Database.Database, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      db.pragma('journal_mode = WAL')
      return
    } catch (e) {
      if (sqliteCode(e) !== 'SQLITE_BUSY' || Date.now() >= deadline) throw e
      nap(20)
    }
  }
}

/**
 * The schema version, read without writing. Reading the schema first makes SQLite look at the
 * file's pages, so a damaged file is refused here rather than half-way through a migration.
 */
function probeVersion(db: Database.Database, file: string): number {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    return db.pragma('user_version', { simple: true }) as number
  } catch (e) {
    const code = sqliteCode(e)
    if (code !== null && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
      throw new DatabaseFileError(
        file,
        `${file} is damaged or not an SQLite database (${code}). It was left unchanged. Restore a backup, choose another file (--db), or move this one away to start a new database.`
      )
    }
    throw e
  }
}
