/**
 * Scenario drivers (spec A.3): how queries are issued to a system under test and how their
 * completions are timed. The SUT is injected (a worker pool in the app, a fake in unit tests)
 * and so is the clock. The issue path only reads pre-generated typed arrays, stores a few
 * numbers and calls the SUT; statistics are computed after the run.
 *
 * - SingleStream / MultiStream: one outstanding query; the next is issued when the previous one
 *   completed; scheduled time = issue time.
 * - Server: Poisson schedule generated up front; each query is issued at its scheduled instant
 *   (immediately when late) and its latency counts from the scheduled time, so falling behind
 *   shows up as latency.
 * - Offline: a single query with every sample, issued at the start.
 */
import type { EffectiveSettings } from './config'
import type { RunClock } from './clock'
import { RunRecord } from './run-record'
import { accuracyOrder, offlineQuerySamples, SampleSelector } from './sample-order'
import { serverSchedule } from './schedule'
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

export type LoopOutcome = {
  status: 'done' | 'cancelled' | 'failed'
  reason: string | null
  /** LoadGen-style generic_message for how issuing ended. */
  endMessage: string
  record: RunRecord
  /** Monotonic start of timing. */
  startNs: bigint
  endNs: bigint
  /** Per issued query of this loop: issue − scheduled (Server) or issue − previous completion (SS/MS). */
  jitterNs: Float64Array
  jitterCount: number
}

const NATURAL = 'Ending naturally: Minimum query count and test duration met.'
const MAX_QUERIES = 'Ending early: Max query count reached.'
const MAX_DURATION = 'Ending early: Max test duration reached.'
const ALL_ISSUED = 'Ending naturally: All queries issued.'
/** End messages LoadGen logs as errors (error_runtime). */
export const ERROR_ENDINGS: ReadonlySet<string> = new Set([MAX_QUERIES, MAX_DURATION])
const CANCELLED = 'Ending early: The run was cancelled.'

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
      completed,
      throughput: elapsedNs > 0 ? completed / (elapsedNs / 1e9) : 0,
      latencyP50Ns: this.hist.percentile(0.5),
      latencyP90Ns: this.hist.percentile(0.9),
      latencyP99Ns: this.hist.percentile(0.99)
    }
  }
}

/**
 * Closed loop: one outstanding query at a time (SingleStream, MultiStream). As in LoadGen the
 * end conditions are checked right after issuing, against that query's issue time, so the final
 * query is issued at or after the target duration.
 */
async function closedLoop(
  run: ScenarioRun,
  o: RunLoopOptions,
  nextQuery: () => Uint32Array | null,
  checkEnd: (issued: number, durationNs: number) => string | null
): Promise<string> {
  const clock = o.clock
  let prevDone = clock.now()
  let end: string | null = null
  while (end === null) {
    if (run.stopped) return CANCELLED
    const samples = nextQuery()
    if (samples === null) return ALL_ISSUED
    const issuedAt = clock.now()
    const rel = Number(issuedAt - run.startNs)
    const q = run.issue(samples, rel, issuedAt, Number(issuedAt - prevDone))
    end = checkEnd(run.record.queryCount, rel)
    await run.until(() => run.record.qCompleted[q]! >= 0)
    if (run.stopped) return CANCELLED
    prevDone = run.startNs + BigInt(run.record.qCompleted[q]!)
  }
  return end
}

/**
 * Open loop on a pre-generated schedule (Server): every query is issued at its scheduled time
 * or, when behind, immediately. LoadGen ends the test with an error when max_async_queries is
 * exceeded; waiting for a free slot instead keeps such runs usable.
 */
async function openLoop(
  run: ScenarioRun,
  o: RunLoopOptions,
  offsetsNs: Float64Array,
  sampleAt: (i: number, out: Uint32Array) => void
): Promise<string> {
  const s = o.settings
  const clock = o.clock
  const buf = new Uint32Array(1)
  const maxDurNs = s.maxDurationMs * 1e6
  let end = ALL_ISSUED
  let sinceYield = 0
  for (let i = 0; i < offsetsNs.length; i++) {
    const sched = offsetsNs[i]!
    const target = run.startNs + BigInt(sched)
    if (clock.now() < target) {
      await clock.sleepUntil(target, o.signal)
      sinceYield = 0
    } else if (++sinceYield >= 32) {
      // Far behind schedule: still let completions in so the SUT keeps being fed.
      await new Promise<void>((r) => setImmediate(r))
      sinceYield = 0
    }
    if (run.stopped) return CANCELLED
    if (s.maxAsyncQueries > 0 && run.outstanding >= s.maxAsyncQueries) {
      await run.until(() => run.outstanding < s.maxAsyncQueries)
      if (run.stopped) return CANCELLED
    }
    sampleAt(i, buf)
    const issuedAt = clock.now()
    const rel = Number(issuedAt - run.startNs)
    run.issue(buf, sched, issuedAt, rel - sched)
    if (maxDurNs > 0 && s.mode !== 'AccuracyOnly' && rel > maxDurNs) {
      end = MAX_DURATION
      break
    }
  }
  await run.until(() => run.outstanding === 0)
  return run.stopped ? CANCELLED : end
}

/** Run one scenario over the loaded set until its end condition; never throws for SUT failures. */
export async function runScenario(o: RunLoopOptions): Promise<LoopOutcome> {
  const s = o.settings
  const accuracy = s.mode === 'AccuracyOnly'
  const loaded = o.loadedSet
  const spq = s.scenario === 'MultiStream' ? s.samplesPerQuery : 1
  const order = accuracy ? accuracyOrder(loaded, s.sampleIndexRngSeed) : null

  // Pre-generate everything the issue path needs before timing starts.
  let schedule: Float64Array | null = null
  let offlineSamples: Uint32Array | null = null
  let queryCapacity: number
  let sampleCapacity: number
  const selector = new SampleSelector(loaded, s.sampleIndexRngSeed)
  switch (s.scenario) {
    case 'Server': {
      schedule = serverSchedule({
        targetQps: s.targetQps,
        durationMs: s.targetDurationMs,
        minQueryCount: s.minQueryCount,
        maxQueryCount: s.maxQueryCount,
        scheduleSeed: s.scheduleRngSeed,
        exactCount: order ? order.length : undefined
      }).offsetsNs
      queryCapacity = sampleCapacity = schedule.length
      break
    }
    case 'Offline':
      offlineSamples = order ?? offlineQuerySamples(loaded, s.samplesPerQuery)
      queryCapacity = 1
      sampleCapacity = offlineSamples.length
      break
    default: {
      const expected = Math.ceil((2 * s.targetDurationMs * 1e6 * s.targetQps) / 1e9)
      queryCapacity = order
        ? Math.ceil(order.length / spq)
        : Math.min(1 << 20, Math.max(s.minQueryCount, expected))
      sampleCapacity = queryCapacity * spq
    }
  }
  const serverSamples = schedule && !order ? new Uint32Array(schedule.length) : null
  if (serverSamples)
    for (let i = 0; i < serverSamples.length; i++) serverSamples[i] = selector.next()

  const run = new ScenarioRun(o, queryCapacity, sampleCapacity)
  o.sut.start(run)
  const onAbort = (): void => run.wakeUp()
  o.signal?.addEventListener('abort', onAbort)
  const timer =
    o.onProgress !== undefined
      ? setInterval(() => o.onProgress?.(run.progress()), o.progressIntervalMs ?? 250)
      : null

  run.startNs = o.clock.now()
  let endMessage: string
  if (s.scenario === 'Offline') {
    const at = o.clock.now()
    run.issue(offlineSamples!, 0, at, Number(at - run.startNs))
    await run.until(() => run.outstanding === 0)
    endMessage = run.stopped ? CANCELLED : ALL_ISSUED
  } else if (s.scenario === 'Server') {
    endMessage = await openLoop(run, o, schedule!, (i, out) => {
      out[0] = order ? order[i]! : serverSamples![i]!
    })
  } else {
    let pos = 0
    const buf = new Uint32Array(spq)
    const next = (): Uint32Array | null => {
      if (order) {
        if (pos >= order.length) return null
        const chunk = order.subarray(pos, Math.min(order.length, pos + spq))
        pos += spq
        return chunk
      }
      if (spq === 1) buf[0] = selector.next()
      else selector.nextContiguous(buf)
      return buf
    }
    const targetNs = s.targetDurationMs * 1e6
    const maxNs = s.maxDurationMs * 1e6
    endMessage = await closedLoop(run, o, next, (issued, duration) => {
      if (order) return null
      if (issued >= s.minQueryCount && duration >= targetNs) return NATURAL
      if (s.maxQueryCount > 0 && issued >= s.maxQueryCount) return MAX_QUERIES
      if (maxNs > 0 && duration > maxNs) return MAX_DURATION
      return null
    })
  }
  const endNs = o.clock.now()
  if (timer !== null) clearInterval(timer)
  o.signal?.removeEventListener('abort', onAbort)
  const status = run.failure !== null ? 'failed' : o.signal?.aborted ? 'cancelled' : 'done'
  if (status !== 'done') o.sut.stop?.()
  o.onProgress?.(run.progress())
  return {
    status,
    reason: run.failure ?? (status === 'cancelled' ? 'Cancelled by the user.' : null),
    endMessage: status === 'failed' ? `Ending early: ${run.failure}` : endMessage,
    record: run.record,
    startNs: run.startNs,
    endNs,
    jitterNs: run.jitter,
    jitterCount: run.jitterCount
  }
}
