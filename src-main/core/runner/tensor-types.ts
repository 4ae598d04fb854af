/**
 * Element types a local run can feed to a model, with their onnxruntime name, byte size and
 * the NumPy descriptors that map to them.
 */

export type ElementType =
  | 'float32'
  | 'float64'
  | 'float16'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'bool'

export const ELEMENT_BYTES: Record<ElementType, number> = {
  float32: 4,
  float64: 8,
  float16: 2,
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  int64: 8,
  uint64: 8,
  bool: 1
}

/** NumPy type code (kind + size, e.g. 'f4') → element type. */
export const NUMPY_TYPES: Record<string, ElementType> = {
  f4: 'float32',
  f8: 'float64',
  f2: 'float16',
  i1: 'int8',
  u1: 'uint8',
  i2: 'int16',
  u2: 'uint16',
  i4: 'int32',
  u4: 'uint32',
  i8: 'int64',
  u8: 'uint64',
  b1: 'bool'
}

export function isElementType(t: string): t is ElementType {
  return Object.prototype.hasOwnProperty.call(ELEMENT_BYTES, t)
}
