import type { Cell, ColumnInfo } from '../../../src-main/shared/api'
import {
  formatAccuracy,
  formatDetailEntry,
  formatKind,
  formatNumber,
  formatNumeric
} from '../../../src-main/shared/number-format'

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

/** What formatCell needs to know about a column. */
export type CellColumn = Pick<ColumnInfo, 'name' | 'type' | 'format'>

/** Context of a cell: the row's unit (official values) and the accuracy's primary metric. */
export type CellContext = { unit?: string | null; accuracyKey?: string | null }

/**
 * Formats one table cell by its column, through the number-format policy: official values at
 * the official table's precision, derived values at 4 significant digits, counts grouped; the
 * title carries the full-precision value (and its unit) for the tooltip.
 */
export function formatCell(
  value: Cell,
  column: CellColumn,
  context: CellContext = {}
): FormattedCell {
  if (value === null || value === '') return { text: '', kind: 'null', title: 'empty' }
  if (column.type === 'boolean') {
    const b = toBoolean(value)
    if (b === null) return { text: String(value), kind: 'text', title: String(value) }
    return b ? { text: '✓', kind: 'true', title: 'Yes' } : { text: '—', kind: 'false', title: 'No' }
  }
  if (column.type === 'number') {
    const n = typeof value === 'number' ? value : Number(value)
    const unit = context.unit ? ` ${context.unit}` : ''
    if (typeof value === 'string' && (value.trim() === '' || !Number.isFinite(n))) {
      return { text: formatNumeric(value), kind: 'number', title: value }
    }
    const text = column.format ? formatKind(n, column.format, context.unit) : formatNumber(n)
    return { text, kind: 'number', title: `${formatNumber(n)}${unit}` }
  }
  const raw = String(value)
  if (column.name === 'accuracy') {
    return { text: formatAccuracy(raw, context.accuracyKey), kind: 'text', title: raw }
  }
  return { text: raw, kind: 'text', title: raw }
}

/** Values in detail key/value tables, through the policy's key/value rules. */
export function formatDetailValue(key: string, value: string | number | boolean | null): string {
  return formatDetailEntry(key, value).text
}

/** The tooltip of a detail value: its full precision (nanoseconds for latencies). */
export function detailValueTitle(key: string, value: string | number | boolean | null): string {
  return formatDetailEntry(key, value).title
}
