import { describe, expect, it } from 'vitest'

import {
  mlperfModelName,
  roundFromLoadgenVersion,
  roundFromPath as roundFromAnyPath,
  roundFromSeeds
} from '../../../../src-main/mlperf'

const roundFromPath = (p: string): string | null => roundFromAnyPath('inference', p)

describe('rounds', () => {
  it('reads the round from a path segment', () => {
    expect(roundFromPath('/data/inference_results_v4.1/closed/AMD/results/x/y/Offline')).toBe(
      'v4.1'
    )
    expect(roundFromPath('/corpus/inference/v0.5/closed/Google/results/tpu/resnet/server')).toBe(
      'v0.5'
    )
    expect(
      roundFromPath('/x/closed/Qualcomm/results/r282_z93_q8e-qaic-v1.8.3.7-aic100/resnet50/offline')
    ).toBeNull()
    expect(roundFromPath('/x/v9.9/closed')).toBeNull()
  })

  it('identifies a round from its seeds as exact strings', () => {
    expect(
      roundFromSeeds({
        qsl: '3066443479025735752',
        sampleIndex: '10688027786191513374',
        schedule: '14962580496156340209'
      })
    ).toBe('v4.1')
    // One digit off in a seed beyond 2^53 (a double would not see it).
    expect(
      roundFromSeeds({
        qsl: '3066443479025735752',
        sampleIndex: '10688027786191513375',
        schedule: '14962580496156340209'
      })
    ).toBeNull()
    expect(roundFromSeeds({ qsl: '3133965575612453542' })).toBeNull()
  })

  it('uses the LoadGen version only as a hint', () => {
    expect(roundFromLoadgenVersion('4.1 @ 2ed9555be0')).toBe('v4.1')
    expect(roundFromLoadgenVersion('5.0.12 @ abc')).toBe('v5.0')
    expect(roundFromLoadgenVersion('.5a1 @ 6958607d52')).toBeNull()
  })
})

describe('benchmark names', () => {
  it('applies the per-round model_mapping', () => {
    expect(mlperfModelName('resnet50', 'v4.1').model).toBe('resnet')
    expect(mlperfModelName('mobilenet', 'v0.5').model).toBe('mobilenet')
    expect(mlperfModelName('mobilenet', 'v0.7').model).toBe('resnet')
    expect(mlperfModelName('ssd-resnet34', 'v0.7').model).toBe('ssd-large')
    expect(mlperfModelName('ssd-resnet34', 'v2.1').model).toBe('retinanet')
    expect(mlperfModelName('ssd-mobilenet', 'v1.0').model).toBe('ssd-small')
    expect(mlperfModelName('dlrm-v2-99', 'v4.1')).toEqual({ model: 'dlrm-v2-99', how: 'official' })
  })

  it('uses the submitter mapping, then the checker guess, then the family name', () => {
    expect(mlperfModelName('distilbert_mp', 'v3.0', { distilbert_mp: 'bert-99' })).toEqual({
      model: 'bert-99',
      how: 'submitter-mapping'
    })
    expect(mlperfModelName('bert-99.9_obert-mobilebert', 'v3.0')).toEqual({
      model: 'bert-99.9',
      how: 'guess'
    })
    expect(mlperfModelName('mobilebert-none-base-none-bert-99', 'v4.1').model).toBe('bert-99')
    expect(mlperfModelName('distilbert_mp', 'v3.0')).toEqual({ model: 'bert-99', how: 'similar' })
    expect(mlperfModelName('my-model', 'v3.0')).toEqual({ model: 'my-model', how: 'unmapped' })
  })
})
