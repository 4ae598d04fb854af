import { describe, expect, it } from 'vitest'
import {
  olympicAverage,
  scoreTrainingRuns
} from '../../../../../../src-main/core/ingest/training/score'
import type { ScoredRunInput } from '../../../../../../src-main/core/ingest/training/score'
import { olympicDropCount, runsRequired } from '../../../../../../src-main/mlperf'

const runs = (minutes: (number | null)[]): ScoredRunInput[] =>
  minutes.map((m, i) => ({ file: `result_${i}.txt`, converged: m !== null, minutes: m }))

describe('olympicAverage (result_summarizer _compute_olympic_average)', () => {
  it('drops one fastest and one slowest', () => {
    // sorted [10, 11, 12, 13, 20] → [11, 12, 13] → 36 / 3 = 12
    expect(olympicAverage([13, 10, 20, 12, 11], 0, 1)).toBe(12)
  })

  it('a dropped (failed) run replaces the slowest drop', () => {
    // 4 converged, 1 failed: scores[1 : 4 − (1 − 1)] = [11, 12, 13] → 12
    expect(olympicAverage([10, 11, 12, 13], 1, 1)).toBe(12)
  })

  it('returns null when nothing is left', () => {
    expect(olympicAverage([5], 0, 1)).toBeNull()
    expect(olympicAverage([], 0, 4)).toBeNull()
  })
})

describe('scoreTrainingRuns', () => {
  it('resnet: 5 runs, olympic mean', () => {
    const s = scoreTrainingRuns('resnet', runs([13, 10, 20, 12, 11]))
    expect(s.valid).toBe(true)
    expect(s.value).toBe(12)
    expect(s.roles).toEqual({
      'result_0.txt': 'counted',
      'result_1.txt': 'dropped-fastest',
      'result_2.txt': 'dropped-slowest',
      'result_3.txt': 'counted',
      'result_4.txt': 'counted'
    })
  })

  it('one failed run counts as the slowest', () => {
    // converged [10, 11, 12, 13]; the failed run takes the slowest slot, 10 is dropped:
    // (11 + 12 + 13) / 3 = 12
    const s = scoreTrainingRuns('resnet', runs([10, 11, null, 12, 13]))
    expect(s.value).toBe(12)
    expect(s.failedCount).toBe(1)
    expect(s.roles['result_2.txt']).toBe('failed')
    expect(s.roles['result_4.txt']).toBe('counted')
    expect(s.notes.join(' ')).toMatch(/counted as the slowest/)
  })

  it('two failed runs: too many non-converging runs, no score', () => {
    const s = scoreTrainingRuns('resnet', runs([10, null, 12, null, 13]))
    expect(s.valid).toBe(false)
    expect(s.value).toBeNull()
    expect(s.reason).toMatch(/Too many non-converging runs/)
  })

  it('unet3d drops 4 at each end and tolerates 4 failures', () => {
    expect(olympicDropCount('unet3d')).toBe(4)
    expect(runsRequired('unet3d')).toBe(40)
    const forty = Array.from({ length: 40 }, (_, i) => i + 1)
    // keep 5 … 36: (5 + 36) / 2 = 20.5
    expect(scoreTrainingRuns('unet3d', runs(forty)).value).toBe(20.5)
    // 36 converged (1 … 36) + 4 failed: scores[4 : 36 − 0] = 5 … 36 → 20.5
    const withFailures = [...forty.slice(0, 36), null, null, null, null]
    const s = scoreTrainingRuns('unet3d', runs(withFailures))
    expect(s.value).toBe(20.5)
    // a fifth failure is one too many
    const five = [...forty.slice(0, 35), null, null, null, null, null]
    expect(scoreTrainingRuns('unet3d', runs(five)).valid).toBe(false)
  })

  it('3-run benchmarks (gpt3) score the median', () => {
    expect(runsRequired('gpt3')).toBe(3)
    expect(scoreTrainingRuns('gpt3', runs([30, 10, 20])).value).toBe(20)
    // one failure: converged [10, 20]; scores[1 : 2] = [20]
    expect(scoreTrainingRuns('gpt3', runs([10, null, 20])).value).toBe(20)
  })

  it('multiplies by the scaling factor after averaging', () => {
    // olympic mean 12 × 1.5 = 18
    const s = scoreTrainingRuns('resnet', runs([13, 10, 20, 12, 11]), 1.5)
    expect(s.unscaled).toBe(12)
    expect(s.value).toBe(18)
    expect(s.scalingFactor).toBe(1.5)
  })

  it('keeps the summarizer arithmetic order (sum, / n, × factor)', () => {
    const xs = [0.1, 0.7, 0.2, 0.3, 0.9]
    // sorted [0.1, 0.2, 0.3, 0.7, 0.9] → (0 + 0.2 + 0.3 + 0.7) / 3 × 1.1
    const expected = ((0 + 0.2 + 0.3 + 0.7) * 1.0) / 3
    const s = scoreTrainingRuns('ssd', runs(xs), 1.1)
    expect(s.unscaled).toBe(expected)
    expect(s.value).toBe(expected * 1.1)
  })

  it('notes a run count that differs from the rules but still scores', () => {
    const s = scoreTrainingRuns('bert', runs([3, 1, 2, 5, 4]))
    expect(s.value).toBe(3)
    expect(s.notes[0]).toMatch(/require 10/)
  })
})
