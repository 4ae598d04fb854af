/**
 * Folder listings for the tree scans. One import walks a tree twice (inference result folders,
 * then training result sets, which a folder of the user's own may mix), so the listings are
 * kept and the second walk reads them from memory. The listing itself is synchronous: one
 * readdir is a few microseconds, far less than a thread-pool round trip of fs/promises; the
 * lister yields to the event loop every few milliseconds so the window stays responsive.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { setImmediate as yieldToLoop } from 'node:timers/promises'
import { classifyOddEntry, mayList } from './file-safety'

export type Listing = { dirs: string[]; files: string[] }

/** Lists a folder (sorted sub-folders and files), or null when it cannot be read. */
export type DirLister = (dir: string) => Promise<Listing | null>

/** Longest stretch of listing between two turns of the event loop. */
const SLICE_MS = 16

export function createDirLister(): DirLister {
  const cache = new Map<string, Listing | null>()
  let sliceStart = performance.now()
  return async (dir) => {
    const known = cache.get(dir)
    if (known !== undefined) return known
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToLoop()
      sliceStart = performance.now()
    }
    const listing = listNow(dir)
    cache.set(dir, listing)
    return listing
  }
}

function listNow(dir: string): Listing | null {
  // Links are followed only inside the imported folders; FIFOs, sockets and the like are left
  // out and named in the report (file-safety.ts).
  if (!mayList(dir)) return null
  try {
    const dirs: string[] = []
    const files: string[] = []
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) dirs.push(e.name)
      else if (e.isFile()) files.push(e.name)
      else {
        const kind = classifyOddEntry(join(dir, e.name), e.isSymbolicLink())
        if (kind === 'dir') dirs.push(e.name)
        else if (kind === 'file') files.push(e.name)
      }
    }
    dirs.sort()
    files.sort()
    return { dirs, files }
  } catch {
    return null
  }
}
