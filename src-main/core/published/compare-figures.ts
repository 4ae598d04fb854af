/**
 * The official table's figures beside the ones derived from the logs. Tables print a value to
 * a few decimals (or significant digits); two values agree when they are equal at the precision
 * the table's number carries.
 */
import type { FigureComparison, ResultFigures } from '../../shared/published'

/** Decimals of a number as written in its shortest form (19391.2 → 1, 1.5e-7 → 8). */
export function printedDecimals(n: number): number {
  const s = String(Math.abs(n))
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s)
  if (!m) return 0
  const frac = m[2]?.length ?? 0
  const exp = Number(m[3] ?? 0)
  return Math.max(0, frac - exp)
}

/** True when `fromLogs` rounds to `official` at the official number's precision. */
export function agreesAtPrecision(official: number, fromLogs: number): boolean {
  const tolerance = 0.5 * 10 ** -printedDecimals(official) + 1e-9 * Math.abs(official)
  return Math.abs(fromLogs - official) <= tolerance
}

function compare(
  label: FigureComparison['label'],
  unit: string | null,
  official: number | null,
  fromLogs: number | null
): FigureComparison {
  const both = official !== null && fromLogs !== null
  return {
    label,
    unit,
    official,
    fromLogs,
    agrees: both ? agreesAtPrecision(official, fromLogs) : null,
    relativeDifference: both && official !== 0 ? (fromLogs - official) / official : null
  }
}

export function compareFigures(
  official: ResultFigures,
  fromLogs: ResultFigures | null
): FigureComparison[] {
  const out = [compare('Result', official.unit, official.value, fromLogs?.value ?? null)]
  if (official.powerValue !== null || (fromLogs?.powerValue ?? null) !== null) {
    out.push(
      compare(
        'Power',
        official.powerUnit ?? fromLogs?.powerUnit ?? null,
        official.powerValue,
        fromLogs?.powerValue ?? null
      )
    )
  }
  return out
}

/** One line per figure on which the logs and the table disagree (or one side is missing). */
export function disagreementMessages(comparisons: readonly FigureComparison[]): string[] {
  const out: string[] = []
  for (const c of comparisons) {
    const unit = c.unit ? ` ${c.unit}` : ''
    if (c.agrees === false) {
      const pct =
        c.relativeDifference === null ? '' : ` (${(c.relativeDifference * 100).toPrecision(3)}%)`
      out.push(
        `${c.label}: the logs give ${c.fromLogs}${unit}, the official table ${c.official}${unit}${pct}; they differ beyond the table's precision.`
      )
    } else if (c.official !== null && c.fromLogs === null) {
      out.push(`${c.label}: the official table has ${c.official}${unit}; the logs give no value.`)
    } else if (c.official === null && c.fromLogs !== null) {
      out.push(`${c.label}: the logs give ${c.fromLogs}${unit}; the official table has none.`)
    }
  }
  return out
}
