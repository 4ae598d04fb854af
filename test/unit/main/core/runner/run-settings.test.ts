import { describe, expect, it } from 'vitest'
import {
  ANY_BENCHMARK,
  resolveRunSettings,
  settingsProblems,
  testSettingsFor
} from '../../../../../src-main/core/runner/run-settings'

const base = { modelPath: '/m.onnx', outputDir: '/out', benchmark: 'resnet50' }

describe('resolveRunSettings', () => {
  it('has no default benchmark: the run names one mlperf.conf knows', () => {
    expect(() => resolveRunSettings({ modelPath: '/m.onnx', outputDir: '/out' })).toThrow(
      /^Choose the MLPerf benchmark the model stands for/
    )
    expect(() => resolveRunSettings({ ...base, benchmark: 'mobilenet' })).toThrow(
      /^Unknown benchmark "mobilenet"; choose one of resnet50, /
    )
    // The form's generic settings before a benchmark is chosen: only the `*.` entries.
    expect(
      resolveRunSettings({ ...base, benchmark: ANY_BENCHMARK, scenario: 'Server' })
    ).toMatchObject({
      targetLatencyMs: 10,
      performanceSampleCount: 0
    })
  })

  it('fills LoadGen fields from mlperf.conf for the benchmark and scenario', () => {
    const ss = resolveRunSettings({ ...base, scenario: 'SingleStream' })
    expect(ss).toMatchObject({
      benchmark: 'resnet50',
      mode: 'PerformanceOnly',
      minDurationMs: 600000,
      minQueryCount: 100,
      targetLatencyPercentile: 90,
      expectedLatencyMs: 10,
      performanceSampleCount: 1024,
      qslRngSeed: '2085463073848966840',
      sampleIndexRngSeed: '2747215439041700203',
      scheduleRngSeed: '16159082839903944936',
      batchSize: 1,
      executionProvider: 'cpu'
    })
    expect(resolveRunSettings({ ...base, scenario: 'MultiStream' })).toMatchObject({
      minQueryCount: 662,
      samplesPerQuery: 8,
      targetLatencyPercentile: 99,
      expectedLatencyMs: 80
    })
    expect(resolveRunSettings({ ...base, scenario: 'Server' })).toMatchObject({
      targetLatencyMs: 15,
      targetQps: 1,
      targetLatencyPercentile: 99
    })
    expect(resolveRunSettings({ ...base, scenario: 'Offline' })).toMatchObject({
      minQueryCount: 24576,
      targetQps: 1
    })
    expect(resolveRunSettings({ ...base, scenario: 'Server', benchmark: 'bert' })).toMatchObject({
      targetLatencyMs: 130,
      performanceSampleCount: 10833
    })
  })

  it('applies user.conf, then explicit fields', () => {
    const s = resolveRunSettings({
      ...base,
      scenario: 'Server',
      userConf: 'resnet50.Server.target_qps = 250\n*.Server.min_duration = 1000\n',
      minDurationMs: 2000
    })
    expect(s.targetQps).toBe(250)
    expect(s.minDurationMs).toBe(2000)
    expect(s.preprocess.mean).toEqual([123.68, 116.78, 103.94])
  })

  it('rejects bad user.conf and seeds with clear messages', () => {
    expect(() =>
      resolveRunSettings({ ...base, userConf: 'resnet50.Server.target_qps = fast' })
    ).toThrow(/user.conf: line 1: value needs to be integer or double/)
    expect(() => resolveRunSettings({ ...base, qslRngSeed: 'abc' })).toThrow(
      /qslRngSeed must be an unsigned 64-bit integer/
    )
  })

  it('lists problems with edited settings', () => {
    const s = resolveRunSettings(base)
    expect(settingsProblems(s)).toEqual([])
    expect(
      settingsProblems({ ...s, targetQps: 0, batchSize: -1, targetLatencyPercentile: 100 })
    ).toEqual([
      'targetQps must be a positive number (got 0)',
      'batchSize must be a positive number (got -1)',
      'targetLatencyPercentile must be between 0 and 100 (got 100)'
    ])
  })

  it('maps to LoadGen requested settings (ms → ns, percent → fraction, seeds as uint64)', () => {
    // Expected latencies are doubles, computed as LoadGen reads user.conf's target_latency (ms × 1e6).
    const ss = testSettingsFor(resolveRunSettings({ ...base, expectedLatencyMs: 0.3 }))
    expect(ss.singleStreamExpectedLatencyNs).toBe(0.3 * 1e6)
    const ts = testSettingsFor(
      resolveRunSettings({ ...base, scenario: 'Server', targetLatencyMs: 12.5, targetQps: 300 })
    )
    expect(ts.serverTargetLatencyNs).toBe(12_500_000)
    expect(ts.serverTargetQps).toBe(300)
    expect(ts.serverTargetLatencyPercentile).toBeCloseTo(0.99, 12)
    expect(ts.scheduleRngSeed).toBe(16159082839903944936n)
  })
})
