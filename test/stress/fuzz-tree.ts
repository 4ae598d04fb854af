/**
 * Fuzzing a real-format submission tree: each case damages one file or folder the way disks,
 * copies and hostile trees do (cut off, deleted, garbage bytes, replaced by a folder, a FIFO, or
 * a symbolic link to somewhere outside the tree) and can undo it, so one base tree serves every
 * case.
 */
import { execFileSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'

export type MutationKind =
  | 'truncate'
  | 'delete'
  | 'garbage'
  | 'folder'
  | 'fifo'
  | 'symlink-out'
  | 'dir-symlink-out'
  | 'dir-delete'

export const FILE_MUTATIONS: MutationKind[] = [
  'truncate',
  'delete',
  'garbage',
  'folder',
  'fifo',
  'symlink-out'
]

export type Mutation = { kind: MutationKind; target: string; undo: () => void }

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...filesUnder(p))
    else if (e.isFile()) out.push(p)
  }
  return out.sort()
}

export function dirsUnder(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue
    const p = join(dir, e.name)
    out.push(p, ...dirsUnder(p))
  }
  return out.sort()
}

/**
 * A plausible replacement for a file, kept outside the tree: the same file with its numbers
 * and names changed, as a link to another copy of a tree would bring in.
 */
function relabelled(text: string): string {
  return text
    .replace(/"(system_name|submitter|division)"\s*:\s*"([^"]*)"/g, '"$1": "$2 (elsewhere)"')
    .replace(/(\d+)\.(\d+)/g, (_m, a: string, b: string) => `${Number(a) + 7}.${b}`)
}

/** Applies one mutation to `target` (a file or folder of the tree); `outside` is a scratch folder. */
export function mutate(
  kind: MutationKind,
  target: string,
  outside: string,
  r: () => number
): Mutation {
  const backup = join(outside, `backup-${Math.floor(r() * 1e9)}`)
  const moveAway = (): void => renameSync(target, backup)
  const restore = (): void => {
    rmSync(target, { recursive: true, force: true })
    renameSync(backup, target)
  }
  switch (kind) {
    case 'truncate': {
      cpSync(target, backup)
      const size = lstatSync(target).size
      truncateSync(target, Math.floor(r() * size))
      return { kind, target, undo: restore }
    }
    case 'garbage': {
      cpSync(target, backup)
      const bytes = readFileSync(target)
      if (bytes.length > 0) {
        const at = Math.floor(r() * bytes.length)
        const len = 1 + Math.floor(r() * Math.min(64, bytes.length - at))
        for (let i = at; i < at + len && i < bytes.length; i++) bytes[i] = Math.floor(r() * 256)
        writeFileSync(target, bytes)
      }
      return { kind, target, undo: restore }
    }
    case 'delete':
    case 'dir-delete':
      moveAway()
      return { kind, target, undo: () => renameSync(backup, target) }
    case 'folder':
      moveAway()
      mkdirSync(target)
      return { kind, target, undo: restore }
    case 'fifo':
      moveAway()
      execFileSync('mkfifo', [target])
      return { kind, target, undo: restore }
    case 'symlink-out': {
      const elsewhere = join(outside, `elsewhere-${Math.floor(r() * 1e9)}-${basename(target)}`)
      writeFileSync(elsewhere, relabelled(readFileSync(target, 'latin1')), 'latin1')
      moveAway()
      symlinkSync(elsewhere, target)
      return { kind, target, undo: restore }
    }
    case 'dir-symlink-out': {
      const elsewhere = join(outside, `elsewhere-${Math.floor(r() * 1e9)}-${basename(target)}`)
      cpSync(target, elsewhere, { recursive: true })
      for (const f of filesUnder(elsewhere)) {
        writeFileSync(f, relabelled(readFileSync(f, 'latin1')), 'latin1')
      }
      moveAway()
      symlinkSync(elsewhere, target)
      return { kind, target, undo: restore }
    }
  }
}

/** Copies a source folder into the base tree at `rel`, if it exists. */
export function addToBase(base: string, source: string, rel: string): boolean {
  if (!existsSync(source)) return false
  const to = join(base, rel)
  mkdirSync(dirname(to), { recursive: true })
  cpSync(source, to, { recursive: true })
  return true
}

export function relTo(base: string, p: string): string {
  return relative(base, p)
}
