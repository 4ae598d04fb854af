/**
 * The per-round pivot of the inference results, laid out like MLCommons' published tables
 * (tools/submission/generate_final_report.py): one row per system, one column per benchmark ×
 * scenario (× unit), the official result in each cell; the MLPerf ID on the row and the app's
 * result id on each cell for the click-through. Environment-neutral: the main side builds it,
 * the renderer draws it, both can write its CSV.
 */
import Papa from 'papaparse'
import type { Filter } from './api'
import { csvNumber } from './number-format'

/** What a cell holds: the official result (Result column) or the power result. */
export type PivotMeasure = 'performance' | 'power'

export type PivotQuery = {
  /** The round; omitted: the newest round with results that match the filters. */
  round?: string
  /** The table's other filters (division, category, system type…); a round filter is ignored. */
  filters: Filter[]
  search?: string
  measure?: PivotMeasure
}

export type PivotColumn = { benchmark: string; scenario: string; unit: string }

export type PivotCell = {
  /** The app's result id: the detail panel opens it. */
  id: number
  value: number | null
  valid: boolean
  inferred: boolean
  /** MLPerf ID of the result where the source carries one. */
  publicId: string | null
}

export type PivotRow = {
  division: string
  category: string | null
  systemType: string | null
  submitter: string
  systemId: string
  systemName: string
  accelerator: string | null
  acceleratorsTotal: number | null
  /**
   * The official MLPerf ID shared by all the row's results (e.g. "v4.1-0001"); null when they
   * have none or differ (open division: one ID per system and benchmark, see the cells).
   */
  publicId: string | null
  /** One entry per column, null where the system has no result. */
  cells: (PivotCell | null)[]
}

export type PivotTable = {
  round: string | null
  measure: PivotMeasure
  /** Rounds with results matching the filters, newest first (the round picker). */
  rounds: string[]
  columns: PivotColumn[]
  rows: PivotRow[]
  /** Results in the cells. */
  results: number
}

/** Column order of MLCommons' final report (its `columns_order`); other benchmarks follow. */
export const PIVOT_BENCHMARK_ORDER: readonly string[] = [
  'resnet',
  'retinanet',
  'bert-99',
  'bert-99.9',
  'dlrm-v2-99',
  'dlrm-v2-99.9',
  '3d-unet-99',
  '3d-unet-99.9',
  'llama3.1-8b',
  'llama2-70b-99',
  'llama2-70b-99.9',
  'stable-diffusion-xl',
  'mixtral-8x7b',
  'llama3.1-405b',
  'rgat',
  'pointpainting',
  'deepseek-r1',
  'whisper'
]

export const PIVOT_SCENARIO_ORDER: readonly string[] = [
  'SingleStream',
  'MultiStream',
  'Server',
  'Offline',
  'Interactive'
]

/** Header text of a column: "resnet50 Offline (Samples/s)". */
export function pivotColumnLabel(c: PivotColumn): string {
  return `${c.benchmark} ${c.scenario} (${c.unit})`
}

/** The pivot as CSV: one row per system, values at full precision, empty where none. */
export function pivotCsv(table: PivotTable): string {
  const fields = [
    'mlperf_id',
    'round',
    'division',
    'category',
    'system_type',
    'submitter',
    'system_id',
    'system_name',
    'accelerator',
    'accelerators_total',
    ...table.columns.map(pivotColumnLabel)
  ]
  const data = table.rows.map((r) => [
    r.publicId ?? '',
    table.round ?? '',
    r.division,
    r.category ?? '',
    r.systemType ?? '',
    r.submitter,
    r.systemId,
    r.systemName,
    r.accelerator ?? '',
    r.acceleratorsTotal === null ? '' : csvNumber(r.acceleratorsTotal),
    ...r.cells.map((c) => (c === null || c.value === null ? '' : csvNumber(c.value)))
  ])
  return Papa.unparse({ fields, data }, { newline: '\n' }) + '\n'
}
