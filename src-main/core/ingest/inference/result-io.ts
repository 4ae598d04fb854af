/**
 * The file calls a result folder's reader makes. Synchronous file calls on purpose: a result's
 * files are small, and the promise API's per-call overhead (file handles, thread-pool round
 * trips) cost more than the reads themselves (measured: about a third of import time). The
 * import job yields to the event loop between results on a time budget, so the window stays
 * responsive. Every read goes through file-safety.ts: a refused file reads as missing and is
 * listed in the report.
 */
import { readdirSync } from 'node:fs'
import { fileSizeSafe, readFileSafe, readTextSafeSync } from '../file-safety'

/**
 * Text of a file, or null when it does not exist or was refused (not a regular file, too big,
 * a link out of the imported folders: file-safety.ts records why for the report).
 */
export async function readText(p: string): Promise<string | null> {
  return readTextSafeSync(p)
}

/** Bytes of a file (a large one read in slices that let the event loop turn), or null. */
export async function readBytes(p: string): Promise<Buffer | null> {
  return readFileSafe(p)
}

export async function fileSize(p: string): Promise<number | null> {
  return fileSizeSafe(p)
}

/** Names of the entries of a folder that pass `keep`; none when it cannot be listed. */
function listEntries(
  p: string,
  keep: (d: { isDirectory(): boolean; isFile(): boolean }) => boolean
) {
  try {
    return readdirSync(p, { withFileTypes: true })
      .filter(keep)
      .map((x) => x.name)
  } catch {
    return []
  }
}

export async function listDirs(p: string): Promise<string[]> {
  return listEntries(p, (x) => x.isDirectory())
}

export async function listFiles(p: string): Promise<string[]> {
  return listEntries(p, (x) => x.isFile())
}
