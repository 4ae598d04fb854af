/**
 * Messages between the run orchestrator (main thread) and inference workers. Samples live in a
 * SharedArrayBuffer sent once; a run request only names slots in it.
 */
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
