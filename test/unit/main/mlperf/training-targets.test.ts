import { describe, expect, it } from 'vitest'
import {
  meetsTarget,
  trainingTarget,
  trainingTargetTable,
  trainingTargets,
  TRAINING_ROUNDS,
  allowedBenchmarks
} from '../../../../src-main/mlperf'

describe('training targets (rules D.6)', () => {
  it('per round values and directions', () => {
    expect(trainingTarget('v0.5', 'resnet')?.target).toBe(0.749)
    expect(trainingTarget('v0.6', 'resnet')?.target).toBe(0.759)
    expect(trainingTarget('v4.0', 'resnet')?.target).toBe(0.759)
    expect(trainingTarget('v4.1', 'resnet')).toBeNull()
    expect(trainingTarget('v0.5', 'ssd')?.target).toBe(0.212)
    expect(trainingTarget('v1.1', 'ssd')?.target).toBe(0.23)
    expect(trainingTarget('v2.0', 'ssd')?.target).toBe(0.34)
    expect(trainingTarget('v0.6', 'gnmt')?.target).toBe(24)
    expect(trainingTarget('v0.7', 'gnmt')?.target).toBe(0.24)
    expect(trainingTarget('v0.7', 'bert')?.target).toBe(0.712)
    expect(trainingTarget('v1.0', 'bert')?.target).toBe(0.72)
    expect(trainingTarget('v3.0', 'rnnt')).toMatchObject({ target: 0.058, direction: 'lower' })
    expect(trainingTarget('v3.1', 'gpt3')).toMatchObject({ target: 2.69, direction: 'lower' })
    expect(trainingTarget('v5.0', 'llama2_70b_lora')).toMatchObject({
      target: 0.925,
      direction: 'lower'
    })
    expect(trainingTarget('v6.1', 'qwen35_397b_grpo')?.components[0]?.strict).toBe(true)
  })

  it('v0.5/v0.6 are low confidence; v0.7+ come from the checker', () => {
    expect(trainingTarget('v0.5', 'gnmt')?.confidence).toBe('low')
    expect(trainingTarget('v0.6', 'transformer')?.confidence).toBe('low')
    expect(trainingTarget('v3.0', 'bert')?.confidence).toBe('high')
  })

  it('multi-metric targets', () => {
    const sd = trainingTarget('v5.0', 'stable_diffusion')
    expect(sd?.components).toEqual([
      { metric: 'FID', target: 90, direction: 'lower' },
      { metric: 'CLIP', target: 0.15, direction: 'higher' }
    ])
    expect(trainingTarget('v1.0', 'mask')?.components.map((c) => c.metric)).toEqual([
      'BBOX',
      'SEGM'
    ])
  })

  it('v0.7 BERT large-batch target and unknown rounds', () => {
    expect(trainingTarget('v0.7', 'bert', { globalBatchSize: 8192 })?.target).toBe(0.706)
    const u = trainingTarget(null, 'resnet')
    expect(u?.round).toBe('v4.0')
    expect(u?.note).toMatch(/Round unknown/)
    expect(trainingTarget('v3.0', 'no_such_benchmark')).toBeNull()
  })

  it('the per-round table covers every allowed benchmark', () => {
    for (const round of TRAINING_ROUNDS) {
      const benches = trainingTargets(round).map((t) => t.benchmark)
      for (const b of allowedBenchmarks(round)) expect(benches, `${round} ${b}`).toContain(b)
    }
    expect(trainingTargetTable().length).toBeGreaterThan(80)
  })

  it('meetsTarget by direction', () => {
    expect(meetsTarget(0.759, 0.759, 'higher')).toBe(true)
    expect(meetsTarget(0.7589, 0.759, 'higher')).toBe(false)
    expect(meetsTarget(2.69, 2.69, 'lower')).toBe(true)
    expect(meetsTarget(0.69, 0.69, 'higher', true)).toBe(false)
    expect(meetsTarget(Number.NaN, 0, 'higher')).toBe(false)
  })
})
