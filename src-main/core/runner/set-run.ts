/**
 * One loadable set through the LoadGen run loop. With one worker and the real clock the loop
 * runs inside the inference worker (no message per query, nothing on this thread can delay
 * it); with several workers, or a clock injected on this thread (simulated time in tests), it
 * runs here against the pool, which spreads batches over the workers.
 */
import type { RunSettings } from '../../shared/local-run'
import type { RunClock } from '../loadgen/clock'
import type { EffectiveSettings } from '../loadgen/config'
import type { QueryPlan } from '../loadgen/query-plan'
import type { LoopOutcome, LoopProgress } from '../loadgen/run-loop'
import { runScenario } from '../loadgen/run-loop'
import type { RunRecord } from '../loadgen/run-record'
import type { SampleStore } from './sample-store'
import type { WorkerPool } from './worker-pool'

/** What one loadable set's scenario run needs; the same for the in-thread and in-worker paths. */
export type SetRun = {
  settings: EffectiveSettings
  set: Uint32Array
  plan: QueryPlan
  store: SampleStore
  fixedBatch: number | null
  /** The record of the sets before (accuracy mode), which this set continues. */
  record: RunRecord | undefined
}

/** How the run drives its sets, the same for every set. */
export type SetRunner = {
  pool: WorkerPool
  settings: Pick<RunSettings, 'mode' | 'scenario' | 'batchSize'>
  clock: RunClock
  /** A clock was injected; it only exists on this thread, so the loop must run here. */
  clockInjected: boolean
  signal: AbortSignal | undefined
  onProgress: (p: LoopProgress) => void
}

/** Whether the run loop goes inside the (single) inference worker. */
export function runsInWorker(poolSize: number, clockInjected: boolean): boolean {
  return poolSize === 1 && !clockInjected
}

/**
 * Batches in flight per worker: a second batch waits in the worker (which runs one at a
 * time), so it starts the moment the first ends, with no round trip through this thread,
 * which may be asleep until the next Server arrival. SingleStream and MultiStream have one
 * query in flight.
 */
export function poolDepth(scenario: RunSettings['scenario']): number {
  return scenario === 'Offline' || scenario === 'Server' ? 2 : 1
}

export function runSet(c: SetRunner, r: SetRun): Promise<LoopOutcome> {
  const accuracy = c.settings.mode === 'AccuracyOnly'
  const want = accuracy ? 'argmax' : 'none'
  if (runsInWorker(c.pool.size, c.clockInjected)) {
    return c.pool.runScenarioInWorker({
      settings: r.settings,
      loadedSet: r.set,
      plan: r.plan,
      slotOf: r.store.slotOf,
      maxBatch: Math.max(1, r.fixedBatch ?? c.settings.batchSize),
      fixedBatch: r.fixedBatch,
      want,
      keepResponses: accuracy,
      continueRecord: r.record !== undefined,
      ...(c.signal ? { signal: c.signal } : {}),
      onProgress: c.onProgress
    })
  }
  const sut = c.pool.createSut({
    batchSize: c.settings.batchSize,
    fixedBatch: r.fixedBatch,
    slotOf: r.store.slotOf,
    want,
    depth: poolDepth(c.settings.scenario)
  })
  return runScenario({
    settings: r.settings,
    loadedSet: r.set,
    plan: r.plan,
    sut,
    clock: c.clock,
    signal: c.signal,
    record: r.record,
    keepResponses: accuracy,
    onProgress: c.onProgress
  })
}
