import { describe, expect, it } from 'vitest'
import {
  canonicalRound,
  latestRound,
  resolveRound,
  roundFromSegment,
  rulesRound
} from '../../../../src-main/mlperf'

describe('round resolution', () => {
  it('reads a known round with its own rules', () => {
    expect(resolveRound('inference', 'v4.1')).toEqual({
      kind: 'known',
      round: 'v4.1',
      rules: 'v4.1'
    })
    expect(resolveRound('training', '0.6')).toEqual({ kind: 'known', round: 'v0.6', rules: 'v0.6' })
  })

  it('reads a newer round with the latest rules and the row note', () => {
    expect(latestRound('inference')).toBe('v6.1')
    expect(resolveRound('inference', 'v6.2')).toEqual({
      kind: 'newer',
      round: 'v6.2',
      rules: 'v6.1',
      note: 'Round v6.2 is newer than this version knows; read with the v6.1 rules.'
    })
    expect(rulesRound('inference', 'v10.0')).toBe('v6.1')
  })

  it('refuses a spelling no rules fit', () => {
    expect(resolveRound('inference', 'v1.5').kind).toBe('invalid')
    // v0.6 is a training round but not an inference round.
    expect(resolveRound('inference', 'v0.6').kind).toBe('invalid')
    expect(resolveRound('training', 'v0.6').kind).toBe('known')
    expect(rulesRound('inference', 'v1.5')).toBeNull()
  })

  it('takes any version from a results repository name, only known ones from bare folders', () => {
    expect(roundFromSegment('inference', 'inference_results_v6.2')).toBe('v6.2')
    expect(roundFromSegment('inference', 'v6.2')).toBeNull()
    expect(roundFromSegment('inference', 'v4.1')).toBe('v4.1')
    expect(roundFromSegment('training', 'v0.5.0')).toBe('v0.5')
    expect(roundFromSegment('training', 'training_results_v0.8')).toBe('v0.8')
    expect(canonicalRound(4.1)).toBe('v4.1')
    expect(canonicalRound('local')).toBeNull()
  })
})
