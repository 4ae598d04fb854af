import type { WritableDb } from './types'
import type { Migration } from './migrations'
import { MIGRATIONS } from './migrations'

/** Raised when the database was written by a newer version of the app. */
export class DatabaseFromFutureError extends Error {
  constructor(
    readonly dbVersion: number,
    readonly appVersion: number
  ) {
    super(
      `The database is at schema version ${dbVersion}, newer than this app supports (${appVersion}). ` +
        'Update MLPerf Explorer or open another database.'
    )
    this.name = 'DatabaseFromFutureError'
  }
}

/**
 * Applies pending migrations in one exclusive transaction with user_version set inside it, so a
 * failed step leaves the database as it was (Signal's runner). The version is read again once
 * the lock is held: two processes opening a new database at once would otherwise both see
 * version 0 and the second would fail with "table imports already exists".
 */
export function migrate(db: WritableDb, migrations: readonly Migration[] = MIGRATIONS): number {
  for (let i = 1; i < migrations.length; i++) {
    const prev = migrations[i - 1]
    const cur = migrations[i]
    if (prev && cur && cur.version <= prev.version) {
      throw new Error(`Migration versions must increase: ${prev.version} then ${cur.version}`)
    }
  }
  const latest = migrations.at(-1)?.version ?? 0
  const version = (): number => db.pragma('user_version', { simple: true }) as number
  // Up to date (the usual case): no lock taken.
  const seen = version()
  if (seen > latest) throw new DatabaseFromFutureError(seen, latest)
  if (seen === latest) return latest
  const applied = db
    .transaction((): boolean => {
      const current = version()
      if (current > latest) throw new DatabaseFromFutureError(current, latest)
      const pending = migrations.filter((m) => m.version > current)
      if (pending.length === 0) return false
      for (const m of pending) m.up(db)
      db.pragma(`user_version = ${latest}`)
      return true
    })
    .exclusive()
  if (applied) db.pragma('optimize')
  return latest
}
