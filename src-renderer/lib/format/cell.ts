import type { Cell, ColumnInfo } from '../../../src-main/shared/api'
import { formatNumber, formatNumeric } from './number'

export type CellKind = 'null' | 'number' | 'true' | 'false' | 'text'

/** A cell ready to draw: its text, a kind for styling and a title for the full value. */
export type FormattedCell = { text: string; kind: CellKind; title: string }

/** SQLite hands booleans over as 0/1; accept the other spellings a backend might use. */
export function toBoolean(value: Cell | boolean): boolean | null {
  if (value === null) return null
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  const v = value.trim().toLowerCase()
  if (['1', 'true', 'yes', 'y', 'valid'].includes(v)) return true
  if (['0', 'false', 'no', 'n', 'invalid'].includes(v)) return false
  return null
}

/** Formats one table cell by column type; numbers keep full precision. */
export function formatCell(value: Cell, type: ColumnInfo['type']): FormattedCell {
  if (value === null || value === '') return { text: '', kind: 'null', title: 'empty' }
  if (type === 'boolean') {
    const b = toBoolean(value)
    if (b === null) return { text: String(value), kind: 'text', title: String(value) }
    return b ? { text: '✓', kind: 'true', title: 'Yes' } : { text: '—', kind: 'false', title: 'No' }
  }
  if (type === 'number') {
    const text = typeof value === 'number' ? formatNumber(value) : formatNumeric(value)
    return { text, kind: 'number', title: String(value) }
  }
  const text = String(value)
  return { text, kind: 'text', title: text }
}

/** Values in detail key/value tables: raw numbers for ids and seeds, grouped digits otherwise. */
export function formatDetailValue(key: string, value: string | number | boolean | null): string {
  if (value === null) return ''
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'number') {
    return /seed|_id$|^id$|version|year/i.test(key) ? String(value) : formatNumber(value)
  }
  return value
}
