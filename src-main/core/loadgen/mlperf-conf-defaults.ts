/**
 * The official mlperf.conf as compiled into LoadGen (v6.1 snapshot, rules A.5), in its own
 * syntax so the same parser reads it and user.conf. Only data lines; the values are copied
 * from the MLCommons inference repository's loadgen/mlperf.conf. The seeds are the newest
 * round's, from the rulebook (src-main/mlperf/inference-seeds.ts).
 */
import { latestRound, latestSeeds } from '../../mlperf'
import type { ConfEntries } from './config'
import { lookupConf, parseConf } from './config'

/** Benchmarks (mlperf.conf model names) with per-model entries, in table order. */
export const MLPERF_CONF_MODELS: readonly string[] = [
  'resnet50',
  'ssd-mobilenet',
  'retinanet',
  'bert',
  'dlrm',
  'dlrm-v2',
  'dlrm-v3',
  'rnnt',
  '3d-unet',
  'gptj',
  'llama2-70b',
  'llama2-70b-interactive',
  'mixtral-8x7b',
  'llama3_1-405b',
  'llama3_1-405b-interactive',
  'llama3_1-8b',
  'llama3_1-8b-interactive',
  'llama3_1-8b-edge',
  'deepseek-r1',
  'deepseek-r1-interactive',
  'gpt-oss-120b',
  'gpt-oss-120b-interactive',
  'whisper',
  'qwen3-vl-235b-a22b',
  'stable-diffusion-xl',
  'wan-2.2-t2v-a14b',
  'rgat',
  'pointpainting',
  'yolo'
]

const PERFORMANCE_SAMPLE_COUNT: Record<string, number> = {
  resnet50: 1024,
  'ssd-mobilenet': 256,
  retinanet: 64,
  bert: 10833,
  dlrm: 204800,
  'dlrm-v2': 204800,
  rnnt: 2513,
  '3d-unet': 0,
  gptj: 13368,
  'llama2-70b': 24576,
  'llama2-70b-interactive': 24576,
  'mixtral-8x7b': 15000,
  'llama3_1-405b': 8313,
  'llama3_1-405b-interactive': 8313,
  'llama3_1-8b': 13368,
  'llama3_1-8b-interactive': 13368,
  'llama3_1-8b-edge': 5000,
  'deepseek-r1': 4388,
  'deepseek-r1-interactive': 4388,
  'gpt-oss-120b': 6396,
  'gpt-oss-120b-interactive': 6396,
  whisper: 1633,
  'qwen3-vl-235b-a22b': 48289,
  'stable-diffusion-xl': 5000,
  'wan-2.2-t2v-a14b': 248,
  rgat: 788379,
  pointpainting: 1024,
  yolo: 64
}

const OFFLINE_MIN_QUERY_COUNT: Record<string, number> = {
  resnet50: 24576,
  retinanet: 24576,
  bert: 10833,
  'dlrm-v2': 24576,
  rnnt: 2513,
  '3d-unet': 43,
  gptj: 13368,
  'llama2-70b': 24576,
  'mixtral-8x7b': 15000,
  'llama3_1-405b': 8313,
  'llama3_1-8b': 13368,
  'llama3_1-8b-edge': 5000,
  'deepseek-r1': 4388,
  whisper: 1633,
  'qwen3-vl-235b-a22b': 48289,
  'stable-diffusion-xl': 5000,
  'wan-2.2-t2v-a14b': 248,
  rgat: 788379
}

/** Server latency bound in ms; token-latency LLMs have 0 plus TTFT/TPOT limits. */
const SERVER_TARGET_LATENCY_MS: Record<string, number> = {
  resnet50: 15,
  retinanet: 100,
  bert: 130,
  dlrm: 60,
  'dlrm-v2': 60,
  'dlrm-v3': 80,
  rnnt: 1000,
  gptj: 20000,
  'qwen3-vl-235b-a22b': 12000,
  'stable-diffusion-xl': 20000
}

/** TTFT / TPOT limits (ms) of token-latency benchmarks in the Server scenario. */
const TOKEN_LIMITS_MS: Record<string, [number, number]> = {
  'llama2-70b': [2000, 200],
  'llama2-70b-interactive': [450, 40],
  'mixtral-8x7b': [2000, 200],
  'llama3_1-405b': [6000, 175],
  'llama3_1-405b-interactive': [4500, 80],
  'llama3_1-8b': [2000, 100],
  'llama3_1-8b-interactive': [500, 30],
  'deepseek-r1': [2000, 80],
  'deepseek-r1-interactive': [1500, 15],
  'gpt-oss-120b': [3000, 80],
  'gpt-oss-120b-interactive': [2000, 15]
}

const EQUAL_ISSUE = [
  '3d-unet',
  'rgat',
  'gptj',
  'llama2-70b',
  'llama2-70b-interactive',
  'mixtral-8x7b',
  'llama3_1-405b',
  'llama3_1-405b-interactive',
  'llama3_1-8b',
  'llama3_1-8b-edge',
  'llama3_1-8b-interactive',
  'deepseek-r1',
  'deepseek-r1-interactive',
  'gpt-oss-120b',
  'gpt-oss-120b-interactive',
  'whisper'
]

const TOKEN_LATENCIES = [
  'llama2-70b',
  'llama2-70b-interactive',
  'mixtral-8x7b',
  'llama3_1-405b',
  'llama3_1-405b-interactive',
  'llama3_1-8b',
  'llama3_1-8b-edge',
  'llama3_1-8b-interactive',
  'deepseek-r1',
  'deepseek-r1-interactive',
  'gpt-oss-120b',
  'gpt-oss-120b-interactive',
  'whisper'
]

function buildConf(): string {
  const l: string[] = [`# Built-in mlperf.conf (${latestRound('inference')} snapshot)`]
  for (const [m, v] of Object.entries(PERFORMANCE_SAMPLE_COUNT)) {
    l.push(`${m}.*.performance_sample_count_override = ${v}`)
  }
  l.push('gpt-oss-120b.*.accuracy_sample_count_override = 4395')
  l.push('gpt-oss-120b-interactive.*.accuracy_sample_count_override = 4395')
  const seeds = latestSeeds()
  l.push(
    `*.*.qsl_rng_seed = ${seeds.qsl}`,
    `*.*.sample_index_rng_seed = ${seeds.sampleIndex}`,
    `*.*.schedule_rng_seed = ${seeds.schedule}`,
    '*.SingleStream.target_latency_percentile = 90',
    'pointpainting.SingleStream.target_latency_percentile = 99.9',
    '*.SingleStream.min_duration = 600000',
    '*.MultiStream.target_latency_percentile = 99',
    '*.MultiStream.samples_per_query = 8',
    '*.MultiStream.min_duration = 600000',
    '*.MultiStream.min_query_count = 662',
    'retinanet.MultiStream.target_latency = 528'
  )
  for (const m of EQUAL_ISSUE) l.push(`${m}.*.sample_concatenate_permutation = 1`)
  l.push(
    '*.Server.target_latency = 10',
    '*.Server.target_latency_percentile = 99',
    '*.Server.target_duration = 0',
    '*.Server.min_duration = 600000'
  )
  for (const [m, v] of Object.entries(SERVER_TARGET_LATENCY_MS))
    l.push(`${m}.Server.target_latency = ${v}`)
  for (const m of TOKEN_LATENCIES) l.push(`${m}.*.use_token_latencies = 1`)
  l.push('gptj.*.infer_token_latencies = 1', 'gptj.*.token_latency_scaling_factor = 69')
  for (const [m, [ttft, tpot]] of Object.entries(TOKEN_LIMITS_MS)) {
    l.push(
      `${m}.Server.target_latency = 0`,
      `${m}.Server.ttft_latency = ${ttft}`,
      `${m}.Server.tpot_latency = ${tpot}`
    )
  }
  l.push('*.Offline.target_latency_percentile = 90', '*.Offline.min_duration = 600000')
  for (const [m, v] of Object.entries(OFFLINE_MIN_QUERY_COUNT))
    l.push(`${m}.Offline.min_query_count = ${v}`)
  l.push(
    '# These fields should be defined and overridden by user.conf.',
    '*.SingleStream.target_latency = 10',
    '*.MultiStream.target_latency = 80',
    '*.Server.target_qps = 1.0',
    '*.Offline.target_qps = 1.0'
  )
  return l.join('\n') + '\n'
}

/** The built-in mlperf.conf text. */
export const MLPERF_CONF = buildConf()

let parsed: ConfEntries | null = null

/** A numeric setting of the built-in mlperf.conf with LoadGen's lookup precedence, or null. */
export function mlperfConfSetting(model: string, scenario: string, key: string): number | null {
  parsed ??= parseConf(MLPERF_CONF).entries
  const v = lookupConf(parsed, model, scenario, key)
  return v === undefined ? null : Number(v)
}
