import { describe, expect, it } from 'vitest'
import type { RunProgress } from '../../../../../src-main/shared/local-run'
import { progressShare, progressText } from '../../../../../src-renderer/lib/format/run'

const base: RunProgress = {
  phase: 'running',
  mode: 'PerformanceOnly',
  elapsedNs: 3e9,
  minDurationNs: 600e9,
  issued: 250,
  generated: 1000,
  completed: 249,
  loaded: 0,
  toLoad: 0,
  throughput: 0,
  latencyP50Ns: 0,
  latencyP90Ns: 0,
  latencyP99Ns: 0
}

describe('run progress', () => {
  it('measures a performance run against its minimum duration', () => {
    expect(progressText(base)).toBe('3 s of at least 600 s')
    expect(progressShare(base)).toBeCloseTo(0.005, 9)
  })

  it('shows no minimum duration for an accuracy run, only the queries issued', () => {
    const acc = { ...base, mode: 'AccuracyOnly' as const, minDurationNs: 0 }
    expect(progressText(acc)).toBe('3 s: 250 of 1,000 queries issued (every sample once)')
    expect(progressText(acc)).not.toMatch(/600/)
    expect(progressShare(acc)).toBe(0.25)
  })
})
