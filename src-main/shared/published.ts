/**
 * Published results over HTTP: the rounds whose official tables can be downloaded ("Get
 * published results…", `mlperf-explorer catalogue update`) and the logs of one published result
 * ("Fetch logs"). Environment neutral: the renderer imports these as types.
 */
import type { Suite } from './api'

/** A round of a suite, e.g. {suite: 'inference', round: 'v5.0'}. */
export type RoundKey = { suite: Suite; round: string }

/** "inference v5.0": a round as one string (choices, lookups, progress labels). */
export const roundKey = (r: RoundKey): string => `${r.suite} ${r.round}`

/** What an update does with a round when the user does not choose. */
export type RoundPlan =
  /** Not in the database: its table is downloaded. */
  | 'download'
  /** Downloaded before: its files are checked with conditional requests (a changed file is imported again). */
  | 'check'
  /** Already in the database from an official table this app did not download (e.g. the bundled catalogue). */
  | 'skip'

/** One round whose official table(s) the app knows where to find. */
export type PublishedRoundInfo = RoundKey & {
  /** What the table is, e.g. "summary_results.json (final report)". */
  table: string
  /** Number of files of the table (the consolidated tables have one per task and scenario). */
  files: number
  /** The repository, e.g. "mlcommons/inference_results_v5.0". */
  repo: string
  /** A round after the last one known: "not published yet" is the expected answer until it is. */
  probe: boolean
  /** Results of this round in the database read from an official table. */
  tableResults: number
  /** Results of this round in the database, from any source. */
  results: number
  /** This app downloaded the table before. */
  downloaded: boolean
  /** When the server last confirmed the copy (ISO time), if downloaded. */
  checkedAt: string | null
  plan: RoundPlan
}

export type PublishedSourcesView = {
  /** The address the files are fetched from (a setting). */
  baseUrl: string
  defaultBaseUrl: string
  rounds: PublishedRoundInfo[]
}

export type UpdateStatus = 'running' | 'done' | 'cancelled' | 'failed'

/** What became of one round in an update. */
export type RoundOutcome =
  | 'pending'
  /** Downloaded (new or changed) and imported. */
  | 'imported'
  /** The server confirmed every file is unchanged (HTTP 304): nothing to do. */
  | 'unchanged'
  /** Already in the database from an official table; not downloaded. */
  | 'present'
  /** The table is not at its address (HTTP 404): for a future round, not published yet. */
  | 'not-published'
  | 'failed'
  | 'cancelled'

export type RoundReport = RoundKey & {
  table: string
  outcome: RoundOutcome
  /** One line: what happened, with counts or the reason. */
  message: string
  /** Files downloaded (new or changed). */
  filesFetched: number
  /** Files the server said are unchanged (304). */
  filesUnchanged: number
  /** Addresses that answered "not found". */
  filesMissing: string[]
  bytes: number
  /** The import job of the downloaded files (listed under Imports). */
  importJobId: string | null
  imported: number
  updated: number
  unchanged: number
  skipped: number
}

export type UpdateReport = {
  jobId: string
  status: UpdateStatus
  baseUrl: string
  startedAt: string
  finishedAt: string | null
  /** Why the update stopped (e.g. offline), in one line; null when it did not fail. */
  error: string | null
  rounds: RoundReport[]
}

export type UpdateProgress = {
  jobId: string
  phase: 'downloading' | 'importing' | 'done'
  /** The round being worked on, e.g. "inference v5.0". */
  round: string | null
  filesDone: number
  filesTotal: number
  bytes: number
  currentUrl: string | null
}

export type UpdateInput = {
  /** Rounds to update (default: every round whose plan is not "skip"). */
  rounds?: RoundKey[]
  /** Download the chosen rounds even when they are in the database already. */
  force?: boolean
}

/** How a file of a result's folder fared in a fetch. */
export type LogFileStatus =
  /** Downloaded for the first time. */
  | 'new'
  /** The server said it has not changed, or it is byte-identical to the last copy. */
  | 'unchanged'
  /** Different from the copy fetched last time. */
  | 'changed'
  /** Not in the repository (HTTP 404). */
  | 'missing'

export type FetchedLogFile = {
  /** What the file is: system description, LoadGen summary, LoadGen detail, accuracy, power… */
  role: string
  /** Path in the repository. */
  path: string
  status: LogFileStatus
  bytes: number | null
  /** The result cannot be read without it. */
  required: boolean
}

/** The figures of a result as one source gives them. */
export type ResultFigures = {
  value: number | null
  unit: string | null
  metric: string | null
  powerValue: number | null
  powerUnit: string | null
  accuracy: string | null
  valid: boolean | null
  publicId: string | null
}

/** One figure compared: the official table's against the logs'. */
export type FigureComparison = {
  label: 'Result' | 'Power'
  unit: string | null
  official: number | null
  fromLogs: number | null
  /** Equal within the precision the table prints; null when one side has no number. */
  agrees: boolean | null
  /** (logs − official) / official, when both are numbers and official is not 0. */
  relativeDifference: number | null
}

export type FetchedLogsView = {
  /** The result's id in the table. */
  id: number
  status: 'imported' | 'failed'
  /** One line: what happened. */
  message: string
  repo: string
  /** The result's folder in the repository. */
  folder: string
  /** Where the files are on this computer. */
  localDir: string | null
  fetchedAt: string
  /** The official table's figures, kept from before the logs replaced the row. */
  official: ResultFigures
  /** The figures the importer derived from the logs (null when nothing could be read). */
  fromLogs: ResultFigures | null
  comparisons: FigureComparison[]
  files: FetchedLogFile[]
  /** Remarks: files not published, files changed since the last fetch, disagreements. */
  messages: string[]
  /** The import job that read the files (listed under Imports). */
  importJobId: string | null
}

export type FetchLogsProgress = {
  id: number
  /** Path of the file being fetched. */
  file: string
  done: number
  total: number
}

/** The repository holding a round's submission tree (the logs behind each result). */
export function resultsRepo(suite: Suite, round: string): string {
  return suite === 'inference'
    ? `mlcommons/inference_results_${round}`
    : `mlcommons/training_results_${round}`
}
