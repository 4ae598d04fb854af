/**
 * Synthetic inputs for performance runs without a dataset: deterministic pseudo-random values
 * of the model's input type and per-sample shape (floats in [0, 1), integers in [0, 127],
 * booleans 0/1). Timing does not depend on the values for the models this app runs.
 */
import { Mt19937 } from '../loadgen/mt19937'
import type { ElementType } from './tensor-types'
import { ELEMENT_BYTES } from './tensor-types'

/** Fill `out` (the bytes of one sample) with values for sample `index`. */
export function fillSynthetic(
  dtype: ElementType,
  out: Uint8Array,
  seed: bigint,
  index: number
): void {
  const rng = new Mt19937(BigInt.asUintN(64, seed + BigInt(index) * 0x9e3779b97f4a7c15n))
  const n = out.byteLength / ELEMENT_BYTES[dtype]
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength)
  for (let i = 0; i < n; i++) {
    const u = rng.next()
    switch (dtype) {
      case 'float32':
        view.setFloat32(i * 4, u / 4294967296, true)
        break
      case 'float64':
        view.setFloat64(i * 8, u / 4294967296, true)
        break
      case 'float16':
        // Values in [0, 1): exponent 0…14, random mantissa.
        view.setUint16(i * 2, (u & 0x3bff) >>> 0, true)
        break
      case 'bool':
        view.setUint8(i, u & 1)
        break
      case 'int8':
      case 'uint8':
        view.setUint8(i, u & 0x7f)
        break
      case 'int16':
      case 'uint16':
        view.setUint16(i * 2, u & 0x7f, true)
        break
      case 'int32':
      case 'uint32':
        view.setUint32(i * 4, u & 0x7f, true)
        break
      case 'int64':
      case 'uint64':
        view.setBigUint64(i * 8, BigInt(u & 0x7f), true)
        break
    }
  }
}

/** Per-sample dims for synthetic inputs: every non-batch dimension must be known. */
export function syntheticDims(
  sampleDims: (number | null)[],
  inputName: string,
  override: number[] | null
): number[] {
  if (override !== null) return override
  if (sampleDims.some((d) => d === null)) {
    throw new Error(
      `input '${inputName}' has symbolic dimensions besides the batch; synthetic inputs need a fixed shape, so choose a dataset`
    )
  }
  return sampleDims as number[]
}
