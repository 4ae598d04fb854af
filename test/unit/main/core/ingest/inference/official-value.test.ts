import { describe, expect, it } from 'vitest'

import type { MllogValue } from '../../../../../../src-main/core/ingest/inference/mllog-detail'
import { deriveOfficialValue } from '../../../../../../src-main/core/ingest/inference/official-value'
import { officialResultField } from '../../../../../../src-main/mlperf'
import { parseSummaryLog } from '../../../../../../src-main/core/ingest/inference/summary-log'

const spec = (
  round: string,
  scenario: Parameters<typeof officialResultField>[1],
  model: string
) => {
  const s = officialResultField(round, scenario, model)
  return [s.metric, s.unit, s.source, s.key, s.divisor]
}

describe('officialResultField', () => {
  it('uses summary labels before v1.0', () => {
    for (const r of ['v0.5', 'v0.7']) {
      expect(spec(r, 'SingleStream', 'resnet')).toEqual([
        'latency_p90_ms',
        'Latency (ms)',
        'summary',
        '90th percentile latency (ns)',
        1e6
      ])
      expect(spec(r, 'MultiStream', 'resnet')).toEqual([
        'streams',
        'Streams',
        'summary',
        'Samples per query',
        1
      ])
      expect(spec(r, 'Server', 'resnet')).toEqual([
        'scheduled_samples_per_second',
        'Queries/s',
        'summary',
        'Scheduled samples per second',
        1
      ])
      expect(spec(r, 'Offline', 'resnet')).toEqual([
        'samples_per_second',
        'Samples/s',
        'summary',
        'Samples per second',
        1
      ])
    }
  })

  it('uses v1.0 detail keys, legacy MultiStream from effective_samples_per_query', () => {
    expect(spec('v1.0', 'SingleStream', 'resnet')).toEqual([
      'latency_p90_ms',
      'Latency (ms)',
      'detail',
      'result_90.00_percentile_latency_ns',
      1e6
    ])
    expect(spec('v1.0', 'MultiStream', 'resnet')).toEqual([
      'streams',
      'Streams',
      'detail',
      'effective_samples_per_query',
      1
    ])
    expect(spec('v1.1', 'Server', 'bert-99')).toEqual([
      'scheduled_samples_per_second',
      'Queries/s',
      'detail',
      'result_scheduled_samples_per_sec',
      1
    ])
  })

  it('uses early-stopping estimates from v2.0 and the completed rate from v4.1', () => {
    expect(spec('v3.0', 'SingleStream', 'resnet')).toEqual([
      'latency_p90_ms',
      'Latency (ms)',
      'detail',
      'early_stopping_latency_ss',
      1e6
    ])
    expect(spec('v3.0', 'MultiStream', 'retinanet')).toEqual([
      'latency_p99_ms',
      'Latency (ms)',
      'detail',
      'early_stopping_latency_ms',
      1e6
    ])
    expect(spec('v4.0', 'Server', 'resnet')[3]).toBe('result_scheduled_samples_per_sec')
    expect(spec('v4.1', 'Server', 'resnet')).toEqual([
      'completed_samples_per_second',
      'Queries/s',
      'detail',
      'result_completed_samples_per_sec',
      1
    ])
    expect(spec('v4.1', 'Offline', 'resnet')[3]).toBe('result_samples_per_second')
    expect(spec('v5.0', 'SingleStream', 'pointpainting')[0]).toBe('latency_p99_9_ms')
  })

  it('applies the LLM token overrides per round', () => {
    expect(spec('v4.0', 'Offline', 'llama2-70b-99')).toEqual([
      'tokens_per_second',
      'Tokens/s',
      'detail',
      'result_tokens_per_second',
      1
    ])
    expect(spec('v4.0', 'Server', 'llama2-70b-99')).toEqual([
      'completed_samples_per_second',
      'Queries/s',
      'detail',
      'result_completed_samples_per_sec',
      1
    ])
    expect(spec('v4.1', 'Offline', 'mixtral-8x7b')[3]).toBe('result_tokens_per_second')
    expect(spec('v4.1', 'Server', 'llama2-70b-99.9')).toEqual([
      'completed_tokens_per_second',
      'Tokens/s',
      'detail',
      'result_completed_tokens_per_second',
      1
    ])
    expect(spec('v4.1', 'Offline', 'gptj-99')).toEqual([
      'inferred_tokens_per_second',
      'Tokens/s',
      'detail',
      'result_inferred_tokens_per_second',
      1
    ])
    expect(spec('v4.1', 'Server', 'gptj-99.9')).toEqual([
      'inferred_completed_tokens_per_second',
      'Tokens/s',
      'detail',
      'result_inferred_completed_tokens_per_second',
      1
    ])
    expect(spec('v4.1', 'SingleStream', 'gptj-99')[3]).toBe('early_stopping_latency_ss')
    expect(spec('v3.1', 'Offline', 'gptj-99')[3]).toBe('result_samples_per_second')
    expect(spec('v5.1', 'SingleStream', 'llama3.1-8b-edge')[3]).toBe(
      'result_90.00_percentile_latency_ns'
    )
    expect(spec('v5.1', 'Offline', 'whisper')[3]).toBe('result_tokens_per_second')
    expect(spec('v6.0', 'Server', 'gpt-oss-120b')[3]).toBe('result_completed_tokens_per_second')
  })
})

const detail = (o: Record<string, MllogValue>): Map<string, MllogValue> =>
  new Map(Object.entries(o))

describe('deriveOfficialValue', () => {
  it('divides nanoseconds the way the checker does', () => {
    const v = deriveOfficialValue({
      round: 'v4.1',
      folderScenario: 'SingleStream',
      logScenario: 'SingleStream',
      mlperfModel: 'gptj-99',
      detail: detail({ early_stopping_latency_ss: 4145572039 }),
      summary: null
    })
    expect(v.value).toBe(4145.572039)
    expect(v.inferred).toBe(false)
  })

  it('infers Offline from a SingleStream run (result_qps_without_loadgen_overhead)', () => {
    const v = deriveOfficialValue({
      round: 'v3.0',
      folderScenario: 'Offline',
      logScenario: 'SingleStream',
      mlperfModel: 'bert-99',
      detail: detail({
        result_qps_without_loadgen_overhead: 233.044,
        result_samples_per_second: 1
      }),
      summary: null
    })
    expect([v.value, v.metric, v.unit, v.inferred]).toEqual([
      233.044,
      'samples_per_second',
      'Samples/s',
      true
    ])
  })

  it('infers MultiStream from SingleStream as early_stopping_latency_ms × 8 / 1e6', () => {
    const v = deriveOfficialValue({
      round: 'v3.0',
      folderScenario: 'MultiStream',
      logScenario: 'SingleStream',
      mlperfModel: 'resnet',
      detail: detail({ early_stopping_latency_ms: 134640238 }),
      summary: null
    })
    expect([v.value, v.metric, v.inferred]).toEqual([(134640238 * 8) / 1e6, 'latency_p99_ms', true])
  })

  it('infers Offline from MultiStream (samples per query × 1000 / mean query latency in ms)', () => {
    const v = deriveOfficialValue({
      round: 'v3.0',
      folderScenario: 'Offline',
      logScenario: 'MultiStream',
      mlperfModel: 'resnet',
      detail: detail({ effective_samples_per_query: 8, result_mean_query_latency_ns: 2000000 }),
      summary: null
    })
    expect(v.value).toBe(4000)
  })

  it('reads pre-v1.0 values from the summary, including inferred Offline', () => {
    const summary = parseSummaryLog(
      'Scenario : Single Stream\nMode     : Performance\n90th percentile latency (ns) : 8951407\nResult is : VALID\nQPS w/o loadgen overhead        : 113.50\n'
    )
    const ss = deriveOfficialValue({
      round: 'v0.5',
      folderScenario: 'SingleStream',
      logScenario: 'SingleStream',
      mlperfModel: 'resnet',
      detail: null,
      summary
    })
    expect(ss.value).toBe(8.951407)
    const off = deriveOfficialValue({
      round: 'v0.7',
      folderScenario: 'Offline',
      logScenario: 'SingleStream',
      mlperfModel: 'resnet',
      detail: null,
      summary
    })
    expect([off.value, off.inferred]).toEqual([113.5, true])
  })

  it('falls back to the summary when the detail key is missing, and says so', () => {
    const summary = parseSummaryLog(
      'Scenario : Offline\nMode     : PerformanceOnly\nSamples per second: 154.90\nResult is : VALID\n'
    )
    const v = deriveOfficialValue({
      round: 'v3.0',
      folderScenario: 'Offline',
      logScenario: 'Offline',
      mlperfModel: 'resnet',
      detail: detail({}),
      summary
    })
    expect(v.value).toBe(154.9)
    expect(v.notes.join(' ')).toContain('printed precision')
  })
})
