/**
 * Benchmark folder name → MLPerf model name, as the submission checker maps it (rules C.1, E.1).
 * Folder names are not normalised across rounds (resnet50, ssd-resnet34, dlrm-v2-99, …) and the
 * open division uses free-form names, so results can only be compared across rounds and
 * submitters through this mapping. Per round, the checker: keeps an official name, applies the
 * round's `model_mapping`, then the submitter's `model_mapping.json` (open division), then a
 * substring guess kept "for backwards compatibility".
 */
import { roundAtLeast } from './round-order'
import { isKnownRound } from './rounds'

/** Official benchmark names per round (checker `models` lists, rules E.1). */
export const ROUND_MODELS: Readonly<Record<string, readonly string[]>> = {
  'v0.5': ['resnet', 'mobilenet', 'ssd-small', 'ssd-large', 'gnmt'],
  'v0.7': [
    'resnet',
    'ssd-small',
    'ssd-large',
    'rnnt',
    'bert-99',
    'bert-99.9',
    'dlrm-99',
    'dlrm-99.9',
    '3d-unet-99',
    '3d-unet-99.9'
  ],
  'v2.1': [
    'resnet',
    'retinanet',
    'rnnt',
    'bert-99',
    'bert-99.9',
    'dlrm-99',
    'dlrm-99.9',
    '3d-unet-99',
    '3d-unet-99.9'
  ],
  'v3.1': [
    'resnet',
    'retinanet',
    'rnnt',
    'bert-99',
    'bert-99.9',
    'dlrm-v2-99',
    'dlrm-v2-99.9',
    '3d-unet-99',
    '3d-unet-99.9',
    'gptj-99',
    'gptj-99.9'
  ],
  'v4.0': [
    'resnet',
    'retinanet',
    'rnnt',
    'bert-99',
    'bert-99.9',
    'dlrm-v2-99',
    'dlrm-v2-99.9',
    '3d-unet-99',
    '3d-unet-99.9',
    'gptj-99',
    'gptj-99.9',
    'llama2-70b-99',
    'llama2-70b-99.9',
    'stable-diffusion-xl'
  ],
  'v4.1': [
    'resnet',
    'retinanet',
    'bert-99',
    'bert-99.9',
    'dlrm-v2-99',
    'dlrm-v2-99.9',
    '3d-unet-99',
    '3d-unet-99.9',
    'gptj-99',
    'gptj-99.9',
    'llama2-70b-99',
    'llama2-70b-99.9',
    'stable-diffusion-xl',
    'mixtral-8x7b'
  ],
  'v5.0': [
    'resnet',
    'retinanet',
    'bert-99',
    'bert-99.9',
    'dlrm-v2-99',
    'dlrm-v2-99.9',
    '3d-unet-99',
    '3d-unet-99.9',
    'gptj-99',
    'gptj-99.9',
    'llama2-70b-99',
    'llama2-70b-99.9',
    'llama2-70b-interactive-99',
    'llama2-70b-interactive-99.9',
    'stable-diffusion-xl',
    'mixtral-8x7b',
    'llama3.1-405b',
    'rgat',
    'pointpainting'
  ],
  'v5.1': [
    'resnet',
    'retinanet',
    'bert-99',
    'bert-99.9',
    'dlrm-v2-99',
    'dlrm-v2-99.9',
    '3d-unet-99',
    '3d-unet-99.9',
    'llama3.1-8b',
    'llama3.1-8b-edge',
    'llama2-70b-99',
    'llama2-70b-99.9',
    'stable-diffusion-xl',
    'mixtral-8x7b',
    'llama3.1-405b',
    'rgat',
    'pointpainting',
    'deepseek-r1',
    'whisper'
  ],
  'v6.0': [
    'resnet',
    'retinanet',
    'bert-99',
    'bert-99.9',
    '3d-unet-99',
    '3d-unet-99.9',
    'llama3.1-8b',
    'llama3.1-8b-edge',
    'llama2-70b-99',
    'llama2-70b-99.9',
    'stable-diffusion-xl',
    'mixtral-8x7b',
    'llama3.1-405b',
    'rgat',
    'pointpainting',
    'deepseek-r1',
    'whisper',
    'gpt-oss-120b',
    'wan-2.2-t2v-a14b',
    'qwen3-vl-235b-a22b',
    'dlrm-v3',
    'yolo-95',
    'yolo-99'
  ],
  'v6.1': [
    'resnet',
    'bert-99',
    'bert-99.9',
    '3d-unet-99',
    '3d-unet-99.9',
    'llama3.1-8b',
    'llama3.1-8b-edge',
    'llama2-70b-99.9',
    'stable-diffusion-xl',
    'rgat',
    'deepseek-r1',
    'whisper',
    'gpt-oss-120b',
    'wan-2.2-t2v-a14b',
    'qwen3-vl-235b-a22b',
    'qwen3.6-27b',
    'dlrm-v3',
    'yolo-95',
    'yolo-99',
    'e2e-rag-qna',
    'e2e-rag-db'
  ]
}

/** The `models` list in force for a round (rounds share lists as in rules E.1); [] when unknown. */
export function roundModels(round: string | null): readonly string[] {
  if (round === null || !isKnownRound('inference', round)) return []
  // Each list holds from its round until the next listed one.
  const from = Object.keys(ROUND_MODELS).filter((r) => roundAtLeast(round, r))
  return ROUND_MODELS[from[from.length - 1] ?? ''] ?? []
}

/** The round's `model_mapping` table (rules C.1). */
export function roundModelMapping(round: string | null): Record<string, string> {
  const map: Record<string, string> = { resnet50: 'resnet' }
  if (round === null || !roundAtLeast(round, 'v2.1')) {
    map['ssd-mobilenet'] = 'ssd-small'
    map['ssd-resnet34'] = 'ssd-large'
  } else {
    map['ssd-resnet34'] = 'retinanet'
  }
  // v0.5 still had MobileNet as a benchmark of its own.
  if (round !== 'v0.5') map['mobilenet'] = 'resnet'
  if (round !== null && roundAtLeast(round, 'v5.0')) {
    map['llama3_1-405b'] = 'llama3.1-405b'
    map['llama3_1-8b'] = 'llama3.1-8b'
    map['llama3_1-8b-edge'] = 'llama3.1-8b-edge'
  }
  return map
}

export type ModelNameResult = {
  model: string
  /** How the name was found, for the detail panel's notes. */
  how: 'official' | 'mapping' | 'submitter-mapping' | 'guess' | 'similar' | 'unmapped'
}

/**
 * Map a benchmark folder name to the MLPerf model name for a round. `extraMapping` is the open
 * division's `model_mapping.json` of the submitter, when present.
 */
export function mlperfModelName(
  benchmark: string,
  round: string | null,
  extraMapping?: Record<string, string> | null
): ModelNameResult {
  const models = roundModels(round)
  if (models.includes(benchmark)) return { model: benchmark, how: 'official' }
  const mapping = roundModelMapping(round)
  const mapped = mapping[benchmark]
  if (mapped) return { model: mapped, how: 'mapping' }
  const extra = extraMapping?.[benchmark]
  if (extra) return { model: mapping[extra] ?? extra, how: 'submitter-mapping' }
  // The checker's backward-compatible substring guess (ordered as it tests them).
  let guess: string | null = null
  const b = benchmark.toLowerCase()
  if (
    round !== null &&
    !roundAtLeast(round, 'v2.1') &&
    /ssdlite|ssd-inception|yolo|ssd-mobilenet|ssd-resnet50|rcnn/.test(b)
  ) {
    guess = 'ssd-small'
  } else if (b.includes('mobilenet') && round === 'v0.5') guess = 'mobilenet'
  else if (b.includes('mobilenet') || b.includes('efficientnet') || b.includes('resnet50'))
    guess = 'resnet'
  else if (b.includes('bert-99.9')) guess = 'bert-99.9'
  else if (b.includes('bert-99')) guess = 'bert-99'
  if (guess !== null) return { model: mapping[guess] ?? guess, how: 'guess' }
  // Beyond the checker: open-division names such as "distilbert_mp" reach the official table
  // through the submitter's model_mapping.json, which a partial copy of a tree may lack. Map
  // by the model family named in the folder, only to a benchmark of the round.
  const similar = similarModel(b, round)
  if (similar !== null && models.includes(similar)) return { model: similar, how: 'similar' }
  return { model: benchmark, how: 'unmapped' }
}

/** The benchmark whose model family the folder name names (e.g. "distilbert_mp" → bert-99). */
function similarModel(b: string, round: string | null): string | null {
  const tight = b.includes('99.9') ? '-99.9' : '-99'
  if (b.includes('bert')) return `bert${tight}`
  if (/llama2[-_]?70b/.test(b)) return `llama2-70b${tight}`
  if (/gpt-?j/.test(b)) return `gptj${tight}`
  if (/3d-?unet|unet-?3d/.test(b)) return `3d-unet${tight}`
  if (b.includes('dlrm'))
    return round !== null && roundAtLeast(round, 'v3.1') ? `dlrm-v2${tight}` : `dlrm${tight}`
  if (b.includes('retinanet')) return 'retinanet'
  if (b.includes('resnet')) return 'resnet'
  if (b.includes('rnnt')) return 'rnnt'
  if (b.includes('mixtral')) return 'mixtral-8x7b'
  if (/stable-?diffusion|sdxl/.test(b)) return 'stable-diffusion-xl'
  return null
}
