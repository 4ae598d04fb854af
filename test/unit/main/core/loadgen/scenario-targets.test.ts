import { describe, expect, it } from 'vitest'
import { builtInTestSettings, scenarioTargets } from '../../../../../src-main/core/loadgen/config'

describe('scenarioTargets', () => {
  it('SingleStream and MultiStream: a query rate of 1 / expected latency, one query in flight', () => {
    const ss = scenarioTargets({
      ...builtInTestSettings('SingleStream', 'PerformanceOnly'),
      singleStreamExpectedLatencyNs: 2e6,
      singleStreamTargetLatencyPercentile: 0.9
    })
    expect(ss).toEqual({
      samplesPerQuery: 1,
      targetQps: 500,
      targetLatencyNs: 0,
      targetLatencyPercentile: 0.9,
      maxAsyncQueries: 1
    })
    const ms = scenarioTargets({
      ...builtInTestSettings('MultiStream', 'PerformanceOnly'),
      multiStreamExpectedLatencyNs: 50e6,
      multiStreamSamplesPerQuery: 8
    })
    expect(ms).toMatchObject({ samplesPerQuery: 8, targetQps: 20, maxAsyncQueries: 1 })
  })

  it('Server: its QPS, latency bound and percentile, and queries in flight', () => {
    const t = scenarioTargets({
      ...builtInTestSettings('Server', 'PerformanceOnly'),
      serverTargetQps: 300,
      serverTargetLatencyNs: 15e6,
      serverTargetLatencyPercentile: 0.99,
      serverMaxAsyncQueries: 0
    })
    expect(t).toEqual({
      samplesPerQuery: 1,
      targetQps: 300,
      targetLatencyNs: 15e6,
      targetLatencyPercentile: 0.99,
      maxAsyncQueries: 0
    })
  })

  it('Offline: the expected QPS, no latency bound', () => {
    const t = scenarioTargets({
      ...builtInTestSettings('Offline', 'PerformanceOnly'),
      offlineExpectedQps: 1234
    })
    expect(t).toEqual({
      samplesPerQuery: 1,
      targetQps: 1234,
      targetLatencyNs: 0,
      targetLatencyPercentile: 0.99,
      maxAsyncQueries: 1
    })
  })
})
