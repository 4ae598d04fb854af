import { describe, expect, it } from 'vitest'

import type { MllogValue } from '../../../../../../src-main/core/ingest/inference/mllog-detail'
import { parseSummaryLog } from '../../../../../../src-main/core/ingest/inference/summary-log'
import { validityChecks } from '../../../../../../src-main/core/ingest/inference/validity'

const detail = (o: Record<string, MllogValue>): Map<string, MllogValue> =>
  new Map(Object.entries(o))
const byId = (checks: ReturnType<typeof validityChecks>) =>
  Object.fromEntries(checks.map((c) => [c.id, c]))

describe('validityChecks', () => {
  it('explains a valid v4.1 Server run with its numbers', () => {
    const c = byId(
      validityChecks({
        round: 'v4.1',
        scenario: 'Server',
        mlperfModel: 'resnet',
        detail: detail({
          result_validity: 'VALID',
          result_perf_constraints_met: true,
          result_min_duration_met: true,
          result_min_queries_met: true,
          early_stopping_met: true,
          effective_min_duration_ms: 600000,
          effective_min_query_count: 100,
          effective_target_latency_ns: 15000000,
          effective_target_latency_percentile: 0.99,
          result_query_count: 140254344,
          result_scheduled_samples_per_sec: 233276.88,
          'result_99.00_percentile_latency_ns': 9428168,
          num_errors: 0
        }),
        detailErrors: [],
        summary: parseSummaryLog('Early Stopping Result:\n * Run successful.\n')
      })
    )
    expect(Object.keys(c)).toEqual([
      'loadgen_verdict',
      'min_duration',
      'min_queries',
      'latency_bound',
      'early_stopping',
      'errors'
    ])
    expect(c['min_duration']?.explanation).toBe(
      'The run lasted 601.2 s; MLPerf requires at least 600 s.'
    )
    expect(c['latency_bound']?.explanation).toBe(
      '99th percentile latency 9.43 ms is within the 15 ms bound.'
    )
    expect(c['latency_bound']?.passed).toBe(true)
    expect(c['early_stopping']?.explanation).toBe('Early stopping: run successful.')
    expect(c['min_queries']?.explanation).toBe(
      'Processed 140,254,344 queries; at least 100 required.'
    )
    expect(c['errors']?.passed).toBe(true)
  })

  it('explains SingleStream early stopping from the summary block', () => {
    const summary = parseSummaryLog(
      [
        'Early Stopping Result:',
        ' * Processed at least 64 queries (1580640).',
        ' * Would discard 157185 highest latency queries.',
        ' * Early stopping 90th percentile estimate: 386829',
        ' * Early stopping 99th percentile estimate: 394591'
      ].join('\n')
    )
    const c = byId(
      validityChecks({
        round: 'v4.1',
        scenario: 'SingleStream',
        mlperfModel: 'resnet',
        detail: detail({ early_stopping_met: true, result_validity: 'VALID' }),
        detailErrors: [],
        summary
      })
    )
    expect(c['early_stopping']?.explanation).toBe(
      'Early stopping: 1,580,640 queries processed, at least 64 needed; 157,185 highest latencies discarded; the 90th percentile estimate is 0.387 ms (99th: 0.395 ms).'
    )
    expect(c['latency_bound']).toBeUndefined()
  })

  it('flags an invalid run, a loose Server target and LoadGen errors', () => {
    const c = byId(
      validityChecks({
        round: 'v3.0',
        scenario: 'Server',
        mlperfModel: 'bert-99',
        detail: detail({
          result_validity: 'INVALID',
          result_invalid_reason: 'Reduce target QPS to improve latency.',
          result_perf_constraints_met: false,
          result_min_duration_met: false,
          result_min_queries_met: true,
          effective_min_duration_ms: 300000,
          effective_target_latency_ns: 200000000,
          effective_target_latency_percentile: 0.99,
          'result_99.00_percentile_latency_ns': 250000000,
          early_stopping_met: false
        }),
        detailErrors: ['Sample completed twice'],
        summary: null
      })
    )
    expect(c['loadgen_verdict']?.passed).toBe(false)
    expect(c['loadgen_verdict']?.explanation).toContain('Reduce target QPS')
    expect(c['min_duration']?.passed).toBe(false)
    expect(c['min_duration']?.explanation).toContain('configured for only 300 s')
    expect(c['latency_bound']?.passed).toBe(false)
    expect(c['latency_bound']?.explanation).toContain('looser than the 130 ms MLPerf allows')
    expect(c['early_stopping']?.passed).toBe(false)
    expect(c['errors']?.passed).toBe(false)
    expect(c['errors']?.explanation).toContain('Sample completed twice')
  })

  it('works from the summary alone for v0.5, ignoring errors that checker ignored', () => {
    const summary = parseSummaryLog(
      [
        'Scenario : Offline',
        'Mode     : Performance',
        'Samples per second: 12345.6',
        'Result is : VALID',
        '  Min duration satisfied : Yes',
        '  Min queries satisfied : Yes',
        'Max latency (ns)                : 61234567890',
        'Test Parameters Used',
        'min_duration (ms): 60000',
        'min_query_count : 1'
      ].join('\n')
    )
    const c = byId(
      validityChecks({
        round: 'v0.5',
        scenario: 'Offline',
        mlperfModel: 'resnet',
        detail: null,
        detailErrors: [
          'Ending early: Ran out of generated queries to issue before the minimum query count and test duration were reached.'
        ],
        summary
      })
    )
    expect(c['min_duration']?.explanation).toBe(
      'The run lasted 61.2 s; MLPerf requires at least 60 s.'
    )
    expect(c['early_stopping']?.passed).toBeNull()
    expect(c['errors']?.passed).toBe(true)
    expect(c['errors']?.explanation).toContain('ignored')
  })
})
