/**
 * The data rows of a submission checker summary CSV, by column name. The header is looked up by
 * name, so every generation of the checker reads the same way. A repeated header (files
 * concatenated by hand) is ignored; a row with another number of fields than the header is
 * skipped with the reason; a power row (Units Watts/millijoules/Joules) is set apart, to be
 * paired with its performance row (power-pairing.ts).
 */
import { groupKey } from './power-pairing'
import type { RecordCollector } from './to-record'
import { powerUnitOf } from './to-record'

/** A data row by column name (trimmed values). */
export type CheckerRow = Record<string, string>

/** A row and its line in the file. */
export type CheckerEntry = { row: CheckerRow; at: number }

export type CheckerRows = {
  performance: CheckerEntry[]
  /** Power rows by groupKey (the first of each kept). */
  power: Map<string, CheckerEntry>
  repeatedHeaders: number
}

/** Sort the rows after the header; what is left out goes to the collector with the reason. */
export function checkerRows(
  header: readonly string[],
  rows: readonly { fields: string[]; row: number }[],
  collector: RecordCollector
): CheckerRows {
  const out: CheckerRows = { performance: [], power: new Map(), repeatedHeaders: 0 }
  for (const { fields, row: at } of rows) {
    const values = fields.map((f) => f.trim())
    if (values.length === header.length && values.every((v, i) => v === header[i])) {
      out.repeatedHeaders++
      continue
    }
    if (values.length !== header.length) {
      collector.skip(`row ${at}`, `has ${values.length} fields, the header has ${header.length}`)
      continue
    }
    const row: CheckerRow = {}
    header.forEach((column, i) => {
      row[column] = values[i] ?? ''
    })
    if (powerUnitOf(row['Units']) === null) {
      out.performance.push({ row, at })
    } else if (out.power.has(groupKey(row))) {
      collector.skip(`row ${at}`, 'a second power row for the same result; the first one is kept')
    } else {
      out.power.set(groupKey(row), { row, at })
    }
  }
  return out
}
