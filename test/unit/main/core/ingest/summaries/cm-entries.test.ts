import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  isPowerRecord,
  isTraining,
  sortCmEntries
} from '../../../../../../src-main/core/ingest/summaries/cm-entries'
import { groupKey } from '../../../../../../src-main/core/ingest/summaries/power-pairing'
import { RecordCollector } from '../../../../../../src-main/core/ingest/summaries/to-record'

const perf = {
  uid: 'a',
  Organization: 'Acme',
  Division: 'closed',
  Platform: 'box',
  Model: 'resnet50',
  Scenario: 'Offline',
  Result: 100,
  Units: 'Samples/s'
}
const power = { ...perf, uid: 'b', Result: null, Result_Power: 300, Units: 'Watts' }

describe('the pieces of the sort', () => {
  it('compares records whatever their key order', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: null }], a: 'x' })).toBe(
      '{"a":"x","b":[1,{"c":null,"d":2}]}'
    )
    expect(canonicalJson(undefined)).toBe('null')
  })

  it('keys a record by its result, from the columns or else the Location', () => {
    expect(groupKey(perf)).toBe(['closed', 'Acme', 'box', 'resnet50', 'Offline'].join('\u0000'))
    expect(groupKey({ Location: 'open/Bolt/results/b2/bert-99/Server' })).toBe(
      ['open', 'Bolt', 'b2', 'bert-99', ''].join('\u0000')
    )
  })

  it('tells training and power-only records', () => {
    expect(isTraining(perf, 'mlperf-training--v3.0--closed')).toBe(true)
    expect(isTraining(perf, null)).toBe(false)
    expect(isTraining({ Model_ID: 'bert' }, null)).toBe(true)
    expect(isTraining({ Result_Units: 'min.' }, null)).toBe(true)
    expect(isPowerRecord(power)).toBe(true)
    expect(isPowerRecord(perf)).toBe(false)
    expect(isPowerRecord({ Result: null, Units: 'Samples/s' })).toBe(false)
  })
})

describe('sortCmEntries', () => {
  it('drops identical duplicates, keeps one power record per result, skips the rest with reasons', () => {
    const collector = new RecordCollector('cm-result.json')
    const reordered = Object.fromEntries(Object.entries(perf).reverse())
    const sorted = sortCmEntries(
      [
        perf,
        reordered,
        'text',
        power,
        { ...power, uid: 'c' },
        { Model_ID: 'bert', Organization: 'X' }
      ],
      'mlperf-inference--v4.1--edge',
      collector
    )
    expect(sorted.performance).toEqual([{ row: perf, at: 1 }])
    expect([...sorted.power.values()]).toEqual([{ row: power, at: 4 }])
    expect(sorted).toMatchObject({ duplicates: 1, training: 1, tiny: 0 })
    expect(collector.skipped.map((s) => s.reason)).toEqual([
      'record 3: not a JSON object',
      'record 5: a second power record for the same result; the first one is kept',
      'record 6: training summary: not an inference result (bert X)'
    ])
  })

  it('skips every record of a Tiny experiment', () => {
    const collector = new RecordCollector('cm-result.json')
    const sorted = sortCmEntries([{ ...perf, Benchmark: 'kws' }], 'mlperf-tiny--v1.1', collector)
    expect(sorted).toMatchObject({ performance: [], tiny: 1 })
    expect(collector.skipped[0]?.reason).toBe(
      'record 1: MLPerf Tiny: not a datacenter or edge inference result (Acme kws)'
    )
  })
})
