import jpeg from 'jpeg-js'
import pngjs from 'pngjs'
import { describe, expect, it } from 'vitest'
import {
  decodeImage,
  DEFAULT_IMAGE_PREPROCESS,
  preprocessImage,
  resizedSize,
  resizeRgb
} from '../../../../../src-main/core/runner/image-preprocess'

/** A w×h PNG whose pixel (x, y) is rgb(x, y). */
function png(w: number, h: number, color?: [number, number, number]): Uint8Array {
  const img = new pngjs.PNG({ width: w, height: h })
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4
      const c = color ?? [x, y, 0]
      img.data[i] = c[0]
      img.data[i + 1] = c[1]
      img.data[i + 2] = c[2]
      img.data[i + 3] = 255
    }
  }
  return pngjs.PNG.sync.write(img)
}

function jpg(w: number, h: number, color: [number, number, number]): Uint8Array {
  const data = new Uint8Array(w * h * 4)
  for (let i = 0; i < w * h; i++) data.set([...color, 255], i * 4)
  return jpeg.encode({ width: w, height: h, data }, 95).data
}

const f32 = (b: Uint8Array): Float32Array =>
  new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4)

describe('image decoding', () => {
  it('decodes PNG and JPEG to RGB', () => {
    const p = decodeImage(png(3, 2))
    expect(p).toMatchObject({ width: 3, height: 2 })
    expect(Array.from(p.rgb.slice(0, 6))).toEqual([0, 0, 0, 1, 0, 0])
    const j = decodeImage(jpg(16, 16, [200, 30, 30]))
    expect(j.width).toBe(16)
    expect(Math.abs(j.rgb[0]! - 200)).toBeLessThan(6)
  })

  it('rejects corrupt and unknown files', () => {
    const bad = jpg(16, 16, [1, 2, 3]).slice(0, 200)
    expect(() => decodeImage(bad)).toThrow()
    expect(() => decodeImage(new Uint8Array([1, 2, 3, 4]))).toThrow(/not a JPEG or PNG/)
  })
})

describe('resizing and cropping', () => {
  it('keeps the aspect ratio with the shorter side fixed (MLPerf reference)', () => {
    expect(resizedSize(500, 375, 256)).toEqual({ w: 341, h: 256 })
    expect(resizedSize(375, 500, 256)).toEqual({ w: 256, h: 341 })
  })

  it('averages areas when shrinking and interpolates when enlarging', () => {
    const img = {
      width: 2,
      height: 2,
      rgb: Uint8Array.from([0, 0, 0, 100, 0, 0, 200, 0, 0, 100, 0, 0])
    }
    expect(resizeRgb(img, 1, 1)[0]).toBeCloseTo(100, 5)
    const up = resizeRgb({ width: 2, height: 1, rgb: Uint8Array.from([0, 0, 0, 100, 0, 0]) }, 4, 1)
    expect(Array.from(up.filter((_, i) => i % 3 === 0))).toEqual([0, 25, 75, 100])
  })

  it('produces normalised NCHW and NHWC tensors', () => {
    const bytes = png(40, 30, [200, 100, 50])
    const nchw = new Uint8Array(3 * 8 * 8 * 4)
    preprocessImage(
      bytes,
      { ...DEFAULT_IMAGE_PREPROCESS, resizeShorterSide: 10 },
      { layout: 'NCHW', size: 8, dtype: 'float32' },
      nchw
    )
    const v = f32(nchw)
    expect(v[0]).toBeCloseTo(200 - 123.68, 3)
    expect(v[64]).toBeCloseTo(100 - 116.78, 3)
    expect(v[128]).toBeCloseTo(50 - 103.94, 3)
    const nhwc = new Uint8Array(3 * 8 * 8 * 4)
    const pp = {
      ...DEFAULT_IMAGE_PREPROCESS,
      mean: [0, 0, 0] as [number, number, number],
      std: [255, 255, 255] as [number, number, number]
    }
    preprocessImage(bytes, pp, { layout: 'NHWC', size: 8, dtype: 'float32' }, nhwc)
    expect(Array.from(f32(nhwc).slice(0, 3)).map((x) => Math.round(x * 255))).toEqual([
      200, 100, 50
    ])
  })

  it('centre-crops and supports BGR and uint8 inputs', () => {
    // Pixel (x, y) = rgb(x, y, 0): after a 1:1 resize the crop starts at ((40−8)/2, (30−8)/2).
    const bytes = png(40, 30)
    const out = new Uint8Array(8 * 8 * 3)
    preprocessImage(
      bytes,
      { ...DEFAULT_IMAGE_PREPROCESS, resizeShorterSide: 30 },
      { layout: 'NHWC', size: 8, dtype: 'uint8' },
      out
    )
    expect(Array.from(out.slice(0, 3))).toEqual([16, 11, 0])
    const bgr = new Uint8Array(8 * 8 * 3)
    preprocessImage(
      bytes,
      { ...DEFAULT_IMAGE_PREPROCESS, resizeShorterSide: 30, channelOrder: 'BGR' },
      { layout: 'NHWC', size: 8, dtype: 'uint8' },
      bgr
    )
    expect(Array.from(bgr.slice(0, 3))).toEqual([0, 11, 16])
  })

  it('refuses a resize smaller than the crop', () => {
    const out = new Uint8Array(3 * 8 * 8 * 4)
    expect(() =>
      preprocessImage(
        png(20, 20),
        { ...DEFAULT_IMAGE_PREPROCESS, resizeShorterSide: 4 },
        { layout: 'NCHW', size: 8, dtype: 'float32' },
        out
      )
    ).toThrow(/smaller than the crop/)
  })
})
