/**
 * Downloading one published file into the local mirror: a conditional request when a copy
 * exists (ETag / Last-Modified remembered per URL), then, once the caller decides to keep it,
 * an atomic write (temporary file, then rename) and the new validators recorded.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { WritableDb } from '../db/types'
import { getCachedFile, saveCachedFile, touchCachedFile } from '../repo/http-cache'
import type { Validators } from './http-get'
import { httpGet } from './http-get'

export type Fetched = {
  url: string
  localPath: string
  /** new: no copy before; changed: different bytes; unchanged: 304 or the same bytes. */
  status: 'new' | 'changed' | 'unchanged' | 'missing'
  /** The answer's bytes (null for 304 and 404). */
  body: Buffer | null
  bytes: number | null
  sha256: string | null
  validators: Validators | null
}

export type FetchOptions = {
  signal?: AbortSignal
  onBytes?: (received: number) => void
  timeoutMs?: number
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex')
}

/** Whether the local copy the cache points at is still there, whole. */
function copyIsThere(path: string, bytes: number): boolean {
  try {
    return statSync(path).size === bytes
  } catch {
    return false
  }
}

/** GETs `url`, conditionally when an intact copy of the last download is at `localPath`. */
export async function fetchFile(
  db: WritableDb,
  url: string,
  localPath: string,
  opts: FetchOptions = {}
): Promise<Fetched> {
  const cached = getCachedFile(db, url)
  const usable =
    cached !== null && cached.localPath === localPath && copyIsThere(localPath, cached.bytes)
  const res = await httpGet(url, {
    validators: usable ? cached : null,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onBytes ? { onBytes: opts.onBytes } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {})
  })
  const base = { url, localPath }
  if (res.status === 'missing') {
    return { ...base, status: 'missing', body: null, bytes: null, sha256: null, validators: null }
  }
  if (res.status === 'not-modified') {
    if (!usable) {
      // A 304 to an unconditional request (a broken mirror): nothing usable came back.
      throw new Error(`${url} answered 304 Not Modified to a request without validators`)
    }
    return {
      ...base,
      status: 'unchanged',
      body: null,
      bytes: cached.bytes,
      sha256: cached.sha256,
      validators: cached
    }
  }
  const digest = sha256(res.body)
  const status =
    cached === null ? 'new' : cached.sha256 === digest && usable ? 'unchanged' : 'changed'
  return {
    ...base,
    status,
    body: res.body,
    bytes: res.body.length,
    sha256: digest,
    validators: res.validators
  }
}

/** Writes a fetched file's bytes to its place in the mirror (atomically). */
export function writeFetched(f: Fetched): void {
  if (f.body === null) return
  if (f.status === 'unchanged' && existsSync(f.localPath)) return
  mkdirSync(dirname(f.localPath), { recursive: true })
  const tmp = `${f.localPath}.part-${process.pid}`
  writeFileSync(tmp, f.body)
  renameSync(tmp, f.localPath)
}

/**
 * Remembers a fetched file's validators for the next (conditional) request. Called once the
 * file has been used (imported): a file remembered too early would answer 304 next time and
 * never be imported.
 */
export function rememberFetched(db: WritableDb, f: Fetched, now = new Date().toISOString()): void {
  if (f.status === 'missing') return
  if (f.body === null) {
    touchCachedFile(db, f.url, now)
    return
  }
  saveCachedFile(db, {
    url: f.url,
    etag: f.validators?.etag ?? null,
    lastModified: f.validators?.lastModified ?? null,
    sha256: f.sha256 ?? '',
    bytes: f.bytes ?? f.body.length,
    localPath: f.localPath,
    fetchedAt: now,
    checkedAt: now
  })
}
