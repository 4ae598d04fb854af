import { describe, expect, it } from 'vitest'
import {
  applyConf,
  builtInTestSettings,
  confInteger,
  effectiveSettings,
  lookupConf,
  parseConf
} from '../../../../../src-main/core/loadgen/config'
import {
  MLPERF_CONF,
  MLPERF_CONF_MODELS
} from '../../../../../src-main/core/loadgen/mlperf-conf-defaults'

describe('mlperf.conf / user.conf syntax', () => {
  it('reads key = value lines, comments and wildcards with LoadGen precedence', () => {
    const { entries, errors } = parseConf(
      [
        '# comment line',
        '*.*.min_duration = 1000',
        'resnet50.*.min_duration = 2000',
        '*.Server.min_duration = 3000',
        'resnet50.Server.min_duration = 4000',
        'resnet50.Server.min_duration = 5000',
        '',
        '   '
      ].join('\n')
    )
    expect(errors).toEqual([])
    expect(lookupConf(entries, 'resnet50', 'Server', 'min_duration')).toBe('5000')
    expect(lookupConf(entries, 'bert', 'Server', 'min_duration')).toBe('3000')
    expect(lookupConf(entries, 'resnet50', 'Offline', 'min_duration')).toBe('2000')
    expect(lookupConf(entries, 'bert', 'Offline', 'min_duration')).toBe('1000')
    expect(lookupConf(entries, 'bert', 'Offline', 'max_duration')).toBeUndefined()
  })

  it('reports bad lines with their numbers', () => {
    const { errors } = parseConf(
      'a.b.c = 1\na.b.c = abc\na.b.c 5\na.b.c=5\na.b.c =\na.b.c = 1 # late comment'
    )
    // A '#' after the value is read as another value, as LoadGen does.
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6])
    expect(errors[0]!.message).toMatch(/integer or double/)
  })

  it('parses integers like strtoull(…, 0)', () => {
    expect(confInteger('0x10')).toBe(16n)
    expect(confInteger('010')).toBe(8n)
    expect(confInteger('2.9')).toBe(2n)
    expect(confInteger('18209322760996052031')).toBe(18209322760996052031n)
  })
})

describe('official mlperf.conf defaults', () => {
  const { entries, errors } = parseConf(MLPERF_CONF)
  const settings = (
    model: string,
    scenario: 'SingleStream' | 'MultiStream' | 'Server' | 'Offline'
  ) => applyConf(builtInTestSettings(scenario, 'PerformanceOnly'), entries, model)

  it('parses cleanly and covers the benchmarks of rules A.5', () => {
    expect(errors).toEqual([])
    for (const m of [
      'resnet50',
      'retinanet',
      'bert',
      'dlrm-v2',
      '3d-unet',
      'llama2-70b',
      'stable-diffusion-xl',
      'rgat'
    ]) {
      expect(MLPERF_CONF_MODELS).toContain(m)
    }
  })

  it('gives resnet50 its current values', () => {
    const ss = settings('resnet50', 'SingleStream')
    expect(ss.minDurationMs).toBe(600000)
    expect(ss.minQueryCount).toBe(100)
    expect(ss.singleStreamTargetLatencyPercentile).toBeCloseTo(0.9, 12)
    expect(ss.performanceSampleCountOverride).toBe(1024)
    expect(ss.qslRngSeed).toBe(2085463073848966840n)
    expect(ss.sampleIndexRngSeed).toBe(2747215439041700203n)
    expect(ss.scheduleRngSeed).toBe(16159082839903944936n)
    const ms = settings('resnet50', 'MultiStream')
    expect(ms.minQueryCount).toBe(662)
    expect(ms.multiStreamSamplesPerQuery).toBe(8)
    expect(ms.multiStreamTargetLatencyPercentile).toBeCloseTo(0.99, 12)
    const server = settings('resnet50', 'Server')
    expect(server.serverTargetLatencyNs).toBe(15_000_000)
    expect(server.serverTargetLatencyPercentile).toBeCloseTo(0.99, 12)
    const off = settings('resnet50', 'Offline')
    expect(off.minQueryCount).toBe(24576)
  })

  it('gives other benchmarks theirs', () => {
    expect(settings('retinanet', 'Server').serverTargetLatencyNs).toBe(100_000_000)
    expect(settings('retinanet', 'MultiStream').multiStreamExpectedLatencyNs).toBe(528_000_000)
    expect(settings('retinanet', 'Offline').performanceSampleCountOverride).toBe(64)
    expect(settings('bert', 'Server').serverTargetLatencyNs).toBe(130_000_000)
    expect(settings('bert', 'Offline').minQueryCount).toBe(10833)
    expect(settings('3d-unet', 'Offline').minQueryCount).toBe(43)
    expect(settings('3d-unet', 'Offline').sampleConcatenatePermutation).toBe(true)
    expect(
      settings('pointpainting', 'SingleStream').singleStreamTargetLatencyPercentile
    ).toBeCloseTo(0.999, 12)
    expect(settings('gptj', 'Server').serverTargetLatencyNs).toBe(20_000_000_000)
  })

  it('ignores seeds in user.conf (LoadGen ≥ 5.0) but applies the rest', () => {
    const user = parseConf(
      'resnet50.Server.target_qps = 1234.5\n*.*.qsl_rng_seed = 1\nresnet50.Server.min_duration = 500'
    )
    const s = applyConf(settings('resnet50', 'Server'), user.entries, 'resnet50', true)
    expect(s.serverTargetQps).toBe(1234.5)
    expect(s.minDurationMs).toBe(500)
    expect(s.qslRngSeed).toBe(2085463073848966840n)
  })
})

describe('effective settings', () => {
  it('derives SingleStream target_qps from the expected latency', () => {
    const e = effectiveSettings(
      {
        ...builtInTestSettings('SingleStream', 'PerformanceOnly'),
        singleStreamExpectedLatencyNs: 330000
      },
      50
    )
    expect(e.targetQps).toBeCloseTo(3030.303, 3)
    expect(e).toMatchObject({
      targetLatencyNs: 0,
      maxAsyncQueries: 1,
      samplesPerQuery: 1,
      performanceSampleCount: 50
    })
  })

  it('coalesces Offline into one query of max(min_query_count, 1.1 × duration × qps)', () => {
    const ts = {
      ...builtInTestSettings('Offline', 'PerformanceOnly'),
      offlineExpectedQps: 300000,
      minDurationMs: 600000,
      minQueryCount: 24576
    }
    const e = effectiveSettings(ts, 1024)
    expect(e.samplesPerQuery).toBe(198_000_000)
    expect(e).toMatchObject({ minQueryCount: 1, targetDurationMs: 0, minSampleCount: 198_000_000 })
    expect(effectiveSettings({ ...ts, offlineExpectedQps: 1 }, 1024).samplesPerQuery).toBe(24576)
  })

  it('uses the override for performance_sample_count, else the QSL count', () => {
    const ts = builtInTestSettings('Server', 'PerformanceOnly')
    expect(effectiveSettings(ts, 77).performanceSampleCount).toBe(77)
    expect(
      effectiveSettings({ ...ts, performanceSampleCountOverride: 1024 }, 77).performanceSampleCount
    ).toBe(1024)
    expect(effectiveSettings({ ...ts, minQueryCount: 10 }, 77).minSampleCount).toBe(10)
  })
})
