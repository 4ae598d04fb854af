/**
 * Which samples LoadGen loads and issues (rules A.4). `qsl_rng_seed` shuffles all sample
 * indices once and cuts them into loadable sets of performance_sample_count; performance mode
 * uses the first set. `sample_index_rng_seed` picks the sample of each query (uniform with
 * replacement; MultiStream takes a contiguous run from a random start) or, in accuracy mode,
 * the order in which every sample is issued once. Offline performance repeats the loaded set
 * in order. Sequences are deterministic per seed but not bit-identical to the C++ LoadGen.
 */
import { Mt19937, shuffleInPlace, uniformBelow } from './mt19937'

/** Shuffle 0…total−1 with the QSL seed and cut it into sets of `performanceCount` samples. */
export function loadableSets(
  total: number,
  performanceCount: number,
  qslSeed: bigint
): Uint32Array[] {
  if (total <= 0) return []
  const all = new Uint32Array(total)
  for (let i = 0; i < total; i++) all[i] = i
  shuffleInPlace(new Mt19937(qslSeed), all)
  const size = performanceCount > 0 ? Math.min(performanceCount, total) : total
  const sets: Uint32Array[] = []
  for (let i = 0; i < total; i += size) sets.push(all.slice(i, Math.min(total, i + size)))
  return sets
}

/** Draws performance-mode sample indices from a loaded set without allocating. */
export class SampleSelector {
  private readonly rng: Mt19937

  constructor(
    private readonly loaded: Uint32Array,
    sampleIndexSeed: bigint
  ) {
    this.rng = new Mt19937(sampleIndexSeed)
  }

  /** One sample, uniformly with replacement (SingleStream, Server). */
  next(): number {
    return this.loaded[uniformBelow(this.rng, this.loaded.length)]!
  }

  /**
   * `out.length` contiguous samples from a random start (MultiStream); the set behaves as if
   * padded with its first entries, as LoadGen pads loadable sets.
   */
  nextContiguous(out: Uint32Array): void {
    const n = this.loaded.length
    const start = uniformBelow(this.rng, n)
    for (let k = 0; k < out.length; k++) out[k] = this.loaded[(start + k) % n]!
  }
}

/** The loaded set repeated in order up to `count` samples (Offline performance query). */
export function offlineQuerySamples(loaded: Uint32Array, count: number): Uint32Array {
  const out = new Uint32Array(count)
  for (let i = 0; i < count; i++) out[i] = loaded[i % loaded.length]!
  return out
}

/** Accuracy mode: every sample of the set once, in an order shuffled by the sample-index seed. */
export function accuracyOrder(loaded: Uint32Array, sampleIndexSeed: bigint): Uint32Array {
  const order = loaded.slice()
  shuffleInPlace(new Mt19937(sampleIndexSeed), order)
  return order
}

/**
 * Performance-mode samples of `count` queries of `querySize`: drawn uniformly with
 * replacement, or for MultiStream one contiguous run per query.
 */
export function performanceSamples(
  loaded: Uint32Array,
  count: number,
  querySize: number,
  contiguous: boolean,
  sampleIndexSeed: bigint
): Uint32Array {
  const selector = new SampleSelector(loaded, sampleIndexSeed)
  const samples = new Uint32Array(count * querySize)
  const buf = new Uint32Array(querySize)
  for (let q = 0; q < count; q++) {
    if (contiguous) {
      selector.nextContiguous(buf)
      samples.set(buf, q * querySize)
    } else {
      for (let k = 0; k < querySize; k++) samples[q * querySize + k] = selector.next()
    }
  }
  return samples
}

/**
 * MultiStream accuracy: query starts 0, spq, 2·spq… shuffled with the sample-index seed; each
 * query is spq contiguous samples of the padded set, so the last ones repeat the first entries
 * (the accuracy script ignores duplicates).
 */
export function accuracyMultiStreamSamples(
  loaded: Uint32Array,
  count: number,
  querySize: number,
  sampleIndexSeed: bigint
): Uint32Array {
  const n = loaded.length
  const starts = new Uint32Array(count)
  for (let i = 0; i < count; i++) starts[i] = i * querySize
  shuffleInPlace(new Mt19937(sampleIndexSeed), starts)
  const samples = new Uint32Array(count * querySize)
  for (let q = 0; q < count; q++) {
    for (let k = 0; k < querySize; k++) samples[q * querySize + k] = loaded[(starts[q]! + k) % n]!
  }
  return samples
}
