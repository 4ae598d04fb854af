/**
 * How many runs each training benchmark needs and how many the olympic average drops (rules D.4,
 * mlperf_logging benchmark_meta.py and result_summarizer.py). The summarizer itself never checks
 * the number of files: it scores whatever result_*.txt it finds. We do the same and only report
 * a mismatch, so that scores stay identical to the official ones.
 */

/** Result files required per benchmark (rules D.4). */
export const RESULT_FILE_COUNTS: Readonly<Record<string, number>> = {
  bert: 10,
  dlrm: 5,
  dlrm_dcnv2: 10,
  gnmt: 10,
  gpt3: 3,
  maskrcnn: 5,
  minigo: 10,
  resnet: 5,
  ssd: 5,
  retinanet: 5,
  stable_diffusion: 10,
  transformer: 10,
  // The 2019 rules said "run 100, use the first 50 that converge" for recommendation; the
  // logging package says 10.
  ncf: 10,
  rnnt: 10,
  unet3d: 40,
  gnn: 10,
  rgat: 10,
  llama2_70b_lora: 10,
  llama31_405b: 3,
  llama31_8b: 10,
  flux1: 10,
  gpt_oss_20b: 10,
  deepseekv3_671b: 3,
  qwen35_397b_grpo: 3
}

/** Runs required, or null for a benchmark we do not know. */
export function runsRequired(benchmark: string): number | null {
  return RESULT_FILE_COUNTS[benchmark] ?? null
}

/**
 * Runs dropped at each end of the olympic average, and the number of non-converged runs
 * tolerated: 4 for unet3d (40 runs), 1 for every other benchmark. With 3 runs (gpt3, llama31_405b,
 * deepseekv3_671b, qwen35_397b_grpo) dropping one at each end leaves the median.
 */
export function olympicDropCount(benchmark: string): number {
  return benchmark === 'unet3d' ? 4 : 1
}

/** Benchmarks allowed per round (rules D.6 and benchmark_meta.py; v0.5 from the rules text). */
export const ALLOWED_BENCHMARKS: Readonly<Record<string, readonly string[]>> = {
  'v0.5': ['resnet', 'ssd', 'maskrcnn', 'gnmt', 'transformer', 'ncf', 'minigo'],
  'v0.6': ['resnet', 'ssd', 'maskrcnn', 'gnmt', 'transformer', 'ncf', 'minigo'],
  'v0.7': ['bert', 'dlrm', 'gnmt', 'maskrcnn', 'minigo', 'resnet', 'ssd', 'transformer'],
  'v1.0': ['bert', 'dlrm', 'maskrcnn', 'minigo', 'resnet', 'ssd', 'rnnt', 'unet3d'],
  'v1.1': ['bert', 'dlrm', 'maskrcnn', 'minigo', 'resnet', 'ssd', 'rnnt', 'unet3d'],
  'v2.0': ['bert', 'dlrm', 'maskrcnn', 'minigo', 'resnet', 'ssd', 'rnnt', 'unet3d'],
  'v2.1': ['bert', 'dlrm', 'maskrcnn', 'minigo', 'resnet', 'ssd', 'rnnt', 'unet3d'],
  'v3.0': ['bert', 'dlrm_dcnv2', 'gpt3', 'maskrcnn', 'resnet', 'ssd', 'rnnt', 'unet3d'],
  'v3.1': [
    'bert',
    'dlrm_dcnv2',
    'gpt3',
    'maskrcnn',
    'resnet',
    'ssd',
    'rnnt',
    'unet3d',
    'stable_diffusion'
  ],
  'v4.0': [
    'bert',
    'dlrm_dcnv2',
    'gpt3',
    'resnet',
    'ssd',
    'unet3d',
    'stable_diffusion',
    'llama2_70b_lora',
    'gnn'
  ],
  'v4.1': ['bert', 'dlrm_dcnv2', 'gpt3', 'ssd', 'stable_diffusion', 'llama2_70b_lora', 'gnn'],
  'v5.0': [
    'bert',
    'dlrm_dcnv2',
    'retinanet',
    'stable_diffusion',
    'llama2_70b_lora',
    'rgat',
    'llama31_405b'
  ],
  'v5.1': [
    'llama31_8b',
    'dlrm_dcnv2',
    'retinanet',
    'flux1',
    'llama2_70b_lora',
    'rgat',
    'llama31_405b'
  ],
  'v6.0': [
    'llama31_8b',
    'dlrm_dcnv2',
    'flux1',
    'llama2_70b_lora',
    'llama31_405b',
    'gpt_oss_20b',
    'deepseekv3_671b'
  ],
  'v6.1': [
    'llama31_8b',
    'flux1',
    'llama2_70b_lora',
    'gpt_oss_20b',
    'deepseekv3_671b',
    'qwen35_397b_grpo'
  ]
}

/** Benchmarks of a round (the summary columns of that round); empty for an unknown round. */
export function allowedBenchmarks(round: string): string[] {
  return [...(ALLOWED_BENCHMARKS[round] ?? [])]
}

/** Every benchmark key any round used (to recognise benchmark folder names). */
export function knownBenchmarks(): string[] {
  return Object.keys(RESULT_FILE_COUNTS)
}

/** The summarizer's only benchmark alias: a folder named "mask" is maskrcnn. */
export function benchmarkAlias(name: string): string {
  return name === 'mask' ? 'maskrcnn' : name
}

/** Unit of a training power submission's energy (result_summarizer reports joules). */
export const TRAINING_ENERGY_UNIT = 'Joules'
