/**
 * Quality targets per training round × benchmark (rules D.6), with the metric direction. A run
 * converges only when one eval_accuracy reaches its target, so these numbers decide which runs
 * count in the official score.
 *
 * Values are on the scale the logs of that round use: BLEU points (24.0) in v0.5/v0.6 logs,
 * a fraction (0.25) from v0.7, where the logging package's checkers compare `v['value']`
 * directly. The checker of each round is the authority (v0.7 and later); v0.5/v0.6 come from the
 * rules text and results pages of the time and are marked low confidence (rules G).
 *
 * Multi-metric benchmarks (Mask R-CNN BBOX+SEGM, Stable Diffusion FID+CLIP) list components; the
 * first component is the primary metric, used for time-to-threshold analyses.
 */
import { benchmarkAlias } from './training-benchmarks'
import { TRAINING_ROUNDS } from './rounds'

/** Whether a higher or a lower value is better. */
export type MetricDirection = 'higher' | 'lower'

/** A metric and its threshold. `strict`: the value must pass the target, not just equal it. */
export type TargetComponent = {
  /** eval_accuracy sub-metric label (metadata.metric or value key), null for a plain value. */
  metric: string | null
  target: number
  direction: MetricDirection
  strict?: boolean
}

/**
 * fraction: values in [0, 1] (accuracy, mAP, AUC, DICE, WER); points: BLEU/percent points;
 * absolute: unbounded (perplexity, loss, FID). Only fraction/points values can be rescaled.
 */
export type MetricScale = 'fraction' | 'points' | 'absolute'

export type TargetSpec = {
  round: string
  benchmark: string
  /** Human description of the metric, e.g. "top-1 accuracy". */
  metricName: string
  /** Primary target and direction (the first component). */
  target: number
  direction: MetricDirection
  scale: MetricScale
  /** All conditions that must hold on one evaluation (one element for most benchmarks). */
  components: TargetComponent[]
  /** high: from the round's compliance checker; low: rules text / results page only (rules G). */
  confidence: 'high' | 'low'
  note: string | null
}

export type TrainingTargetEntry = {
  benchmark: string
  from: string
  to: string
  metricName: string
  scale: MetricScale
  components: TargetComponent[]
  confidence?: 'high' | 'low'
  note?: string
}

const up = (target: number, metric: string | null = null, strict = false): TargetComponent => ({
  metric,
  target,
  direction: 'higher',
  ...(strict ? { strict } : {})
})
const down = (target: number, metric: string | null = null): TargetComponent => ({
  metric,
  target,
  direction: 'lower'
})

const V05_NOTE =
  'v0.5 target from the 2018 rules; the logging package has no v0.5 checker (rules G). ' +
  'v0.5 logs also print eval_target, which is compared when present.'
const V06_NOTE =
  'v0.6 target from the MLCommons v0.6 results page; the logging package encodes no v0.6 targets (rules G).'

/** Spec D.6, row by row. Round ranges are inclusive. */
export const TRAINING_TARGET_TABLE: readonly TrainingTargetEntry[] = [
  {
    benchmark: 'resnet',
    from: 'v0.5',
    to: 'v0.5',
    metricName: 'top-1 accuracy',
    scale: 'fraction',
    components: [up(0.749)],
    confidence: 'low',
    note: V05_NOTE
  },
  {
    benchmark: 'resnet',
    from: 'v0.6',
    to: 'v0.6',
    metricName: 'top-1 accuracy',
    scale: 'fraction',
    components: [up(0.759)],
    confidence: 'low',
    note: V06_NOTE
  },
  {
    benchmark: 'resnet',
    from: 'v0.7',
    to: 'v4.0',
    metricName: 'top-1 accuracy',
    scale: 'fraction',
    components: [up(0.759)]
  },
  {
    benchmark: 'ssd',
    from: 'v0.5',
    to: 'v0.5',
    metricName: 'mAP (SSD-ResNet34, COCO)',
    scale: 'fraction',
    components: [up(0.212)],
    confidence: 'low',
    note: V05_NOTE
  },
  {
    benchmark: 'ssd',
    from: 'v0.6',
    to: 'v0.6',
    metricName: 'mAP (SSD-ResNet34, COCO)',
    scale: 'fraction',
    components: [up(0.23)],
    confidence: 'low',
    note: V06_NOTE
  },
  {
    benchmark: 'ssd',
    from: 'v0.7',
    to: 'v1.1',
    metricName: 'mAP (SSD-ResNet34, COCO)',
    scale: 'fraction',
    components: [up(0.23)]
  },
  {
    benchmark: 'ssd',
    from: 'v2.0',
    to: 'v4.1',
    metricName: 'mAP (RetinaNet, OpenImages)',
    scale: 'fraction',
    components: [up(0.34)],
    note: 'From v2.0 the ssd benchmark is RetinaNet on OpenImages.'
  },
  {
    benchmark: 'retinanet',
    from: 'v5.0',
    to: 'v5.1',
    metricName: 'mAP (RetinaNet, OpenImages)',
    scale: 'fraction',
    components: [up(0.34)]
  },
  {
    benchmark: 'maskrcnn',
    from: 'v0.5',
    to: 'v0.6',
    metricName: 'BBOX and SEGM mAP',
    scale: 'fraction',
    components: [up(0.377, 'BBOX'), up(0.339, 'SEGM')],
    confidence: 'low',
    note: 'Rules text only for this round (rules G).'
  },
  {
    benchmark: 'maskrcnn',
    from: 'v0.7',
    to: 'v3.1',
    metricName: 'BBOX and SEGM mAP',
    scale: 'fraction',
    components: [up(0.377, 'BBOX'), up(0.339, 'SEGM')]
  },
  {
    benchmark: 'gnmt',
    from: 'v0.5',
    to: 'v0.5',
    metricName: 'Sacre BLEU',
    scale: 'points',
    components: [up(21.8)],
    confidence: 'low',
    note: V05_NOTE
  },
  {
    benchmark: 'gnmt',
    from: 'v0.6',
    to: 'v0.6',
    metricName: 'Sacre BLEU',
    scale: 'points',
    components: [up(24.0)],
    confidence: 'low',
    note: V06_NOTE
  },
  {
    benchmark: 'gnmt',
    from: 'v0.7',
    to: 'v0.7',
    metricName: 'Sacre BLEU',
    scale: 'fraction',
    components: [up(0.24)],
    note: 'BLEU 24.0 written as a fraction from v0.7.'
  },
  {
    benchmark: 'transformer',
    from: 'v0.5',
    to: 'v0.5',
    metricName: 'BLEU',
    scale: 'points',
    components: [up(25.0)],
    confidence: 'low',
    note: V05_NOTE
  },
  {
    benchmark: 'transformer',
    from: 'v0.6',
    to: 'v0.6',
    metricName: 'BLEU',
    scale: 'points',
    components: [up(25.0)],
    confidence: 'low',
    note: V06_NOTE
  },
  {
    benchmark: 'transformer',
    from: 'v0.7',
    to: 'v0.7',
    metricName: 'BLEU',
    scale: 'fraction',
    components: [up(0.25)],
    note: 'BLEU 25.0 written as a fraction from v0.7.'
  },
  {
    benchmark: 'ncf',
    from: 'v0.5',
    to: 'v0.6',
    metricName: 'HR@10',
    scale: 'fraction',
    components: [up(0.635)],
    confidence: 'low',
    note: 'Rules text 0.635 HR@10; the v0.5 web page says "0.97 HR" (rules H).'
  },
  {
    benchmark: 'minigo',
    from: 'v0.5',
    to: 'v0.5',
    metricName: 'pro-move prediction',
    scale: 'fraction',
    components: [up(0.4)],
    confidence: 'low',
    note: V05_NOTE
  },
  {
    benchmark: 'minigo',
    from: 'v0.6',
    to: 'v0.6',
    metricName: 'win rate vs reference checkpoint',
    scale: 'fraction',
    components: [up(0.5)],
    confidence: 'low',
    note: V06_NOTE
  },
  {
    benchmark: 'minigo',
    from: 'v0.7',
    to: 'v2.1',
    metricName: 'win rate vs reference checkpoint',
    scale: 'fraction',
    components: [up(0.5)],
    note: 'One stored version of the 0.7.0 checker writes 0.55; rules D.6 and the 1.0.0 checker say 0.50.'
  },
  {
    benchmark: 'bert',
    from: 'v0.7',
    to: 'v0.7',
    metricName: 'Mask-LM accuracy',
    scale: 'fraction',
    components: [up(0.712)],
    note: '0.706 when global_batch_size ≥ 8192 (rules D.6).'
  },
  {
    benchmark: 'bert',
    from: 'v1.0',
    to: 'v5.0',
    metricName: 'Mask-LM accuracy',
    scale: 'fraction',
    components: [up(0.72)]
  },
  {
    benchmark: 'dlrm',
    from: 'v0.7',
    to: 'v2.1',
    metricName: 'AUC',
    scale: 'fraction',
    components: [up(0.8025)]
  },
  {
    benchmark: 'rnnt',
    from: 'v1.0',
    to: 'v3.1',
    metricName: 'word error rate',
    scale: 'fraction',
    components: [down(0.058)]
  },
  {
    benchmark: 'unet3d',
    from: 'v1.0',
    to: 'v4.0',
    metricName: 'mean DICE',
    scale: 'fraction',
    components: [up(0.908)]
  },
  {
    benchmark: 'dlrm_dcnv2',
    from: 'v3.0',
    to: 'v6.0',
    metricName: 'AUC',
    scale: 'fraction',
    components: [up(0.80275)],
    note: 'The MLCommons web table says 0.8032; the checker enforces 0.80275 (rules H).'
  },
  {
    benchmark: 'gpt3',
    from: 'v3.0',
    to: 'v4.1',
    metricName: 'log perplexity',
    scale: 'absolute',
    components: [down(2.69)]
  },
  {
    benchmark: 'stable_diffusion',
    from: 'v3.1',
    to: 'v5.0',
    metricName: 'FID and CLIP score',
    scale: 'absolute',
    components: [down(90, 'FID'), up(0.15, 'CLIP')],
    note: 'FID ≤ 90 and CLIP ≥ 0.15 at the same evaluation (samples_count).'
  },
  {
    benchmark: 'llama2_70b_lora',
    from: 'v4.0',
    to: 'v6.1',
    metricName: 'eval loss',
    scale: 'absolute',
    components: [down(0.925)]
  },
  {
    benchmark: 'gnn',
    from: 'v4.0',
    to: 'v4.1',
    metricName: 'accuracy',
    scale: 'fraction',
    components: [up(0.72)]
  },
  {
    benchmark: 'rgat',
    from: 'v5.0',
    to: 'v5.1',
    metricName: 'accuracy',
    scale: 'fraction',
    components: [up(0.72)]
  },
  {
    benchmark: 'llama31_405b',
    from: 'v5.0',
    to: 'v6.0',
    metricName: 'log perplexity',
    scale: 'absolute',
    components: [down(5.6)]
  },
  {
    benchmark: 'llama31_8b',
    from: 'v5.1',
    to: 'v6.1',
    metricName: 'log perplexity',
    scale: 'absolute',
    components: [down(3.3)]
  },
  {
    benchmark: 'flux1',
    from: 'v5.1',
    to: 'v6.1',
    metricName: 'eval loss',
    scale: 'absolute',
    components: [down(0.586)]
  },
  {
    benchmark: 'gpt_oss_20b',
    from: 'v6.0',
    to: 'v6.1',
    metricName: 'log perplexity',
    scale: 'absolute',
    components: [down(3.34)]
  },
  {
    benchmark: 'deepseekv3_671b',
    from: 'v6.0',
    to: 'v6.1',
    metricName: 'log perplexity',
    scale: 'absolute',
    components: [down(3.6)]
  },
  {
    benchmark: 'qwen35_397b_grpo',
    from: 'v6.1',
    to: 'v6.1',
    metricName: 'eval accuracy',
    scale: 'fraction',
    components: [up(0.69, null, true)],
    note: 'Strictly greater than 0.69.'
  }
]

function roundIndex(round: string): number {
  return (TRAINING_ROUNDS as readonly string[]).indexOf(round)
}

function toSpec(e: TrainingTargetEntry, round: string): TargetSpec {
  const first = e.components[0] ?? up(Number.NaN)
  return {
    round,
    benchmark: e.benchmark,
    metricName: e.metricName,
    target: first.target,
    direction: first.direction,
    scale: e.scale,
    components: e.components.map((c) => ({ ...c })),
    confidence: e.confidence ?? 'high',
    note: e.note ?? null
  }
}

function entryFor(round: string, benchmark: string): TrainingTargetEntry | null {
  const r = roundIndex(round)
  if (r < 0) return null
  return (
    TRAINING_TARGET_TABLE.find(
      (e) => e.benchmark === benchmark && roundIndex(e.from) <= r && r <= roundIndex(e.to)
    ) ?? null
  )
}

/**
 * Target of `benchmark` in `round`. With an unknown round (a user's own logs) the latest round
 * that defines the benchmark is used and said so in the note. Null when the benchmark is unknown.
 * `globalBatchSize` selects the v0.7 BERT large-batch target.
 */
export function trainingTarget(
  round: string | null,
  benchmark: string,
  options: { globalBatchSize?: number | null } = {}
): TargetSpec | null {
  const bench = benchmarkAlias(benchmark)
  let spec: TargetSpec | null = null
  if (round !== null && roundIndex(round) >= 0) {
    const e = entryFor(round, bench)
    if (e) spec = toSpec(e, round)
  } else {
    const entries = TRAINING_TARGET_TABLE.filter((e) => e.benchmark === bench)
    const last = entries[entries.length - 1]
    if (last) {
      spec = toSpec(last, last.to)
      spec.note = `Round unknown: the ${last.to} target is used.${spec.note ? ' ' + spec.note : ''}`
    }
  }
  if (spec && bench === 'bert' && spec.round === 'v0.7') {
    const gbs = options.globalBatchSize
    if (typeof gbs === 'number' && gbs >= 8192) {
      spec.target = 0.706
      spec.components = [up(0.706)]
      spec.note = 'global_batch_size ≥ 8192: the v0.7 large-batch BERT target 0.706 applies.'
    }
  }
  return spec
}

/** Every benchmark target of a round (for the UI's per-round table, rules D.6). */
export function trainingTargets(round: string): TargetSpec[] {
  const r = roundIndex(round)
  if (r < 0) return []
  return TRAINING_TARGET_TABLE.filter((e) => roundIndex(e.from) <= r && r <= roundIndex(e.to)).map(
    (e) => toSpec(e, round)
  )
}

/** The whole table: every round × benchmark with its target and direction. */
export function trainingTargetTable(): TargetSpec[] {
  return TRAINING_ROUNDS.flatMap((round) => trainingTargets(round))
}

/** value reaches target in the given direction (≥ for higher, ≤ for lower; strict: > / <). */
export function meetsTarget(
  value: number,
  target: number,
  direction: MetricDirection,
  strict = false
): boolean {
  if (!Number.isFinite(value)) return false
  if (direction === 'higher') return strict ? value > target : value >= target
  return strict ? value < target : value <= target
}
