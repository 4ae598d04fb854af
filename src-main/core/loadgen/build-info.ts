/**
 * The version block LoadGen 6.x opens every detail log with (loadgen/version.cc: version, build
 * dates, git commit date, log and status messages, SHA-1 of each source file), filled with this
 * app's own values: its version, the time its LoadGen code was built (the files' modification
 * time), and the SHA-1 of the files that make up its LoadGen, so a log says exactly which code
 * wrote it. The git status is empty (LoadGen logs error_uncommitted_loadgen_changes otherwise).
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type LoadgenBuild = {
  version: string
  /** "2026-07-13T04:30:35.613398" (local) and the same instant in UTC, as version.cc prints. */
  dateLocal: string
  dateUtc: string
  gitCommitDate: string
  gitLogMessage: string
  gitStatusMessage: string
  /** "/file" → SHA-1 hex. */
  fileSha1: Record<string, string>
}

/** Python's datetime.isoformat() with microseconds, as LoadGen's version generator writes it. */
function isoMicros(ms: number, utc: boolean): string {
  const d = new Date(ms)
  const p = (n: number, w = 2): string => n.toString().padStart(w, '0')
  const [y, mo, da, h, mi, s, milli] = utc
    ? [
        d.getUTCFullYear(),
        d.getUTCMonth() + 1,
        d.getUTCDate(),
        d.getUTCHours(),
        d.getUTCMinutes(),
        d.getUTCSeconds(),
        d.getUTCMilliseconds()
      ]
    : [
        d.getFullYear(),
        d.getMonth() + 1,
        d.getDate(),
        d.getHours(),
        d.getMinutes(),
        d.getSeconds(),
        d.getMilliseconds()
      ]
  return `${y}-${p(mo)}-${p(da)}T${p(h)}:${p(mi)}:${p(s)}.${p(milli, 3)}000`
}

let files: { sha1: Record<string, string>; builtMs: number } | null = null

/** SHA-1 and newest modification time of the code files next to this module (sources or bundle). */
function codeFiles(): { sha1: Record<string, string>; builtMs: number } {
  if (files) return files
  const sha1: Record<string, string> = {}
  let builtMs = 0
  try {
    const dir = dirname(fileURLToPath(import.meta.url))
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(ts|js|mjs|cjs)$/.test(name)) continue
      const path = join(dir, name)
      sha1[`/${name}`] = createHash('sha1').update(readFileSync(path)).digest('hex')
      builtMs = Math.max(builtMs, statSync(path).mtimeMs)
    }
  } catch {
    // A packaged app without readable sources still logs the version.
  }
  files = { sha1, builtMs }
  return files
}

/** This app's LoadGen build, for the detail log's version block. */
export function loadgenBuild(appVersion: string): LoadgenBuild {
  const { sha1, builtMs } = codeFiles()
  return {
    version: `MLPerf Explorer ${appVersion} TypeScript LoadGen @ local`,
    dateLocal: isoMicros(builtMs, false),
    dateUtc: isoMicros(builtMs, true),
    gitCommitDate: '',
    gitLogMessage: `MLPerf Explorer ${appVersion}: TypeScript LoadGen writing the LoadGen 6.0 log formats`,
    gitStatusMessage: '',
    fileSha1: sha1
  }
}
