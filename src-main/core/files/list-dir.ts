import { readdir } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { DirListing } from '../../shared/api'

/** One folder's entries for the in-app folder browser: folders first, hidden entries left out. */
export async function listDir(path?: string): Promise<DirListing> {
  const dir = resolve(path && path.trim() ? path : homedir())
  const entries = await readdir(dir, { withFileTypes: true })
  const list = entries
    .filter((e) => !e.name.startsWith('.'))
    .map((e) => ({ name: e.name, path: join(dir, e.name), isDir: e.isDirectory() }))
    .sort((a, b) => (a.isDir === b.isDir ? a.name.localeCompare(b.name) : a.isDir ? -1 : 1))
  const parent = dirname(dir)
  return { path: dir, parent: parent === dir ? null : parent, entries: list }
}
