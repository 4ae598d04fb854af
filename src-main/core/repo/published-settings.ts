import { prepareCached } from '../db/statement-cache'
import type { ReadonlyDb, WritableDb } from '../db/types'
import { DEFAULT_BASE_URL } from '../published/sources'

const BASE_URL_KEY = 'baseUrl'

/** The address published tables and logs are fetched from (the default unless the user set one). */
export function publishedBaseUrl(db: ReadonlyDb): string {
  const row = prepareCached(db, 'SELECT value FROM published_settings WHERE key = ?').get(
    BASE_URL_KEY
  ) as { value: string } | undefined
  return row?.value ?? DEFAULT_BASE_URL
}

/**
 * Checks and normalises a base URL: http or https, no query or fragment, no trailing slash.
 * Throws an Error whose message says what is wrong.
 */
export function normaliseBaseUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw new Error(`"${text}" is not a web address (expected e.g. ${DEFAULT_BASE_URL})`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`"${text}" must start with https:// or http://`)
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(`"${text}" must not have a query (?…) or a fragment (#…)`)
  }
  return url.toString().replace(/\/+$/, '')
}

/** Sets the base URL (normalised); null goes back to the default. Returns the URL in force. */
export function setPublishedBaseUrl(db: WritableDb, baseUrl: string | null): string {
  if (baseUrl === null || baseUrl.trim() === '') {
    prepareCached(db, 'DELETE FROM published_settings WHERE key = ?').run(BASE_URL_KEY)
    return DEFAULT_BASE_URL
  }
  const value = normaliseBaseUrl(baseUrl)
  prepareCached(
    db,
    'INSERT INTO published_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'
  ).run(BASE_URL_KEY, value)
  return value
}
