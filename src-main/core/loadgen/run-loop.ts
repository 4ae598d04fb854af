/**
 * Scenario drivers (rules A.3): how queries are issued to a system under test and how their
 * completions are timed. The SUT is injected (a worker pool in the app, a fake in unit tests)
 * and so is the clock. The issue path only reads pre-generated typed arrays, stores a few
 * numbers and calls the SUT; statistics are computed after the run.
 *
 * Every query is generated before timing starts (query-plan.ts), as LoadGen does:
 * - SingleStream / MultiStream: one outstanding query; the next generated query is issued when
 *   the previous one completed; scheduled time = issue time. Issuing ends naturally once
 *   min_query_count and min_duration are met, or when the generated queries run out (an error).
 * - Server: each generated query is issued at its scheduled instant (immediately when late)
 *   and its latency counts from the scheduled time, so falling behind shows up as latency.
 * - Offline: a single query with every sample, issued at the start.
 * End messages and error texts are LoadGen's (loadgen/issue_query_controller.cc,
 * loadgen/loadgen.cc `IssueQueries`).
 */
import type { EffectiveSettings } from './config'
import type { RunClock } from './clock'
import { RunRecord } from './run-record'
import type { QueryPlan } from './query-plan'
import { generateQueries, querySamples, scheduledAt } from './query-plan'
import { LiveHistogram } from './stats'

/** Where a SUT reports finished samples. */
export type CompletionSink = {
  /**
   * `count` samples of query `queryId`, positions `first`…, finished at monotonic time
   * `completedNs` (null = now). `responses[responseOffset + k]` is the int32 result of
   * position `first + k` (accuracy mode), or null.
   */
  complete(
    queryId: number,
    first: number,
    count: number,
    completedNs: bigint | null,
    responses: Int32Array | null,
    responseOffset?: number
  ): void
  /** The SUT cannot continue (e.g. its worker crashed). */
  fail(reason: string): void
}

/** The system under test as the run loop sees it. */
export type Sut = {
  start(sink: CompletionSink): void
  /** Begin work on a query. `samples` are QSL indices; copy them before returning (the buffer is reused). */
  issueQuery(queryId: number, samples: Uint32Array): void
  /** Drop outstanding work (cancel). */
  stop?(): void
}

export type LoopProgress = {
  elapsedNs: number
  issued: number
  /** Queries generated before timing (the most that can be issued). */
  generated: number
  completed: number
  throughput: number
  latencyP50Ns: number
  latencyP90Ns: number
  latencyP99Ns: number
}

export type RunLoopOptions = {
  settings: EffectiveSettings
  /** QSL indices currently loaded. */
  loadedSet: Uint32Array
  /** The generated queries; generated from `settings` and `loadedSet` when absent. */
  plan?: QueryPlan
  sut: Sut
  clock: RunClock
  signal?: AbortSignal
  onProgress?: (p: LoopProgress) => void
  progressIntervalMs?: number
  /** Accuracy mode across several loadable sets: continue this record. */
  record?: RunRecord
  /** Keep int32 responses per sample (accuracy log). */
  keepResponses?: boolean
}

/** How issuing ended, as LoadGen logs it: a generic_message or an error_runtime. */
export type LoopEnd = { message: string; error: boolean }

export type LoopOutcome = {
  status: 'done' | 'cancelled' | 'failed'
  reason: string | null
  /** LoadGen's log line for how issuing ended; null where LoadGen logs none (accuracy, Server). */
  end: LoopEnd | null
  plan: QueryPlan
  record: RunRecord
  /** Monotonic start of timing, and the wall clock then (LoadGen's start_for_power). */
  startNs: bigint
  startWallMs: number
  endNs: bigint
  /** Per issued query of this loop: issue − scheduled (Server) or issue − previous completion (SS/MS). */
  jitterNs: Float64Array
  jitterCount: number
}

const NATURAL: LoopEnd = {
  message: 'Ending naturally: Minimum query count and test duration met.',
  error: false
}
/** LoadGen's error when the generated queries ran out first (performance mode only). */
export const RAN_OUT_MESSAGE =
  'Ending early: Ran out of generated queries to issue before the minimum query count and test duration were reached. ' +
  'Please update the relevant expected latency or target qps in the TestSettings so they are more accurate.'
const maxQueries = (n: number): LoopEnd => ({
  message: `IssueQueryThread 0 Ending early: Max query count reached. query_count ${n}`,
  error: true
})
/** Why a cancelled run stopped (the run manager and the UI say "cancelled by you"). */
export const CANCELLED_REASON = 'Cancelled by you.'
const maxDuration = (ns: number): LoopEnd => ({
  message: `IssueQueryThread 0 Ending early: Max test duration reached. duration_ns ${ns}`,
  error: true
})

class ScenarioRun implements CompletionSink {
  readonly record: RunRecord
  private readonly hist = new LiveHistogram()
  startNs = 0n
  outstanding = 0
  failure: string | null = null
  private wake: (() => void) | null = null
  jitter: Float64Array
  jitterCount = 0

  constructor(
    private readonly o: RunLoopOptions,
    private readonly generated: number,
    queryCapacity: number,
    sampleCapacity: number
  ) {
    this.record = o.record ?? new RunRecord(queryCapacity, sampleCapacity, o.keepResponses ?? false)
    this.jitter = new Float64Array(Math.max(16, queryCapacity))
  }

  get stopped(): boolean {
    return this.failure !== null || this.o.signal?.aborted === true
  }

  complete(
    queryId: number,
    first: number,
    count: number,
    completedNs: bigint | null,
    responses: Int32Array | null,
    responseOffset = 0
  ): void {
    const at = completedNs ?? this.o.clock.now()
    const rec = this.record
    const before = rec.completedSamples
    const done = rec.complete(
      queryId,
      first,
      count,
      Number(at - this.startNs),
      responses,
      responseOffset
    )
    if (rec.completedSamples !== before && queryId < rec.queryCount) {
      const base = rec.qFirst[queryId]! + first
      for (let k = 0; k < count; k++) {
        const lat = rec.sLatency[base + k]
        if (lat !== undefined && lat >= 0) this.hist.add(lat)
      }
    }
    if (done) this.outstanding--
    this.wakeUp()
  }

  fail(reason: string): void {
    if (this.failure === null) this.failure = reason
    this.wakeUp()
  }

  wakeUp(): void {
    const w = this.wake
    this.wake = null
    w?.()
  }

  /** Wait until `pred` holds or the run is stopped. */
  async until(pred: () => boolean): Promise<void> {
    while (!pred() && !this.stopped) {
      await new Promise<void>((r) => (this.wake = r))
    }
  }

  issue(samples: Uint32Array, scheduledRel: number, issuedAt: bigint, jitter: number): number {
    const id = this.record.addQuery(samples, scheduledRel, Number(issuedAt - this.startNs))
    if (this.jitterCount >= this.jitter.length) {
      const j = new Float64Array(this.jitter.length * 2)
      j.set(this.jitter)
      this.jitter = j
    }
    this.jitter[this.jitterCount++] = jitter
    this.outstanding++
    try {
      this.o.sut.issueQuery(id, samples)
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e))
    }
    return id
  }

  progress(): LoopProgress {
    const elapsedNs = Number(this.o.clock.now() - this.startNs)
    const completed = this.record.completedSamples
    return {
      elapsedNs,
      issued: this.record.queryCount,
      generated: this.generated,
      completed,
      throughput: elapsedNs > 0 ? completed / (elapsedNs / 1e9) : 0,
      latencyP50Ns: this.hist.percentile(0.5),
      latencyP90Ns: this.hist.percentile(0.9),
      latencyP99Ns: this.hist.percentile(0.99)
    }
  }
}

/** End checks after each issue in performance mode (IssueQueriesInternal): natural end, max count, max duration. */
function endAfterIssue(s: EffectiveSettings, issued: number, durationNs: number): LoopEnd | null {
  if (
    s.scenario !== 'Server' &&
    issued >= s.minQueryCount &&
    durationNs >= s.targetDurationMs * 1e6
  )
    return NATURAL
  if (s.maxQueryCount > 0 && issued >= s.maxQueryCount) return maxQueries(issued)
  if (s.maxDurationMs > 0 && durationNs > s.maxDurationMs * 1e6) return maxDuration(durationNs)
  return null
}

/**
 * Closed loop: one outstanding query at a time (SingleStream, MultiStream). As in LoadGen the
 * end conditions are checked right after issuing, against that query's issue time, so the final
 * query is issued at or after the target duration. Using every generated query first is
 * "running out" (performance mode).
 */
async function closedLoop(
  run: ScenarioRun,
  o: RunLoopOptions,
  plan: QueryPlan
): Promise<LoopEnd | null> {
  const clock = o.clock
  const accuracy = o.settings.mode === 'AccuracyOnly'
  let prevDone = clock.now()
  for (let i = 0; i < plan.count; i++) {
    if (run.stopped) return null
    const issuedAt = clock.now()
    const rel = Number(issuedAt - run.startNs)
    const q = run.issue(querySamples(plan, i), rel, issuedAt, Number(issuedAt - prevDone))
    const end = accuracy ? null : endAfterIssue(o.settings, run.record.queryCount, rel)
    await run.until(() => run.record.qCompleted[q]! >= 0)
    if (run.stopped) return null
    prevDone = run.startNs + BigInt(run.record.qCompleted[q]!)
    if (end) return end
  }
  return accuracy ? null : { message: RAN_OUT_MESSAGE, error: true }
}

/**
 * Open loop on the generated schedule (Server): every query is issued at its scheduled time
 * or, when behind, immediately. LoadGen ends the test with an error when max_async_queries is
 * exceeded; waiting for a free slot instead keeps such runs usable.
 */
async function openLoop(
  run: ScenarioRun,
  o: RunLoopOptions,
  plan: QueryPlan
): Promise<LoopEnd | null> {
  const s = o.settings
  const clock = o.clock
  const accuracy = s.mode === 'AccuracyOnly'
  let end: LoopEnd | null = null
  let sinceYield = 0
  for (let i = 0; i < plan.count; i++) {
    const sched = scheduledAt(plan, i)
    const target = run.startNs + BigInt(sched)
    if (clock.now() < target) {
      await clock.sleepUntil(target, o.signal)
      sinceYield = 0
    } else if (++sinceYield >= 32) {
      // Far behind schedule: still let completions in so the SUT keeps being fed.
      await new Promise<void>((r) => setImmediate(r))
      sinceYield = 0
    }
    if (run.stopped) return null
    if (s.maxAsyncQueries > 0 && run.outstanding >= s.maxAsyncQueries) {
      await run.until(() => run.outstanding < s.maxAsyncQueries)
      if (run.stopped) return null
    }
    const issuedAt = clock.now()
    const rel = Number(issuedAt - run.startNs)
    run.issue(querySamples(plan, i), sched, issuedAt, rel - sched)
    end = accuracy ? null : endAfterIssue(s, run.record.queryCount, rel)
    if (end) break
  }
  await run.until(() => run.outstanding === 0)
  return end
}

/** Run one scenario over the loaded set until its end condition; never throws for SUT failures. */
export async function runScenario(o: RunLoopOptions): Promise<LoopOutcome> {
  const s = o.settings
  // Everything the issue path needs is generated before timing starts.
  const plan = o.plan ?? generateQueries(s, o.loadedSet)
  const queryCapacity = Math.min(plan.count, 1 << 20)
  const sampleCapacity = Math.min(plan.samples.length, 1 << 22)

  const run = new ScenarioRun(o, plan.count, queryCapacity, sampleCapacity)
  o.sut.start(run)
  const onAbort = (): void => run.wakeUp()
  o.signal?.addEventListener('abort', onAbort)
  const timer =
    o.onProgress !== undefined
      ? setInterval(() => o.onProgress?.(run.progress()), o.progressIntervalMs ?? 250)
      : null

  run.startNs = o.clock.now()
  const startWallMs = Date.now()
  let end: LoopEnd | null
  if (s.scenario === 'Offline') {
    const at = o.clock.now()
    run.issue(querySamples(plan, 0), 0, at, Number(at - run.startNs))
    end = s.mode === 'AccuracyOnly' ? null : endAfterIssue(s, 1, Number(at - run.startNs))
    await run.until(() => run.outstanding === 0)
  } else if (s.scenario === 'Server') {
    end = await openLoop(run, o, plan)
  } else {
    end = await closedLoop(run, o, plan)
  }
  const endNs = o.clock.now()
  if (timer !== null) clearInterval(timer)
  o.signal?.removeEventListener('abort', onAbort)
  const status = run.failure !== null ? 'failed' : o.signal?.aborted ? 'cancelled' : 'done'
  if (status !== 'done') o.sut.stop?.()
  o.onProgress?.(run.progress())
  return {
    status,
    reason: run.failure ?? (status === 'cancelled' ? CANCELLED_REASON : null),
    end:
      status === 'failed'
        ? { message: `Ending early: ${run.failure}`, error: true }
        : status === 'cancelled'
          ? null
          : end,
    plan,
    record: run.record,
    startNs: run.startNs,
    startWallMs,
    endNs,
    jitterNs: run.jitter,
    jitterCount: run.jitterCount
  }
}
