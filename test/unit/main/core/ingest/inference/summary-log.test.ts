import { describe, expect, it } from 'vitest'

import {
  normaliseScenario,
  parseSummaryLog,
  printedDecimals,
  summaryEarlyStoppingEstimate,
  summaryNumber,
  summaryPercentileLatency,
  summaryValue
} from '../../../../../../src-main/core/ingest/inference/summary-log'

const RULE = '================================================'
const head = (sut: string, scenario: string, mode: string): string[] => [
  RULE,
  'MLPerf Results Summary',
  RULE,
  `SUT name : ${sut}`,
  `Scenario : ${scenario}`,
  `Mode     : ${mode}`
]

// v0.5 legacy MultiStream (spaced scenario, "Performance", Samples per query, sub-blocks).
const V05_MS = [
  ...head('', 'Multi Stream', 'Performance'),
  'Samples per query : 2692',
  'Result is : VALID',
  '  Performance constraints satisfied : Yes',
  '  Min duration satisfied : Yes',
  '  Min queries satisfied : Yes',
  '',
  RULE,
  'Additional Stats',
  RULE,
  'Intervals between each IssueQuery:  "qps" : 20, "ms" : 50',
  '50.00 percentile : 1',
  '99.90 percentile : 2',
  '',
  'Per-query latency:  "target_ns" : 50000000, "target_ms" : 50',
  '50.00 percentile latency (ns)   : 44272451',
  '99.00 percentile latency (ns)   : 45184057',
  '',
  'Per-sample latency:',
  'Min latency (ns)                : 18505987',
  '99.00 percentile latency (ns)   : 45119072',
  '',
  RULE,
  'Test Parameters Used',
  RULE,
  'samples_per_query : 2692',
  'target_latency (ns): 50000000',
  'qsl_rng_seed : 3133965575612453542',
  'print_timestamps : false',
  '',
  '1 warning encountered. See detailed log.',
  '',
  '1 ERROR encountered. See detailed log.'
].join('\n')

// v0.5 Server: Scheduled headline, Completed under Additional Stats.
const V05_SERVER = [
  ...head('', 'Server', 'Performance'),
  'Scheduled samples per second : 45169.48',
  'Result is : VALID',
  '  Performance constraints satisfied : Yes',
  '  Min duration satisfied : Yes',
  '  Min queries satisfied : Yes',
  '',
  RULE,
  'Additional Stats',
  RULE,
  'Completed samples per second    : 45167.59',
  '',
  '99.00 percentile latency (ns)   : 10161237'
].join('\r\n')

// v4.1 SingleStream with early stopping.
const V41_SS = [
  ...head('LWIS_Server', 'SingleStream', 'PerformanceOnly'),
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
  RULE,
  'Test Parameters Used',
  RULE,
  'samples_per_query : 1',
  'min_duration (ms): 600000',
  'qsl_rng_seed : 3066443479025735752',
  '',
  'No warnings encountered during test.',
  '',
  'No errors encountered during test.'
].join('\n')

// v4.1 SingleStream with too few queries for the p99 estimate (wrapped bullet).
const V41_SS_FEW = [
  ...head('PySUT', 'SingleStream', 'PerformanceOnly'),
  '90th percentile latency (ns) : 9964145991',
  'Result is : VALID',
  '  Min duration satisfied : Yes',
  '  Min queries satisfied : Yes',
  '  Early stopping satisfied: Yes',
  'Early Stopping Result:',
  ' * Processed at least 64 queries (100).',
  ' * Would discard 2 highest latency queries.',
  ' * Early stopping 90th percentile estimate: 9966781359',
  ' * Not enough queries processed for 99th percentile',
  ' early stopping estimate (would need to process at',
  ' least 662 total queries).'
].join('\n')

// v4.1 LLM Server with token lines and TTFT/TPOT blocks; gptj "(inferred)" label.
const V41_LLM = [
  ...head('PySUT', 'Server', 'PerformanceOnly'),
  'Completed samples per second    : 81.68',
  'Completed tokens per second: 24593.77',
  'Result is : INVALID',
  '  Performance constraints satisfied : NO',
  '  Min duration satisfied : Yes',
  '  Min queries satisfied : Yes',
  '  Early stopping satisfied: Yes',
  'Recommendations:',
  ' * Reduce target QPS to improve latency.',
  'TTFT Early Stopping Result:',
  ' * Run successful.',
  'TPOT Early Stopping Result:',
  ' * Run unsuccessful.',
  '',
  RULE,
  'Additional Stats',
  RULE,
  'Scheduled samples per second : 83.90',
  '',
  'Completed tokens per second                 : 24593.77',
  '',
  RULE,
  'Test Parameters Used',
  RULE,
  'ttft_latency (ns): 2000000000',
  'tpot_latency (ns): 200000000',
  'WARNING: sample_concatenate_permutation was set to true. ',
  'Generated samples per query might be different as the one in the setting.',
  'Check the generated_samples_per_query line in the detailed log for the real',
  'samples_per_query value',
  '',
  '5 warnings encountered. See detailed log.'
].join('\n')

const V41_GPTJ = [
  ...head('gptj-Offline-SUT', 'Offline', 'PerformanceOnly'),
  'Samples per second: 291.103',
  'Tokens per second (inferred): 20086.1',
  'Result is : VALID'
].join('\n')

// v5.1 "90.0th" labels.
const V51_SS = [
  ...head('SUT', 'SingleStream', 'PerformanceOnly'),
  '90.0th percentile latency (ns) : 123456',
  'Result is : VALID'
].join('\n')

describe('parseSummaryLog', () => {
  it('reads a v0.5 legacy MultiStream summary', () => {
    const s = parseSummaryLog(V05_MS)
    expect(s.scenario).toBe('MultiStream')
    expect(s.scenarioText).toBe('Multi Stream')
    expect(s.mode).toBe('Performance')
    expect(s.sutName).toBe('')
    expect(s.headline).toEqual({ label: 'Samples per query', value: '2692' })
    expect(s.validity).toBe('VALID')
    expect(s.constraints.performance).toBe(true)
    expect(s.constraints.earlyStopping).toBeNull()
    expect(summaryNumber(s, '99.00 percentile latency (ns)', 'perQuery')).toBe(45184057)
    expect(summaryNumber(s, '99.00 percentile latency (ns)', 'perSample')).toBe(45119072)
    expect(summaryNumber(s, '99.90 percentile', 'intervals')).toBe(2)
    expect(summaryValue(s, 'qsl_rng_seed', 'testParameters')).toBe('3133965575612453542')
    expect(s.warnings).toBe(1)
    expect(s.errors).toBe(1)
    expect(s.hasTestParameters).toBe(true)
  })

  it('reads a v0.5 Server summary with CRLF', () => {
    const s = parseSummaryLog(V05_SERVER)
    expect(s.scenario).toBe('Server')
    expect(s.headline?.label).toBe('Scheduled samples per second')
    expect(summaryNumber(s, 'Completed samples per second', 'additional')).toBe(45167.59)
    expect(s.hasTestParameters).toBe(false)
  })

  it('reads early-stopping estimates (v4.1 SingleStream)', () => {
    const s = parseSummaryLog(V41_SS)
    expect(s.scenario).toBe('SingleStream')
    expect(s.constraints.earlyStopping).toBe(true)
    const b = s.earlyStopping[0]
    expect(b?.processedQueries).toBe(1580640)
    expect(b?.minQueries).toBe(64)
    expect(b?.discarded).toBe(157185)
    expect(summaryEarlyStoppingEstimate(s, '90')).toBe(386829)
    expect(summaryEarlyStoppingEstimate(s, '99')).toBe(394591)
    expect(summaryPercentileLatency(s, '90')).toBe(386822)
    expect(summaryNumber(s, 'QPS w/o loadgen overhead')).toBe(2667.43)
    expect(s.warnings).toBe(0)
    expect(s.errors).toBe(0)
  })

  it('joins wrapped "not enough queries" bullets', () => {
    const s = parseSummaryLog(V41_SS_FEW)
    expect(s.earlyStopping[0]?.notEnough).toEqual([{ percentile: '99', needed: 662 }])
    expect(summaryEarlyStoppingEstimate(s, '99')).toBeNull()
  })

  it('reads LLM token lines, TTFT/TPOT blocks and recommendations', () => {
    const s = parseSummaryLog(V41_LLM)
    expect(s.headline).toEqual({ label: 'Completed samples per second', value: '81.68' })
    expect(summaryValue(s, 'Completed tokens per second', 'header')).toBe('24593.77')
    expect(s.validity).toBe('INVALID')
    expect(s.constraints.performance).toBe(false)
    expect(s.recommendations).toEqual(['Reduce target QPS to improve latency.'])
    expect(s.earlyStopping.map((b) => [b.name, b.runSuccessful])).toEqual([
      ['TTFT', true],
      ['TPOT', false]
    ])
    expect(summaryNumber(s, 'ttft_latency (ns)', 'testParameters')).toBe(2000000000)
    expect(s.warnings).toBe(5)
  })

  it('keeps "(inferred)" in token labels', () => {
    const s = parseSummaryLog(V41_GPTJ)
    expect(s.headline).toEqual({ label: 'Samples per second', value: '291.103' })
    expect(summaryNumber(s, 'Tokens per second (inferred)')).toBe(20086.1)
  })

  it('reads v5.1 "90.0th" labels', () => {
    expect(summaryPercentileLatency(parseSummaryLog(V51_SS), '90')).toBe(123456)
  })

  it('reports a cut-off file through missing fields', () => {
    const s = parseSummaryLog([...head('x', 'Offline', 'PerformanceOnly')].join('\n'))
    expect(s.headline).toBeNull()
    expect(s.validity).toBeNull()
    expect(parseSummaryLog('').scenario).toBeNull()
  })
})

describe('helpers', () => {
  it('normalises scenario spellings', () => {
    expect(normaliseScenario('Single Stream')).toBe('SingleStream')
    expect(normaliseScenario('offline')).toBe('Offline')
    expect(normaliseScenario('multistream')).toBe('MultiStream')
    expect(normaliseScenario('Interactive')).toBeNull()
  })

  it('counts printed decimals', () => {
    expect(printedDecimals('154.90')).toBe(2)
    expect(printedDecimals('270891')).toBe(0)
    expect(printedDecimals('6.90935e-09')).toBe(5)
  })
})
