import type { Cell, ColumnInfo } from '../../../src-main/shared/api'
import { primaryAccuracyKey } from '../../../src-main/shared/accuracy-key'
import { formatCell, type CellContext } from './cell'

type FieldValue = string | number | boolean | null

/** A result row's fields for a key/value table, labelled and formatted by their columns. */
export type RowFields = {
  entries: [string, FieldValue][]
  label: (key: string) => string
  format: (key: string, value: FieldValue) => string
  /** Full precision (and unit) of a field, for its tooltip. */
  title: (key: string, value: FieldValue) => string
}

/** The text of one field of a row ('' when empty), for headings and badges. */
export function rowText(row: Record<string, Cell>, key: string): string {
  const v = row[key]
  return v === null || v === undefined ? '' : String(v)
}

/** Unit columns of the number columns they qualify. */
const UNIT_OF: Readonly<Record<string, string>> = { value: 'unit', power_value: 'power_unit' }

/** What formatCell needs from the rest of the row to format the field `key`. */
export function cellContext(row: Record<string, Cell>, key: string): CellContext {
  const unitColumn = UNIT_OF[key]
  const unit = unitColumn ? rowText(row, unitColumn) : ''
  const model = rowText(row, 'mlperf_model')
  return {
    ...(unit ? { unit } : {}),
    ...(key === 'accuracy' && model ? { accuracyKey: primaryAccuracyKey(model) } : {})
  }
}

/**
 * Every field of `row` that the suite's columns know, in column order, with the column's label
 * and the table's formatting (booleans as Yes/No rather than the table's check marks).
 */
export function rowFields(columns: readonly ColumnInfo[], row: Record<string, Cell>): RowFields {
  const byName = new Map(columns.map((c) => [c.name, c]))
  const cell = (key: string, value: FieldValue): ReturnType<typeof formatCell> | null => {
    const column = byName.get(key)
    if (!column || typeof value === 'boolean') return null
    return formatCell(value, column, cellContext(row, key))
  }
  return {
    entries: columns
      .filter((c) => c.name in row)
      .map((c): [string, FieldValue] => [c.name, row[c.name] ?? null]),
    label: (key) => byName.get(key)?.label ?? key,
    format: (key, value) => {
      if (typeof value === 'boolean') return value ? 'Yes' : 'No'
      const formatted = cell(key, value)
      if (!formatted) return value === null ? '' : String(value)
      if (byName.get(key)?.type === 'boolean') {
        return formatted.kind === 'true'
          ? 'Yes'
          : formatted.kind === 'false'
            ? 'No'
            : formatted.text
      }
      return formatted.text
    },
    title: (key, value) => {
      if (value === null || typeof value === 'boolean') return value === null ? '' : String(value)
      return cell(key, value)?.title ?? String(value)
    }
  }
}
