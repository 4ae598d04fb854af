/**
 * Pairing a power row with its performance row. Checker summaries (CSV and the CM export) give
 * a power submission's power figure as a row of its own; it belongs to the performance row of
 * the same result: same division, submitter, system, model and scenario, each from its column
 * or else from the row's Location folder.
 */
import { normaliseDivision, normaliseScenario, parseLocation, toText } from './to-record'

/** The result a row is about: division, submitter, system, model, scenario. */
export function groupKey(row: Record<string, unknown>): string {
  const location = parseLocation(row['Location'])
  return [
    normaliseDivision(row['Division']) ?? location.division ?? '',
    toText(row['Organization']) ?? location.submitter ?? '',
    toText(row['Platform']) ?? location.systemId ?? '',
    toText(row['Model']) ?? location.benchmark ?? '',
    normaliseScenario(row['Scenario']) ?? ''
  ].join('\u0000')
}

/**
 * Calls `build` for each performance row with its power row (null when none), in file order,
 * then for each power row left without a performance row, paired with itself. `power` is
 * emptied.
 */
export function pairWithPower<T extends { row: Record<string, unknown> }>(
  performance: readonly T[],
  power: Map<string, T>,
  build: (entry: T, power: T | null) => void
): void {
  for (const entry of performance) {
    const key = groupKey(entry.row)
    const powerEntry = power.get(key) ?? null
    power.delete(key)
    build(entry, powerEntry)
  }
  for (const entry of power.values()) build(entry, entry)
}
