/**
 * Where an inference benchmark changed without changing its name, and which benchmarks replaced
 * others (rules C.3, E.1, E.2; MLPerf results guidelines: "comparisons must be made between
 * results of the same benchmark and scenario from compatible versions"). The charts read this to
 * say which results MLCommons does not consider comparable.
 */

/** A benchmark's definitions: a new entry starts at the round where something changed. */
export type BenchmarkDefinition = { from: string; change?: string }

/** Keyed by benchmark family (the MLPerf model name without its -99 / -99.9 variant). */
export const BENCHMARK_DEFINITIONS: Readonly<Record<string, readonly BenchmarkDefinition[]>> = {
  '3d-unet': [
    { from: 'v0.7' },
    { from: 'v2.0', change: 'the dataset changed from BraTS 2019 to KiTS 2019 in v2.0' },
    {
      from: 'v2.1',
      change: 'the quality target changed in v2.1 (reference DICE 0.86331 → 0.86170)'
    }
  ],
  'mixtral-8x7b': [
    { from: 'v4.1' },
    {
      from: 'v5.0',
      change: 'the accuracy targets and the tokens-per-sample reference changed in v5.0'
    }
  ]
}

/** Benchmarks that replaced another; never paired, and said so when both are in a chart. */
export const BENCHMARK_SUCCESSORS: readonly { from: string; to: string; why: string }[] = [
  {
    from: 'dlrm',
    to: 'dlrm-v2',
    why: 'DLRM was replaced by DLRMv2 (new model, synthetic multi-hot dataset) in v3.1'
  },
  { from: 'dlrm-v2', to: 'dlrm-v3', why: 'DLRMv3 is a new recommendation model (v6.0)' },
  {
    from: 'ssd-large',
    to: 'retinanet',
    why: 'SSD-ResNet34 (COCO) was replaced by RetinaNet (OpenImages) in v2.1'
  },
  {
    from: 'llama2-70b',
    to: 'llama2-70b-interactive',
    why: 'the Interactive variant has tighter latency limits than Server'
  }
]
