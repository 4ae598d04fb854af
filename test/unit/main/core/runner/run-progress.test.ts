import { describe, expect, it } from 'vitest'
import { RunProgressReporter } from '../../../../../src-main/core/runner/run-progress'
import type { RunProgress } from '../../../../../src-main/shared/local-run'

describe('RunProgressReporter', () => {
  it('fills every field, starting in the preparing phase with the asked minimum duration', () => {
    const seen: RunProgress[] = []
    const p = new RunProgressReporter({ mode: 'PerformanceOnly', minDurationMs: 600 }, (e) =>
      seen.push(e)
    )
    p.emit({ loaded: 3, toLoad: 10 })
    expect(seen).toEqual([
      {
        phase: 'preparing',
        mode: 'PerformanceOnly',
        elapsedNs: 0,
        minDurationNs: 600e6,
        issued: 0,
        generated: 0,
        completed: 0,
        loaded: 3,
        toLoad: 10,
        throughput: 0,
        latencyP50Ns: 0,
        latencyP90Ns: 0,
        latencyP99Ns: 0
      }
    ])
  })

  it('reports the phase entered and the effective minimum duration once known', () => {
    const seen: RunProgress[] = []
    const p = new RunProgressReporter({ mode: 'PerformanceOnly', minDurationMs: 600 }, (e) =>
      seen.push(e)
    )
    p.setMinDuration(1000)
    p.enter('warmup')
    p.phase = 'running'
    p.emit({ issued: 5, completed: 4 })
    expect(seen.map((e) => [e.phase, e.minDurationNs, e.issued])).toEqual([
      ['warmup', 1e9, 0],
      ['running', 1e9, 5]
    ])
  })

  it('has no minimum duration in accuracy mode, and is silent without a listener', () => {
    const seen: RunProgress[] = []
    const acc = new RunProgressReporter({ mode: 'AccuracyOnly', minDurationMs: 600 }, (e) =>
      seen.push(e)
    )
    acc.setMinDuration(600_000)
    acc.emit()
    expect(seen[0]!.minDurationNs).toBe(0)
    expect(() =>
      new RunProgressReporter({ mode: 'AccuracyOnly', minDurationMs: 1 }).emit()
    ).not.toThrow()
  })
})
