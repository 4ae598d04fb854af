/**
 * What the API says about local runs: how one is started, the run list, one run's detail and
 * the events a running job pushes. The runner's own types (settings, progress, result) live in
 * local-run.ts; these wrap them with what the app stores. Environment neutral.
 */
import type { ValidityCheck } from './inference'
import type {
  LocalRunMode,
  LocalScenario,
  RepetitionStats,
  RunProgress,
  RunResult,
  RunSettings,
  RunSettingsInput,
  RunStatus
} from './local-run'

/**
 * The settings a run starts with. Every LoadGen field left out comes from the official
 * mlperf.conf for `benchmark`; `outputDir` defaults to a new folder under the app's runs folder.
 */
export type RunStartSettings = Omit<RunSettingsInput, 'outputDir'> & { outputDir?: string }

export type RunStartInput = {
  settings: RunStartSettings
  /** Run the same configuration this many times (run_1 … run_N in the run folder); default 1. */
  repetitions?: number
}

/** A started job: its first run's id (the repetitions that follow get their own ids). */
export type RunStarted = { jobId: string; runId: number; runDir: string }

export type RunDefaultsInput = {
  benchmark?: string
  scenario?: LocalScenario
  mode?: LocalRunMode
}

/** The form's starting point: mlperf.conf values for a benchmark, scenario and mode. */
export type RunDefaults = {
  settings: Omit<RunSettings, 'modelPath' | 'outputDir' | 'datasetPath'>
  /** Benchmarks (mlperf.conf model names) whose defaults the app knows. */
  benchmarks: string[]
  /** Where runs are written when no output folder is given. */
  runsDir: string
}

/** A stored run is `running` until its RunResult is in. */
export type LocalRunState = 'running' | RunStatus

/** One run as the run list shows it. */
export type LocalRunSummary = {
  id: number
  /** Folder name of the run, also its system id in the results table. */
  runKey: string
  /** Repetitions of one start share a job id. */
  jobId: string
  /** 1-based. */
  repetition: number
  repetitions: number
  status: LocalRunState
  /** Why the run failed or was cancelled. */
  reason: string | null
  benchmark: string
  scenario: LocalScenario
  mode: LocalRunMode
  modelPath: string
  /** The folder holding this run's log files. */
  runDir: string
  startedAt: string
  finishedAt: string | null
  /** LoadGen's verdict; null for accuracy runs and runs that did not finish. */
  valid: boolean | null
  /** The official value as the importer derives it from the written logs (null when not indexed). */
  value: number | null
  unit: string | null
  /** Top-1 accuracy in percent (accuracy runs). */
  accuracy: number | null
  /** The run's row in the inference results table (finished performance runs). */
  resultId: number | null
}

/** One run with everything the detail screen shows. */
export type LocalRunDetail = LocalRunSummary & {
  /** Null while the run is going. */
  result: RunResult | null
  /** The importer's metric id for `value` (e.g. latency_p90_ms). */
  metric: string | null
  /** The submission checker's view of the written logs (the indexed result's checks). */
  checkerChecks: ValidityCheck[]
  /** The headline metric over the job's finished repetitions (two or more). */
  repetitionStats: RepetitionStats | null
  /** Every run of the same job, this one included, in repetition order. */
  siblings: LocalRunSummary[]
}

/** The job that is going, with its latest progress. */
export type ActiveRun = {
  jobId: string
  runId: number
  repetition: number
  repetitions: number
  /** The model file; empty while the renderer has not heard from the main side yet. */
  modelPath: string
  benchmark: string
  scenario: LocalScenario
  mode: LocalRunMode
  startedAt: string
  progress: RunProgress | null
  cancelling: boolean
}

export type RunList = { runs: LocalRunSummary[]; active: ActiveRun | null }

/** Pushed a few times per second while a run goes. */
export type RunProgressEvent = {
  jobId: string
  runId: number
  repetition: number
  repetitions: number
  progress: RunProgress
}

/** Pushed when a run (one repetition) has ended and is stored. */
export type RunFinishedEvent = {
  jobId: string
  runId: number
  repetition: number
  repetitions: number
  status: RunStatus
  reason: string | null
  valid: boolean | null
  value: number | null
  unit: string | null
  resultId: number | null
  /** No repetition follows: the job is over. */
  last: boolean
}

/** The benchmark a model file looks like, for the user to confirm (never applied silently). */
export type BenchmarkSuggestionView = {
  modelPath: string
  /** Null when nothing fits. */
  benchmark: string | null
  /** Why, in plain words (file name, input shape). */
  reason: string
  /** The model's input shape ("[?, 3, 224, 224]"), null when the model could not be read. */
  inputShape: string | null
  /** Why the model could not be read, if it could not. */
  problem: string | null
}

export type InspectInput = {
  modelPath: string
  /** An image (JPEG/PNG) or a .npy file. */
  inputPath: string
  /** One class name per line; optional. */
  labelsPath?: string | null
  topK?: number
  executionProvider?: string
}

/** What a path picker is for: decides the dialog's title, filters and whether folders are picked. */
export const PICK_PURPOSES = ['model', 'dataset', 'output', 'sample', 'labels'] as const
export type PickPurpose = (typeof PICK_PURPOSES)[number]
