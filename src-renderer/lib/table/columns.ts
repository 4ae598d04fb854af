import type { ColumnInfo } from '../../../src-main/shared/api'
import { INFERENCE_COLUMNS } from '../../../src-main/shared/columns'

export const ALL_COLUMNS: readonly ColumnInfo[] = INFERENCE_COLUMNS
export const COLUMN_NAMES: ReadonlySet<string> = new Set(ALL_COLUMNS.map((c) => c.name))

/**
 * Unit columns drawn inside the number cell they qualify ("233,274.76 Queries/s"), so they
 * are hidden by default even though the shared metadata marks them visible; the column
 * chooser can still show them on their own.
 */
export const MERGED_UNIT: Readonly<Record<string, string>> = {
  value: 'unit',
  power_value: 'power_unit'
}
const MERGED_INTO = new Set(Object.values(MERGED_UNIT))

export const DEFAULT_COLUMNS: readonly string[] = ALL_COLUMNS.filter(
  (c) => c.defaultVisible && !MERGED_INTO.has(c.name)
).map((c) => c.name)

/**
 * Sidebar facets when the URL names none: the ones analysts slice by first. Each facet is a
 * GROUP BY over the filtered set, so the default list stays short; "Add facet" offers the rest.
 */
export const DEFAULT_FACETS: readonly string[] = [
  'round',
  'division',
  'category',
  'system_type',
  'submitter',
  'benchmark',
  'scenario',
  'accelerator',
  'power_unit',
  'valid'
].filter((name) => ALL_COLUMNS.some((c) => c.name === name && c.facet))

export const FACETABLE: readonly ColumnInfo[] = ALL_COLUMNS.filter((c) => c.facet)

export function columnInfo(name: string): ColumnInfo | undefined {
  return ALL_COLUMNS.find((c) => c.name === name)
}

/** Pixel widths: wide enough for typical values, fixed so the virtual rows never reflow. */
const WIDTHS: Readonly<Record<string, number>> = {
  round: 72,
  division: 86,
  category: 94,
  submitter: 130,
  system_id: 220,
  system_name: 300,
  benchmark: 150,
  scenario: 110,
  metric: 170,
  unit: 100,
  value: 210,
  power_value: 150,
  power_unit: 100,
  accuracy: 210,
  valid: 58,
  inferred: 70,
  accelerator: 240,
  accelerators_per_node: 84,
  nodes: 64,
  accelerators_total: 84,
  source: 320,
  system_type: 120,
  host_processor: 240,
  framework: 260,
  weight_data_types: 100,
  mlperf_model: 130,
  public_id: 100,
  source_kind: 110,
  operating_system: 200
}

export function columnWidth(column: ColumnInfo): number {
  return WIDTHS[column.name] ?? (column.type === 'number' ? 110 : 160)
}

/** Clicking a header on a new column: numbers start with the largest, text with A. */
export function firstSortDir(column: ColumnInfo): 'asc' | 'desc' {
  return column.type === 'number' ? 'desc' : 'asc'
}
