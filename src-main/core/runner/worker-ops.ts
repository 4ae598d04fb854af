/**
 * The pure parts of an inference worker: assembling a batch from sample slots into a tensor
 * buffer and reading classes out of the first output. Kept apart so worker.ts stays a thin
 * shell and these are unit-testable without threads.
 */
import type { ValueMeta } from './model-input'
import type { ElementType } from './tensor-types'
import type { WorkerInit } from './worker-protocol'

/** Typed array of the right kind over `bytes` for an onnxruntime tensor of `dtype`. */
export function tensorData(
  dtype: ElementType,
  bytes: Uint8Array<ArrayBuffer>
):
  | Float32Array<ArrayBuffer>
  | Float64Array<ArrayBuffer>
  | Uint16Array<ArrayBuffer>
  | Int8Array<ArrayBuffer>
  | Uint8Array<ArrayBuffer>
  | Int16Array<ArrayBuffer>
  | Int32Array<ArrayBuffer>
  | Uint32Array<ArrayBuffer>
  | BigInt64Array<ArrayBuffer>
  | BigUint64Array<ArrayBuffer> {
  const b = bytes.buffer
  const o = bytes.byteOffset
  const n = bytes.byteLength
  switch (dtype) {
    case 'float32':
      return new Float32Array(b, o, n / 4)
    case 'float64':
      return new Float64Array(b, o, n / 8)
    case 'float16':
    case 'uint16':
      return new Uint16Array(b, o, n / 2)
    case 'int8':
      return new Int8Array(b, o, n)
    case 'uint8':
    case 'bool':
      return new Uint8Array(b, o, n)
    case 'int16':
      return new Int16Array(b, o, n / 2)
    case 'int32':
      return new Int32Array(b, o, n / 4)
    case 'uint32':
      return new Uint32Array(b, o, n / 4)
    case 'int64':
      return new BigInt64Array(b, o, n / 8)
    case 'uint64':
      return new BigUint64Array(b, o, n / 8)
  }
}

/**
 * Copy the samples in `slots` (then copies of the first one up to `batch`) from the shared
 * store into `dst`. onnxruntime-node rejects tensors over SharedArrayBuffer memory, hence the copy.
 */
export function assembleBatch(
  store: Uint8Array,
  sampleBytes: number,
  slots: Int32Array,
  batch: number,
  dst: Uint8Array
): void {
  for (let k = 0; k < batch; k++) {
    const slot = slots[k < slots.length ? k : 0]!
    dst.set(store.subarray(slot * sampleBytes, (slot + 1) * sampleBytes), k * sampleBytes)
  }
}

/** Per-sample class of the first output: argmax of each row, or the value itself when a row has one element. */
export function argmaxRows(
  data: ArrayLike<number | bigint>,
  batch: number,
  count: number
): Int32Array {
  const per = Math.floor(data.length / batch)
  const out = new Int32Array(count)
  for (let k = 0; k < count; k++) {
    const base = k * per
    if (per === 1) {
      out[k] = Number(data[base]!)
      continue
    }
    let best = 0
    let bestV = Number(data[base]!)
    for (let i = 1; i < per; i++) {
      const v = Number(data[base + i]!)
      if (v > bestV) {
        bestV = v
        best = i
      }
    }
    out[k] = best
  }
  return out
}

/** The first output row as doubles. */
export function firstRow(data: ArrayLike<number | bigint>, batch: number): Float64Array {
  const per = Math.floor(data.length / batch)
  const out = new Float64Array(per)
  for (let i = 0; i < per; i++) out[i] = Number(data[i]!)
  return out
}

/** onnxruntime value metadata as plain objects for postMessage. */
export function valueMetas(
  list: readonly {
    name: string
    isTensor: boolean
    type?: string
    shape?: readonly (number | string)[]
  }[]
): ValueMeta[] {
  return list.map((v) => ({
    name: v.name,
    isTensor: v.isTensor,
    type: v.isTensor && v.type !== undefined ? v.type : 'non-tensor',
    shape: v.isTensor && v.shape !== undefined ? [...v.shape] : []
  }))
}

/** InferenceSession options for a worker (0 threads = onnxruntime's default). */
export function sessionOptions(init: WorkerInit): {
  executionProviders: string[]
  graphOptimizationLevel: 'all'
  intraOpNumThreads?: number
  interOpNumThreads?: number
} {
  return {
    executionProviders: [init.executionProvider],
    graphOptimizationLevel: 'all',
    ...(init.intraOpThreads > 0 ? { intraOpNumThreads: init.intraOpThreads } : {}),
    ...(init.interOpThreads > 0 ? { interOpNumThreads: init.interOpThreads } : {})
  }
}
