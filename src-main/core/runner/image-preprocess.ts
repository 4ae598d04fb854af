/**
 * Image → input tensor, following the MLPerf ResNet50 reference by default: decode (JPEG via
 * jpeg-js, PNG via pngjs), resize so the shorter side is `resizeShorterSide` with area
 * averaging when shrinking (cv2 INTER_AREA) and bilinear when enlarging, centre crop,
 * `(pixel − mean) / std` per channel, NCHW or NHWC. Integer inputs (uint8/int8) take raw
 * pixels (int8: pixel − 128) since quantised models fold the normalisation in.
 */
import jpeg from 'jpeg-js'
import pngjs from 'pngjs'
import type { ImagePreprocess, TensorLayout } from '../../shared/local-run'
import type { ElementType } from './tensor-types'
import { ELEMENT_BYTES } from './tensor-types'

/** MLPerf ResNet50 reference preprocessing (mean subtraction on 0–255 pixels, no scaling). */
export const DEFAULT_IMAGE_PREPROCESS: ImagePreprocess = {
  resizeShorterSide: null,
  cropSize: null,
  mean: [123.68, 116.78, 103.94],
  std: [1, 1, 1],
  layout: 'auto',
  channelOrder: 'RGB'
}

export type RgbImage = { width: number; height: number; rgb: Uint8Array }

/** Where the preprocessed pixels go. */
export type ImageTarget = { layout: TensorLayout; size: number; dtype: ElementType }

/** Decode a JPEG or PNG (by magic bytes) to packed RGB. Throws with the reason. */
export function decodeImage(bytes: Uint8Array): RgbImage {
  let rgba: Uint8Array
  let width: number
  let height: number
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    // tolerantDecoding would turn a truncated file into a half-grey image instead of an error.
    const img = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      tolerantDecoding: false,
      maxMemoryUsageInMB: 1024
    })
    rgba = img.data
    width = img.width
    height = img.height
  } else if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    const img = pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    rgba = img.data
    width = img.width
    height = img.height
  } else {
    throw new Error('not a JPEG or PNG image')
  }
  if (width <= 0 || height <= 0 || rgba.length < width * height * 4)
    throw new Error('image has no pixels')
  const rgb = new Uint8Array(width * height * 3)
  for (let i = 0, j = 0; j < rgb.length; i += 4, j += 3) {
    rgb[j] = rgba[i]!
    rgb[j + 1] = rgba[i + 1]!
    rgb[j + 2] = rgba[i + 2]!
  }
  return { width, height, rgb }
}

type Taps = { index: Int32Array; weight: Float32Array; start: Int32Array; count: Int32Array }

/** Source taps for each output position along one axis. */
function axisTaps(inN: number, outN: number): Taps {
  const scale = inN / outN
  const index: number[] = []
  const weight: number[] = []
  const start = new Int32Array(outN)
  const count = new Int32Array(outN)
  for (let o = 0; o < outN; o++) {
    start[o] = index.length
    if (scale >= 1) {
      // Area: average the source pixels covered by [o·scale, (o+1)·scale).
      const a = o * scale
      const b = a + scale
      for (let i = Math.floor(a); i < Math.min(inN, Math.ceil(b)); i++) {
        const w = Math.min(b, i + 1) - Math.max(a, i)
        if (w > 1e-9) {
          index.push(i)
          weight.push(w / scale)
        }
      }
    } else {
      const src = Math.min(inN - 1, Math.max(0, (o + 0.5) * scale - 0.5))
      const i0 = Math.floor(src)
      const i1 = Math.min(inN - 1, i0 + 1)
      const f = src - i0
      index.push(i0, i1)
      weight.push(1 - f, f)
    }
    count[o] = index.length - start[o]!
  }
  return { index: Int32Array.from(index), weight: Float32Array.from(weight), start, count }
}

/** Resize packed RGB to outW × outH as float RGB. */
export function resizeRgb(img: RgbImage, outW: number, outH: number): Float32Array {
  const tx = axisTaps(img.width, outW)
  const ty = axisTaps(img.height, outH)
  // Horizontal pass: height × outW.
  const tmp = new Float32Array(img.height * outW * 3)
  for (let y = 0; y < img.height; y++) {
    const row = y * img.width * 3
    for (let x = 0; x < outW; x++) {
      let r = 0
      let g = 0
      let b = 0
      for (let k = tx.start[x]!, e = k + tx.count[x]!; k < e; k++) {
        const p = row + tx.index[k]! * 3
        const w = tx.weight[k]!
        r += img.rgb[p]! * w
        g += img.rgb[p + 1]! * w
        b += img.rgb[p + 2]! * w
      }
      const o = (y * outW + x) * 3
      tmp[o] = r
      tmp[o + 1] = g
      tmp[o + 2] = b
    }
  }
  const out = new Float32Array(outH * outW * 3)
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      let r = 0
      let g = 0
      let b = 0
      for (let k = ty.start[y]!, e = k + ty.count[y]!; k < e; k++) {
        const p = (ty.index[k]! * outW + x) * 3
        const w = ty.weight[k]!
        r += tmp[p]! * w
        g += tmp[p + 1]! * w
        b += tmp[p + 2]! * w
      }
      const o = (y * outW + x) * 3
      out[o] = r
      out[o + 1] = g
      out[o + 2] = b
    }
  }
  return out
}

/** Size after resizing so the shorter side is `shorter` (MLPerf reference: long side truncated). */
export function resizedSize(
  width: number,
  height: number,
  shorter: number
): { w: number; h: number } {
  if (height > width) return { w: shorter, h: Math.floor((shorter * height) / width) }
  return { w: Math.floor((shorter * width) / height), h: shorter }
}

/** IEEE half-precision bits of a float (round to nearest even). */
function toHalf(v: number): number {
  const f = new Float32Array([v])
  const x = new Uint32Array(f.buffer)[0]!
  const sign = (x >>> 16) & 0x8000
  const exp = ((x >>> 23) & 0xff) - 127 + 15
  let mant = x & 0x7fffff
  if (exp >= 31) return sign | 0x7c00 | (((x >>> 23) & 0xff) === 0xff && mant !== 0 ? 0x200 : 0)
  if (exp <= 0) {
    if (exp < -10) return sign
    mant |= 0x800000
    const shift = 14 - exp
    const half = mant >> shift
    const rem = mant & ((1 << shift) - 1)
    const mid = 1 << (shift - 1)
    return sign | (half + (rem > mid || (rem === mid && half & 1) ? 1 : 0))
  }
  const rem = mant & 0x1fff
  mant >>= 13
  const h = sign | (exp << 10) | mant
  return rem > 0x1000 || (rem === 0x1000 && mant & 1) ? h + 1 : h
}

/** Full preprocessing of an encoded image into `out` (sample bytes of the target dtype). */
export function preprocessImage(
  bytes: Uint8Array,
  pp: ImagePreprocess,
  target: ImageTarget,
  out: Uint8Array
): void {
  const img = decodeImage(bytes)
  const crop = target.size
  const shorter = pp.resizeShorterSide ?? Math.round(crop / 0.875)
  if (shorter < crop) throw new Error(`resize size ${shorter} is smaller than the crop ${crop}`)
  const { w, h } = resizedSize(img.width, img.height, shorter)
  const resized = resizeRgb(img, w, h)
  const left = Math.floor((w - crop) / 2)
  const top = Math.floor((h - crop) / 2)
  const bgr = pp.channelOrder === 'BGR'
  const elem = ELEMENT_BYTES[target.dtype]
  if (out.byteLength !== crop * crop * 3 * elem)
    throw new Error('sample buffer size does not match the crop')
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength)
  const plane = crop * crop
  for (let y = 0; y < crop; y++) {
    for (let x = 0; x < crop; x++) {
      const src = ((top + y) * w + left + x) * 3
      for (let c = 0; c < 3; c++) {
        // Output channel c takes RGB channel c, or the reverse for BGR; mean/std follow the source channel.
        const sc = bgr ? 2 - c : c
        const pixel = resized[src + sc]!
        const i = target.layout === 'NCHW' ? c * plane + y * crop + x : (y * crop + x) * 3 + c
        const value = (pixel - pp.mean[sc]!) / pp.std[sc]!
        switch (target.dtype) {
          case 'float32':
            view.setFloat32(i * 4, value, true)
            break
          case 'float64':
            view.setFloat64(i * 8, value, true)
            break
          case 'float16':
            view.setUint16(i * 2, toHalf(value), true)
            break
          case 'uint8':
            view.setUint8(i, Math.min(255, Math.max(0, Math.round(pixel))))
            break
          case 'int8':
            view.setInt8(i, Math.min(127, Math.max(-128, Math.round(pixel) - 128)))
            break
          default:
            throw new Error(`image inputs of type ${target.dtype} are not supported`)
        }
      }
    }
  }
}
