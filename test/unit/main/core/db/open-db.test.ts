/**
 * Issue 13, point 8: a database the app cannot use is refused before anything is written to it,
 * with one sentence and a suggestion; a read-only one opens for browsing.
 */
import Database from 'better-sqlite3'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../../../src-main/api/dispatch'
import { openBackend } from '../../../../../src-main/api/open-backend'
import { DatabaseFileError } from '../../../../../src-main/core/db/db-file'
import { DatabaseFromFutureError } from '../../../../../src-main/core/db/migrate'
import { openDb } from '../../../../../src-main/core/db/open-db'
import { READ_ONLY_MODE } from '../../../../support/db-faults'

const root = join(import.meta.dirname, '..', '..', '..', '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'mlx-opendb-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
const path = (name: string): string => join(dir, `${n++}-${name}`)

/** Opening must throw one sentence (no line breaks) with a suggestion, leaving the file as it was. */
function refused(file: string, pattern: RegExp): void {
  const before = existsSync(file) && statSync(file).isFile() ? readFileSync(file) : null
  let error: unknown
  try {
    openDb(file).close()
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(Error)
  const message = (error as Error).message
  expect(message).toMatch(pattern)
  expect(message).not.toContain('\n')
  expect(message).toMatch(
    /Choose another file|move (this one|the file) away|Update MLPerf Explorer/
  )
  if (before !== null) expect(readFileSync(file).equals(before)).toBe(true)
  expect(existsSync(`${file}-wal`)).toBe(false)
}

describe('openDb refuses what it cannot use, unchanged', () => {
  it('a database from a newer version: refused before the journal mode is switched', () => {
    const file = path('future.db')
    const raw = new Database(file)
    raw.pragma('journal_mode = DELETE')
    raw.exec('CREATE TABLE t (x)')
    raw.pragma('user_version = 99990')
    raw.close()
    const bytes = readFileSync(file)
    expect(() => openDb(file)).toThrow(DatabaseFromFutureError)
    refused(file, /schema version 99990, newer than this app/)
    // Byte for byte: the header still says rollback journal (byte 18/19 = 1), not WAL (2).
    expect(readFileSync(file).equals(bytes)).toBe(true)
    expect(bytes[18]).toBe(1)
  })

  it('a zero-byte file', () => {
    const file = path('empty.db')
    writeFileSync(file, '')
    // Made an hour ago: not a database another process is creating right now.
    const old = new Date(Date.now() - 3_600_000)
    utimesSync(file, old, old)
    expect(() => openDb(file)).toThrow(DatabaseFileError)
    refused(file, /is empty \(0 bytes\), not an MLPerf Explorer database\. It was left unchanged/)
    expect(readFileSync(file).length).toBe(0)
  })

  it('a file that is not a database (text, or random bytes)', () => {
    const text = path('notes.db')
    writeFileSync(text, 'round,submitter\nv4.1,Acme\n')
    refused(text, /is not an SQLite database/)
    const noise = path('noise.db')
    writeFileSync(noise, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 97 + 13) % 256)))
    refused(noise, /is not an SQLite database/)
  })

  it('a damaged database (SQLite header, garbage pages)', () => {
    const file = path('damaged.db')
    const good = openDb(file)
    good.pragma('journal_mode = DELETE')
    good.close()
    const bytes = readFileSync(file)
    // Keep the 100-byte header, overwrite the schema page behind it.
    for (let i = 100; i < Math.min(bytes.length, 4096); i++) bytes[i] = (i * 31) % 251
    writeFileSync(file, bytes)
    refused(file, /is damaged or not an SQLite database \(SQLITE_(CORRUPT|NOTADB)\)/)
  })

  it('a cut-off database (half its pages gone)', () => {
    const file = path('cut.db')
    const good = openDb(file)
    good.pragma('journal_mode = DELETE')
    good.close()
    truncateSync(file, 4096 + 512)
    refused(file, /damaged|not an SQLite database/)
  })

  it('a folder where the file should be', () => {
    const file = path('folder.db')
    mkdirSync(file)
    refused(file, /is a folder, not an MLPerf Explorer database/)
  })
})

describe('a read-only database opens for browsing', () => {
  it('reads work, writes answer with a clear error, nothing is written', async () => {
    const file = path('ro.db')
    const setup = openBackend({ dbPath: file, shell: 'web', appRoot: root, catalogue: true })
    const rows = (await setup.api.app.info({})).inferenceResults
    expect(rows).toBeGreaterThan(0)
    await setup.close()
    chmodSync(file, READ_ONLY_MODE)
    const before = readFileSync(file)
    const b = openBackend({ dbPath: file, shell: 'web', appRoot: root, catalogue: true })
    try {
      expect(b.db.readonly).toBe(true)
      const page = await dispatch(b.api, 'results.query', {
        suite: 'inference',
        filters: [],
        offset: 0,
        limit: 5
      })
      expect(page.ok).toBe(true)
      expect((await b.api.app.info({})).inferenceResults).toBe(rows)
      const write = await dispatch(b.api, 'charts.setPrice', { basis: 'system', key: 'k', usd: 2 })
      expect(write.ok).toBe(false)
      if (!write.ok) {
        expect(write.error.code).toBe('conflict')
        expect(write.error.message).toMatch(/read-only \(SQLITE_READONLY\)/)
      }
    } finally {
      await b.close()
    }
    expect(readFileSync(file).equals(before)).toBe(true)
  })
})
