/**
 * Sorting the entries of a CM export (cm-result.json) before any record is built: power
 * experiments list every record twice (identical duplicates are dropped), training and MLPerf
 * Tiny records share the repository but are no inference results (skipped), and v4.1 power
 * experiments give the power figure as a record of its own, which is matched to its
 * performance record (power-pairing.ts).
 */
import type { RecordCollector } from './to-record'
import { groupKey } from './power-pairing'
import { isRecordObject, powerUnitOf, rowLabel, toNumber, toText } from './to-record'

export type CmRecord = Record<string, unknown>

/** A record and its 1-based position in the file. */
export type CmEntry = { row: CmRecord; at: number }

export type SortedCmEntries = {
  performance: CmEntry[]
  /** Power-only records by groupKey (the first of each kept). */
  power: Map<string, CmEntry>
  duplicates: number
  training: number
  tiny: number
}

/** Training records have no scenario and carry Model_ID/_Result, time in "min.". */
export function isTraining(record: CmRecord, experiment: string | null): boolean {
  if (experiment?.startsWith('mlperf-training--')) return true
  if ('Scenario' in record) return false
  return 'Model_ID' in record || '_Result' in record || toText(record['Result_Units']) === 'min.'
}

/** JSON text with sorted keys, so identical records compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** A power-only record: no performance value, a power value (v4.1 power experiments). */
export function isPowerRecord(record: CmRecord): boolean {
  // Only an absent Result makes a power record; a malformed one is a bad performance record.
  if (toText(record['Result']) !== null) return false
  return toNumber(record['Result_Power']) !== null || powerUnitOf(record['Units']) !== null
}

/** Sort the entries; what is left out goes to the collector's skipped list with the reason. */
export function sortCmEntries(
  entries: readonly unknown[],
  experiment: string | null,
  collector: RecordCollector
): SortedCmEntries {
  const sorted: SortedCmEntries = {
    performance: [],
    power: new Map(),
    duplicates: 0,
    training: 0,
    tiny: 0
  }
  const seen = new Set<string>()
  entries.forEach((entry, index) => {
    const at = index + 1
    if (!isRecordObject(entry)) {
      collector.skip(`record ${at}`, 'not a JSON object')
      return
    }
    const canonical = canonicalJson(entry)
    if (seen.has(canonical)) {
      sorted.duplicates++
      return
    }
    seen.add(canonical)
    sortOne(sorted, { row: entry, at }, experiment, collector)
  })
  return sorted
}

/** One distinct record: Tiny, training, power-only or performance. */
function sortOne(
  sorted: SortedCmEntries,
  entry: CmEntry,
  experiment: string | null,
  collector: RecordCollector
): void {
  const { row: record, at } = entry
  if (experiment?.startsWith('mlperf-tiny--')) {
    sorted.tiny++
    const label = rowLabel(record['Organization'], record['Benchmark'])
    collector.skip(
      `record ${at}`,
      `MLPerf Tiny: not a datacenter or edge inference result (${label})`
    )
  } else if (isTraining(record, experiment)) {
    sorted.training++
    const label = rowLabel(record['Model_ID'], record['Organization'], record['system'])
    collector.skip(`record ${at}`, `training summary: not an inference result (${label})`)
  } else if (isPowerRecord(record)) {
    const key = groupKey(record)
    if (sorted.power.has(key)) {
      collector.skip(
        `record ${at}`,
        'a second power record for the same result; the first one is kept'
      )
    } else {
      sorted.power.set(key, entry)
    }
  } else {
    sorted.performance.push(entry)
  }
}
