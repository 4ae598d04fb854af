import type { ColumnInfo, Suite } from '../../../src-main/shared/api'
import { INFERENCE_COLUMNS, TRAINING_COLUMNS } from '../../../src-main/shared/columns'

export const ALL_COLUMNS: readonly ColumnInfo[] = INFERENCE_COLUMNS

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

/**
 * Columns frozen on the left of the inference table, in this order, whatever else is shown: an
 * analyst never sees a result without its submitter, system, benchmark and scenario, even with
 * the detail panel open or the table scrolled right.
 */
export const INFERENCE_FROZEN: readonly string[] = [
  'submitter',
  'system_name',
  'benchmark',
  'scenario',
  'value'
]

/** The training table's frozen columns (no scenario in training). */
export const TRAINING_FROZEN: readonly string[] = ['submitter', 'system_name', 'benchmark', 'value']

/** Columns shown when the URL names none: the frozen ones first, then the rest in list order. */
export const DEFAULT_COLUMNS: readonly string[] = frozenFirst(
  ALL_COLUMNS.filter((c) => c.defaultVisible && !MERGED_INTO.has(c.name)).map((c) => c.name),
  INFERENCE_FROZEN
)

/** `names` with the frozen columns first (always present, in their order), the rest after. */
export function frozenFirst(names: readonly string[], frozen: readonly string[]): string[] {
  return [...frozen, ...names.filter((n) => !frozen.includes(n))]
}

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
  /** Columns frozen on the left, always shown, in this order. */
  frozen: readonly string[]
}

/** A schema from column metadata; facets and merged units are kept only where columns exist. */
export function tableSchema(
  suite: Suite,
  all: readonly ColumnInfo[],
  options: {
    defaultFacets: readonly string[]
    mergedUnit: Readonly<Record<string, string>>
    widths?: Readonly<Record<string, number>>
    frozen?: readonly string[]
  }
): TableSchema {
  const has = (name: string): boolean => all.some((c) => c.name === name)
  const mergedUnit = Object.fromEntries(
    Object.entries(options.mergedUnit).filter(([value, unit]) => has(value) && has(unit))
  )
  const merged = new Set(Object.values(mergedUnit))
  const frozen = (options.frozen ?? []).filter(has)
  return {
    suite,
    all,
    names: new Set(all.map((c) => c.name)),
    defaultColumns: frozenFirst(
      all.filter((c) => c.defaultVisible && !merged.has(c.name)).map((c) => c.name),
      frozen
    ),
    defaultFacets: options.defaultFacets.filter((n) => all.some((c) => c.name === n && c.facet)),
    facetable: all.filter((c) => c.facet),
    mergedUnit,
    widths: options.widths ?? {},
    frozen
  }
}

export const INFERENCE_SCHEMA: TableSchema = tableSchema('inference', ALL_COLUMNS, {
  defaultFacets: DEFAULT_FACETS,
  mergedUnit: MERGED_UNIT,
  frozen: INFERENCE_FROZEN
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
  frozen: TRAINING_FROZEN,
  widths: {
    category: 170,
    value: 110,
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

/**
 * Pixel widths: wide enough for typical values, fixed so the virtual rows never reflow. The
 * default columns (frozen ones included) fit the table at a 1440 px wide window; longer values
 * end in an ellipsis and show whole in the cell's tooltip.
 */
const WIDTHS: Readonly<Record<string, number>> = {
  round: 66,
  division: 80,
  category: 94,
  submitter: 124,
  system_id: 220,
  system_name: 220,
  benchmark: 124,
  scenario: 100,
  metric: 170,
  unit: 100,
  value: 176,
  power_value: 160,
  power_unit: 100,
  accuracy: 210,
  valid: 58,
  inferred: 70,
  accelerator: 170,
  accelerators_per_node: 84,
  nodes: 64,
  accelerators_total: 76,
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

/** How narrow the frozen text columns may get on a narrow screen (their text then ellipsises). */
export const FROZEN_MIN_WIDTHS: Readonly<Record<string, number>> = {
  submitter: 84,
  system_name: 120,
  benchmark: 96
}

/**
 * Column widths for a table `room` pixels wide: when the frozen columns (after `fixed` pixels
 * of checkbox) would not leave room to scroll the others, their text columns give up width in
 * proportion to what they can spare, down to FROZEN_MIN_WIDTHS; nothing else changes.
 */
export function fitFrozenWidths(
  names: readonly string[],
  natural: readonly number[],
  frozenCount: number,
  room: number,
  fixed = 0
): number[] {
  const out = [...natural]
  const frozenTotal = fixed + natural.slice(0, frozenCount).reduce((a, b) => a + b, 0)
  if (room <= 0 || frozenTotal <= room) return out
  const slack = names.slice(0, frozenCount).map((name, i) => {
    const min = FROZEN_MIN_WIDTHS[name]
    return min === undefined ? 0 : Math.max(0, (natural[i] ?? 0) - min)
  })
  const totalSlack = slack.reduce((a, b) => a + b, 0)
  if (totalSlack === 0) return out
  const cut = Math.min(frozenTotal - room, totalSlack)
  slack.forEach((s, i) => {
    out[i] = (natural[i] ?? 0) - Math.round((cut * s) / totalSlack)
  })
  return out
}
