/**
 * SQLite failures a user can act on, each as one sentence with what to do. better-sqlite3
 * throws a SqliteError whose `code` is the (extended) result code name, e.g. SQLITE_READONLY,
 * SQLITE_FULL, SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE.
 */

/** The SQLite result code of an error (extended codes kept), or null for any other error. */
export function sqliteCode(e: unknown): string | null {
  if (e === null || typeof e !== 'object') return null
  const code = (e as { code?: unknown }).code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null
}

/** The primary result code: SQLITE_BUSY for SQLITE_BUSY_SNAPSHOT and so on. */
function primary(code: string): string {
  const m = /^SQLITE_[A-Z]+/.exec(code)
  return m ? m[0] : code
}

/**
 * A database error said plainly, or null when `e` is not one the user can act on (a bug keeps
 * its own message). `what` names the database for the sentence ("The database …/explorer.db").
 */
export function describeDbError(e: unknown, what = 'The database'): string | null {
  const code = sqliteCode(e)
  if (code === null) return null
  switch (primary(code)) {
    case 'SQLITE_READONLY':
      return `${what} is read-only (${code}): nothing more could be saved. Make the file and its folder writable, or work on a writable copy.`
    case 'SQLITE_FULL':
      return `The disk holding ${lower(what)} is full (${code}): nothing more could be saved. Free some space and try again; what was saved before stays.`
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return `${what} stayed locked by another program (${code}): try again once the other import or run has finished.`
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return `${what} is damaged (${code}): restore a backup, or move the file away to start a new database.`
    case 'SQLITE_IOERR':
      return `${what} could not be read or written (${code}): check the disk and the file's permissions.`
    case 'SQLITE_CANTOPEN':
      return `${what} cannot be opened (${code}): check that its folder exists and is accessible.`
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return `${what} may not be written (${code}): check the file's permissions.`
    default:
      return null
  }
}

function lower(what: string): string {
  return what.startsWith('The ') ? 'the ' + what.slice(4) : what
}
