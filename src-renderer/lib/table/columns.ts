import type { ColumnInfo, Suite } from '../../../src-main/shared/api'
import { INFERENCE_COLUMNS, TRAINING_COLUMNS } from '../../../src-main/shared/columns'

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
  'valid',
  'origin'
].filter((name) => ALL_COLUMNS.some((c) => c.name === name && c.facet))

export const FACETABLE: readonly ColumnInfo[] = ALL_COLUMNS.filter((c) => c.facet)

export function columnInfo(name: string): ColumnInfo | undefined {
  return ALL_COLUMNS.find((c) => c.name === name)
}

/**
 * Everything a results table needs to know about one suite's columns. The Explorer's models and
 * components take a schema instead of the inference constants above, so the same table serves
 * inference and training.
 */
export type TableSchema = {
  suite: Suite
  all: readonly ColumnInfo[]
  names: ReadonlySet<string>
  defaultColumns: readonly string[]
  defaultFacets: readonly string[]
  facetable: readonly ColumnInfo[]
  /** Unit columns drawn inside the number cell they qualify (see MERGED_UNIT). */
  mergedUnit: Readonly<Record<string, string>>
  /** Column widths that differ from columnWidth's (pixels). */
  widths: Readonly<Record<string, number>>
}

/** A schema from column metadata; facets and merged units are kept only where columns exist. */
export function tableSchema(
  suite: Suite,
  all: readonly ColumnInfo[],
  options: {
    defaultFacets: readonly string[]
    mergedUnit: Readonly<Record<string, string>>
    widths?: Readonly<Record<string, number>>
  }
): TableSchema {
  const has = (name: string): boolean => all.some((c) => c.name === name)
  const mergedUnit = Object.fromEntries(
    Object.entries(options.mergedUnit).filter(([value, unit]) => has(value) && has(unit))
  )
  const merged = new Set(Object.values(mergedUnit))
  return {
    suite,
    all,
    names: new Set(all.map((c) => c.name)),
    defaultColumns: all.filter((c) => c.defaultVisible && !merged.has(c.name)).map((c) => c.name),
    defaultFacets: options.defaultFacets.filter((n) => all.some((c) => c.name === n && c.facet)),
    facetable: all.filter((c) => c.facet),
    mergedUnit,
    widths: options.widths ?? {}
  }
}

export const INFERENCE_SCHEMA: TableSchema = tableSchema('inference', ALL_COLUMNS, {
  defaultFacets: DEFAULT_FACETS,
  mergedUnit: MERGED_UNIT
})

/** Training facets when the URL names none. */
export const TRAINING_DEFAULT_FACETS: readonly string[] = [
  'round',
  'division',
  'category',
  'submitter',
  'benchmark',
  'accelerator',
  'framework',
  'rcp_normalised',
  'valid',
  'origin'
]

/** The training table: the score's label carries its unit (minutes), so no merged unit. */
export const TRAINING_SCHEMA: TableSchema = tableSchema('training', TRAINING_COLUMNS, {
  defaultFacets: TRAINING_DEFAULT_FACETS,
  mergedUnit: {},
  widths: {
    category: 170,
    value: 150,
    runs: 64,
    scaling_factor: 116,
    aborted_runs: 100,
    rcp_normalised: 122,
    framework: 230,
    source_kind: 120
  }
})

/**
 * Known column names per route, for the URL codec: the training table's for training, none for
 * the TTMT screen (it has only route parameters), the inference table's for every other screen.
 */
export function routeColumns(route: string): ReadonlySet<string> | undefined {
  if (route === 'training') return TRAINING_SCHEMA.names
  if (route === 'ttmt') return undefined
  return INFERENCE_SCHEMA.names
}

export function schemaColumn(schema: TableSchema, name: string): ColumnInfo | undefined {
  return schema.all.find((c) => c.name === name)
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
  operating_system: 200,
  origin: 96
}

export function columnWidth(column: ColumnInfo): number {
  return WIDTHS[column.name] ?? (column.type === 'number' ? 110 : 160)
}

/** Clicking a header on a new column: numbers start with the largest, text with A. */
export function firstSortDir(column: ColumnInfo): 'asc' | 'desc' {
  return column.type === 'number' ? 'desc' : 'asc'
}
