/**
 * A pool of inference workers (one InferenceSession each) and the SUT the run loop drives.
 * Samples queue on the main thread and go out in batches of up to `batchSize` whenever a worker
 * has room, so Server queries that arrive while workers are busy are batched together and
 * Offline keeps every worker fed. A worker that errors or exits ends the run as failed with
 * the reason; cancel stops the workers (each between two runs).
 */
import type { WorkerOptions } from 'node:worker_threads'
import { Worker } from 'node:worker_threads'
import type { EffectiveSettings } from '../loadgen/config'
import type { QueryPlan } from '../loadgen/query-plan'
import type { CompletionSink, LoopOutcome, LoopProgress, Sut } from '../loadgen/run-loop'
import { RunRecord } from '../loadgen/run-record'
import type { ValueMeta } from './model-input'
import type { SampleStore } from './sample-store'
import type {
  FromWorker,
  ToWorker,
  WantOutput,
  WorkerInit,
  WorkerScenarioOutcome
} from './worker-protocol'

/** Creates one inference worker; electron-vite's `?nodeWorker` default export has this shape. */
export type WorkerFactory = (options: WorkerOptions) => Worker

/** A worker from a built JavaScript file (the app bundle). */
export function fileWorkerFactory(file: string | URL): WorkerFactory {
  return (options) => new Worker(file, options)
}

type Done = Extract<FromWorker, { type: 'done' }>

type Slot = {
  worker: Worker
  inFlight: number
  /** Pending direct requests (warm-up, inspect) by id. */
  waiters: Map<number, { resolve: (d: Done) => void; reject: (e: Error) => void }>
  loaded: (() => void) | null
}

/** One batch sent to a worker: which query/position each sample belongs to. */
type Batch = { queries: Uint32Array; positions: Uint32Array }

export class WorkerPool {
  private readonly slots: Slot[] = []
  private closing = false
  private failure: string | null = null
  private failureListeners: ((reason: string) => void)[] = []
  private nextId = 1
  private sut: PoolSut | null = null
  /** The scenario running inside worker 0, if any. */
  private scenario: {
    onProgress: (p: LoopProgress) => void
    done: (o: WorkerScenarioOutcome) => void
  } | null = null
  inputs: ValueMeta[] = []
  outputs: ValueMeta[] = []

  private constructor() {}

  /** Start `count` workers and wait until each has loaded the model; rejects with the reason. */
  static async open(factory: WorkerFactory, init: WorkerInit, count: number): Promise<WorkerPool> {
    const pool = new WorkerPool()
    const ready: Promise<void>[] = []
    const detach: (() => void)[] = []
    for (let i = 0; i < Math.max(1, count); i++) {
      const worker = factory({ workerData: init })
      const slot: Slot = { worker, inFlight: 0, waiters: new Map(), loaded: null }
      pool.slots.push(slot)
      ready.push(
        new Promise<void>((resolve, reject) => {
          const onMessage = (m: FromWorker): void => {
            if (m.type === 'ready') {
              pool.inputs = m.inputs
              pool.outputs = m.outputs
              resolve()
            } else if (m.type === 'error') {
              reject(new Error(m.message))
            }
          }
          const onExit = (code: number): void =>
            reject(new Error(`the inference worker exited during start-up (code ${code})`))
          worker.on('message', onMessage)
          worker.on('error', reject)
          worker.on('exit', onExit)
          // Only our own listeners are removed: removeAllListeners() would also drop the ones
          // Node uses to keep the worker's port referenced, and the process could exit.
          detach.push(() => {
            worker.off('message', onMessage)
            worker.off('error', reject)
            worker.off('exit', onExit)
          })
        })
      )
    }
    try {
      await Promise.all(ready)
    } catch (e) {
      await pool.close()
      throw e
    }
    for (const d of detach) d()
    for (const slot of pool.slots) {
      slot.worker.on('message', (m: FromWorker) => pool.onMessage(slot, m))
      slot.worker.on('error', (e) => pool.fail(`the inference worker crashed: ${e.message}`))
      slot.worker.on('exit', (code) => {
        if (!pool.closing) pool.fail(`the inference worker exited unexpectedly (code ${code})`)
      })
      slot.worker.on('messageerror', (e) =>
        pool.fail(`message to the inference worker failed: ${e.message}`)
      )
    }
    return pool
  }

  get size(): number {
    return this.slots.length
  }

  /** Call `fn` once if the pool fails (worker crash or inference error). */
  onFailure(fn: (reason: string) => void): void {
    if (this.failure !== null) fn(this.failure)
    else this.failureListeners.push(fn)
  }

  private fail(reason: string): void {
    if (this.failure !== null || this.closing) return
    this.failure = reason
    for (const slot of this.slots)
      for (const w of slot.waiters.values()) w.reject(new Error(reason))
    for (const fn of this.failureListeners) fn(reason)
    this.failureListeners = []
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (m.type === 'progress') {
      this.scenario?.onProgress(m.progress)
    } else if (m.type === 'scenario-done') {
      this.scenario?.done(m.outcome)
    } else if (m.type === 'loaded') {
      slot.loaded?.()
      slot.loaded = null
    } else if (m.type === 'error') {
      this.fail(m.message)
    } else if (m.type === 'done') {
      slot.inFlight--
      const w = slot.waiters.get(m.id)
      if (w) {
        slot.waiters.delete(m.id)
        w.resolve(m)
      } else {
        this.sut?.onDone(m)
      }
      this.sut?.dispatch()
    }
  }

  /** Send the loaded samples to every worker. */
  async setSamples(store: SampleStore): Promise<void> {
    const msg: ToWorker = {
      type: 'samples',
      buffer: store.buffer,
      sampleBytes: store.sampleBytes,
      dtype: store.dtype,
      dims: store.dims
    }
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((resolve, reject) => {
            slot.loaded = resolve
            this.onFailure((r) => reject(new Error(r)))
            slot.worker.postMessage(msg)
          })
      )
    )
  }

  /** One direct inference on a given worker (warm-up, inspect). */
  request(workerIndex: number, slots: Int32Array, batch: number, want: WantOutput): Promise<Done> {
    const slot = this.slots[workerIndex % this.slots.length]!
    if (this.failure !== null) return Promise.reject(new Error(this.failure))
    const id = this.nextId++
    return new Promise<Done>((resolve, reject) => {
      slot.waiters.set(id, { resolve, reject })
      slot.inFlight++
      const msg: ToWorker = { type: 'run', id, slots, batch, want }
      slot.worker.postMessage(msg)
    })
  }

  /** The SUT for a run loop over the current samples. */
  createSut(opts: {
    batchSize: number
    /** A batch dimension the model requires (batches are padded to it), or null. */
    fixedBatch: number | null
    slotOf: Int32Array
    want: 'none' | 'argmax'
    /** Batches in flight per worker: 2 keeps a worker busy (Offline), 1 batches more (Server). */
    depth: number
  }): Sut {
    this.sut = new PoolSut(this, this.slots, opts, () => this.nextId++)
    return this.sut
  }

  /**
   * Run a whole scenario inside worker 0 (worker-scenario.ts): the run loop and the inference
   * in one thread, no message per query. Cancel with `signal`; a worker that fails or exits
   * ends the scenario as failed (what it had recorded is lost with it).
   */
  runScenarioInWorker(o: {
    settings: EffectiveSettings
    loadedSet: Uint32Array
    plan: QueryPlan
    slotOf: Int32Array
    maxBatch: number
    fixedBatch: number | null
    want: 'none' | 'argmax'
    keepResponses: boolean
    continueRecord: boolean
    signal?: AbortSignal
    onProgress?: (p: LoopProgress) => void
    progressMs?: number
  }): Promise<LoopOutcome> {
    const slot = this.slots[0]!
    const wake = new Int32Array(new SharedArrayBuffer(4))
    const started = process.hrtime.bigint()
    return new Promise<LoopOutcome>((resolve) => {
      const finish = (out: LoopOutcome): void => {
        this.scenario = null
        o.signal?.removeEventListener('abort', onAbort)
        resolve(out)
      }
      const onAbort = (): void => {
        Atomics.store(wake, 0, 1)
        Atomics.notify(wake, 0)
        const abort: ToWorker = { type: 'abort' }
        slot.worker.postMessage(abort)
      }
      this.scenario = {
        onProgress: (p) => o.onProgress?.(p),
        done: (w) => finish({ ...w, plan: o.plan, record: RunRecord.fromArrays(w.record) })
      }
      this.onFailure((reason) => {
        if (this.scenario === null) return
        const now = process.hrtime.bigint()
        finish({
          status: 'failed',
          reason,
          end: { message: `Ending early: ${reason}`, error: true },
          plan: o.plan,
          record: new RunRecord(0, 0, o.keepResponses),
          startNs: started,
          startWallMs: Date.now(),
          endNs: now,
          jitterNs: new Float64Array(0),
          jitterCount: 0
        })
      })
      if (o.signal?.aborted) onAbort()
      o.signal?.addEventListener('abort', onAbort)
      const msg: ToWorker = {
        type: 'scenario',
        settings: o.settings,
        loadedSet: o.loadedSet,
        plan: o.plan,
        slotOf: o.slotOf,
        maxBatch: o.maxBatch,
        fixedBatch: o.fixedBatch,
        want: o.want,
        keepResponses: o.keepResponses,
        continueRecord: o.continueRecord,
        wake,
        progressMs: o.progressMs ?? 250
      }
      slot.worker.postMessage(msg)
    })
  }

  /**
   * Stops every worker between runs (see 'stop' in worker.ts) and waits for it to exit; only a
   * worker that does not exit within STOP_TIMEOUT_MS is terminated from outside.
   */
  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.slots.map((s) => stopWorker(s.worker)))
  }
}

/** Longest wait for a worker to finish its run and exit before it is terminated. */
const STOP_TIMEOUT_MS = 60_000

function stopWorker(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    if (worker.threadId === -1) return resolve() // already exited
    const timer = setTimeout(() => void worker.terminate().catch(() => 0), STOP_TIMEOUT_MS)
    worker.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    const stop: ToWorker = { type: 'stop' }
    worker.postMessage(stop)
  })
}

class PoolSut implements Sut {
  private sink: CompletionSink | null = null
  // Pending samples as a growable ring of (query, position, slot).
  private qQ = new Uint32Array(1024)
  private qPos = new Uint32Array(1024)
  private qSlot = new Int32Array(1024)
  private head = 0
  private count = 0
  private readonly batches = new Map<number, Batch>()
  private readonly maxBatch: number
  private stopped = false

  constructor(
    private readonly pool: WorkerPool,
    private readonly slots: Slot[],
    private readonly o: {
      batchSize: number
      fixedBatch: number | null
      slotOf: Int32Array
      want: 'none' | 'argmax'
      depth: number
    },
    private readonly newId: () => number
  ) {
    this.maxBatch = Math.max(1, o.fixedBatch ?? o.batchSize)
  }

  start(sink: CompletionSink): void {
    this.sink = sink
    this.stopped = false
    this.pool.onFailure((reason) => sink.fail(reason))
  }

  issueQuery(queryId: number, samples: Uint32Array): void {
    const n = samples.length
    if (this.count + n > this.qQ.length) this.growQueue(this.count + n)
    const cap = this.qQ.length
    for (let k = 0; k < n; k++) {
      const slot = this.o.slotOf[samples[k]!]
      if (slot === undefined || slot < 0) throw new Error(`sample ${samples[k]} is not loaded`)
      const i = (this.head + this.count) % cap
      this.qQ[i] = queryId
      this.qPos[i] = k
      this.qSlot[i] = slot
      this.count++
    }
    this.dispatch()
  }

  private growQueue(need: number): void {
    let size = this.qQ.length * 2
    while (size < need) size *= 2
    const cap = this.qQ.length
    const q = new Uint32Array(size)
    const p = new Uint32Array(size)
    const s = new Int32Array(size)
    for (let k = 0; k < this.count; k++) {
      const i = (this.head + k) % cap
      q[k] = this.qQ[i]!
      p[k] = this.qPos[i]!
      s[k] = this.qSlot[i]!
    }
    this.qQ = q
    this.qPos = p
    this.qSlot = s
    this.head = 0
  }

  /** Send batches to workers with room, least loaded first. */
  dispatch(): void {
    if (this.stopped) return
    while (this.count > 0) {
      let best: Slot | null = null
      for (const s of this.slots)
        if (s.inFlight < this.o.depth && (!best || s.inFlight < best.inFlight)) best = s
      if (!best) return
      const n = Math.min(this.maxBatch, this.count)
      const cap = this.qQ.length
      const slots = new Int32Array(n)
      const batch: Batch = { queries: new Uint32Array(n), positions: new Uint32Array(n) }
      for (let k = 0; k < n; k++) {
        const i = (this.head + k) % cap
        slots[k] = this.qSlot[i]!
        batch.queries[k] = this.qQ[i]!
        batch.positions[k] = this.qPos[i]!
      }
      this.head = (this.head + n) % cap
      this.count -= n
      const id = this.newId()
      this.batches.set(id, batch)
      best.inFlight++
      const msg: ToWorker = {
        type: 'run',
        id,
        slots,
        batch: this.o.fixedBatch ?? n,
        want: this.o.want
      }
      best.worker.postMessage(msg)
    }
  }

  onDone(m: Done): void {
    const b = this.batches.get(m.id)
    if (!b || !this.sink) return
    this.batches.delete(m.id)
    // Report runs of consecutive positions of one query in a single call.
    const n = b.queries.length
    let k = 0
    while (k < n) {
      let e = k + 1
      while (e < n && b.queries[e] === b.queries[k] && b.positions[e] === b.positions[e - 1]! + 1)
        e++
      this.sink.complete(b.queries[k]!, b.positions[k]!, e - k, m.t, m.classes, k)
      k = e
    }
  }

  stop(): void {
    this.stopped = true
    this.count = 0
  }
}
