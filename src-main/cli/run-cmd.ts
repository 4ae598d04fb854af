/**
 * `mlperf-explorer run`: one local ONNX run (or N repetitions) headless, through the same run
 * manager as the app, so the files, the local_runs row and the indexed result are the same.
 * Progress goes to stderr, the LoadGen summary to stdout. Exit 0 when every run finished (an
 * INVALID result is still a finished run), 1 when a run failed or was cancelled, 2 for bad
 * arguments.
 */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openBackend } from '../api/open-backend'
import { defaultDbPath } from '../core/app-paths'
import type { JobOutcome } from '../core/local-runs/run-manager'
import { RunStartError } from '../core/local-runs/run-manager'
import type { LocalScenario, RunProgress } from '../shared/local-run'
import type { RunProgressEvent, RunStartSettings } from '../shared/local-run-views'

const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export const RUN_HELP = `  mlperf-explorer run --model FILE --scenario SingleStream|MultiStream|Server|Offline
                      [--mode performance|accuracy] [--dataset DIR] [--benchmark NAME]
                      [--out DIR] [--db FILE] [--min-duration MS] [--min-query-count N]
                      [--target-qps Q] [--target-latency MS] [--samples-per-query N]
                      [--batch N] [--threads N] [--repetitions N]
                      [--reference-accuracy PCT] [--quality-target 99|99.9]
      A local MLPerf run of an ONNX model with onnxruntime: writes mlperf_log_summary.txt,
      mlperf_log_detail.txt, mlperf_log_accuracy.json (and accuracy.txt in accuracy mode)
      into --out (default: a new folder under runs/ next to the database), adds the run to
      the database as your own, unverified result and prints the summary. Settings not given
      come from the official mlperf.conf for --benchmark (default resnet50); without
      --dataset the inputs are synthetic (performance mode only). Exits 1 when the run could
      not be done; an INVALID result is still a finished run (exit 0).`

type Out = { out: (s: string) => void; err: (s: string) => void }

const SCENARIOS: readonly LocalScenario[] = ['SingleStream', 'MultiStream', 'Server', 'Offline']

class UsageError extends Error {}

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
  return (
    `${rep}running ${s(p.elapsedNs)} s / ${s(p.minDurationNs)} s, ` +
    `issued ${p.issued}, completed ${p.completed}, ${p.throughput.toFixed(1)} samples/s, ` +
    `p50 ${ms(p.latencyP50Ns)} ms, p90 ${ms(p.latencyP90Ns)} ms, p99 ${ms(p.latencyP99Ns)} ms`
  )
}

function settingsFrom(v: Record<string, string | undefined>): {
  settings: RunStartSettings
  repetitions: number
} {
  if (!v['model']) throw new UsageError('run: --model FILE is required')
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
    ...(v['benchmark'] ? { benchmark: v['benchmark'] } : {}),
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

function readOr(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

/** Summary text, accuracy, where the files are and how the run was filed. */
function report(outcome: JobOutcome, dbPath: string, io: Out): void {
  for (const run of outcome.runs) {
    const r = run.result
    const title = `${r.settings.benchmark} ${r.settings.scenario} ${r.settings.mode}`
    if (outcome.runs.length > 1) io.out(`\n# ${r.runDir}\n`)
    const summary = readOr(join(r.runDir, 'mlperf_log_summary.txt'))
    if (summary !== null && r.settings.mode === 'PerformanceOnly') io.out(summary)
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

/** Runs `mlperf-explorer run …`; returns the exit code. */
export async function runCmd(args: string[], io: Out): Promise<number> {
  let v: Record<string, string | undefined>
  let settings: RunStartSettings
  let repetitions: number
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: false,
      options: {
        model: { type: 'string' },
        dataset: { type: 'string' },
        scenario: { type: 'string' },
        mode: { type: 'string' },
        benchmark: { type: 'string' },
        out: { type: 'string' },
        db: { type: 'string' },
        'min-duration': { type: 'string' },
        'min-query-count': { type: 'string' },
        'target-qps': { type: 'string' },
        'target-latency': { type: 'string' },
        'samples-per-query': { type: 'string' },
        batch: { type: 'string' },
        threads: { type: 'string' },
        repetitions: { type: 'string' },
        'reference-accuracy': { type: 'string' },
        'quality-target': { type: 'string' }
      }
    })
    v = parsed.values
    ;({ settings, repetitions } = settingsFrom(v))
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${RUN_HELP}\n`)
    return 2
  }
  const dbPath = resolve(v['db'] ?? defaultDbPath())
  const backend = openBackend({ dbPath, shell: 'cli', appRoot: APP_ROOT, catalogue: true })
  const tty = process.stderr.isTTY
  let lastPhase = ''
  let lastLine = 0
  const stop = backend.hub.subscribe((event, payload) => {
    if (event !== 'runs.progress') return
    const e = payload as RunProgressEvent
    const line = progressLine(e)
    if (tty) {
      io.err(`\r${line.padEnd(120)}`)
      return
    }
    // Without a terminal: one line per phase, and one a second while running.
    const now = Date.now()
    if (e.progress.phase !== lastPhase || now - lastLine >= 1000) {
      io.err(line + '\n')
      lastPhase = e.progress.phase
      lastLine = now
    }
  })
  const onSigint = (): void => {
    io.err('\nCancelling: the run is kept and marked cancelled.\n')
    backend.runs.cancelAll()
  }
  process.once('SIGINT', onSigint)
  try {
    let outcome: JobOutcome
    try {
      outcome = await backend.runs.start({ settings, repetitions }).done
    } catch (e) {
      if (e instanceof RunStartError) {
        io.err(`run: ${e.message}\n`)
        return 2
      }
      throw e
    }
    if (tty) io.err('\n')
    report(outcome, dbPath, io)
    const stats = backend.runs.get(outcome.runs[0]?.id ?? -1)?.repetitionStats
    if (stats) {
      const f = (x: number): string =>
        stats.unit === 'ns' ? `${(x / 1e6).toFixed(3)} ms` : `${x.toFixed(2)} ${stats.unit}`
      io.out(
        `\n${stats.runs} repetitions of ${stats.metricLabel}: mean ${f(stats.mean)}, ` +
          `std ${f(stats.std)}, CV ${(stats.cv * 100).toFixed(2)}%\n`
      )
    }
    return outcome.runs.length > 0 && outcome.runs.every((r) => r.result.status === 'done') ? 0 : 1
  } finally {
    process.off('SIGINT', onSigint)
    stop()
    await backend.close()
  }
}
