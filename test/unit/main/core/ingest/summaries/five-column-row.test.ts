import { describe, expect, it } from 'vitest'
import {
  latencyKindProblem,
  labelInfo
} from '../../../../../../src-main/core/ingest/summaries/five-column-labels'
import {
  fiveColumnRowInput,
  fiveColumnValue
} from '../../../../../../src-main/core/ingest/summaries/five-column-row'
import { contextFromPath } from '../../../../../../src-main/core/ingest/summaries/to-record'

describe('labelInfo and latencyKindProblem', () => {
  it('reads v0.7 labels (escaped) and v1.0 keys alike', () => {
    expect(labelInfo('90th percentile latency \\(ns\\)')).toEqual({
      metric: 'latency_p90_ms',
      nsToMs: true,
      kind: 'percentile'
    })
    expect(labelInfo('result_samples_per_second')?.kind).toBe('throughput')
    expect(labelInfo('mean latency (ns)')).toBeNull()
  })

  it('accepts throughputs whatever the field, and latencies of the official kind', () => {
    const info = labelInfo('early_stopping_latency_ss')
    if (info === null) throw new Error('no label')
    expect(latencyKindProblem(info, null)).toBeNull()
    const plain = { key: 'result_90.00_percentile_latency_ns' } as Parameters<
      typeof latencyKindProblem
    >[1]
    expect(latencyKindProblem(info, plain)).toMatch(
      /is the plain percentile, not an early-stopping/
    )
  })
})

describe('fiveColumnValue', () => {
  it('converts nanoseconds to ms and says so', () => {
    expect(
      fiveColumnValue(
        'result_90.00_percentile_latency_ns',
        '2500000',
        'v1.0',
        'resnet50',
        'SingleStream'
      )
    ).toEqual({
      metric: 'latency_p90_ms',
      value: 2.5,
      note: 'perf_metric "result_90.00_percentile_latency_ns" = 2500000 ns, converted to ms.'
    })
  })

  it('keeps throughputs, and passes on a value that is no number as written', () => {
    expect(
      fiveColumnValue('result_samples_per_second', '123.5', 'v1.0', 'resnet50', 'Offline')
    ).toEqual({
      metric: 'samples_per_second',
      value: 123.5,
      note: 'perf_metric "result_samples_per_second".'
    })
    expect(
      fiveColumnValue(
        'result_90.00_percentile_latency_ns',
        'n/a',
        'v1.0',
        'resnet50',
        'SingleStream'
      )
    ).toMatchObject({
      value: 'n/a',
      note: 'perf_metric "result_90.00_percentile_latency_ns".'
    })
  })

  it('refuses unknown labels and a latency of the wrong kind for the round', () => {
    expect(fiveColumnValue('mean', '1', 'v1.0', 'resnet50', 'Offline')).toEqual({
      problem: 'perf_metric "mean" is not a result the explorer knows'
    })
    const r = fiveColumnValue(
      'result_90.00_percentile_latency_ns',
      '1',
      'v3.0',
      'resnet50',
      'SingleStream'
    )
    expect('problem' in r ? r.problem : null).toMatch(
      /^perf_metric "result_90\.00_percentile_latency_ns": the official latency/
    )
  })
})

describe('fiveColumnRowInput', () => {
  it("files the row under the path's division and submitter", () => {
    const row: Record<string, string> = {
      system_id: 'DGX',
      benchmark: 'resnet50',
      scenario: 'offline',
      perf_metric: 'result_samples_per_second',
      perf_value: '10'
    }
    const fromPath = contextFromPath('/c/inference_results_v1.0/closed/NVIDIA/results_summary.csv')
    expect(fiveColumnRowInput((f) => row[f] ?? '', 'v1.0', fromPath, 'base')).toMatchObject({
      round: 'v1.0',
      division: 'closed',
      submitter: 'NVIDIA',
      systemId: 'DGX',
      scenario: 'Offline',
      value: 10,
      knownMetric: 'samples_per_second',
      notes: ['base', 'perf_metric "result_samples_per_second".']
    })
    expect(
      fiveColumnRowInput((f) => (f === 'perf_metric' ? 'x' : ''), 'v1.0', fromPath, 'b')
    ).toEqual({
      reason: 'perf_metric "x" is not a result the explorer knows'
    })
  })
})
