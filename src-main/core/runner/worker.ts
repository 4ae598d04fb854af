/**
 * Inference worker: opens one onnxruntime InferenceSession (run() blocks its thread, so it
 * lives here, not in the main thread), then answers run requests over the shared sample store.
 * Start it with sourceWorkerFactory (tsx, vitest), fileWorkerFactory on the built file, or
 * electron-vite's `?nodeWorker` import in the app.
 */
import { parentPort, workerData } from 'node:worker_threads'
import * as ort from 'onnxruntime-node'
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol'
import { WorkerScenario } from './worker-scenario'
import {
  argmaxRows,
  assembleBatch,
  firstRow,
  sessionOptions,
  tensorData,
  valueMetas
} from './worker-ops'

const port = parentPort!
const init = workerData as WorkerInit
const post = (m: FromWorker, transfer?: ArrayBuffer[]): void => port.postMessage(m, transfer)
let store: Extract<ToWorker, { type: 'samples' }> | null = null
const buffers = new Map<number, Uint8Array<ArrayBuffer>>()
const queue: Extract<ToWorker, { type: 'run' }>[] = []
let busy = false
let stopping = false

try {
  const session = await ort.InferenceSession.create(init.modelPath, sessionOptions(init))
  let wantClasses = false
  /** One inference over store slots for the in-thread scenario (InlineSut). */
  const runBatch = async (
    slots: Int32Array,
    batch: number
  ): Promise<{ t: bigint; classes: Int32Array | null }> => {
    // Asked to stop: leave between two inferences, never during one (see 'stop' below).
    if (stopping) process.exit(0)
    const s = store!
    let dst = buffers.get(batch)
    if (!dst) buffers.set(batch, (dst = new Uint8Array(batch * s.sampleBytes)))
    assembleBatch(new Uint8Array(s.buffer), s.sampleBytes, slots, batch, dst)
    const n = slots.length
    const tensor = new ort.Tensor(s.dtype, tensorData(s.dtype, dst), [batch, ...s.dims])
    const out = await session.run({ [session.inputNames[0]!]: tensor })
    const t = process.hrtime.bigint()
    const classes = wantClasses
      ? argmaxRows(out[session.outputNames[0]!]!.data as ArrayLike<number | bigint>, batch, n)
      : null
    return { t, classes }
  }
  const scenario = new WorkerScenario(runBatch, post)
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'samples') {
      store = msg
      buffers.clear()
      return post({ type: 'loaded' })
    }
    if (msg.type === 'stop') {
      // Never end this thread from outside while onnxruntime is inside a run: a worker
      // terminated mid-run makes the binding throw a C++ exception that aborts the whole
      // process (the app's main process with it). So stop between runs, from here.
      stopping = true
      queue.length = 0
      if (!busy) process.exit(0)
      return
    }
    if (msg.type === 'abort') return scenario.abort()
    if (msg.type === 'scenario') {
      // The whole scenario runs here; 'stop' (between two inferences) still ends the thread.
      busy = true
      wantClasses = msg.want === 'argmax'
      void scenario.run(msg).then(
        () => {
          busy = false
          if (stopping) process.exit(0)
        },
        (e: unknown) => {
          busy = false
          post({ type: 'error', message: e instanceof Error ? e.message : String(e) })
        }
      )
      return
    }
    queue.push(msg)
    if (!busy) startNext()
  })
  /**
   * One run at a time, each batch assembled when its run starts. The pool may send a second
   * batch ahead (Offline, Server), and onnxruntime-node defers a run to a setImmediate: a batch
   * assembled on arrival would overwrite the shared input buffer of the batch queued before
   * it, which then ran on the wrong samples (its accuracy log named the wrong classes).
   */
  const startNext = (): void => {
    if (stopping) process.exit(0)
    const msg = queue.shift()
    if (msg === undefined) {
      busy = false
      return
    }
    busy = true
    const s = store!
    let dst = buffers.get(msg.batch)
    if (!dst) buffers.set(msg.batch, (dst = new Uint8Array(msg.batch * s.sampleBytes)))
    assembleBatch(new Uint8Array(s.buffer), s.sampleBytes, msg.slots, msg.batch, dst)
    const tensor = new ort.Tensor(s.dtype, tensorData(s.dtype, dst), [msg.batch, ...s.dims])
    session.run({ [session.inputNames[0]!]: tensor }).then(
      (out) => {
        const t = process.hrtime.bigint()
        const first = out[session.outputNames[0]!]!.data as ArrayLike<number | bigint>
        const classes =
          msg.want === 'argmax' ? argmaxRows(first, msg.batch, msg.slots.length) : null
        const output = msg.want === 'output' ? firstRow(first, msg.batch) : null
        post({ type: 'done', id: msg.id, t, classes, output })
        startNext()
      },
      (e: unknown) => {
        busy = false
        post({
          type: 'error',
          message: `inference failed: ${e instanceof Error ? e.message : String(e)}`
        })
      }
    )
  }
  const [inputs, outputs] = [valueMetas(session.inputMetadata), valueMetas(session.outputMetadata)]
  post({ type: 'ready', inputs, outputs })
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) })
}
