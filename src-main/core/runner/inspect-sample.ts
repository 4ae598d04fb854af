/**
 * Run the model on one image or .npy file and show its top classes: the same preprocessing and
 * worker as a run, softmax applied when the output looks like logits, names from an optional
 * labels file (one per line; a 1000-line file on a 1001-class output skips the background class).
 */
import { dirname, extname, resolve } from 'node:path'
import type { ImagePreprocess, InspectResult } from '../../shared/local-run'
import type { Dataset } from './dataset'
import { DEFAULT_IMAGE_PREPROCESS } from './image-preprocess'
import { labelOffset, readLabels } from './labels-file'
import { describeModelInput } from './model-input'
import { createSampleSource } from './sample-source'
import { loadSampleStore } from './sample-store'
import type { WorkerFactory } from './worker-pool'
import { WorkerPool } from './worker-pool'

export type InspectOptions = {
  modelPath: string
  inputPath: string
  createWorker: WorkerFactory
  preprocess?: Partial<ImagePreprocess>
  labelsPath?: string | null
  topK?: number
  executionProvider?: string
}

/** Probabilities: the output itself when it already is a distribution, else its softmax. */
export function toProbabilities(values: Float64Array): {
  probs: Float64Array
  softmaxApplied: boolean
} {
  let sum = 0
  let inRange = true
  for (const v of values) {
    sum += v
    if (v < 0 || v > 1) inRange = false
  }
  if (inRange && Math.abs(sum - 1) < 1e-3) return { probs: values, softmaxApplied: false }
  let max = -Infinity
  for (const v of values) if (v > max) max = v
  const probs = new Float64Array(values.length)
  let z = 0
  for (let i = 0; i < values.length; i++) z += probs[i] = Math.exp(values[i]! - max)
  for (let i = 0; i < probs.length; i++) probs[i]! /= z
  return { probs, softmaxApplied: true }
}

/** Indices of the k largest values, largest first. */
export function topK(values: Float64Array, k: number): number[] {
  return Array.from(values.keys())
    .sort((a, b) => values[b]! - values[a]! || a - b)
    .slice(0, k)
}

export async function inspectSample(o: InspectOptions): Promise<InspectResult> {
  const modelPath = resolve(o.modelPath)
  const inputPath = resolve(o.inputPath)
  const labels = o.labelsPath ? await readLabels(o.labelsPath) : null
  let pool: WorkerPool
  try {
    pool = await WorkerPool.open(
      o.createWorker,
      {
        modelPath,
        executionProvider: o.executionProvider ?? 'cpu',
        intraOpThreads: 0,
        interOpThreads: 0
      },
      1
    )
  } catch (e) {
    throw new Error(
      `Could not load the model ${modelPath}: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e }
    )
  }
  try {
    const input = describeModelInput(pool.inputs, modelPath)
    const ext = extname(inputPath).toLowerCase()
    const dataset: Dataset = {
      root: dirname(inputPath),
      valMapPath: inputPath,
      kind: ext === '.npy' ? 'npy' : 'image',
      entries: [{ file: inputPath, label: 0, line: 1 }]
    }
    const source = await createSampleSource({
      dataset,
      input,
      preprocess: { ...DEFAULT_IMAGE_PREPROCESS, ...o.preprocess },
      modelPath,
      syntheticCount: 1,
      seed: 0n
    })
    const store = await loadSampleStore(source, Uint32Array.of(0), { memoryLimitBytes: 2 ** 31 })
    await pool.setSamples(store)
    const batch = input.fixedBatch ?? 1
    const t0 = process.hrtime.bigint()
    const done = await pool.request(0, Int32Array.of(0), batch, 'output')
    const inferenceMs = Number(done.t - t0) / 1e6
    const { probs, softmaxApplied } = toProbabilities(done.output ?? new Float64Array(0))
    const skipBackground =
      labels !== null && o.labelsPath ? labelOffset(labels, probs.length, o.labelsPath) : 0
    const top = topK(probs, o.topK ?? 5).map((index) => ({
      index,
      label: labels ? (labels[index - skipBackground] ?? null) : null,
      probability: probs[index]!
    }))
    return { inputPath, outputName: pool.outputs[0]?.name ?? '', softmaxApplied, top, inferenceMs }
  } finally {
    await pool.close()
  }
}
