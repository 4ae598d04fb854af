/**
 * Safe file access for the importers. A submission tree is untrusted input: a FIFO where a log
 * should be would block the process for ever, a multi-gigabyte file would exhaust memory, and a
 * symbolic link may lead out of the folder the user chose (a system description taken from
 * somewhere else relabels every result that uses it). So every file is looked at with lstat
 * and realpath first, opened non-blocking, checked again on the open handle, and read only when
 * it is a regular file of bounded size inside the imported folders.
 *
 * The import job runs inside a file scope (withFileScope): the folders the user chose, and a
 * list of every file that was refused and why, which the job puts in its report. The readers
 * (read-result.ts, read-result-set.ts, the summary readers) call the functions below without
 * knowing the scope: it travels with the job's async work (AsyncLocalStorage), so two imports
 * running at once each keep their own. Outside a scope (tests, the local-run reader) the same
 * checks apply except the folder confinement.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Stats } from 'node:fs'
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync
} from 'node:fs'
import { open } from 'node:fs/promises'
import path from 'node:path'

/** Largest file read: LoadGen logs of a published tree stay far below (GitHub caps files at 100 MB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024
/** Above this, a file is read in slices with a turn of the event loop between them. */
const SLICED_READ_BYTES = 8 * 1024 * 1024
const SLICE_BYTES = 4 * 1024 * 1024

export type FileScope = {
  /** Real paths of the folders (or files) the user chose: nothing outside is read. */
  roots: string[]
  /** Files and folders refused, by path, with the reason (first reason kept). */
  problems: Map<string, string>
  /** Real paths of folders already listed, for links that lead back into the tree. */
  listed: Map<string, string>
}

const store = new AsyncLocalStorage<FileScope>()

function realOrSelf(p: string): string {
  try {
    return realpathSync.native(p)
  } catch {
    return path.resolve(p)
  }
}

/**
 * A chosen path inside a submission tree's `results/` folder (one system, benchmark or scenario)
 * also reaches its submitter folder: the importer reads the system description and the
 * measurements beside `results/` by the tree's layout, as the submission checker does.
 */
function withSubmitterFolder(real: string): string[] {
  const segs = real.split(path.sep)
  const at = segs.map((s) => s.toLowerCase()).lastIndexOf('results')
  if (at <= 0 || at === segs.length - 1) return [real]
  return [real, segs.slice(0, at).join(path.sep) || path.sep]
}

/** Runs `fn` (an import) with the chosen paths as the only places files may come from. */
export function withFileScope<T>(paths: readonly string[], fn: (scope: FileScope) => T): T {
  const scope: FileScope = {
    roots: paths.map(realOrSelf).flatMap(withSubmitterFolder),
    problems: new Map(),
    listed: new Map()
  }
  return store.run(scope, () => fn(scope))
}

export function currentFileScope(): FileScope | undefined {
  return store.getStore()
}

/** Records a refused file in the current scope (the import report lists each once). */
export function recordProblem(p: string, reason: string): void {
  const scope = store.getStore()
  if (scope && !scope.problems.has(p)) scope.problems.set(p, reason)
}

function inside(real: string, roots: readonly string[]): boolean {
  return roots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep))
}

/** What a non-regular file is, in words. */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder'
  if (st.isFIFO()) return 'a FIFO (named pipe)'
  if (st.isSocket()) return 'a socket'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  if (st.isSymbolicLink()) return 'a symbolic link'
  return 'not a regular file'
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`
}

export type Checked =
  { ok: true; real: string; size: number } | { ok: false; missing: boolean; reason: string }

/**
 * Whether `p` may be read: it exists, resolves (through any links) to a place inside the
 * imported folders, and is a regular file of at most `maxBytes`. Never opens the file.
 */
export function checkFile(p: string, maxBytes = MAX_FILE_BYTES): Checked {
  let link: Stats
  try {
    link = lstatSync(p)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return { ok: false, missing: true, reason: 'missing' }
    return { ok: false, missing: false, reason: `cannot be read (${code ?? 'error'})` }
  }
  let real: string
  try {
    real = realpathSync.native(p)
  } catch {
    return {
      ok: false,
      missing: false,
      reason: link.isSymbolicLink()
        ? 'is a symbolic link to nothing (broken link)'
        : 'cannot be resolved (a link loop?)'
    }
  }
  const scope = store.getStore()
  if (scope && !inside(real, scope.roots)) {
    return {
      ok: false,
      missing: false,
      reason: `leads out of the imported folders (symbolic link to ${real}); not followed`
    }
  }
  let st: Stats
  try {
    st = link.isSymbolicLink() ? lstatSync(real) : link
  } catch {
    return { ok: false, missing: false, reason: 'cannot be read' }
  }
  if (!st.isFile())
    return { ok: false, missing: false, reason: `is ${kindOf(st)}, not a regular file; not read` }
  if (st.size > maxBytes) {
    return {
      ok: false,
      missing: false,
      reason: `is ${megabytes(st.size)}, more than the ${megabytes(maxBytes)} a result file can be; not read`
    }
  }
  return { ok: true, real, size: st.size }
}

/**
 * Opens a checked file without blocking (a FIFO swapped in after the check opens at once) and
 * checks the open handle again, so what is read is what was checked.
 */
function openChecked(real: string, maxBytes: number): { fd: number; size: number } | string {
  let fd: number
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW)
  } catch (e) {
    return `cannot be opened (${(e as NodeJS.ErrnoException).code ?? 'error'})`
  }
  const st = fstatSync(fd)
  if (!st.isFile() || st.size > maxBytes) {
    closeSync(fd)
    return st.isFile()
      ? `grew beyond ${megabytes(maxBytes)}; not read`
      : `is ${kindOf(st)}, not a regular file; not read`
  }
  return { fd, size: st.size }
}

/** A refused file: recorded in the scope unless it is simply missing. */
function refuse(p: string, c: Checked & { ok: false }): null {
  if (!c.missing) recordProblem(p, `${path.basename(p)} ${c.reason}`)
  return null
}

/** The bytes of a file, or null when it is missing or refused (refusals are recorded). */
export function readFileSafeSync(p: string, maxBytes = MAX_FILE_BYTES): Buffer | null {
  const c = checkFile(p, maxBytes)
  if (!c.ok) return refuse(p, c)
  const opened = openChecked(c.real, maxBytes)
  if (typeof opened === 'string') {
    recordProblem(p, `${path.basename(p)} ${opened}`)
    return null
  }
  try {
    const buf = Buffer.allocUnsafe(opened.size)
    let at = 0
    while (at < opened.size) {
      const n = readSync(opened.fd, buf, at, opened.size - at, at)
      if (n === 0) break
      at += n
    }
    return at === opened.size ? buf : buf.subarray(0, at)
  } catch (e) {
    recordProblem(
      p,
      `${path.basename(p)} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`
    )
    return null
  } finally {
    closeSync(opened.fd)
  }
}

/**
 * The bytes of a file; a large one is read in slices with a turn of the event loop between
 * them, so the window keeps answering. Null when missing or refused.
 */
export async function readFileSafe(p: string, maxBytes = MAX_FILE_BYTES): Promise<Buffer | null> {
  const c = checkFile(p, maxBytes)
  if (!c.ok) return refuse(p, c)
  if (c.size <= SLICED_READ_BYTES) return readFileSafeSync(p, maxBytes)
  let handle
  try {
    handle = await open(c.real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW)
  } catch (e) {
    recordProblem(
      p,
      `${path.basename(p)} cannot be opened (${(e as NodeJS.ErrnoException).code ?? 'error'})`
    )
    return null
  }
  try {
    const st = await handle.stat()
    if (!st.isFile() || st.size > maxBytes) {
      recordProblem(p, `${path.basename(p)} is ${kindOf(st)}, not a regular file; not read`)
      return null
    }
    const buf = Buffer.allocUnsafe(st.size)
    let at = 0
    while (at < st.size) {
      const { bytesRead } = await handle.read(buf, at, Math.min(SLICE_BYTES, st.size - at), at)
      if (bytesRead === 0) break
      at += bytesRead
    }
    return at === st.size ? buf : buf.subarray(0, at)
  } catch (e) {
    recordProblem(
      p,
      `${path.basename(p)} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`
    )
    return null
  } finally {
    await handle.close()
  }
}

/** Text of a file (UTF-8 unless told), or null when missing or refused. */
export function readTextSafeSync(p: string, encoding: BufferEncoding = 'utf8'): string | null {
  return readFileSafeSync(p)?.toString(encoding) ?? null
}

export async function readTextSafe(
  p: string,
  encoding: BufferEncoding = 'utf8'
): Promise<string | null> {
  return (await readFileSafe(p))?.toString(encoding) ?? null
}

/** Size of a readable file, or null (a refused file has no size worth showing). */
export function fileSizeSafe(p: string): number | null {
  const c = checkFile(p)
  return c.ok ? c.size : null
}

/** The bytes of a file, or an error naming the file and why it was not read. */
export async function readFileOrThrow(p: string, maxBytes = MAX_FILE_BYTES): Promise<Buffer> {
  const c = checkFile(p, maxBytes)
  if (!c.ok) {
    refuse(p, c)
    throw new Error(`${p} ${c.missing ? 'does not exist' : c.reason}`)
  }
  const buf = await readFileSafe(p, maxBytes)
  if (buf === null)
    throw new Error(`${p} ${currentFileScope()?.problems.get(p) ?? 'cannot be read'}`)
  return buf
}

/**
 * How a folder entry that is neither a folder nor a regular file is to be listed: a link is
 * followed when it stays inside the imported folders (as what it points to), anything else is
 * recorded and left out.
 */
export function classifyOddEntry(full: string, isLink: boolean): 'dir' | 'file' | null {
  if (!isLink) {
    let st: Stats
    try {
      st = lstatSync(full)
    } catch {
      return null
    }
    recordProblem(full, `${path.basename(full)} is ${kindOf(st)}, not a regular file; skipped`)
    return null
  }
  let real: string
  try {
    real = realpathSync.native(full)
  } catch {
    recordProblem(
      full,
      `${path.basename(full)} is a symbolic link to nothing (broken link); skipped`
    )
    return null
  }
  const scope = store.getStore()
  if (scope && !inside(real, scope.roots)) {
    recordProblem(
      full,
      `${path.basename(full)} leads out of the imported folders (symbolic link to ${real}); not followed`
    )
    return null
  }
  let st: Stats
  try {
    st = lstatSync(real)
  } catch {
    return null
  }
  if (st.isDirectory()) return 'dir'
  if (st.isFile()) return 'file'
  recordProblem(full, `${path.basename(full)} links to ${kindOf(st)}, not a regular file; skipped`)
  return null
}

/**
 * Whether a folder may be listed: inside the imported folders, and not one already listed under
 * another name (a link back into the tree would list it, and import its results, twice).
 */
export function mayList(dir: string): boolean {
  const scope = store.getStore()
  if (!scope) return true
  const real = realOrSelf(dir)
  if (!inside(real, scope.roots)) {
    recordProblem(
      dir,
      `${path.basename(dir)} leads out of the imported folders (to ${real}); not followed`
    )
    return false
  }
  const first = scope.listed.get(real)
  if (first !== undefined && first !== dir) {
    recordProblem(
      dir,
      `${path.basename(dir)} is the same folder as ${first} (a symbolic link); not read twice`
    )
    return false
  }
  scope.listed.set(real, dir)
  return true
}
