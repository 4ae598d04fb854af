/**
 * Messages between the run orchestrator (main thread) and inference workers. Samples live in a
 * SharedArrayBuffer sent once; a run request only names slots in it.
 */
import type { EffectiveSettings } from '../loadgen/config'
import type { QueryPlan } from '../loadgen/query-plan'
import type { LoopEnd, LoopProgress } from '../loadgen/run-loop'
import type { RunRecordArrays } from '../loadgen/run-record'
import type { ValueMeta } from './model-input'
import type { ElementType } from './tensor-types'

/** workerData of an inference worker. */
export type WorkerInit = {
  modelPath: string
  executionProvider: string
  /** 0 = onnxruntime's default. */
  intraOpThreads: number
  interOpThreads: number
}

/** What the worker returns per sample: nothing (performance), the argmax class, or the first output. */
export type WantOutput = 'none' | 'argmax' | 'output'

export type ToWorker =
  | {
      type: 'samples'
      buffer: SharedArrayBuffer
      sampleBytes: number
      dtype: ElementType
      dims: number[]
    }
  | {
      type: 'run'
      id: number
      /** Slots of the samples, in order. */
      slots: Int32Array
      /** Batch dimension of the tensor: slots.length, or a fixed batch the model needs (padded). */
      batch: number
      want: WantOutput
    }
  /** Exit once the run in progress (if any) has returned; queued runs are dropped. */
  | { type: 'stop' }
  /**
   * Run a whole scenario in this thread (worker-scenario.ts): the LoadGen run loop and the
   * inference side by side. Cancel: the main thread stores 1 in `wake`, notifies, and sends
   * 'abort'.
   */
  | {
      type: 'scenario'
      settings: EffectiveSettings
      loadedSet: Uint32Array
      plan: QueryPlan
      slotOf: Int32Array
      maxBatch: number
      fixedBatch: number | null
      want: 'none' | 'argmax'
      keepResponses: boolean
      /** Accuracy mode over several loadable sets: continue the previous set's record. */
      continueRecord: boolean
      /** Int32Array over a SharedArrayBuffer: 0 while running, non-zero to stop. */
      wake: Int32Array
      progressMs: number
    }
  | { type: 'abort' }

export type FromWorker =
  | { type: 'ready'; inputs: ValueMeta[]; outputs: ValueMeta[] }
  | { type: 'loaded' }
  | {
      type: 'done'
      id: number
      /** process.hrtime.bigint() when the inference finished (same monotonic clock in every thread). */
      t: bigint
      classes: Int32Array | null
      /** First output of the first sample (want = 'output'). */
      output: Float64Array | null
    }
  | { type: 'error'; message: string }
  | { type: 'progress'; progress: LoopProgress }
  | { type: 'scenario-done'; outcome: WorkerScenarioOutcome }

/** A scenario's outcome as the worker sends it back (the main thread has the plan). */
export type WorkerScenarioOutcome = {
  status: 'done' | 'cancelled' | 'failed'
  reason: string | null
  end: LoopEnd | null
  record: RunRecordArrays
  startNs: bigint
  startWallMs: number
  endNs: bigint
  jitterNs: Float64Array
  jitterCount: number
}
