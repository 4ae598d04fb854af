import { describe, expect, it } from 'vitest'
import { encodeNpy, parseNpy, parseNpyHeader } from '../../../../../src-main/core/runner/npy'

const f32 = (a: number[]): Uint8Array => new Uint8Array(Float32Array.from(a).buffer)
const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))

describe('.npy reader', () => {
  it('reads a version-1 little-endian float32 array', () => {
    const file = encodeNpy('float32', [2, 3], f32([1, 2, 3, 4, 5, 6]))
    const h = parseNpyHeader(file)
    expect(h).toMatchObject({ descr: '<f4', fortranOrder: false, shape: [2, 3] })
    expect(h.dataOffset % 64).toBe(0)
    const a = parseNpy(file)
    expect(a.dtype).toBe('float32')
    expect(Array.from(new Float32Array(a.data.buffer, a.data.byteOffset, 6))).toEqual([
      1, 2, 3, 4, 5, 6
    ])
  })

  it('handles 1-d and scalar shapes, uint8 and int64', () => {
    expect(parseNpy(encodeNpy('uint8', [3], Uint8Array.from([7, 8, 9]))).shape).toEqual([3])
    expect(parseNpyHeader(encodeNpy('float32', [], f32([1]))).shape).toEqual([])
    const i64 = parseNpy(
      encodeNpy('int64', [2], new Uint8Array(BigInt64Array.from([5n, -1n]).buffer))
    )
    expect(i64.dtype).toBe('int64')
    expect(Array.from(new BigInt64Array(i64.data.buffer, i64.data.byteOffset, 2))).toEqual([
      5n,
      -1n
    ])
  })

  it('byte-swaps big-endian data', () => {
    const file = encodeNpy('float32', [2], new Uint8Array(8))
    const text = new TextDecoder('latin1').decode(file)
    const be = latin1(text.replace("'<f4'", "'>f4'"))
    const dv = new DataView(be.buffer)
    const off = parseNpyHeader(be).dataOffset
    dv.setFloat32(off, 1.5, false)
    dv.setFloat32(off + 4, -2, false)
    const a = parseNpy(be)
    expect(Array.from(new Float32Array(a.data.buffer, a.data.byteOffset, 2))).toEqual([1.5, -2])
  })

  it('converts fortran_order arrays to C order', () => {
    // Fortran order of [[1,2,3],[4,5,6]] is 1,4,2,5,3,6.
    const a = parseNpy(encodeNpy('float32', [2, 3], f32([1, 4, 2, 5, 3, 6]), true))
    expect(Array.from(new Float32Array(a.data.buffer, a.data.byteOffset, 6))).toEqual([
      1, 2, 3, 4, 5, 6
    ])
  })

  it('reads version-2 headers', () => {
    const v1 = encodeNpy('float32', [1], f32([3]))
    const hlen = v1[8]! | (v1[9]! << 8)
    const v2 = new Uint8Array(v1.length + 2)
    v2.set(v1.subarray(0, 6))
    v2.set([2, 0, hlen & 0xff, hlen >> 8, 0, 0], 6)
    v2.set(v1.subarray(10), 12)
    expect(parseNpy(v2).shape).toEqual([1])
  })

  it('explains what is wrong', () => {
    expect(() => parseNpy(new Uint8Array([1, 2, 3]))).toThrow(/not a .npy file/)
    const file = encodeNpy('float32', [4], f32([1, 2, 3, 4]))
    expect(() => parseNpy(file.subarray(0, file.length - 4))).toThrow(/truncated .npy data/)
    const text = new TextDecoder('latin1').decode(file).replace("'<f4'", "'<c8'")
    expect(() => parseNpy(latin1(text))).toThrow(/unsupported .npy dtype '<c8'/)
  })
})
