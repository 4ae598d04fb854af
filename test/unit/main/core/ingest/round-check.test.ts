import { describe, expect, it } from 'vitest'
import {
  NewerRoundTally,
  checkImportRound,
  refuseInvalidRounds,
  roundFolder
} from '../../../../../src-main/core/ingest/round-check'

describe('round checks of an import', () => {
  it('refuses a folder naming a round no rules fit, once, and keeps the rest', () => {
    const items = [
      { dir: '/d/inference_results_v1.5/closed/A/results/s/resnet50/Offline', round: 'v1.5' },
      { dir: '/d/inference_results_v1.5/closed/A/results/s/resnet50/Server', round: 'v1.5' },
      { dir: '/d/inference_results_v6.2/closed/A/results/s/resnet50/Server', round: 'v6.2' },
      { dir: '/d/mine/closed/A/results/s/resnet50/Server', round: null }
    ]
    const { kept, skipped } = refuseInvalidRounds('inference', items)
    expect(kept.map((k) => k.round)).toEqual(['v6.2', null])
    expect(skipped).toEqual([
      {
        path: '/d/inference_results_v1.5',
        reason: expect.stringMatching(
          /^v1\.5 is not an MLPerf Inference round: .*; 2 results in this folder not read\.$/
        ) as string
      }
    ])
    expect(roundFolder('training', '/x/training_results_v0.8/A/results/s/bert')).toBe(
      '/x/training_results_v0.8'
    )
  })

  it('tallies newer rounds per suite for one report note each', () => {
    const tally = new NewerRoundTally()
    for (const r of ['v6.2', 'v6.2', 'v4.1', 'unknown']) tally.add('inference', r)
    tally.add('training', 'v7.0')
    expect(tally.notes()).toEqual([
      'Round v6.2 is newer than this version knows; read with the v6.1 rules (2 Inference results). Values follow the v6.1 submission checker until this version learns the new round.',
      'Round v7.0 is newer than this version knows; read with the v6.1 rules (1 Training result). Values follow the v6.1 submission checker until this version learns the new round.'
    ])
  })

  it('accepts a round of either suite, or a newer one, for the import', () => {
    expect(checkImportRound(undefined)).toEqual({ round: null })
    expect(checkImportRound('  ')).toEqual({ round: null })
    expect(checkImportRound('3.1')).toEqual({ round: 'v3.1' })
    // v0.6 was a training round only.
    expect(checkImportRound('v0.6')).toEqual({ round: 'v0.6' })
    expect(checkImportRound('v7.0')).toEqual({ round: 'v7.0' })
    expect(checkImportRound('v1.5')).toEqual({
      error: expect.stringContaining('v1.5 is not an MLPerf Inference or Training round') as string
    })
    expect(checkImportRound('latest')).toEqual({
      error: '"latest" is not a round name (expected vX.Y, e.g. v6.1)'
    })
  })
})
