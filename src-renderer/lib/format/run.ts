import type { LocalRunMode, RunProgress, RunSettings } from '../../../src-main/shared/local-run'
import type { LocalRunState } from '../../../src-main/shared/local-run-views'

/** Nanoseconds as milliseconds with 3 significant digits: 0.0512 ms, 1.23 ms, 45.6 ms. */
export function latencyText(ns: number): string {
  const ms = ns / 1e6
  if (ms === 0) return '0 ms'
  if (ms >= 1000) return `${Math.round(ms).toLocaleString('en-US')} ms`
  return `${Number(ms.toPrecision(3))} ms`
}

/** A rate with sensible digits: 12,345 / 123.4 / 1.23. */
export function rateText(v: number): string {
  if (v >= 1000) return Math.round(v).toLocaleString('en-US')
  return Number(v.toPrecision(4)).toLocaleString('en-US')
}

/** A value in a run's unit ('ns' latencies or samples/s). */
export function runUnitValue(v: number, unit: 'ns' | 'samples/s'): string {
  return unit === 'ns' ? latencyText(v) : `${rateText(v)} samples/s`
}

/** The indexed value as the results table shows it: "1.23 ms", "4,567 samples/s". */
export function tableValueText(value: number | null, unit: string | null): string {
  if (value === null) return '—'
  if (unit === 'Latency (ms)') return `${Number(value.toPrecision(4))} ms`
  if (unit === 'Samples/s' || unit === 'Queries/s') return `${rateText(value)} ${unit}`
  return `${value} ${unit ?? ''}`.trim()
}

export function seconds(ms: number): string {
  const s = ms / 1000
  return `${s >= 100 ? Math.round(s) : Number(s.toPrecision(3))} s`
}

export const MODE_TEXT: Record<LocalRunMode, string> = {
  PerformanceOnly: 'Performance',
  AccuracyOnly: 'Accuracy'
}

export const STATUS_TEXT: Record<LocalRunState, string> = {
  running: 'Running',
  done: 'Done',
  cancelled: 'Cancelled by you',
  failed: 'Failed'
}

/** The file name of a model path, whichever the separator. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path
}

/** Settings in the order and words the detail screen lists them. */
export function settingsEntries(s: RunSettings): [string, string | number | boolean | null][] {
  const out: [string, string | number | boolean | null][] = [
    ['Model', s.modelPath],
    ['Benchmark (mlperf.conf)', s.benchmark],
    ['Scenario', s.scenario],
    ['Mode', MODE_TEXT[s.mode]],
    ['Dataset', s.datasetPath ?? 'synthetic inputs'],
    ['Min duration (ms)', s.minDurationMs],
    ['Min query count', s.minQueryCount]
  ]
  if (s.scenario === 'Server' || s.scenario === 'Offline') {
    out.push([s.scenario === 'Server' ? 'Target QPS' : 'Expected QPS', s.targetQps])
  }
  if (s.scenario === 'Server') out.push(['Latency bound (ms)', s.targetLatencyMs])
  if (s.scenario !== 'Offline') out.push(['Latency percentile (%)', s.targetLatencyPercentile])
  if (s.scenario === 'SingleStream' || s.scenario === 'MultiStream') {
    out.push(['Expected latency (ms)', s.expectedLatencyMs])
  }
  if (s.scenario === 'MultiStream') out.push(['Samples per query', s.samplesPerQuery])
  out.push(
    ['Performance sample count', s.performanceSampleCount || 'dataset size'],
    ['qsl_rng_seed', s.qslRngSeed],
    ['sample_index_rng_seed', s.sampleIndexRngSeed],
    ['schedule_rng_seed', s.scheduleRngSeed],
    ['Batch size', s.batchSize],
    ['Execution provider', s.executionProvider],
    ['Intra-op threads', s.intraOpThreads || 'default'],
    ['Inter-op threads', s.interOpThreads || 'default'],
    ['Workers', s.workers],
    ['Warm-up inferences', s.warmupRuns],
    ['SUT name', s.sutName]
  )
  if (s.referenceAccuracy !== null) {
    out.push(
      ['Reference FP32 accuracy (%)', s.referenceAccuracy],
      ['Quality target', s.qualityTargetFraction === 0.99 ? '99%' : '99.9%']
    )
  }
  return out
}

/** How far a run is, 0–1: loading, then the minimum duration (accuracy: the queries issued). */
export function progressShare(p: RunProgress): number {
  if (p.phase === 'loading') return p.toLoad > 0 ? p.loaded / p.toLoad : 0
  if (p.phase === 'writing') return 1
  if (p.phase !== 'running') return 0
  // Accuracy mode has no minimum duration: how far through the generated queries.
  if (p.mode === 'AccuracyOnly') return p.generated > 0 ? Math.min(1, p.issued / p.generated) : 0
  return p.minDurationNs > 0 ? Math.min(1, p.elapsedNs / p.minDurationNs) : 1
}

/** The progress card's line for a phase. */
export function progressText(p: RunProgress): string {
  switch (p.phase) {
    case 'preparing':
      return 'Checking the model and the dataset…'
    case 'loading':
      return `Loading samples: ${p.loaded.toLocaleString('en-US')} of ${p.toLoad.toLocaleString('en-US')}`
    case 'warmup':
      return 'Warming up (untimed)…'
    case 'writing':
      return 'Writing the log files…'
    case 'running': {
      const elapsed = seconds(p.elapsedNs / 1e6)
      if (p.mode === 'AccuracyOnly') {
        return `${elapsed}: ${p.issued.toLocaleString('en-US')} of ${p.generated.toLocaleString('en-US')} queries issued (every sample once)`
      }
      const min = seconds(p.minDurationNs / 1e6)
      return p.elapsedNs >= p.minDurationNs
        ? `${elapsed}: minimum duration reached, finishing the queries`
        : `${elapsed} of at least ${min}`
    }
  }
}
