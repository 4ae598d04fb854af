/**
 * What each MLPerf inference benchmark is, as far as a local run needs to know: its task, what
 * its reference harness writes to mlperf_log_accuracy.json for each sample (so the reference
 * accuracy script scores the app's log), and the hints that suggest it for a model (file name,
 * input shape). The mlperf.conf model names come from mlperf-conf-defaults.ts.
 *
 * Accuracy-log encodings, from the MLCommons inference repository:
 * - image classification (resnet50): vision/classification_and_detection/python/main.py sends
 *   `np.array(processed_results[idx], np.float32).tobytes()`, where the ArgMax post-processing
 *   has already shifted the class into the val_map label space (PostProcessArgMax/Common
 *   `offset`); tools/accuracy-imagenet.py reads it back with `np.frombuffer(bytes.fromhex(data),
 *   float32)` (its default `--dtype`), takes `int(data[0])`, compares with the val_map label of
 *   `qsl_idx` and ignores repeated qsl_idx.
 * The app's runner produces class ids only (argmax of the first output), so accuracy mode is
 * offered where the reference harness writes a class id; the other benchmarks' harnesses write
 * boxes, tokens or tensors this app does not produce.
 */
import type { ModelInput } from './model-input'
import { MLPERF_CONF_MODELS } from '../loadgen/mlperf-conf-defaults'

/** How one sample's result is written as the accuracy log's `data` hex. */
export type AccuracyEncoding = {
  /** Element type of the bytes, as numpy names it for the scorer's --dtype. */
  dtype: 'float32'
  /** What the value is, in plain words. */
  meaning: string
  /** The reference scorer that reads it (path in mlcommons/inference). */
  scorer: string
  /** Hex of one class id (already in the val_map label space). */
  encode(classId: number): string
}

export type BenchmarkTask =
  | 'image classification'
  | 'object detection'
  | 'language'
  | 'recommendation'
  | 'speech'
  | 'medical imaging'
  | 'text to image'
  | 'text to video'
  | 'graph'
  | 'lidar detection'

export type BenchmarkDef = {
  /** mlperf.conf model name. */
  name: string
  task: BenchmarkTask
  /** Null: the app cannot produce what this benchmark's accuracy script reads. */
  accuracy: AccuracyEncoding | null
}

/** Uppercase hex of a little-endian float32, as numpy's tobytes() then LoadGen's hex dump. */
export function float32LeHex(v: number): string {
  const b = new Uint8Array(4)
  new DataView(b.buffer).setFloat32(0, v, true)
  let s = ''
  for (const x of b) s += x.toString(16).toUpperCase().padStart(2, '0')
  return s
}

const CLASS_FLOAT32: AccuracyEncoding = {
  dtype: 'float32',
  meaning: 'top-1 class id in the val_map label space, as float32',
  scorer: 'vision/classification_and_detection/tools/accuracy-imagenet.py',
  encode: float32LeHex
}

const TASKS: Record<string, BenchmarkTask> = {
  resnet50: 'image classification',
  'ssd-mobilenet': 'object detection',
  retinanet: 'object detection',
  yolo: 'object detection',
  bert: 'language',
  gptj: 'language',
  whisper: 'speech',
  rnnt: 'speech',
  dlrm: 'recommendation',
  'dlrm-v2': 'recommendation',
  'dlrm-v3': 'recommendation',
  '3d-unet': 'medical imaging',
  'stable-diffusion-xl': 'text to image',
  'wan-2.2-t2v-a14b': 'text to video',
  rgat: 'graph',
  pointpainting: 'lidar detection'
}

/** Every benchmark of the built-in mlperf.conf; LLMs (llama…, mixtral…, deepseek…) are language. */
export const BENCHMARKS: readonly BenchmarkDef[] = MLPERF_CONF_MODELS.map((name) => ({
  name,
  task: TASKS[name] ?? 'language',
  accuracy: name === 'resnet50' ? CLASS_FLOAT32 : null
}))

export function benchmarkDef(name: string): BenchmarkDef | null {
  return BENCHMARKS.find((b) => b.name === name) ?? null
}

/** Why accuracy mode cannot run for a benchmark, or null when it can. */
export function accuracyUnsupported(name: string): string | null {
  const def = benchmarkDef(name)
  if (def?.accuracy) return null
  const supported = BENCHMARKS.filter((b) => b.accuracy)
    .map((b) => b.name)
    .join(', ')
  return (
    `Accuracy mode writes what the benchmark's reference harness writes, so its accuracy script can score the log; ` +
    `for ${name} (${def?.task ?? 'unknown task'}) that is output this app does not produce. ` +
    `Accuracy runs are available for ${supported} (top-1 class ids).`
  )
}

/** A suggested benchmark and why. */
export type BenchmarkSuggestion = { benchmark: string | null; reason: string }

/** File-name patterns of MLPerf models, most specific first. */
const NAME_HINTS: [RegExp, string][] = [
  [/ssd[-_]?mobilenet|mobilenet[-_]?ssd/i, 'ssd-mobilenet'],
  [/retinanet/i, 'retinanet'],
  [/yolo/i, 'yolo'],
  [/resnet[-_]?50|resnet/i, 'resnet50'],
  [/bert/i, 'bert'],
  [/gpt[-_]?j/i, 'gptj'],
  [/whisper/i, 'whisper'],
  [/rnn[-_]?t/i, 'rnnt'],
  [/dlrm/i, 'dlrm-v2'],
  [/3d[-_]?unet|unet[-_]?3d|kits/i, '3d-unet'],
  [/stable[-_]?diffusion|sdxl/i, 'stable-diffusion-xl'],
  [/r[-_]?gat/i, 'rgat'],
  [/pointpainting/i, 'pointpainting']
]

function fromName(fileName: string): string | null {
  for (const [re, b] of NAME_HINTS) if (re.test(fileName)) return b
  return null
}

/** The benchmark an input shape looks like, with the reason in plain words. */
function fromShape(input: ModelInput): { benchmark: string; why: string } | null {
  const d = input.sampleDims
  const shape = `[${input.shape.map(String).join(', ')}]`
  if (d.length === 3 && (d[0] === 3 || d[2] === 3)) {
    const side = d[0] === 3 ? d[1] : d[0]
    if (side === 224)
      return {
        benchmark: 'resnet50',
        why: `the input ${shape} is a 224×224 image, the size of MLPerf's image-classification benchmark (resnet50)`
      }
    if (side === 800)
      return { benchmark: 'retinanet', why: `the input ${shape} is an 800×800 image (retinanet)` }
    if (side === 300)
      return {
        benchmark: 'ssd-mobilenet',
        why: `the input ${shape} is a 300×300 image (ssd-mobilenet)`
      }
    if (side === 640)
      return { benchmark: 'yolo', why: `the input ${shape} is a 640×640 image (yolo)` }
  }
  if (d.length === 4)
    return { benchmark: '3d-unet', why: `the input ${shape} is a volume (3d-unet)` }
  if (d.length === 1 && d[0] === 384 && (input.dtype === 'int64' || input.dtype === 'int32'))
    return { benchmark: 'bert', why: `the input ${shape} is a 384-token sequence (bert)` }
  return null
}

/**
 * Suggest the benchmark a model stands for from its file name and input shape. A suggestion
 * only: the user chooses (a MobileNet classifier is not ResNet-50, but resnet50 is the
 * image-classification benchmark its results are compared with).
 */
export function suggestBenchmark(fileName: string, input: ModelInput | null): BenchmarkSuggestion {
  const byName = fromName(fileName)
  const byShape = input ? fromShape(input) : null
  if (byName && byShape && byName === byShape.benchmark) {
    return { benchmark: byName, reason: `The file name ${fileName} and ${byShape.why}.` }
  }
  if (byName && (!byShape || byShape.benchmark !== byName)) {
    return {
      benchmark: byName,
      reason:
        `The file name ${fileName} names ${byName}` + (byShape ? `, although ${byShape.why}.` : '.')
    }
  }
  if (byShape) {
    return {
      benchmark: byShape.benchmark,
      reason: `${byShape.why.charAt(0).toUpperCase()}${byShape.why.slice(1)}; ${fileName} is not named after an MLPerf model, so check that ${byShape.benchmark} is what it should be compared with.`
    }
  }
  return {
    benchmark: null,
    reason: `Neither the file name ${fileName} nor the input shape${input ? ` [${input.shape.map(String).join(', ')}]` : ''} matches an MLPerf benchmark; choose the one the model stands for.`
  }
}
