import { describe, expect, it } from 'vitest'
import {
  acceleratorsTotalOf,
  buildSummaryRecord,
  contextFromPath,
  mapMlperfModel,
  normaliseAvailability,
  normaliseRound,
  normaliseScenario,
  normaliseSystemType,
  officialMetric,
  parseAccuracy,
  parseLocation,
  resolveMetric,
  toNumber
} from '../../../../../../src-main/core/ingest/summaries/to-record'

describe('normalisation helpers', () => {
  it('normalises rounds', () => {
    expect(normaliseRound('3.0')).toBe('v3.0')
    expect(normaliseRound('v3.0')).toBe('v3.0')
    expect(normaliseRound('V4.1')).toBe('v4.1')
    expect(normaliseRound(4.1)).toBe('v4.1')
    expect(normaliseRound(3)).toBe('v3.0')
    expect(normaliseRound('inference_results_v0.7')).toBe('v0.7')
    expect(normaliseRound('2023-04-06')).toBeNull()
    expect(normaliseRound('')).toBeNull()
  })

  it('normalises availability as the report generator does', () => {
    expect(normaliseAvailability('on-premise')).toBe('available')
    expect(normaliseAvailability('Available')).toBe('available')
    expect(normaliseAvailability('Preview')).toBe('preview')
    expect(normaliseAvailability('RDI')).toBe('rdi')
    expect(normaliseAvailability('')).toBeNull()
  })

  it('normalises scenarios and system types', () => {
    expect(normaliseScenario('offline')).toBe('Offline')
    expect(normaliseScenario('Single Stream')).toBe('SingleStream')
    expect(normaliseScenario('multistream')).toBe('MultiStream')
    expect(normaliseScenario('interactive')).toBe('Interactive')
    expect(normaliseScenario('batch')).toBeNull()
    expect(normaliseSystemType('edge,datacenter')).toBe('datacenter,edge')
    expect(normaliseSystemType('Datacenter')).toBe('datacenter')
  })

  it('reads numbers that arrive as strings', () => {
    expect(toNumber('8')).toBe(8)
    expect(toNumber(' 32.0 ')).toBe(32)
    expect(toNumber('1042110.0')).toBe(1042110)
    expect(toNumber('')).toBeNull()
    expect(toNumber('n/a')).toBeNull()
    expect(toNumber(null)).toBeNull()
  })

  it('computes total accelerators only when absent', () => {
    expect(acceleratorsTotalOf(11, 8, null)).toBe(88)
    expect(acceleratorsTotalOf(11, 8, 87)).toBe(87)
    expect(acceleratorsTotalOf(null, 8, null)).toBeNull()
  })

  it('maps benchmark folders to MLPerf models per round', () => {
    expect(mapMlperfModel('resnet50', 'v4.1')).toBe('resnet')
    expect(mapMlperfModel('ssd-resnet34', 'v0.7')).toBe('ssd-large')
    expect(mapMlperfModel('ssd-resnet34', 'v2.1')).toBe('retinanet')
    expect(mapMlperfModel('ssd-mobilenet', 'v1.0')).toBe('ssd-small')
    expect(mapMlperfModel('mobilenet', 'v0.5')).toBe('mobilenet')
    expect(mapMlperfModel('llama3_1-405b', 'v5.0')).toBe('llama3.1-405b')
    expect(mapMlperfModel('bert-99', 'v1.0')).toBe('bert-99')
  })

  it('reads round, division and submitter from a path', () => {
    expect(contextFromPath('/x/inference_results_v0.7/closed/NVIDIA/results_summary.csv')).toEqual({
      round: 'v0.7',
      division: 'closed',
      submitter: 'NVIDIA'
    })
    expect(
      contextFromPath('C:\\r\\inference_results_v1.0\\open\\Alibaba\\results_summary.csv')
    ).toEqual({
      round: 'v1.0',
      division: 'open',
      submitter: 'Alibaba'
    })
    expect(contextFromPath('/tmp/results_summary.csv')).toEqual({
      round: null,
      division: null,
      submitter: null
    })
  })

  it('splits a checker Location', () => {
    expect(
      parseLocation('closed/AMD/results/87xMI355X/llama2-70b-99/Offline/performance/run_1')
    ).toEqual({
      division: 'closed',
      submitter: 'AMD',
      systemId: '87xMI355X',
      benchmark: 'llama2-70b-99',
      scenarioFolder: 'Offline'
    })
  })
})

describe('officialMetric (rules C.3)', () => {
  const cases: [string, Parameters<typeof officialMetric>[1], string, string, string][] = [
    ['v0.7', 'SingleStream', 'resnet', 'latency_p90_ms', 'Latency (ms)'],
    ['v0.7', 'MultiStream', 'resnet', 'streams', 'Streams'],
    ['v1.0', 'MultiStream', 'ssd-small', 'streams', 'Streams'],
    ['v2.0', 'MultiStream', 'resnet', 'latency_p99_ms', 'Latency (ms)'],
    ['v3.0', 'Server', 'resnet', 'scheduled_samples_per_second', 'Queries/s'],
    ['v4.0', 'Server', 'bert-99', 'scheduled_samples_per_second', 'Queries/s'],
    ['v4.0', 'Offline', 'llama2-70b-99', 'tokens_per_second', 'Tokens/s'],
    ['v4.0', 'Server', 'llama2-70b-99', 'completed_samples_per_second', 'Queries/s'],
    ['v4.1', 'Server', 'resnet', 'completed_samples_per_second', 'Queries/s'],
    ['v4.1', 'Offline', 'resnet', 'samples_per_second', 'Samples/s'],
    ['v4.1', 'Offline', 'llama2-70b-99.9', 'tokens_per_second', 'Tokens/s'],
    ['v4.1', 'Server', 'mixtral-8x7b', 'completed_tokens_per_second', 'Tokens/s'],
    ['v4.1', 'Offline', 'gptj-99', 'inferred_tokens_per_second', 'Tokens/s'],
    ['v4.1', 'Server', 'gptj-99.9', 'inferred_completed_tokens_per_second', 'Tokens/s'],
    ['v4.1', 'SingleStream', 'gptj-99', 'latency_p90_ms', 'Latency (ms)'],
    ['v5.0', 'SingleStream', 'pointpainting', 'latency_p99_9_ms', 'Latency (ms)'],
    ['v5.1', 'Interactive', 'llama2-70b-99', 'completed_tokens_per_second', 'Tokens/s'],
    ['v5.1', 'Offline', 'whisper', 'tokens_per_second', 'Tokens/s'],
    ['v6.0', 'Offline', 'gpt-oss-120b', 'tokens_per_second', 'Tokens/s'],
    ['v6.0', 'Server', 'stable-diffusion-xl', 'completed_samples_per_second', 'Queries/s']
  ]
  it.each(cases)('%s %s %s → %s', (round, scenario, model, metric, unit) => {
    expect(officialMetric(round, scenario, model)).toEqual({ metric, unit })
  })

  it('keeps the rule when a file mislabels LLM throughput, and says so', () => {
    const r = resolveMetric('v4.1', 'Offline', 'llama2-70b-99', 'Samples/s')
    expect(r).toMatchObject({ choice: { metric: 'tokens_per_second', unit: 'Tokens/s' } })
    expect('note' in r && r.note).toContain('"Samples/s"')
  })

  it('rejects units the explorer has no metric for', () => {
    expect(resolveMetric('v6.1', 'Offline', 'e2e-rag-qna', 'Tasks/s')).toEqual({
      error: `unit "Tasks/s" has no metric in the explorer's metric list`
    })
  })

  it('reports wan-2.2 SingleStream in seconds', () => {
    expect(resolveMetric('v6.0', 'SingleStream', 'wan-2.2-t2v-a14b', 'Latency (s)')).toEqual({
      choice: { metric: 'latency_p90_s', unit: 'Latency (s)' },
      note: null
    })
  })
})

describe('parseAccuracy', () => {
  it('parses the checker rendering', () => {
    expect(
      parseAccuracy(
        'ROUGE1: 44.426  ROUGE2: 22.0612  ROUGEL: 28.834  TOKENS_PER_SAMPLE: 284.3',
        'llama2-70b-99'
      )
    ).toEqual({ ROUGE1: 44.426, ROUGE2: 22.0612, ROUGEL: 28.834, TOKENS_PER_SAMPLE: 284.3 })
    expect(parseAccuracy('acc: 76.076', 'resnet')).toEqual({ acc: 76.076 })
    expect(parseAccuracy('gsm8k_accuracy: 73.1  mbxp_accuracy: 59.88', 'mixtral-8x7b')).toEqual({
      gsm8k_accuracy: 73.1,
      mbxp_accuracy: 59.88
    })
  })

  it('files a bare number under the model primary metric', () => {
    expect(parseAccuracy('90.43326524910879', 'bert-99')).toEqual({ F1: 90.43326524910879 })
    expect(parseAccuracy(76.442, 'resnet')).toEqual({ acc: 76.442 })
    expect(parseAccuracy('0.85367', '3d-unet-99')).toEqual({ DICE: 0.85367 })
    expect(parseAccuracy('', 'resnet')).toEqual({})
  })
})

describe('buildSummaryRecord', () => {
  const ctx = { path: '/s/summary.csv', bytes: 10 }
  it('returns a reason instead of throwing for missing keys', () => {
    const built = buildSummaryRecord(
      {
        round: 'v4.1',
        division: 'closed',
        submitter: '',
        systemId: 's',
        benchmark: 'resnet50',
        scenario: 'Offline',
        value: '1',
        system: {},
        notes: []
      },
      ctx
    )
    expect(built).toEqual({ reason: 'missing submitter' })
  })

  it('rejects a non-numeric result and an unknown scenario', () => {
    const base = {
      round: 'v4.1',
      division: 'closed',
      submitter: 'A',
      systemId: 's',
      benchmark: 'resnet50',
      system: {},
      notes: []
    }
    expect(buildSummaryRecord({ ...base, scenario: 'Offline', value: 'abc' }, ctx)).toEqual({
      reason: 'result "abc" is not a number'
    })
    expect(buildSummaryRecord({ ...base, scenario: 'Batch', value: '1' }, ctx)).toEqual({
      reason: 'unknown scenario "Batch"'
    })
  })
})

describe('inferred flag', () => {
  const ctx = { path: '/s/summary.csv', bytes: 10 }
  const base = {
    round: 'v6.0',
    division: 'closed',
    submitter: 'A',
    systemId: 's',
    benchmark: 'llama2-70b-99',
    value: '1',
    inferred: '1',
    system: {},
    notes: []
  }
  it('keeps inferred Offline/MultiStream and drops the v6.0 Interactive quirk', () => {
    const offline = buildSummaryRecord({ ...base, scenario: 'Offline' }, ctx)
    const interactive = buildSummaryRecord({ ...base, scenario: 'Interactive' }, ctx)
    expect('record' in offline && offline.record.inferred).toBe(true)
    expect('record' in interactive && interactive.record.inferred).toBe(false)
    expect('record' in interactive && interactive.record.detail.notes.join(' ')).toContain(
      'marks this Interactive result as inferred'
    )
  })
})
