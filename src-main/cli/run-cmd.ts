/**
 * `mlperf-explorer run`: one local ONNX run (or N repetitions) headless, through the same run
 * manager as the app, so the files, the local_runs row and the indexed result are the same.
 * Progress goes to stderr, the LoadGen summary to stdout. Exit 0 when every run finished (an
 * INVALID result is still a finished run), 1 when a run failed or was cancelled, 2 for bad
 * arguments.
 */
import { readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { dispatch } from '../api/dispatch'
import type { Backend } from '../api/open-backend'
import { MLPERF_CONF_MODELS, parseConf, userConfIgnoredKeys } from '../api/shell-checks'
import { defaultDbPath } from '../api/shell-values'
import type {
  JobOutcome,
  JobRunOutcome,
  LocalScenario,
  RepetitionStats,
  RunProgress
} from '../shared/local-run'
import type {
  BenchmarkSuggestionView,
  LocalRunDetail,
  RunFinishedEvent,
  RunProgressEvent,
  RunStarted,
  RunStartSettings
} from '../shared/local-run-views'
import { localRunVerdicts, verdictLine } from '../shared/local-run-verdicts'
import { openCliBackend } from './backend'
import type { CommandValues } from './command-options'
import { COMMAND_OPTIONS } from './command-options'
import type { Handler, Io } from './commands'
import { RUN_HELP } from './help'
import { jobEnd } from './job-events'
import { parseOptions, UsageError } from './options'

type Out = Io

const SCENARIOS: readonly LocalScenario[] = ['SingleStream', 'MultiStream', 'Server', 'Offline']

function num(v: string | undefined, name: string, integer: boolean): number | undefined {
  if (v === undefined) return undefined
  const n = Number(v)
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${name} must be a ${integer ? 'whole ' : ''}number ≥ 0, got "${v}"`)
  }
  return n
}

function ms(ns: number): string {
  const v = ns / 1e6
  return v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2)
}

/** One progress line: elapsed against the minimum duration, queries, throughput, latencies. */
export function progressLine(e: RunProgressEvent): string {
  const p: RunProgress = e.progress
  const rep = e.repetitions > 1 ? `[${e.repetition}/${e.repetitions}] ` : ''
  if (p.phase === 'loading') return `${rep}loading samples ${p.loaded}/${p.toLoad}`
  if (p.phase !== 'running') return `${rep}${p.phase}`
  const s = (ns: number): string => (ns / 1e9).toFixed(1)
  // Accuracy mode issues every sample once: no minimum duration applies.
  if (p.mode === 'AccuracyOnly') {
    return `${rep}accuracy ${s(p.elapsedNs)} s, issued ${p.issued} of ${p.generated} queries, completed ${p.completed} samples`
  }
  return (
    `${rep}running ${s(p.elapsedNs)} s / ${s(p.minDurationNs)} s, ` +
    `issued ${p.issued}, completed ${p.completed}, ${p.throughput.toFixed(1)} samples/s, ` +
    `p50 ${ms(p.latencyP50Ns)} ms, p90 ${ms(p.latencyP90Ns)} ms, p99 ${ms(p.latencyP99Ns)} ms`
  )
}

/**
 * The expected latency of the scenario. LoadGen keeps both expected latencies and uses the
 * scenario's; so does this command, and it says when the other one is ignored.
 */
function expectedLatencyMs(
  v: Record<string, string | undefined>,
  scenario: LocalScenario,
  io: Out
): number | undefined {
  const ssLatency = num(
    v['single-stream-expected-latency'],
    'single-stream-expected-latency',
    false
  )
  const msLatency = num(v['multi-stream-expected-latency'], 'multi-stream-expected-latency', false)
  for (const [flag, value, used] of [
    ['single-stream-expected-latency', ssLatency, scenario === 'SingleStream'],
    ['multi-stream-expected-latency', msLatency, scenario === 'MultiStream']
  ] as const) {
    if (value === 0) throw new UsageError(`--${flag} must be more than 0`)
    if (value !== undefined && !used)
      io.err(`run: --${flag} does not apply to ${scenario}; ignored\n`)
  }
  return scenario === 'SingleStream'
    ? ssLatency
    : scenario === 'MultiStream'
      ? msLatency
      : undefined
}

function settingsFrom(
  v: Record<string, string | undefined>,
  io: Out
): {
  settings: RunStartSettings
  repetitions: number
} {
  if (!v['model']) throw new UsageError('run: --model FILE is required')
  const benchmark = v['benchmark']
  if (benchmark !== undefined && !MLPERF_CONF_MODELS.includes(benchmark)) {
    throw new UsageError(
      `run: --benchmark must be one of ${MLPERF_CONF_MODELS.join(', ')}; got "${benchmark}"`
    )
  }
  const scenario = v['scenario']
  if (!scenario || !SCENARIOS.includes(scenario as LocalScenario)) {
    throw new UsageError(`run: --scenario must be one of ${SCENARIOS.join(', ')}`)
  }
  const modeArg = v['mode'] ?? 'performance'
  if (modeArg !== 'performance' && modeArg !== 'accuracy') {
    throw new UsageError('run: --mode must be performance or accuracy')
  }
  const target = v['quality-target']
  if (target !== undefined && target !== '99' && target !== '99.9') {
    throw new UsageError('run: --quality-target must be 99 or 99.9')
  }
  const fields: Partial<RunStartSettings> = {
    expectedLatencyMs: expectedLatencyMs(v, scenario as LocalScenario, io),
    performanceSampleCount: num(v['performance-sample-count'], 'performance-sample-count', true),
    minDurationMs: num(v['min-duration'], 'min-duration', true),
    minQueryCount: num(v['min-query-count'], 'min-query-count', true),
    targetQps: num(v['target-qps'], 'target-qps', false),
    targetLatencyMs: num(v['target-latency'], 'target-latency', false),
    samplesPerQuery: num(v['samples-per-query'], 'samples-per-query', true),
    batchSize: num(v['batch'], 'batch', true),
    intraOpThreads: num(v['threads'], 'threads', true),
    referenceAccuracy: num(v['reference-accuracy'], 'reference-accuracy', false)
  }
  const settings: RunStartSettings = {
    modelPath: resolve(v['model']),
    scenario: scenario as LocalScenario,
    mode: modeArg === 'accuracy' ? 'AccuracyOnly' : 'PerformanceOnly',
    datasetPath: v['dataset'] ? resolve(v['dataset']) : null,
    ...(benchmark ? { benchmark } : {}),
    ...(v['user-conf'] ? { userConf: readUserConf(v['user-conf'], io) } : {}),
    ...(v['out'] ? { outputDir: resolve(v['out']) } : {}),
    ...(target ? { qualityTargetFraction: target === '99' ? 0.99 : 0.999 } : {})
  }
  for (const [k, val] of Object.entries(fields)) {
    if (val !== undefined) (settings as Record<string, unknown>)[k] = val
  }
  const repetitions = num(v['repetitions'], 'repetitions', true) ?? 1
  if (repetitions < 1) throw new UsageError('run: --repetitions must be at least 1')
  return { settings, repetitions }
}

/** user.conf text, checked with LoadGen's syntax; errors name the file and the line. */
function readUserConf(path: string, io: Out): string {
  const file = resolve(path)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new UsageError(`run: cannot read --user-conf ${file}: ${(e as Error).message}`)
  }
  const { errors } = parseConf(text)
  if (errors.length > 0) {
    throw new UsageError(
      `run: ${file}: ${errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`
    )
  }
  for (const key of userConfIgnoredKeys(text)) {
    io.err(
      `run: ${file}: ${key} is only read from the built-in mlperf.conf (LoadGen ≥ 5.0); ignored\n`
    )
  }
  return text
}

/** Why --benchmark is needed, with what the model looks like. */
async function benchmarkMissing(backend: Backend, modelPath: string): Promise<string> {
  const r = await dispatch(backend.api, 'runs.suggestBenchmark', { modelPath })
  if (!r.ok) throw new Error(r.error.message)
  const s = r.value as BenchmarkSuggestionView
  const lines = [
    `run: --benchmark NAME is required: choose the MLPerf benchmark ${basename(modelPath)} stands for (mlperf.conf settings and the published results it is compared with depend on it).`
  ]
  if (s.problem) lines.push(`  The model could not be read: ${s.problem}`)
  if (s.benchmark) lines.push(`  Suggested: --benchmark ${s.benchmark}. ${s.reason}`)
  else lines.push(`  ${s.reason}`)
  lines.push(`  Benchmarks: ${MLPERF_CONF_MODELS.join(', ')}`)
  return lines.join('\n')
}

function readOr(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

/** Summary text, the two verdicts, accuracy, where the files are and how the run was filed. */
function report(
  outcome: JobOutcome,
  details: ReadonlyMap<number, LocalRunDetail>,
  dbPath: string,
  io: Out
): void {
  for (const run of outcome.runs) {
    const r = run.result
    const title = `${r.settings.benchmark} ${r.settings.scenario} ${r.settings.mode}`
    if (outcome.runs.length > 1) io.out(`\n# ${r.runDir}\n`)
    if (r.status === 'cancelled') {
      io.err(`run cancelled by you; the logs of what ran are in ${r.runDir}\n`)
      continue
    }
    const summary = readOr(join(r.runDir, 'mlperf_log_summary.txt'))
    if (summary !== null && r.settings.mode === 'PerformanceOnly' && r.status === 'done')
      io.out(summary)
    const verdicts = localRunVerdicts({
      status: r.status,
      mode: r.settings.mode,
      valid: r.valid,
      checks: details.get(run.id)?.checkerChecks ?? []
    })
    if (verdicts) {
      io.out(`\n${verdictLine(verdicts.loadgen)}\n${verdictLine(verdicts.submittable)}\n`)
    }
    if (r.accuracy) {
      io.out(
        `Accuracy: top-1 ${r.accuracy.top1Percent.toFixed(3)}% (${r.accuracy.good} of ${r.accuracy.total})\n`
      )
      if (r.accuracy.qualityTarget)
        io.out(`Quality target: ${r.accuracy.qualityTarget.explanation}\n`)
    }
    if (r.status !== 'done') {
      io.err(`run ${r.status}: ${r.reason ?? 'no reason given'}\n`)
      continue
    }
    io.out(`\n${title}: ${r.files.map((f) => f.path).join(', ')}\n`)
    if (run.resultId !== null) {
      io.out(
        `Added to ${dbPath} as your own, unverified result #${run.resultId}: ${run.value ?? '—'} ${run.unit ?? ''}\n`
      )
    }
  }
}

export type RunArgs = { settings: RunStartSettings; repetitions: number; db: string | undefined }

/** The command line as run settings; throws (UsageError or parseArgs' own) on bad arguments. */
export function parseRunArgs(args: string[], io: Out): RunArgs {
  return runArgs(parseOptions('run', COMMAND_OPTIONS.run, args).values, io)
}

/** The parsed options as run settings; throws a UsageError on bad values. */
function runArgs(values: CommandValues<'run'>, io: Out): RunArgs {
  return { ...settingsFrom(values, io), db: values.db }
}

/**
 * Prints run progress to stderr: on a terminal one line rewritten in place; otherwise (a log
 * file, CI) one line per phase and at most one a second while running.
 */
export function progressPrinter(
  io: Pick<Out, 'err'>,
  tty: boolean,
  now: () => number = Date.now
): (e: RunProgressEvent) => void {
  let lastPhase = ''
  let lastLine = 0
  return (e) => {
    const line = progressLine(e)
    if (tty) {
      io.err(`\r${line.padEnd(120)}`)
      return
    }
    const t = now()
    if (e.progress.phase !== lastPhase || t - lastLine >= 1000) {
      io.err(line + '\n')
      lastPhase = e.progress.phase
      lastLine = t
    }
  }
}

/** The spread of a metric over repetitions: mean, standard deviation and CV. */
export function repetitionStatsText(stats: RepetitionStats): string {
  const f = (x: number): string =>
    stats.unit === 'ns' ? `${(x / 1e6).toFixed(3)} ms` : `${x.toFixed(2)} ${stats.unit}`
  return (
    `\n${stats.runs} repetitions of ${stats.metricLabel}: mean ${f(stats.mean)}, ` +
    `std ${f(stats.std)}, CV ${(stats.cv * 100).toFixed(2)}%\n`
  )
}

/** 0 when every run finished (an INVALID result is still a finished run), 1 otherwise. */
export function exitCode(outcome: JobOutcome): number {
  return outcome.runs.length > 0 && outcome.runs.every((r) => r.result.status === 'done') ? 0 : 1
}

/** A stored run's detail through the API (its result, the checker's checks, the statistics). */
async function runDetail(backend: Backend, id: number): Promise<LocalRunDetail> {
  const r = await dispatch(backend.api, 'runs.get', { id })
  if (!r.ok) throw new Error(r.error.message)
  return r.value as LocalRunDetail
}

/** The job's runs, from their `runs.finished` events and stored details. */
async function outcomeOf(
  backend: Backend,
  jobId: string,
  finished: readonly RunFinishedEvent[]
): Promise<{ outcome: JobOutcome; details: Map<number, LocalRunDetail> }> {
  const details = new Map<number, LocalRunDetail>()
  const runs: JobRunOutcome[] = []
  for (const e of finished) {
    const detail = await runDetail(backend, e.runId)
    details.set(e.runId, detail)
    if (detail.result === null) throw new Error(`Run ${e.runId} ended without a result`)
    runs.push({
      id: e.runId,
      result: detail.result,
      value: e.value,
      unit: e.unit,
      resultId: e.resultId
    })
  }
  return { outcome: { jobId, runs }, details }
}

/** Start the job (runs.start), let Ctrl-C cancel it (keeping what ran), report it. */
async function runJob(
  backend: Backend,
  a: RunArgs,
  dbPath: string,
  io: Out,
  tty: boolean
): Promise<number> {
  const finished: RunFinishedEvent[] = []
  const collect = backend.hub.subscribe((event, payload) => {
    if (event === 'runs.finished') finished.push(payload as RunFinishedEvent)
  })
  const last = jobEnd(backend.hub, 'runs.finished', (e) => (e.last ? e.jobId : ''))
  let onSigint: (() => void) | undefined
  try {
    const started = await dispatch(backend.api, 'runs.start', {
      settings: a.settings,
      repetitions: a.repetitions
    })
    if (!started.ok) {
      io.err(`run: ${started.error.message}\n`)
      return 2
    }
    const { jobId, runId } = started.value as RunStarted
    onSigint = (): void => {
      io.err('\nCancelling: the run is kept and marked cancelled.\n')
      void dispatch(backend.api, 'runs.cancel', { runId })
    }
    process.once('SIGINT', onSigint)
    await last.wait(jobId)
    if (tty) io.err('\n')
    const { outcome, details } = await outcomeOf(
      backend,
      jobId,
      finished.filter((e) => e.jobId === jobId)
    )
    report(outcome, details, dbPath, io)
    const stats = details.get(outcome.runs[0]?.id ?? -1)?.repetitionStats
    if (stats) io.out(repetitionStatsText(stats))
    return exitCode(outcome)
  } finally {
    if (onSigint) process.off('SIGINT', onSigint)
    last.stop()
    collect()
  }
}

/** Runs `mlperf-explorer run …`; returns the exit code. */
export const runCmd: Handler<'run'> = async ({ values }, io) => {
  let a: RunArgs
  try {
    a = runArgs(values, io)
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${RUN_HELP}\n`)
    return 2
  }
  const dbPath = resolve(a.db ?? defaultDbPath())
  const backend = openCliBackend({ db: dbPath }, 'cli', true)
  const tty = process.stderr.isTTY
  const print = progressPrinter(io, tty)
  const stop = backend.hub.subscribe((event, payload) => {
    if (event === 'runs.progress') print(payload as RunProgressEvent)
  })
  try {
    if (a.settings.benchmark === undefined) {
      io.err(`${await benchmarkMissing(backend, a.settings.modelPath)}\n\n${RUN_HELP}\n`)
      return 2
    }
    return await runJob(backend, a, dbPath, io, tty)
  } finally {
    stop()
    await backend.close()
  }
}
