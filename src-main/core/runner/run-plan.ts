/**
 * What a local run will do once its samples are known, decided before anything is loaded or
 * timed: the settings LoadGen resolves from the requested ones and the loadable sets it walks
 * (performance mode: the first; accuracy mode: all).
 */
import type { RunSettings } from '../../shared/local-run'
import type { EffectiveSettings, TestSettings } from '../loadgen/config'
import { effectiveSettings } from '../loadgen/config'
import { loadableSets } from '../loadgen/sample-order'
import { testSettingsFor } from './run-settings'

export type RunPlan = {
  requested: TestSettings
  effective: EffectiveSettings
  /** The loadable sets to run, in order. */
  sets: Uint32Array[]
  /** What the user should know about how the settings were applied. */
  notes: string[]
}

/** Plan a run over `total` samples. */
export function planRun(settings: RunSettings, total: number): RunPlan {
  // The QSL reports all its samples as its performance count; performance_sample_count
  // (mlperf.conf's override, or the user's) is logged as LoadGen logs it even when it exceeds
  // them, and LoadGen then loads every sample as one loadable set (loadgen.cc
  // `GenerateLoadableSets`), as the app does.
  const requested = testSettingsFor(settings)
  const effective = effectiveSettings(requested, total, total)
  const notes: string[] = []
  if (effective.performanceSampleCount > total) {
    const n = (x: number): string => x.toLocaleString('en-US')
    notes.push(
      `performance_sample_count ${n(effective.performanceSampleCount)} is more than the ${n(total)} samples available: all ${n(total)} are loaded, as LoadGen does.`
    )
  }
  const all = loadableSets(total, effective.performanceSampleCount, effective.qslRngSeed)
  const sets = settings.mode === 'AccuracyOnly' ? all : all.slice(0, 1)
  return { requested, effective, sets, notes }
}

/** A note when the model's fixed batch overrides a batch size above 1 that was asked for. */
export function fixedBatchNote(fixedBatch: number | null, batchSize: number): string | null {
  if (fixedBatch === null || fixedBatch === batchSize || batchSize === 1) return null
  return `The model's input has a fixed batch of ${fixedBatch}; batches are sent with that size.`
}
