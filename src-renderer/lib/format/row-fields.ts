import type { Cell, ColumnInfo } from '../../../src-main/shared/api'
import { formatCell } from './cell'

type FieldValue = string | number | boolean | null

/** A result row's fields for a key/value table, labelled and formatted by their columns. */
export type RowFields = {
  entries: [string, FieldValue][]
  label: (key: string) => string
  format: (key: string, value: FieldValue) => string
}

/** The text of one field of a row ('' when empty), for headings and badges. */
export function rowText(row: Record<string, Cell>, key: string): string {
  const v = row[key]
  return v === null || v === undefined ? '' : String(v)
}

/**
 * Every field of `row` that the suite's columns know, in column order, with the column's label
 * and the table's formatting (booleans as Yes/No rather than the table's check marks).
 */
export function rowFields(columns: readonly ColumnInfo[], row: Record<string, Cell>): RowFields {
  const byName = new Map(columns.map((c) => [c.name, c]))
  return {
    entries: columns
      .filter((c) => c.name in row)
      .map((c): [string, FieldValue] => [c.name, row[c.name] ?? null]),
    label: (key) => byName.get(key)?.label ?? key,
    format: (key, value) => {
      const column = byName.get(key)
      if (typeof value === 'boolean') return value ? 'Yes' : 'No'
      if (!column) return value === null ? '' : String(value)
      const cell = formatCell(value, column.type)
      if (column.type === 'boolean')
        return cell.kind === 'true' ? 'Yes' : cell.kind === 'false' ? 'No' : cell.text
      return cell.text
    }
  }
}
