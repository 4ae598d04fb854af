/**
 * The timed part of a local run: each loadable set is loaded into shared memory, the first
 * one is preceded by the warm-up and "Starting … mode", then the set runs through the run
 * loop (set-run.ts) and its end is logged. The walk stops at the first set that does not end
 * by itself (a cancel, a failure) and says why; what ran so far is kept for the logs.
 */
import type { RunSettings, RunStatus } from '../../shared/local-run'
import type { RunClock } from '../loadgen/clock'
import type { EffectiveSettings } from '../loadgen/config'
import type { QueryPlan } from '../loadgen/query-plan'
import { generateQueries } from '../loadgen/query-plan'
import type { LoopOutcome } from '../loadgen/run-loop'
import { CANCELLED_REASON } from '../loadgen/run-loop'
import type { RunRecord } from '../loadgen/run-record'
import type { RunLogWriter } from './run-logs'
import type { RunProgressReporter } from './run-progress'
import { lastCompletion } from './run-summary'
import type { SampleSource } from './sample-source'
import type { SampleStore } from './sample-store'
import { loadSampleStore } from './sample-store'
import type { SetRun } from './set-run'
import type { WorkerPool } from './worker-pool'

export type SetWalk = {
  pool: WorkerPool
  settings: RunSettings
  effective: EffectiveSettings
  sets: Uint32Array[]
  /** The queries of sets[0], generated before anything was loaded. */
  firstPlan: QueryPlan
  source: SampleSource
  fixedBatch: number | null
  memoryLimitBytes: number
  logs: RunLogWriter
  clock: RunClock
  signal: AbortSignal | undefined
  progress: RunProgressReporter
  note: (text: string) => void
  /** One set through the run loop (runSet of set-run.ts, bound to the run). */
  runSet: (r: SetRun) => Promise<LoopOutcome>
}

/** How the walk ended, and the measurements of every set that ran (none when nothing was timed). */
export type SetsOutcome = {
  status: RunStatus
  reason: string | null
  record: RunRecord | undefined
  /** The last set's loop outcome. */
  outcome: LoopOutcome | null
}

type Stop = { status: Exclude<RunStatus, 'done'>; reason: string }

const CANCELLED: Stop = { status: 'cancelled', reason: CANCELLED_REASON }

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** Untimed inferences on every worker: alternately a full batch and a single sample. */
export async function warmUp(
  pool: WorkerPool,
  settings: Pick<RunSettings, 'batchSize' | 'warmupRuns'>,
  fixedBatch: number | null,
  loaded: number
): Promise<void> {
  const b = Math.min(fixedBatch ?? settings.batchSize, loaded)
  for (let w = 0; w < pool.size; w++) {
    for (let k = 0; k < settings.warmupRuns; k++) {
      const n = k % 2 === 0 ? b : 1
      await pool.request(
        w,
        Int32Array.from({ length: n }, (_, i) => i),
        fixedBatch ?? n,
        'none'
      )
    }
  }
}

/** Load one set into the workers; a failure while the user cancelled counts as the cancel. */
async function loadSet(
  w: SetWalk,
  set: Uint32Array,
  plan: QueryPlan | null
): Promise<{ plan: QueryPlan; store: SampleStore } | Stop> {
  w.progress.phase = 'loading'
  try {
    const p = plan ?? generateQueries(w.effective, set)
    const store = await loadSampleStore(w.source, set, {
      memoryLimitBytes: w.memoryLimitBytes,
      signal: w.signal,
      onProgress: (loaded, total) => w.progress.emit({ loaded, toLoad: total })
    })
    await w.pool.setSamples(store)
    return { plan: p, store }
  } catch (e) {
    return w.signal?.aborted ? CANCELLED : { status: 'failed', reason: message(e) }
  }
}

/** Warm up before the first set, then say timing starts; null when the warm-up went well. */
async function warmUpBeforeTiming(w: SetWalk, loaded: number): Promise<Stop | null> {
  w.progress.enter('warmup')
  try {
    await warmUp(w.pool, w.settings, w.fixedBatch, loaded)
  } catch (e) {
    return { status: 'failed', reason: `Inference failed during warm-up: ${message(e)}` }
  }
  if (w.settings.warmupRuns > 0)
    w.note(`${w.settings.warmupRuns} untimed warm-up inferences per worker before timing.`)
  w.logs.startMode(w.clock.now())
  return null
}

/** Run every set in order; stops at the first that does not end by itself. */
export async function runLoadableSets(w: SetWalk): Promise<SetsOutcome> {
  const out: SetsOutcome = { status: 'done', reason: null, record: undefined, outcome: null }
  for (let si = 0; si < w.sets.length; si++) {
    const set = w.sets[si]!
    const loaded = await loadSet(w, set, si === 0 ? w.firstPlan : null)
    if ('status' in loaded) return { ...out, ...loaded }
    if (si === 0) {
      const stop = await warmUpBeforeTiming(w, set.length)
      if (stop) return { ...out, ...stop }
    }
    w.logs.setStart(w.clock.now(), set, loaded.plan)
    if (w.signal?.aborted) return { ...out, ...CANCELLED }
    w.progress.phase = 'running'
    const fromSample = out.record?.sampleCount ?? 0
    const outcome = await w.runSet({
      settings: w.effective,
      set,
      plan: loaded.plan,
      store: loaded.store,
      fixedBatch: w.fixedBatch,
      record: out.record
    })
    out.outcome = outcome
    out.record = outcome.record
    w.logs.setEnd(w.clock.now(), outcome, lastCompletion(outcome.record, fromSample))
    if (outcome.status !== 'done') return { ...out, status: outcome.status, reason: outcome.reason }
  }
  return out
}
