/**
 * NumPy .npy reader (format versions 1–3): the header gives dtype, shape and fortran_order.
 * Data is returned as little-endian C-order bytes ready to copy into an input tensor;
 * big-endian files are byte-swapped and Fortran-ordered arrays transposed.
 */
import type { ElementType } from './tensor-types'
import { ELEMENT_BYTES, NUMPY_TYPES } from './tensor-types'

export type NpyArray = {
  dtype: ElementType
  shape: number[]
  /** Little-endian, C-order element bytes. */
  data: Uint8Array
}

export type NpyHeader = {
  descr: string
  fortranOrder: boolean
  shape: number[]
  dataOffset: number
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] // \x93NUMPY

/** Parse only the header (throws with the reason when it is not a valid .npy). */
export function parseNpyHeader(bytes: Uint8Array): NpyHeader {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new Error('not a .npy file (missing \\x93NUMPY magic)')
  }
  const major = bytes[6]!
  let headerLen: number
  let start: number
  if (major === 1) {
    headerLen = bytes[8]! | (bytes[9]! << 8)
    start = 10
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new Error('truncated .npy header')
    headerLen = (bytes[8]! | (bytes[9]! << 8) | (bytes[10]! << 16) | (bytes[11]! << 24)) >>> 0
    start = 12
  } else {
    throw new Error(`unsupported .npy format version ${major}`)
  }
  if (start + headerLen > bytes.length) throw new Error('truncated .npy header')
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    bytes.subarray(start, start + headerLen)
  )
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]+)['"]/.exec(text)?.[1]
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(text)?.[1]
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text)?.[1]
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new Error(`malformed .npy header: ${text.trim()}`)
  }
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const n = Number(s.replace(/L$/, ''))
      if (!Number.isInteger(n) || n < 0) throw new Error(`malformed .npy shape (${shapeText})`)
      return n
    })
  return { descr, fortranOrder: fortran === 'True', shape, dataOffset: start + headerLen }
}

/** Element type and byte order of a NumPy descriptor such as '<f4', '|u1', '>i8'. */
function parseDescr(descr: string): { dtype: ElementType; bigEndian: boolean } {
  const m = /^([<>|=]?)([a-z])(\d+)$/.exec(descr)
  const dtype = m ? NUMPY_TYPES[`${m[2]}${m[3]}`] : undefined
  if (!m || dtype === undefined) throw new Error(`unsupported .npy dtype '${descr}'`)
  return { dtype, bigEndian: m[1] === '>' }
}

/** Convert a Fortran-ordered element buffer to C order. */
function fortranToC(src: Uint8Array, shape: number[], elem: number): Uint8Array {
  const n = shape.reduce((a, b) => a * b, 1)
  const out = new Uint8Array(n * elem)
  const rank = shape.length
  const idx = new Array<number>(rank).fill(0)
  // Walk C order; compute the Fortran offset of each element.
  const fStride = new Array<number>(rank)
  let acc = 1
  for (let d = 0; d < rank; d++) {
    fStride[d] = acc
    acc *= shape[d]!
  }
  for (let c = 0; c < n; c++) {
    let f = 0
    for (let d = 0; d < rank; d++) f += idx[d]! * fStride[d]!
    out.set(src.subarray(f * elem, f * elem + elem), c * elem)
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]!++
      if (idx[d]! < shape[d]!) break
      idx[d] = 0
    }
  }
  return out
}

/** Parse a whole .npy file. */
export function parseNpy(bytes: Uint8Array): NpyArray {
  const h = parseNpyHeader(bytes)
  const { dtype, bigEndian } = parseDescr(h.descr)
  const elem = ELEMENT_BYTES[dtype]
  const count = h.shape.reduce((a, b) => a * b, 1)
  const need = count * elem
  if (bytes.length - h.dataOffset < need) {
    throw new Error(
      `truncated .npy data: shape (${h.shape.join(', ')}) needs ${need} bytes, file has ${bytes.length - h.dataOffset}`
    )
  }
  let data: Uint8Array = bytes.slice(h.dataOffset, h.dataOffset + need)
  if (bigEndian && elem > 1) {
    for (let i = 0; i < data.length; i += elem) data.subarray(i, i + elem).reverse()
  }
  if (h.fortranOrder && h.shape.length > 1) data = fortranToC(data, h.shape, elem)
  return { dtype, shape: h.shape, data }
}

/** Build a .npy file (C order, little endian); used by tests and tools. */
export function encodeNpy(
  dtype: ElementType,
  shape: number[],
  data: Uint8Array,
  fortranOrder = false
): Uint8Array {
  const code = Object.entries(NUMPY_TYPES).find(([, t]) => t === dtype)![0]
  const descr = ELEMENT_BYTES[dtype] === 1 ? `|${code}` : `<${code}`
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
  let header = `{'descr': '${descr}', 'fortran_order': ${fortranOrder ? 'True' : 'False'}, 'shape': ${shapeText}, }`
  // Pad so that the data starts on a 64-byte boundary, header ends with '\n'.
  const total = 10 + header.length + 1
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n'
  const out = new Uint8Array(10 + header.length + data.length)
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8])
  out.set(new TextEncoder().encode(header), 10)
  out.set(data, 10 + header.length)
  return out
}
