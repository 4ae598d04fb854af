import { describe, expect, it } from 'vitest'
import {
  finalQueryTimes,
  latencyBlock,
  throughputs
} from '../../../../../src-main/core/loadgen/performance-summary'
import { RunRecord } from '../../../../../src-main/core/loadgen/run-record'
import { latencyStats } from '../../../../../src-main/core/loadgen/stats'

describe('finalQueryTimes', () => {
  it('takes the last recorded query, done when its last sample completed', () => {
    const r = new RunRecord(4, 4, false)
    r.addQuery(Uint32Array.of(0), 0, 10)
    r.addQuery(Uint32Array.of(1, 2), 100, 130)
    r.complete(0, 0, 1, 50, null, 0)
    r.complete(1, 0, 2, 400, null, 0)
    expect(finalQueryTimes(r, 300)).toEqual({ scheduledNs: 100, issuedNs: 130, doneNs: 400 })
  })

  it('counts an unfinished final query done at its schedule plus the longest latency', () => {
    const r = new RunRecord(4, 4, false)
    r.addQuery(Uint32Array.of(0), 0, 0)
    r.addQuery(Uint32Array.of(1, 2), 100, 120)
    r.complete(0, 0, 1, 70, null, 0)
    r.complete(1, 0, 1, 200, null, 0)
    expect(finalQueryTimes(r, 100)).toEqual({ scheduledNs: 100, issuedNs: 120, doneNs: 200 })
  })

  it('is all zeros for a run without queries', () => {
    expect(finalQueryTimes(new RunRecord(0, 0, false), 0)).toEqual({
      scheduledNs: 0,
      issuedNs: 0,
      doneNs: 0
    })
  })
})

describe('latencyBlock', () => {
  it('prints min, max, truncated mean and the reported percentiles', () => {
    const b = latencyBlock(latencyStats(Float64Array.of(30, 10, 21)))
    expect(b).toEqual({
      min: 10,
      max: 30,
      mean: 20,
      percentiles: { '50.00': 21, '90.00': 30, '95.00': 30, '97.00': 30, '99.00': 30, '99.90': 30 }
    })
  })

  it('is all zeros when nothing completed', () => {
    expect(latencyBlock(latencyStats(new Float64Array(0)))).toEqual({
      min: 0,
      max: 0,
      mean: 0,
      percentiles: { '50.00': 0, '90.00': 0, '95.00': 0, '97.00': 0, '99.00': 0, '99.90': 0 }
    })
  })
})

describe('throughputs', () => {
  const times = { issuedNs: 2e9, scheduledNs: 4e9, doneNs: 5e9 }
  const latency = { meanNs: 1e6, maxNs: 8e9 }

  it('SingleStream: n − 1 samples over the final issue, and 1 / mean latency', () => {
    expect(throughputs('SingleStream', 101, times, latency)).toEqual({
      qpsWithLoadgenOverhead: 50,
      qpsWithoutLoadgenOverhead: 1000,
      scheduledSamplesPerSecond: null,
      completedSamplesPerSecond: null,
      samplesPerSecond: null
    })
  })

  it('Server: n − 1 samples over the final schedule and over the final completion', () => {
    expect(throughputs('Server', 101, times, latency)).toEqual({
      qpsWithLoadgenOverhead: null,
      qpsWithoutLoadgenOverhead: null,
      scheduledSamplesPerSecond: 25,
      completedSamplesPerSecond: 20,
      samplesPerSecond: null
    })
  })

  it('Offline: every sample over the longest latency; MultiStream reports none', () => {
    expect(throughputs('Offline', 100, times, latency).samplesPerSecond).toBe(12.5)
    expect(Object.values(throughputs('MultiStream', 100, times, latency))).toEqual([
      null,
      null,
      null,
      null,
      null
    ])
  })
})
