import { describe, expect, it } from 'vitest'
import { fixedBatchNote, planRun } from '../../../../../src-main/core/runner/run-plan'
import { resolveRunSettings } from '../../../../../src-main/core/runner/run-settings'
import type { RunSettingsInput } from '../../../../../src-main/shared/local-run'

const settings = (over: Partial<RunSettingsInput> = {}) =>
  resolveRunSettings({ modelPath: '/m.onnx', outputDir: '/o', benchmark: 'resnet50', ...over })

describe('planRun', () => {
  it('performance: the first loadable set only, settings resolved as LoadGen does', () => {
    const p = planRun(settings({ performanceSampleCount: 10, minDurationMs: 2500 }), 25)
    expect(p.sets).toHaveLength(1)
    expect(p.sets[0]).toHaveLength(10)
    expect(p.effective.performanceSampleCount).toBe(10)
    expect(p.effective.minDurationMs).toBe(2500)
    expect(p.requested.minDurationMs).toBe(2500)
    expect(p.notes).toEqual([])
  })

  it('accuracy: every loadable set, together covering each sample once', () => {
    const p = planRun(settings({ mode: 'AccuracyOnly', performanceSampleCount: 10 }), 25)
    expect(p.sets.map((s) => s.length)).toEqual([10, 10, 5])
    const all = p.sets.flatMap((s) => Array.from(s)).sort((a, b) => a - b)
    expect(all).toEqual(Array.from({ length: 25 }, (_, i) => i))
  })

  it('says so when performance_sample_count is more than the samples there are', () => {
    const p = planRun(settings({ performanceSampleCount: 2048 }), 1500)
    expect(p.effective.performanceSampleCount).toBe(2048)
    expect(p.sets[0]).toHaveLength(1500)
    expect(p.notes).toEqual([
      'performance_sample_count 2,048 is more than the 1,500 samples available: all 1,500 are loaded, as LoadGen does.'
    ])
  })

  it('draws the sets with the QSL seed: same settings, same sets', () => {
    const a = planRun(settings({ performanceSampleCount: 8 }), 100).sets[0]!
    const b = planRun(settings({ performanceSampleCount: 8 }), 100).sets[0]!
    expect(Array.from(a)).toEqual(Array.from(b))
  })
})

describe('fixedBatchNote', () => {
  it('speaks only when a fixed batch overrides a batch size above 1', () => {
    expect(fixedBatchNote(4, 8)).toBe(
      "The model's input has a fixed batch of 4; batches are sent with that size."
    )
    expect(fixedBatchNote(null, 8)).toBeNull()
    expect(fixedBatchNote(8, 8)).toBeNull()
    expect(fixedBatchNote(4, 1)).toBeNull()
  })
})
