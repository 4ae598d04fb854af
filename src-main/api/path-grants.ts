/**
 * Where a client may have the app write: under the data folder (exports/, runs/ next to the
 * database) or in a folder the user picked in a dialog (the native one in the desktop app; the
 * in-app browser in web mode, which has none). A path typed or sent by a request is not enough:
 * a hostile page that got a request through must not have bundles or run logs written into
 * ~/.ssh or /etc, and a recursive mkdir under /proc spins for ever (nodejs/node: it never gets
 * past EEXIST/ENOENT there), so such paths are refused before anything is created.
 */
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { ApiFailure } from './api-failure'

/** The real path of `p`, or of its nearest existing ancestor with the rest appended. */
function realish(p: string): string {
  const abs = resolve(p)
  let head = abs
  const tail: string[] = []
  for (let i = 0; i < 4096 && !existsSync(head); i++) {
    const up = dirname(head)
    if (up === head) break
    tail.unshift(head.slice(up.length).replace(/^[/\\]+/, ''))
    head = up
  }
  let real = head
  try {
    real = realpathSync.native(head)
  } catch {
    // unreadable ancestor: compare as given
  }
  return tail.length === 0 ? real : join(real, ...tail)
}

function under(p: string, root: string): boolean {
  const rel = relative(root, p)
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel))
}

export class PathGrants {
  readonly #roots: string[] = []

  constructor(dataDir: string) {
    this.#roots.push(realish(dataDir))
  }

  /** A folder the user picked in a dialog: it and everything under it may be written. */
  grant(folder: string): void {
    const real = realish(folder)
    if (!this.#roots.includes(real)) this.#roots.push(real)
  }

  allows(p: string): boolean {
    const real = realish(p)
    return this.#roots.some((r) => under(real, r))
  }

  /**
   * The folder to write into, checked and created (one level at a time, so a path the OS will
   * never let exist fails at once instead of looping). Throws ApiFailure with the reason.
   */
  writableFolder(p: string, what: string): string {
    const abs = resolve(p)
    if (!this.allows(abs)) {
      throw new ApiFailure(
        'invalid_input',
        `${what} must be under the app's data folder (${this.#roots[0] ?? ''}) or a folder you picked with Browse…: ${abs} is neither.`
      )
    }
    ensureFolder(abs)
    return abs
  }
}

/** mkdir -p, bounded: one component at a time, each checked. */
export function ensureFolder(p: string): void {
  const parts = resolve(p).split(sep)
  let at = parts[0] === '' ? sep : (parts[0] ?? sep)
  for (const part of parts.slice(1)) {
    if (part === '') continue
    at = join(at, part)
    try {
      if (statSync(at).isDirectory()) continue
      throw new ApiFailure('invalid_input', `${at} exists and is not a folder.`)
    } catch (e) {
      if (e instanceof ApiFailure) throw e
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new ApiFailure(
          'invalid_input',
          `Cannot use the folder ${at} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`
        )
      }
    }
    try {
      mkdirSync(at)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'EEXIST' && statSync(at).isDirectory()) continue
      throw new ApiFailure('invalid_input', `Cannot create the folder ${at} (${code ?? 'error'}).`)
    }
  }
}
