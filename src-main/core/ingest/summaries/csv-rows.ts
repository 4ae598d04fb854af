/**
 * CSV reading shared by the checker and five-column importers: papaparse with a fallback for the
 * current checker's quoting. That checker wraps every value in double quotes without escaping
 * quotes inside values (e.g. a 15" display in a system name), which strict CSV parsing rejects.
 * When papaparse reports quote errors, fully quoted lines are split on `","` instead, which is
 * exactly how the checker joined them; other lines are parsed one by one.
 */
import Papa from 'papaparse'

/** A CSV record with its position in the file (the header is row 1). */
export type CsvRow = { fields: string[]; row: number }

export function readCsvRows(text: string): { rows: CsvRow[]; recoveredQuotes: boolean } {
  // CRLF, quoted commas and blank lines are handled by papaparse itself.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' })
  const quoteErrors = parsed.errors.some((e) => e.type === 'Quotes')
  if (!quoteErrors) {
    return {
      rows: parsed.data.map((fields, i) => ({ fields, row: i + 1 })),
      recoveredQuotes: false
    }
  }
  const rows: CsvRow[] = []
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim() === '') return
    const fields =
      line.length >= 2 && line.startsWith('"') && line.endsWith('"')
        ? line.slice(1, -1).split('","')
        : (Papa.parse<string[]>(line).data[0] ?? [])
    rows.push({ fields, row: i + 1 })
  })
  return { rows, recoveredQuotes: true }
}
