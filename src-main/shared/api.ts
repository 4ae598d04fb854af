/**
 * The one typed API contract. Electron IPC, the HTTP web mode and the CLI are transports of
 * the same `dispatch`; the renderer never knows which one it has. Every method takes exactly
 * one input object and returns JSON-serialisable data.
 */
import type { InferenceResultDetail } from './inference'
import type { CatalogueChange, CatalogueStatus } from './catalogue'
import type { AcceleratorAlias, ChartData } from './charts/chart-data'
import type { ChartView } from './charts/chart-view'
import type {
  BundleInput,
  BundleWritten,
  ChartSize,
  CsvExport,
  CsvExportInput
} from './charts/export-types'
import type { Price, PriceInput } from './charts/prices'
import type { Comparison } from './comparison'
import type { FilterOp } from './filters'
import type { InspectResult } from './local-run'
import type { NumberKind } from './number-format'
import type { Preferences } from './preferences'
import type { PivotQuery, PivotTable } from './pivot'
import type {
  InspectInput,
  LocalRunDetail,
  PickPurpose,
  RunDefaults,
  RunDefaultsInput,
  RunFinishedEvent,
  RunList,
  RunProgressEvent,
  RunStartInput,
  RunStarted,
  BenchmarkSuggestionView
} from './local-run-views'
import type {
  FetchedLogsView,
  FetchLogsProgress,
  PublishedSourcesView,
  UpdateInput,
  UpdateProgress,
  UpdateReport
} from './published'
import type {
  EvalPoint,
  MetricDirection,
  SetTtmt,
  SpeedupRow,
  TrainingResultDetail,
  TrainingRunDetail
} from './training'

/** Which results table a query addresses. */
export const SUITES = ['inference', 'training'] as const
export type Suite = (typeof SUITES)[number]

/** Filter operators: shared/filters.ts lists them with their words. */
export type { FilterOp }

/** One filter; `value` is a string for scalar ops, a string list for in/notin, absent for null ops. */
export type Filter = { column: string; op: FilterOp; value?: string | string[] }

export const SORT_DIRS = ['asc', 'desc'] as const
export type SortDir = (typeof SORT_DIRS)[number]

/** The state of a table view: everything the URL holds. */
export type ViewQuery = {
  suite: Suite
  filters: Filter[]
  /** Free-text search over submitter, system, accelerator, processor, benchmark, framework. */
  search?: string
  sort?: { column: string; dir: SortDir }
}

export type ResultQuery = ViewQuery & {
  offset: number
  limit: number
  /** Columns to return; defaults to every column. `id` is always returned. */
  columns?: string[]
}

/** A table cell as it crosses the wire. */
export type Cell = string | number | null

export type ResultPage = {
  rows: Record<string, Cell>[]
  /** Rows matching the filters (not just this page). */
  total: number
  offset: number
  /** Human-readable description of the active filters, e.g. "division = closed". */
  description: string
}

export type FacetQuery = ViewQuery & { columns: string[]; size?: number }

export type FacetValue = { value: Cell; count: number }

export type FacetResult = {
  column: string
  values: FacetValue[]
  /** More distinct values exist than were returned. */
  truncated: boolean
}

/** Column metadata the renderer needs to draw headers, facets and filters. */
export type ColumnInfo = {
  name: string
  label: string
  type: 'text' | 'number' | 'boolean'
  facet: boolean
  /** Shown when no column choice is stored. */
  defaultVisible: boolean
  /** How a number column is shown (number-format.ts); absent: full precision, grouped. */
  format?: NumberKind
}

/** One result; `detail` is an InferenceResultDetail for suite inference, a TrainingResultDetail for training. */
export type ResultView<D = InferenceResultDetail | TrainingResultDetail> = {
  id: number
  row: Record<string, Cell>
  detail: D
}

/** One run of a training result set with its eval series (for the convergence chart). */
export type TrainingRunView = TrainingRunDetail & { evals: EvalPoint[] }

export type TrainingRunsView = {
  id: number
  round: string
  benchmark: string
  /** The quality target of the round and benchmark, and which way is better. */
  target: number | null
  direction: MetricDirection | null
  /** Name of the quality metric, e.g. "top-1 accuracy", "log perplexity". */
  metricLabel: string
  runs: TrainingRunView[]
}

export type ThresholdDefaults = {
  target: number | null
  direction: MetricDirection | null
  metricLabel: string
  /** A range below (or above, for lower-is-better metrics) the target, easiest first. */
  thresholds: number[]
}

export type TtmtView = {
  /** Thresholds in difficulty order (shared by every set). */
  thresholds: number[]
  direction: MetricDirection
  /** One entry per requested result set, in request order. */
  sets: { id: number; label: string; ttmt: SetTtmt }[]
  /** Speedup of sets[0] over sets[1] by TTA and ATTMT, threshold by threshold (two sets only). */
  speedup: SpeedupRow[] | null
}

/** `training.logTtmt`: log files or folders of result_*.txt, read without the database. */
export type LogTtmtInput = {
  paths: string[]
  /** Default: the ladder for the benchmark found in the logs. */
  thresholds?: number[]
  /** Default: the benchmark's target's. */
  direction?: MetricDirection
}

export type LogTtmtView = {
  benchmark: string
  /** The round whose target and default ladder were used (the latest when the logs do not say). */
  targetRound: string | null
  metric: string | null
  target: number | null
  /** The thresholds are the benchmark's default ladder (none were given). */
  defaultThresholds: boolean
  ttmt: SetTtmt
}

/** A result that could not be imported, with the file and the reason. */
export type SkippedItem = { path: string; reason: string }

export type ImportCounts = {
  filesRead: number
  resultsFound: number
  imported: number
  updated: number
  unchanged: number
  skipped: number
}

/** `interrupted`: the process carrying it out stopped (marked at the next start). */
export type ImportStatus = 'running' | 'done' | 'cancelled' | 'failed' | 'interrupted'

/** What one path of an import gave, per suite (the report is split by path and suite). */
export type ImportSourceTally = {
  /** The path as the user gave it. */
  path: string
  /** null: the path itself could not be used (missing, not a results file…). */
  suite: Suite | null
  /** Results read from it (summary rows included). */
  found: number
  imported: number
  updated: number
  unchanged: number
  skipped: number
  /** Sources (result folders, training sets, summary files, logs) read, of `items`. */
  itemsDone: number
  items: number
}

export type ImportReport = ImportCounts & {
  jobId: string
  paths: string[]
  status: ImportStatus
  skippedItems: SkippedItem[]
  /** Non-fatal remarks (e.g. "summary row kept: a submission-tree result already exists"). */
  notes: string[]
  startedAt: string
  finishedAt: string | null
  /** Set when status is failed: why nothing could be read. */
  error: string | null
  /** Per path and suite: what was found, written and skipped (in path order). */
  sources: ImportSourceTally[]
  /** Sources read (result folders, training sets, summary files, logs), of `totalItems`. */
  itemsDone: number
  totalItems: number | null
}

export type ImportProgress = ImportCounts & {
  jobId: string
  /** scanning | parsing | writing | done */
  phase: 'scanning' | 'parsing' | 'writing' | 'done'
  /**
   * Sources to read, once known: result folders, training sets, summary files and logs (a
   * summary file counts once here; its rows count in resultsFound).
   */
  totalItems: number | null
  /** Sources read so far, of totalItems. */
  itemsDone: number
  currentPath: string | null
}

/** A path checked when it is added to the import queue. */
export type PathCheck = {
  path: string
  ok: boolean
  /** folder: scanned for results and summaries; the others are read as they are. */
  kind: 'folder' | 'summary' | 'training-log' | null
  /** What will happen, or why it cannot be imported. */
  message: string
}

export type DirEntry = { name: string; path: string; isDir: boolean }

export type DirListing = { path: string; parent: string | null; entries: DirEntry[] }

export type AppInfo = {
  version: string
  dbPath: string
  inferenceResults: number
  trainingResults: number
  /** 'electron' | 'web' : for the about box only; features never branch on it. */
  shell: string
  /** The database file may not be written: it opened read-only, for browsing (issue 13). */
  readOnly?: boolean
}

/** A chart rendered without a window (`render.chart`): the file's content and what it shows. */
export type RenderedChartImage = {
  format: 'svg' | 'png'
  /** SVG text, or the PNG's bytes in base64. */
  data: string
  /** Pixel size of the image (a PNG is drawn at twice the view's size). */
  width: number
  height: number
  title: string
  /** Points drawn. */
  points: number
  /** What the chart leaves out or derives (e.g. results without a price), one line each. */
  notes: string[]
}

/** The API, area by area. Wire names are `area.method`. */
export type Api = {
  app: {
    /** Version, database path and row counts. */
    info(input: Record<string, never>): Promise<AppInfo>
    /** The user's display preferences (colour theme), kept across restarts. */
    preferences(input: Record<string, never>): Promise<Preferences>
    /** Changes some preferences; returns them all. */
    setPreferences(input: Partial<Preferences>): Promise<Preferences>
  }
  results: {
    /** One page of the filtered, sorted table (paging happens in SQL). */
    query(input: ResultQuery): Promise<ResultPage>
    /** Facet counts over the filtered set. */
    facets(input: FacetQuery): Promise<FacetResult[]>
    /** One result with its detail. */
    get(input: { suite: Suite; id: number }): Promise<ResultView>
    /**
     * The filtered table as CSV text (the CLI's column set, in the view's order); `footnote`
     * appends the citation footnote as trailing `# ` lines.
     */
    csv(input: ViewQuery & { footnote?: boolean }): Promise<{ csv: string; rows: number }>
    /**
     * Downloads the logs of one published result (a row from an official table) from its
     * round's results repository, imports them and returns the official figures beside the
     * logs' with the files fetched. A missing file is a `failed` view with the reason; the row
     * is then left as it was. Progress arrives as `results.fetchLogsProgress`.
     */
    fetchLogs(input: { suite: Suite; id: number }): Promise<FetchedLogsView>
    /** The last fetch of a result's logs (official beside logs), or null if none. */
    logs(input: { suite: Suite; id: number }): Promise<FetchedLogsView | null>
    /** One round as MLCommons publishes it: systems × (benchmark, scenario), official values. */
    pivot(input: PivotQuery): Promise<PivotTable>
    /** The pivot as CSV (full precision) with the citation footnote as trailing `# ` lines. */
    pivotCsv(input: PivotQuery): Promise<CsvExport>
  }
  imports: {
    /**
     * Start importing folders and summary files; progress arrives as `imports.progress` events.
     * `round` ("v3.1") is the round of results whose folders name none (a user's own logs).
     */
    start(input: { paths: string[]; round?: string }): Promise<{ jobId: string }>
    /** Stop a running import; what was written so far stays. */
    cancel(input: { jobId: string }): Promise<{ cancelled: boolean }>
    /** Checks a path before it is queued: does it exist, and what would be imported from it. */
    checkPath(input: { path: string }): Promise<PathCheck>
    /** A job's report (running or finished). */
    get(input: { jobId: string }): Promise<ImportReport>
    /** Past imports, newest first. */
    list(input: Record<string, never>): Promise<ImportReport[]>
  }
  training: {
    /** Every run of a training result set with its time, status, role in the score and evals. */
    runs(input: { id: number }): Promise<TrainingRunsView>
    /** Default time-to-multiple-thresholds ladder for a benchmark and round. */
    thresholds(input: { benchmark: string; round: string }): Promise<ThresholdDefaults>
    /**
     * Time to multiple thresholds (Verma et al. 2019) of the runs of one or more result sets of
     * the same benchmark: TTA and ATTMT per run, their spread, and (for two sets) the speedup.
     */
    ttmt(input: { ids: number[]; thresholds?: number[] }): Promise<TtmtView>
    /**
     * Time to multiple thresholds of training runs read straight from their log files (a
     * folder: every result_*.txt directly in it), without the database: the runs of one
     * benchmark, TTA and ATTMT per run and threshold and their spread.
     */
    logTtmt(input: LogTtmtInput): Promise<LogTtmtView>
  }
  charts: {
    /**
     * The points of a chart view, computed in SQL with the view's filters (the table's facets),
     * columnar and dictionary-encoded, plus the user's prices and accelerator aliases and the
     * provenance the citation footnote needs. The user's own runs follow only workload filters.
     */
    data(input: { view: ChartView }): Promise<ChartData>
    /**
     * 2–8 results side by side: fields, shared benchmarks with % deltas (and per accelerator
     * where counts differ), comparability issues. Results of `suite` (default inference).
     */
    compare(input: { ids: number[]; suite?: Suite }): Promise<Comparison>
    /** Adds or replaces the price of one system or accelerator-hour. */
    setPrice(input: PriceInput): Promise<Price>
    deletePrice(input: { id: number }): Promise<{ deleted: boolean }>
    /** Sets the canonical id of a raw accelerator name (null removes the override). */
    setAlias(input: { raw: string; canonical: string | null }): Promise<AcceleratorAlias[]>
  }
  exports: {
    /** The table view or a chart's data as CSV with the citation footnote as trailing `# ` lines. */
    csv(input: CsvExportInput): Promise<CsvExport>
    /**
     * Writes a report bundle (CSV, PNG at 2x, SVG, footnote.txt, view.json) rendered on the main
     * side; `dir` defaults to "exports" under the app's data folder.
     */
    bundle(input: BundleInput): Promise<BundleWritten>
    /** Reads a saved view (a bundle folder or its view.json) to rebuild the chart. */
    openView(input: { path: string }): Promise<ChartView>
  }
  render: {
    /**
     * A chart view drawn as a figure without a window, as the report bundle draws it (title,
     * axis units, the citation footnote): SVG, or PNG at twice the size. `size` defaults to
     * 1200 × 720; bar charts grow taller with their bars.
     */
    chart(input: {
      view: ChartView
      size?: ChartSize
      format: 'svg' | 'png'
    }): Promise<RenderedChartImage>
  }
  files: {
    /** Native folder picker where the shell has one; null means "use the in-app browser". */
    pickFolder(input: Record<string, never>): Promise<{ path: string | null }>
    /**
     * Native file or folder picker for a purpose (model, dataset…). `native` false: the shell
     * has none (web mode), use the in-app browser; otherwise a null path means cancelled.
     */
    pickPath(input: { purpose: PickPurpose }): Promise<{ path: string | null; native: boolean }>
    /** List a folder, for the in-app folder browser. Defaults to the home folder. */
    list(input: { path?: string }): Promise<DirListing>
    /**
     * The in-app browser's choice (web mode only: it has no native dialog). An `output` folder
     * chosen here may then be written to, as one picked in a native dialog; a folder typed
     * into a field may not (only the data folder and picked folders are).
     */
    choose(input: { purpose: PickPurpose; path: string }): Promise<{ path: string }>
  }
  runs: {
    /** Settings from the official mlperf.conf for a benchmark, scenario and mode. */
    defaults(input: RunDefaultsInput): Promise<RunDefaults>
    /**
     * Start a local ONNX run (one at a time; `conflict` while another goes). Progress arrives
     * as `runs.progress`, each finished repetition as `runs.finished`. Bad input (model, dataset)
     * ends the run as failed with the file and the reason.
     */
    start(input: RunStartInput): Promise<RunStarted>
    /** Stop the job a run belongs to; what ran is kept and the run is marked cancelled. */
    cancel(input: { runId: number }): Promise<{ cancelled: boolean }>
    /** Stored runs, newest first, and the job that is going. */
    list(input: Record<string, never>): Promise<RunList>
    /** One run with its result, the checker's checks and its job's repetition statistics. */
    get(input: { id: number }): Promise<LocalRunDetail>
    /** Run a model on one image or .npy file and return its top classes. */
    inspect(input: InspectInput): Promise<InspectResult>
    /** The benchmark a model file looks like (file name, input shape), for the user to confirm. */
    suggestBenchmark(input: { modelPath: string }): Promise<BenchmarkSuggestionView>
  }
  catalogue: {
    /** The rounds whose official tables can be downloaded, where each stands, the source address. */
    sources(input: Record<string, never>): Promise<PublishedSourcesView>
    /** Sets the source address (a mirror in the raw.githubusercontent.com layout); null: default. */
    setBaseUrl(input: { baseUrl: string | null }): Promise<PublishedSourcesView>
    /**
     * Downloads the official tables of the chosen rounds (default: those not in the database,
     * and those downloaded before, conditionally) and imports them. One update at a time
     * (`conflict` otherwise). Progress as `catalogue.progress`, the report as `catalogue.finished`.
     */
    update(input: UpdateInput): Promise<{ jobId: string }>
    /** Stops a running update; rounds already imported stay. */
    cancelUpdate(input: { jobId: string }): Promise<{ cancelled: boolean }>
    /** An update's report (running or finished). */
    getUpdate(input: { jobId: string }): Promise<UpdateReport>
    /** The published catalogue: per suite and round, results, source table, complete or
     * partial, and what the database holds of each round by origin. */
    status(input: Record<string, never>): Promise<CatalogueStatus>
    /** Removes every bundled result; they stay out on later starts until restored. */
    remove(input: Record<string, never>): Promise<CatalogueChange>
    /** Puts the bundled results back (results the user imported since stay as they are). */
    restore(input: Record<string, never>): Promise<CatalogueChange>
  }
}

/** Server → client pushes. */
export type ApiEvents = {
  'imports.progress': ImportProgress
  'imports.finished': ImportReport
  'runs.progress': RunProgressEvent
  'runs.finished': RunFinishedEvent
  /** A command from the native menu the renderer should carry out (e.g. open the import dialog). */
  'app.command': { command: 'import' | 'published' }
  'catalogue.progress': UpdateProgress
  'catalogue.finished': UpdateReport
  'results.fetchLogsProgress': FetchLogsProgress
}

export type EventName = keyof ApiEvents

type MethodNames<A> = {
  [Area in keyof A & string]: `${Area}.${keyof A[Area] & string}`
}[keyof A & string]

/** Every wire name, e.g. "results.query". */
export type MethodName = MethodNames<Api>

type Lookup<M extends string> = M extends `${infer Area}.${infer Method}`
  ? Area extends keyof Api
    ? Method extends keyof Api[Area]
      ? Api[Area][Method]
      : never
    : never
  : never

export type MethodInput<M extends MethodName> =
  Lookup<M> extends (input: infer I) => unknown ? I : never
export type MethodOutput<M extends MethodName> =
  Lookup<M> extends (input: never) => Promise<infer O> ? O : never

/** The allowlist the preload and the bridge check names against. */
export const METHOD_NAMES = [
  'app.info',
  'results.query',
  'results.facets',
  'results.get',
  'results.csv',
  'imports.start',
  'imports.cancel',
  'imports.get',
  'imports.list',
  'training.runs',
  'training.thresholds',
  'training.ttmt',
  'charts.data',
  'charts.compare',
  'charts.setPrice',
  'charts.deletePrice',
  'charts.setAlias',
  'exports.csv',
  'exports.bundle',
  'exports.openView',
  'files.pickFolder',
  'files.pickPath',
  'files.list',
  'runs.defaults',
  'runs.start',
  'runs.cancel',
  'runs.list',
  'runs.get',
  'runs.inspect',
  'runs.suggestBenchmark',
  'results.fetchLogs',
  'results.logs',
  'catalogue.sources',
  'catalogue.setBaseUrl',
  'catalogue.update',
  'catalogue.cancelUpdate',
  'catalogue.getUpdate',
  'catalogue.status',
  'catalogue.remove',
  'catalogue.restore',
  'app.preferences',
  'app.setPreferences',
  'results.pivot',
  'results.pivotCsv',
  'imports.checkPath',
  'files.choose',
  'render.chart',
  'training.logTtmt'
] as const satisfies readonly MethodName[]

export const EVENT_NAMES = [
  'imports.progress',
  'imports.finished',
  'runs.progress',
  'runs.finished',
  'app.command',
  'catalogue.progress',
  'catalogue.finished',
  'results.fetchLogsProgress'
] as const satisfies readonly EventName[]

/** Compile-time proof that the allowlists name every method and event (a missing one fails). */
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>
export const METHOD_NAMES_COMPLETE: Exhaustive<MethodName, (typeof METHOD_NAMES)[number]> = true
export const EVENT_NAMES_COMPLETE: Exhaustive<EventName, (typeof EVENT_NAMES)[number]> = true

export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'cancelled' | 'internal'

/** Every reply crosses a transport as this envelope; a thrown Error never does. */
export type Reply<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: ErrorCode; message: string; details?: unknown } }
