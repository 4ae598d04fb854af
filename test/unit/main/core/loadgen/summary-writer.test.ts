import { describe, expect, it } from 'vitest'
import type { TestSettings } from '../../../../../src-main/core/loadgen/config'
import { builtInTestSettings, effectiveSettings } from '../../../../../src-main/core/loadgen/config'
import {
  earlyStoppingLatency,
  earlyStoppingServer,
  overLatencyAllowance
} from '../../../../../src-main/core/loadgen/early-stopping'
import type {
  LatencyBlock,
  PerformanceSummary
} from '../../../../../src-main/core/loadgen/performance-summary'
import { summaryFooter, writeSummary } from '../../../../../src-main/core/loadgen/summary-writer'

// Real IR41 summaries quoted in rules B.2; the numbers below are theirs.
const V41_SEEDS: Partial<TestSettings> = {
  qslRngSeed: 3066443479025735752n,
  sampleIndexRngSeed: 10688027786191513374n,
  scheduleRngSeed: 14962580496156340209n
}

const RULE = '================================================'
const HEADER = [RULE, 'MLPerf Results Summary', RULE, 'SUT name : LWIS_Server']
const FLAGS = [
  'qsl_rng_seed : 3066443479025735752',
  'sample_index_rng_seed : 10688027786191513374',
  'schedule_rng_seed : 14962580496156340209',
  'accuracy_log_rng_seed : 0',
  'accuracy_log_probability : 0',
  'accuracy_log_sampling_target : 0',
  'print_timestamps : 0',
  'performance_issue_unique : 0',
  'performance_issue_same : 0',
  'performance_issue_same_index : 0'
]
const FOOTER = [
  '',
  'No warnings encountered during test.',
  '',
  'No errors encountered during test.'
]

function block(min: number, max: number, mean: number, p: number[]): LatencyBlock {
  const labels = ['50.00', '90.00', '95.00', '97.00', '99.00', '99.90']
  return { min, max, mean, percentiles: Object.fromEntries(labels.map((l, i) => [l, p[i]!])) }
}

/** Ascending latencies whose early-stopping estimates land on the given values. */
function craftedSorted(n: number, marks: [number, number][]): Float64Array {
  const a = new Float64Array(n)
  const sorted = [...marks].sort((x, y) => x[0] - y[0])
  let prev = 0
  let value = 1
  for (const [index, v] of sorted) {
    a.fill(value, prev, index)
    a[index] = v
    prev = index + 1
    value = v
  }
  a.fill(value + 1, prev)
  return a
}

function base(
  ts: Partial<TestSettings>,
  scenario: TestSettings['scenario'],
  perfCount: number
): PerformanceSummary {
  const eff = effectiveSettings(
    { ...builtInTestSettings(scenario, 'PerformanceOnly'), ...V41_SEEDS, ...ts },
    perfCount
  )
  return {
    settings: eff,
    sampleCount: 0,
    queryCount: 0,
    targetPercentileLatency: 0,
    sample: block(0, 0, 0, [0, 0, 0, 0, 0, 0]),
    perQuery: null,
    finalQueryScheduledS: 0,
    finalQueryIssuedS: 0,
    finalQueryAllSamplesDoneS: 0,
    maxLatencyS: 0,
    qpsWithLoadgenOverhead: null,
    qpsWithoutLoadgenOverhead: null,
    scheduledSamplesPerSecond: null,
    completedSamplesPerSecond: null,
    samplesPerSecond: null,
    overLatencyCount: null,
    minDurationMet: true,
    minQueriesMet: true,
    perfConstraintsMet: null,
    earlyStopping: null,
    valid: true,
    recommendations: [],
    invalidReason: ''
  }
}

/** Every segment's lines must appear in order, each segment contiguous (examples elide with "…"). */
function expectSegments(text: string, segments: string[][]): void {
  const lines = text.split('\n')
  let at = 0
  for (const seg of segments) {
    const start = lines.indexOf(seg[0]!, at)
    expect(start, `segment starting "${seg[0]}"`).toBeGreaterThanOrEqual(0)
    expect(lines.slice(start, start + seg.length)).toEqual(seg)
    at = start + seg.length
  }
}

describe('LoadGen 6.0 layout', () => {
  it('reproduces a real LoadGen 6.0.16 SingleStream summary byte for byte', () => {
    // inference_results_v6.1 closed/AMD/results/8xMI355X_2xEPYC_9575F/wan-2.2-t2v-a14b/
    // SingleStream/performance/run_1/mlperf_log_summary.txt: "90.0th" labels in the headline
    // and the early-stopping lines, and the accuracy_sample_count line.
    const n = 100
    const sorted = craftedSorted(n, [[97, 16124484197]])
    const ps: PerformanceSummary = {
      ...base(
        {
          singleStreamExpectedLatencyNs: 2.1e10,
          minDurationMs: 600000,
          performanceSampleCountOverride: 248,
          qslRngSeed: 2085463073848966840n,
          sampleIndexRngSeed: 2747215439041700203n,
          scheduleRngSeed: 16159082839903944936n
        },
        'SingleStream',
        248
      ),
      sampleCount: n,
      queryCount: n,
      targetPercentileLatency: 16075378961,
      sample: block(
        15899603509,
        16151884910,
        16001978871,
        [16005764081, 16075378961, 16117281709, 16124484197, 16151884910, 16151884910]
      ),
      qpsWithLoadgenOverhead: 0.0624895,
      qpsWithoutLoadgenOverhead: 0.0624923,
      earlyStopping: earlyStoppingLatency('SingleStream', sorted, n, 0.9)
    }
    const expected = [
      RULE,
      'MLPerf Results Summary',
      RULE,
      'SUT name : PySUT',
      'Scenario : SingleStream',
      'Mode     : PerformanceOnly',
      '90.0th percentile latency (ns) : 16075378961',
      'Result is : VALID',
      '  Min duration satisfied : Yes',
      '  Min queries satisfied : Yes',
      '  Early stopping satisfied: Yes',
      'Early Stopping Result:',
      ' * Processed at least 64 queries (100).',
      ' * Would discard 2 highest latency queries.',
      ' * Early stopping 90.0th percentile estimate: 16124484197',
      ' * Not enough queries processed for 99.0th percentile',
      ' early stopping estimate (would need to process at',
      ' least 662 total queries).',
      '',
      RULE,
      'Additional Stats',
      RULE,
      'QPS w/ loadgen overhead         : 0.06',
      'QPS w/o loadgen overhead        : 0.06',
      '',
      'Min latency (ns)                : 15899603509',
      'Max latency (ns)                : 16151884910',
      'Mean latency (ns)               : 16001978871',
      '50.00 percentile latency (ns)   : 16005764081',
      '90.00 percentile latency (ns)   : 16075378961',
      '95.00 percentile latency (ns)   : 16117281709',
      '97.00 percentile latency (ns)   : 16124484197',
      '99.00 percentile latency (ns)   : 16151884910',
      '99.90 percentile latency (ns)   : 16151884910',
      '',
      RULE,
      'Test Parameters Used',
      RULE,
      'samples_per_query : 1',
      'target_qps : 0.047619',
      'target_latency (ns): 0',
      'max_async_queries : 1',
      'min_duration (ms): 600000',
      'max_duration (ms): 0',
      'min_query_count : 100',
      'max_query_count : 0',
      'qsl_rng_seed : 2085463073848966840',
      'sample_index_rng_seed : 2747215439041700203',
      'schedule_rng_seed : 16159082839903944936',
      'accuracy_log_rng_seed : 0',
      'accuracy_log_probability : 0',
      'accuracy_log_sampling_target : 0',
      'print_timestamps : 0',
      'performance_issue_unique : 0',
      'performance_issue_same : 0',
      'performance_issue_same_index : 0',
      'performance_sample_count : 248',
      'accuracy_sample_count : 248',
      ...FOOTER,
      ''
    ].join('\n')
    expect(writeSummary(ps, { sutName: 'PySUT', warnings: 0, errors: 0 })).toBe(expected)
  })
})

describe('mlperf_log_summary.txt writer (rules B.2 real examples)', () => {
  it('reproduces the SingleStream example byte for byte', () => {
    const n = 1_580_640
    const t90 = overLatencyAllowance(n, 0.9)!
    const t99 = overLatencyAllowance(n, 0.99)!
    const sorted = craftedSorted(n, [
      [n - t90, 386829],
      [n - t99, 394591]
    ])
    const ps: PerformanceSummary = {
      ...base(
        {
          singleStreamExpectedLatencyNs: 330000,
          minDurationMs: 600000,
          performanceSampleCountOverride: 2048
        },
        'SingleStream',
        2048
      ),
      sampleCount: n,
      queryCount: n,
      targetPercentileLatency: 386822,
      sample: block(362411, 463742, 374892, [372526, 386822, 387658, 392707, 394574, 396105]),
      qpsWithLoadgenOverhead: (n - 1) / 599.9996204069238,
      qpsWithoutLoadgenOverhead: 1 / (374892 / 1e9),
      earlyStopping: earlyStoppingLatency('SingleStream', sorted, n, 0.9, 0)
    }
    const expected = [
      ...HEADER,
      'Scenario : SingleStream',
      'Mode     : PerformanceOnly',
      '90th percentile latency (ns) : 386822',
      'Result is : VALID',
      '  Min duration satisfied : Yes',
      '  Min queries satisfied : Yes',
      '  Early stopping satisfied: Yes',
      'Early Stopping Result:',
      ' * Processed at least 64 queries (1580640).',
      ' * Would discard 157185 highest latency queries.',
      ' * Early stopping 90th percentile estimate: 386829',
      ' * Early stopping 99th percentile estimate: 394591',
      '',
      RULE,
      'Additional Stats',
      RULE,
      'QPS w/ loadgen overhead         : 2634.40',
      'QPS w/o loadgen overhead        : 2667.43',
      '',
      'Min latency (ns)                : 362411',
      'Max latency (ns)                : 463742',
      'Mean latency (ns)               : 374892',
      '50.00 percentile latency (ns)   : 372526',
      '90.00 percentile latency (ns)   : 386822',
      '95.00 percentile latency (ns)   : 387658',
      '97.00 percentile latency (ns)   : 392707',
      '99.00 percentile latency (ns)   : 394574',
      '99.90 percentile latency (ns)   : 396105',
      '',
      RULE,
      'Test Parameters Used',
      RULE,
      'samples_per_query : 1',
      'target_qps : 3030.3',
      'target_latency (ns): 0',
      'max_async_queries : 1',
      'min_duration (ms): 600000',
      'max_duration (ms): 0',
      'min_query_count : 100',
      'max_query_count : 0',
      ...FLAGS,
      'performance_sample_count : 2048',
      ...FOOTER,
      ''
    ].join('\n')
    expect(
      writeSummary(ps, { sutName: 'LWIS_Server', warnings: 0, errors: 0, format: 'v4.1' })
    ).toBe(expected)
  })

  it('reproduces the MultiStream example', () => {
    const n = 813_433
    const t = overLatencyAllowance(n, 0.99)!
    expect(t).toBe(7925)
    const ps: PerformanceSummary = {
      ...base(
        {
          multiStreamExpectedLatencyNs: 420000,
          minDurationMs: 600000,
          minQueryCount: 662,
          performanceSampleCountOverride: 2048
        },
        'MultiStream',
        2048
      ),
      sampleCount: n * 8,
      queryCount: n,
      targetPercentileLatency: 750521,
      perQuery: block(719401, 794949, 732664, [729348, 747596, 748801, 749330, 750521, 757672]),
      earlyStopping: earlyStoppingLatency(
        'MultiStream',
        craftedSorted(n, [[n - t, 750563]]),
        n,
        0.99,
        0
      )
    }
    const expected = [
      ...HEADER,
      'Scenario : MultiStream',
      'Mode     : PerformanceOnly',
      '99th percentile latency (ns) : 750521',
      'Result is : VALID',
      '  Min duration satisfied : Yes',
      '  Min queries satisfied : Yes',
      '  Early stopping satisfied: Yes',
      'Early Stopping Result:',
      ' * Processed at least 662 queries (813433).',
      ' * Would discard 7924 highest latency queries.',
      ' * Early stopping 99th percentile estimate: 750563',
      '',
      RULE,
      'Additional Stats',
      RULE,
      'Per-query latency:  ',
      'Min latency (ns)                : 719401',
      'Max latency (ns)                : 794949',
      'Mean latency (ns)               : 732664',
      '50.00 percentile latency (ns)   : 729348',
      '90.00 percentile latency (ns)   : 747596',
      '95.00 percentile latency (ns)   : 748801',
      '97.00 percentile latency (ns)   : 749330',
      '99.00 percentile latency (ns)   : 750521',
      '99.90 percentile latency (ns)   : 757672',
      '',
      RULE,
      'Test Parameters Used',
      RULE,
      'samples_per_query : 8',
      'target_qps : 2380.95',
      'target_latency (ns): 0',
      'max_async_queries : 1',
      'min_duration (ms): 600000',
      'max_duration (ms): 0',
      'min_query_count : 662',
      'max_query_count : 0',
      ...FLAGS,
      'performance_sample_count : 2048',
      ...FOOTER,
      ''
    ].join('\n')
    expect(
      writeSummary(ps, { sutName: 'LWIS_Server', warnings: 0, errors: 0, format: 'v4.1' })
    ).toBe(expected)
  })

  it('reproduces the Server example (with its 5 warnings)', () => {
    const ps: PerformanceSummary = {
      ...base(
        {
          serverTargetQps: 233250,
          serverTargetLatencyNs: 15_000_000,
          minDurationMs: 600000,
          performanceSampleCountOverride: 2048
        },
        'Server',
        2048
      ),
      completedSamplesPerSecond: 233274.76,
      scheduledSamplesPerSecond: 233276.88,
      perfConstraintsMet: true,
      earlyStopping: earlyStoppingServer(1000, 140_000_000, 0.99),
      sample: block(
        2482409,
        76651063,
        7927167,
        [7983261, 8806952, 8999203, 9127276, 9428168, 33669580]
      )
    }
    const text = writeSummary(ps, {
      sutName: 'LWIS_Server',
      warnings: 5,
      errors: 0,
      format: 'v4.1'
    })
    expectSegments(text, [
      [
        ...HEADER,
        'Scenario : Server',
        'Mode     : PerformanceOnly',
        'Completed samples per second    : 233274.76',
        'Result is : VALID',
        '  Performance constraints satisfied : Yes',
        '  Min duration satisfied : Yes',
        '  Min queries satisfied : Yes',
        '  Early stopping satisfied: Yes',
        'Early Stopping Result:',
        ' * Run successful.',
        '',
        RULE,
        'Additional Stats',
        RULE,
        'Scheduled samples per second : 233276.88',
        'Min latency (ns)                : 2482409',
        'Max latency (ns)                : 76651063',
        'Mean latency (ns)               : 7927167',
        '50.00 percentile latency (ns)   : 7983261',
        '90.00 percentile latency (ns)   : 8806952',
        '95.00 percentile latency (ns)   : 8999203',
        '97.00 percentile latency (ns)   : 9127276',
        '99.00 percentile latency (ns)   : 9428168',
        '99.90 percentile latency (ns)   : 33669580',
        '',
        RULE,
        'Test Parameters Used',
        RULE,
        'samples_per_query : 1',
        'target_qps : 233250',
        'target_latency (ns): 15000000',
        'max_async_queries : 0',
        'min_duration (ms): 600000'
      ],
      ['5 warnings encountered. See detailed log.', '', 'No errors encountered during test.']
    ])
  })

  it('reproduces the Offline example from its raw numbers', () => {
    const ps: PerformanceSummary = {
      ...base(
        {
          offlineExpectedQps: 300000,
          minDurationMs: 600000,
          minQueryCount: 24576,
          performanceSampleCountOverride: 2048
        },
        'Offline',
        2048
      ),
      // samples_per_query / (max latency in s), as LoadGen computes Offline throughput.
      samplesPerSecond: 198_000_000 / (730_921_336_355 / 1e9),
      sample: block(1142064703, 730921336355, 85747497234, [365081440488, 0, 0, 0, 0, 0])
    }
    expect(ps.settings.samplesPerQuery).toBe(198_000_000)
    expect(ps.settings.minQueryCount).toBe(1)
    const text = writeSummary(ps, {
      sutName: 'LWIS_Server',
      warnings: 0,
      errors: 0,
      format: 'v4.1'
    })
    expectSegments(text, [
      [
        ...HEADER,
        'Scenario : Offline',
        'Mode     : PerformanceOnly',
        'Samples per second: 270891',
        'Result is : VALID',
        '  Min duration satisfied : Yes',
        '  Min queries satisfied : Yes',
        '  Early stopping satisfied: Yes',
        '',
        RULE,
        'Additional Stats',
        RULE,
        'Min latency (ns)                : 1142064703',
        'Max latency (ns)                : 730921336355',
        'Mean latency (ns)               : 85747497234',
        '50.00 percentile latency (ns)   : 365081440488'
      ],
      [
        RULE,
        'Test Parameters Used',
        RULE,
        'samples_per_query : 198000000',
        'target_qps : 300000',
        'target_latency (ns): 0',
        'max_async_queries : 1',
        'min_duration (ms): 600000',
        'max_duration (ms): 0',
        'min_query_count : 1'
      ]
    ])
  })

  it('prints recommendations for an invalid run and error counts', () => {
    const ps: PerformanceSummary = {
      ...base({ serverTargetQps: 100, serverTargetLatencyNs: 1_000_000 }, 'Server', 10),
      valid: false,
      perfConstraintsMet: false,
      minDurationMet: false,
      recommendations: [
        'Reduce target QPS to improve latency.',
        'Increase the target QPS so the loadgen pre-generates more queries.'
      ],
      earlyStopping: earlyStoppingServer(5, 10, 0.99)
    }
    const text = writeSummary(ps, { sutName: 'x', warnings: 1, errors: 2 })
    expectSegments(text, [
      [
        'Result is : INVALID',
        '  Performance constraints satisfied : NO',
        '  Min duration satisfied : NO',
        '  Min queries satisfied : Yes',
        '  Early stopping satisfied: NO',
        'Recommendations:',
        ' * Reduce target QPS to improve latency.',
        ' * Increase the target QPS so the loadgen pre-generates more queries.',
        'Early Stopping Result:',
        ' * Run unsuccessful.'
      ],
      ['1 warning encountered. See detailed log.', '', '2 ERRORS encountered. See detailed log.']
    ])
  })

  it('writes only the count lines in accuracy mode', () => {
    expect(summaryFooter(0, 0)).toBe(
      '\nNo warnings encountered during test.\n\nNo errors encountered during test.\n'
    )
  })
})
