/**
 * The loaded samples of a run in one SharedArrayBuffer, so every worker reads them without
 * copies or messages per query. Loading happens before timing and yields to the event loop
 * between samples so the app stays responsive.
 */
import { totalmem } from 'node:os'
import type { SampleSource } from './sample-source'
import type { ElementType } from './tensor-types'

export type SampleStore = {
  buffer: SharedArrayBuffer
  sampleBytes: number
  dims: number[]
  dtype: ElementType
  /** QSL index → slot in the buffer (−1 = not loaded). */
  slotOf: Int32Array
  /** Slot → QSL index. */
  qslOf: Uint32Array
}

/** Refuse to load more than this many bytes at once (a fraction of RAM is checked too). */
export const MAX_STORE_BYTES = 4 * 1024 ** 3

/** The largest store a run may load unless told otherwise: min(4 GiB, 40% of RAM). */
export function defaultStoreLimit(totalMemoryBytes = totalmem()): number {
  return Math.min(MAX_STORE_BYTES, Math.floor(totalMemoryBytes * 0.4))
}

/** Load `indices` of `source` into a new store. */
export async function loadSampleStore(
  source: SampleSource,
  indices: Uint32Array,
  opts: {
    memoryLimitBytes: number
    signal?: AbortSignal
    onProgress?: (loaded: number, total: number) => void
  }
): Promise<SampleStore> {
  const bytes = indices.length * source.sampleBytes
  if (bytes > opts.memoryLimitBytes) {
    const gb = (n: number): string => (n / 1024 ** 3).toFixed(2)
    throw new Error(
      `${indices.length} samples of ${source.sampleBytes} bytes need ${gb(bytes)} GiB, more than the ${gb(opts.memoryLimitBytes)} GiB allowed; lower the performance sample count`
    )
  }
  const buffer = new SharedArrayBuffer(Math.max(1, bytes))
  const slotOf = new Int32Array(source.total).fill(-1)
  const qslOf = new Uint32Array(indices.length)
  let lastYield = Date.now()
  for (let slot = 0; slot < indices.length; slot++) {
    if (opts.signal?.aborted) throw new Error('Cancelled while loading samples.')
    const qsl = indices[slot]!
    await source.load(qsl, new Uint8Array(buffer, slot * source.sampleBytes, source.sampleBytes))
    slotOf[qsl] = slot
    qslOf[slot] = qsl
    if (Date.now() - lastYield > 20) {
      opts.onProgress?.(slot + 1, indices.length)
      await new Promise<void>((r) => setImmediate(r))
      lastYield = Date.now()
    }
  }
  opts.onProgress?.(indices.length, indices.length)
  return {
    buffer,
    sampleBytes: source.sampleBytes,
    dims: source.dims,
    dtype: source.dtype,
    slotOf,
    qslOf
  }
}
