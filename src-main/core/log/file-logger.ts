import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from './logger'
import { textLogger } from './logger'

export type FileLoggerOptions = {
  /** Folder of the log files; made if missing. */
  dir: string
  /** Name of the current file; older ones are `<name>.1` (the newest) to `<name>.<keep>`. */
  name?: string
  /** Size at which the current file is rotated, in bytes. */
  maxBytes?: number
  /** How many rotated files are kept besides the current one. */
  keep?: number
  now?: () => Date
}

export const DEFAULT_LOG_MAX_BYTES = 1 << 20
export const DEFAULT_LOG_KEEP = 4

/**
 * The desktop app's log: appends to `<dir>/<name>`; an entry that would take the file past
 * `maxBytes` first moves it to `<name>.1` (and `.1` to `.2`…, the oldest beyond `keep`
 * deleted), so the folder never holds more than (keep + 1) × maxBytes plus one entry.
 * Writes are synchronous: the entry is on disk even if the process dies right after, and
 * entries from one process never interleave. An entry larger than maxBytes gets a file of its
 * own rather than being cut.
 */
export function fileLogger(opts: FileLoggerOptions): Logger {
  const name = opts.name ?? 'main.log'
  const maxBytes = opts.maxBytes ?? DEFAULT_LOG_MAX_BYTES
  const keep = Math.max(0, opts.keep ?? DEFAULT_LOG_KEEP)
  const current = join(opts.dir, name)
  const rotated = (i: number): string => join(opts.dir, `${name}.${i}`)
  let size: number | null = null

  const rotate = (): void => {
    rmSync(rotated(keep), { force: true })
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(rotated(i), rotated(i + 1))
      } catch {
        /* not there yet */
      }
    }
    if (keep === 0) rmSync(current, { force: true })
    else renameSync(current, rotated(1))
    size = 0
  }

  return textLogger((entry) => {
    if (size === null) {
      mkdirSync(opts.dir, { recursive: true })
      size = statSync(current, { throwIfNoEntry: false })?.size ?? 0
    }
    const bytes = Buffer.byteLength(entry)
    if (size > 0 && size + bytes > maxBytes) rotate()
    appendFileSync(current, entry)
    size += bytes
  }, opts.now)
}
