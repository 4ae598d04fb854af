/**
 * What is at a database path before SQLite touches it. Opening a file that is not a database,
 * or is empty, would let SQLite turn it into a new database on the first write; a database from
 * a newer app would have its journal mode switched before the version could be read. So the
 * file is looked at first, with plain reads, and refused with one sentence and a suggestion
 * when it cannot be used. Nothing here writes.
 */
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  statSync
} from 'node:fs'
import { nap } from './nap'

/** Raised for a database file that cannot be used as it is; the file is left unchanged. */
export class DatabaseFileError extends Error {
  constructor(
    readonly file: string,
    message: string
  ) {
    super(message)
    this.name = 'DatabaseFileError'
  }
}

export type DbFileState =
  /** Nothing there yet: a new database will be made. */
  | { kind: 'new' }
  /** An SQLite file; `readOnly` when it may not be written (it then opens for browsing). */
  | { kind: 'sqlite'; readOnly: boolean }

const HEADER = Buffer.from('SQLite format 3\0', 'latin1')
const LEAVE = 'It was left unchanged.'
const SUGGEST = 'Choose another file (--db), or move this one away to start a new database.'

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (st.isDirectory()) return 'a folder'
  if (st.isFIFO()) return 'a FIFO'
  if (st.isSocket()) return 'a socket'
  return 'not a regular file'
}

/**
 * Whether the file may be written: permission bits first (a file the user made read-only stays
 * read-only even for root, who passes every access check), then the OS's own answer.
 */
function writable(file: string, mode: number): boolean {
  if ((mode & 0o222) === 0) return false
  try {
    accessSync(file, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** How long an empty, just-made file may take to get its header from another opener. */
const CREATION_WAIT_MS = 3000

/**
 * Whether an empty file is a database another process is creating right now: SQLite makes the
 * file empty and writes its header moments later, so two processes opening a new database at
 * once would otherwise refuse each other's. Only a file modified in the last 30 seconds is
 * waited for; an older empty file is refused at once.
 */
function gainsHeader(file: string, mtimeMs: number): boolean {
  if (Date.now() - mtimeMs > 30_000) return false
  for (let waited = 0; waited < CREATION_WAIT_MS; waited += 20) {
    nap(20)
    try {
      if (statSync(file).size > 0) return true
    } catch {
      return false
    }
  }
  return false
}

export function inspectDbFile(file: string): DbFileState {
  let st
  try {
    st = lstatSync(file)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'new' }
    throw new DatabaseFileError(
      file,
      `${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}). ${SUGGEST}`
    )
  }
  // A symbolic link is followed (a database kept elsewhere), but what it names must be a file.
  if (st.isSymbolicLink()) {
    try {
      st = statSync(file)
    } catch {
      throw new DatabaseFileError(file, `${file} is a symbolic link to nothing. ${SUGGEST}`)
    }
  }
  if (!st.isFile()) {
    throw new DatabaseFileError(
      file,
      `${file} is ${kindOf(st)}, not an MLPerf Explorer database. ${LEAVE} ${SUGGEST}`
    )
  }
  if (st.size === 0 && !gainsHeader(file, st.mtimeMs)) {
    throw new DatabaseFileError(
      file,
      `${file} is empty (0 bytes), not an MLPerf Explorer database. ${LEAVE} ${SUGGEST}`
    )
  }
  const head = Buffer.alloc(HEADER.length)
  let fd: number
  try {
    // O_NONBLOCK: a FIFO swapped in after the check must not block the open.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (e) {
    throw new DatabaseFileError(
      file,
      `${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}). ${SUGGEST}`
    )
  }
  try {
    if (!fstatSync(fd).isFile()) {
      throw new DatabaseFileError(file, `${file} is not a regular file. ${LEAVE} ${SUGGEST}`)
    }
    readSync(fd, head, 0, head.length, 0)
  } finally {
    closeSync(fd)
  }
  if (!head.equals(HEADER)) {
    throw new DatabaseFileError(
      file,
      `${file} is not an SQLite database (its first bytes are not SQLite's header), so not an MLPerf Explorer database. ${LEAVE} ${SUGGEST}`
    )
  }
  return { kind: 'sqlite', readOnly: !writable(file, st.mode) }
}
