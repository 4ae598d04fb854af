import type { Preferences } from '../../shared/preferences'
import { DEFAULT_PREFERENCES, THEME_CHOICES } from '../../shared/preferences'
import { prepareCached } from '../db/statement-cache'
import type { ReadonlyDb, WritableDb } from '../db/types'

/** Stored preferences over the defaults; a stored value that is no longer valid is ignored. */
export function getPreferences(db: ReadonlyDb): Preferences {
  const rows = prepareCached(db, 'SELECT key, value_json FROM preferences').all() as {
    key: string
    value_json: string
  }[]
  const out: Preferences = { ...DEFAULT_PREFERENCES }
  for (const { key, value_json } of rows) {
    let value: unknown
    try {
      value = JSON.parse(value_json)
    } catch {
      continue
    }
    if (key === 'theme' && (THEME_CHOICES as readonly unknown[]).includes(value)) {
      out.theme = value as Preferences['theme']
    }
  }
  return out
}

/** Stores the given preferences (others keep their value) and returns them all. */
export function setPreferences(db: WritableDb, changes: Partial<Preferences>): Preferences {
  const put = prepareCached(
    db,
    'INSERT INTO preferences (key, value_json) VALUES (?, ?) ' +
      'ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json'
  )
  db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) put.run(key, JSON.stringify(value))
    }
  })()
  return getPreferences(db)
}
