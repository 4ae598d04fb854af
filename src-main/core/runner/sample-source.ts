/**
 * Where the samples of a run come from (LoadGen's QSL): a dataset of images or .npy arrays, or
 * synthetic data. Decides the per-sample shape against the model input and loads one sample
 * into a byte slot, failing with the file name and reason.
 */
import { readFile } from 'node:fs/promises'
import type { ImagePreprocess, TensorLayout } from '../../shared/local-run'
import type { Dataset } from './dataset'
import { DatasetError, entryName, entryPath } from './dataset'
import { preprocessImage } from './image-preprocess'
import type { ModelInput } from './model-input'
import { formatShape, imageLayout } from './model-input'
import { parseNpy, parseNpyHeader } from './npy'
import { fillSynthetic, syntheticDims } from './synthetic'
import type { ElementType } from './tensor-types'
import { ELEMENT_BYTES } from './tensor-types'

export type SampleSource = {
  /** QSL total sample count. */
  total: number
  /** Per-sample dimensions and element type fed to the model. */
  dims: number[]
  dtype: ElementType
  /** Bytes of one sample. */
  sampleBytes: number
  /** val_map labels, or null for synthetic data. */
  labels: Int32Array | null
  /** Human-readable description for logs ("images, NCHW 3×224×224", "synthetic"). */
  description: string
  name(i: number): string
  load(i: number, out: Uint8Array): Promise<void>
}

/** Sample dims with leading 1s removed (a .npy of shape [1,3,224,224] feeds a [N,3,224,224] model). */
function stripLeadingOnes(shape: number[], rank: number): number[] {
  const s = shape.slice()
  while (s.length > rank && s[0] === 1) s.shift()
  return s
}

function dimsMatch(model: (number | null)[], data: number[]): boolean {
  return model.length === data.length && model.every((d, i) => d === null || d === data[i])
}

function imageSource(
  ds: Dataset,
  input: ModelInput,
  pp: ImagePreprocess,
  modelPath: string
): SampleSource {
  const modelLayout = imageLayout(input)
  const layout: TensorLayout | null = pp.layout === 'auto' ? modelLayout : pp.layout
  if (layout === null || (modelLayout !== null && modelLayout !== layout)) {
    throw new DatasetError(
      ds.root,
      `the model input '${input.name}' ${formatShape(input.shape)} of ${modelPath} does not take ${pp.layout === 'auto' ? '3-channel images (NCHW or NHWC)' : `${pp.layout} images`}`
    )
  }
  const [h, w] =
    layout === 'NCHW'
      ? [input.sampleDims[1], input.sampleDims[2]]
      : [input.sampleDims[0], input.sampleDims[1]]
  const size = pp.cropSize ?? h ?? w ?? 224
  if (
    (h !== null && h !== undefined && h !== size) ||
    (w !== null && w !== undefined && w !== size)
  ) {
    throw new DatasetError(
      ds.root,
      `crop size ${size} does not fit the model input '${input.name}' ${formatShape(input.shape)}`
    )
  }
  if (!['float32', 'float64', 'float16', 'uint8', 'int8'].includes(input.dtype)) {
    throw new DatasetError(ds.root, `image datasets cannot feed an input of type ${input.dtype}`)
  }
  const dims = layout === 'NCHW' ? [3, size, size] : [size, size, 3]
  const sampleBytes = 3 * size * size * ELEMENT_BYTES[input.dtype]
  return {
    total: ds.entries.length,
    dims,
    dtype: input.dtype,
    sampleBytes,
    labels: Int32Array.from(ds.entries.map((e) => e.label)),
    description: `images preprocessed to ${layout} ${dims.join('×')} ${input.dtype}`,
    name: (i) => entryName(ds, i),
    async load(i, out) {
      const path = entryPath(ds, i)
      let bytes: Uint8Array
      try {
        bytes = await readFile(path)
      } catch (e) {
        throw new DatasetError(
          path,
          `cannot be read (${e instanceof Error ? e.message : String(e)})`
        )
      }
      try {
        preprocessImage(bytes, pp, { layout, size, dtype: input.dtype }, out)
      } catch (e) {
        throw new DatasetError(
          path,
          `is not a valid image: ${e instanceof Error ? e.message : String(e)}`
        )
      }
    }
  }
}

async function npySource(ds: Dataset, input: ModelInput): Promise<SampleSource> {
  const firstPath = entryPath(ds, 0)
  let header: { shape: number[]; descr: string }
  try {
    header = parseNpyHeader(await readFile(firstPath))
  } catch (e) {
    throw new DatasetError(firstPath, e instanceof Error ? e.message : String(e))
  }
  const dims = stripLeadingOnes(header.shape, input.sampleDims.length)
  if (!dimsMatch(input.sampleDims, dims)) {
    throw new DatasetError(
      firstPath,
      `shape ${formatShape(header.shape)} does not fit the model input '${input.name}' ${formatShape(input.shape)}`
    )
  }
  const sampleBytes = dims.reduce((a, b) => a * b, 1) * ELEMENT_BYTES[input.dtype]
  return {
    total: ds.entries.length,
    dims,
    dtype: input.dtype,
    sampleBytes,
    labels: Int32Array.from(ds.entries.map((e) => e.label)),
    description: `.npy arrays ${dims.join('×')} ${input.dtype}`,
    name: (i) => entryName(ds, i),
    async load(i, out) {
      const path = entryPath(ds, i)
      let arr
      try {
        arr = parseNpy(await readFile(path))
      } catch (e) {
        throw new DatasetError(path, e instanceof Error ? e.message : String(e))
      }
      if (arr.dtype !== input.dtype) {
        throw new DatasetError(
          path,
          `has dtype ${arr.dtype} but the model input '${input.name}' is ${input.dtype}`
        )
      }
      const shape = stripLeadingOnes(arr.shape, dims.length)
      if (shape.length !== dims.length || shape.some((d, k) => d !== dims[k])) {
        throw new DatasetError(
          path,
          `shape ${formatShape(arr.shape)} differs from ${formatShape(dims)} (the first file's shape); all samples must have the same shape`
        )
      }
      out.set(arr.data)
    }
  }
}

function synthetic(input: ModelInput, count: number, seed: bigint): SampleSource {
  const dims = syntheticDims(input.sampleDims, input.name, null)
  const sampleBytes = dims.reduce((a, b) => a * b, 1) * ELEMENT_BYTES[input.dtype]
  return {
    total: count,
    dims,
    dtype: input.dtype,
    sampleBytes,
    labels: null,
    description: `synthetic ${dims.join('×')} ${input.dtype}`,
    name: (i) => `synthetic sample ${i}`,
    load(i, out) {
      fillSynthetic(input.dtype, out, seed, i)
      return Promise.resolve()
    }
  }
}

/** Build the source for a run. */
export async function createSampleSource(opts: {
  dataset: Dataset | null
  input: ModelInput
  preprocess: ImagePreprocess
  modelPath: string
  syntheticCount: number
  seed: bigint
}): Promise<SampleSource> {
  const { dataset, input } = opts
  if (dataset === null) return synthetic(input, Math.max(1, opts.syntheticCount), opts.seed)
  if (dataset.kind === 'npy') return npySource(dataset, input)
  return imageSource(dataset, input, opts.preprocess, opts.modelPath)
}
