/**
 * The inference result record: what every importer (submission tree, summary_results.json,
 * checker summary.csv, cm-result.json) produces and what the database stores. Environment
 * neutral: shared by the main side and (as types) by the renderer.
 */

/** Official LoadGen scenarios as the results table names them. */
export type Scenario = 'SingleStream' | 'MultiStream' | 'Server' | 'Offline' | 'Interactive'

/**
 * Where a stored result came from; a tree result is never overwritten by a summary row. `local`
 * marks the user's own runs made by this app: shown as unverified, never as published results.
 */
export type SourceKind = 'tree' | 'summary' | 'local'

/**
 * One published (or user-submitted) inference result, keyed by
 * (round, division, submitter, system_id, benchmark, scenario).
 */
export type InferenceResultRecord = {
  /** Round as the checker spells it: "v0.5" … "v6.1". */
  round: string
  /** closed | open | network */
  division: string
  /** Availability: available | preview | rdi (the results table's "Category" in the report is the division; we call availability "category" as the MLPerf rules do). */
  category: string | null
  /** datacenter | edge | datacenter,edge (null for v0.5 systems, which have no system_type). */
  systemType: string | null
  submitter: string
  /** System description id: the folder name under results/ (the report's "Platform"). */
  systemId: string
  systemName: string | null
  accelerator: string | null
  acceleratorsPerNode: number | null
  nodes: number | null
  acceleratorsTotal: number | null
  hostProcessor: string | null
  hostProcessorsPerNode: number | null
  hostProcessorCoreCount: string | null
  framework: string | null
  operatingSystem: string | null
  /** Benchmark folder name as submitted (the report's "UsedModel"), e.g. resnet50, bert-99. */
  benchmark: string
  /** Checker's MLPerf model name, e.g. resnet, retinanet, bert-99 (model_mapping applied). */
  mlperfModel: string
  scenario: Scenario
  /** Stable metric id, see METRICS in metrics.ts (e.g. samples_per_second, latency_p90_ms). */
  metric: string
  /** Unit as the official table prints it: Samples/s, Queries/s, Tokens/s, Latency (ms), Streams. */
  unit: string
  /** The official Result value, full precision. Null only when the result could not be derived. */
  value: number | null
  /** Power metric value (average W, or mJ per query/stream) where measured. */
  powerValue: number | null
  /** "Watts" | "millijoules" | "Joules" as the official power row names it. */
  powerUnit: string | null
  /** Accuracy in the checker's rendering, e.g. "acc: 76.076" or "ROUGE1: 44.5  ROUGE2: 22.1". */
  accuracy: string | null
  /** LoadGen's verdict (result_validity) for tree imports; published summary rows are valid. */
  valid: boolean
  /** Derived from another scenario's run as the checker does (edge systems). */
  inferred: boolean
  /** Weight data types (precision) from measurements JSON or the summary: int8, fp16, fp8… */
  weightDataTypes: string | null
  /** Result folder path (tree import) or the summary file path (summary import). */
  source: string
  sourceKind: SourceKind
  /** Official MLPerf ID where the source carries one, e.g. "v4.1-0001". */
  publicId: string | null
  /** Everything the detail panel shows; serialised as JSON in the database. */
  detail: InferenceResultDetail
}

/** One validity check with its outcome and a plain-words explanation. */
export type ValidityCheck = {
  /** min_duration | min_queries | latency_bound | early_stopping | loadgen_verdict | seeds | errors */
  id: string
  label: string
  /** true = passed, false = failed, null = not applicable or not known for this round. */
  passed: boolean | null
  /** Plain-words explanation with the measured numbers, e.g. "Ran 601.2 s; at least 600 s required." */
  explanation: string
  /** What the check requires, short, for a one-line verdict ("minimum duration 600 s"). */
  requirement?: string
}

/** A file the result was read from. */
export type SourceFile = { role: string; path: string; bytes: number | null }

/** Detail shown when a result is opened. All maps are string/number/boolean values only. */
export type InferenceResultDetail = {
  /** Every field of systems/<id>.json, as read (values stringified where not scalar). */
  system: Record<string, string | number | boolean | null>
  /** LoadGen settings: effective_* / requested_* keys, or "Test Parameters Used" for old rounds. */
  settings: Record<string, string | number | boolean | null>
  /** LoadGen statistics: result_* keys and early-stopping figures. */
  statistics: Record<string, string | number | boolean | null>
  /** Validity checks in plain words. Empty for summary-only imports. */
  checks: ValidityCheck[]
  /** Files read. */
  files: SourceFile[]
  /** Parsed accuracy metrics, e.g. {acc: 76.076}. */
  accuracyMetrics: Record<string, number>
  /** Free-form notes: how the value was derived (which key, inferred from what), warnings. */
  notes: string[]
  /** LoadGen version string where known. */
  loadgenVersion: string | null
  /** Other runs of the same result (v0.5/v0.7 Server run_1…run_5) with their values. */
  runs: { run: string; value: number | null; valid: boolean | null }[]
  /** The official table row this log-derived result replaced or met (see table-merge.ts). */
  officialTable?: OfficialTableRow
}

/**
 * The official table's row a result read from logs replaced (or met), kept so that fields only
 * the table knows survive every later re-import of the logs, and the two can be compared.
 */
export type OfficialTableRow = {
  /** The table file (summary_results.json, cm-result.json…) as stored in the replaced row. */
  source: string
  /** Its stored columns (value, unit, power, result ID, precision, availability…). */
  fields: Record<string, string | number | null>
  /** The table row's own notes (e.g. the submitter's hardware/software notes). */
  notes: string | null
  /** Columns of the stored row that hold the table's value because the logs had none. */
  filled?: string[]
}
