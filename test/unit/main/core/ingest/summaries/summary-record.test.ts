import { describe, expect, it } from 'vitest'
import { buildSummaryRecord } from '../../../../../../src-main/core/ingest/summaries/to-record'
import type { SummaryRowInput } from '../../../../../../src-main/core/ingest/summaries/to-record'

const ctx = { path: '/s/summary_results.json', bytes: 42 }
const row = (over: Partial<SummaryRowInput> = {}): SummaryRowInput => ({
  round: 'v4.1',
  division: 'closed',
  submitter: 'Acme',
  systemId: 'box',
  benchmark: 'resnet50',
  scenario: 'Offline',
  value: '1234.5',
  system: { notes: 'from the table' },
  notes: ['read from row 3'],
  ...over
})

function built(over: Partial<SummaryRowInput> = {}) {
  const b = buildSummaryRecord(row(over), ctx)
  if ('reason' in b) throw new Error(b.reason)
  return b.record
}

describe('a summary row as a record', () => {
  it('lists every missing key field, in key order', () => {
    expect(buildSummaryRecord(row({ round: null, systemId: '', scenario: '' }), ctx)).toEqual({
      reason: 'missing round, system id, scenario'
    })
  })

  it('refuses a row with neither a result nor a power value', () => {
    expect(buildSummaryRecord(row({ value: '' }), ctx)).toEqual({ reason: 'no result value' })
  })

  it('refuses a row whose known metric is not the official one of its result', () => {
    const b = buildSummaryRecord(row({ knownMetric: 'latency' }), ctx)
    expect(b).toEqual({
      reason:
        'the file gives latency, but the official v4.1 Offline result for resnet is samples_per_second'
    })
  })

  it('fills the record from the row, with the file as its only source', () => {
    const r = built({ nodes: '2', acceleratorsPerNode: 4, accuracy: 'acc: 76.1', location: 'x/y' })
    expect([r.round, r.mlperfModel, r.metric, r.value, r.valid]).toEqual([
      'v4.1',
      'resnet',
      'samples_per_second',
      1234.5,
      true
    ])
    expect([r.nodes, r.acceleratorsPerNode, r.acceleratorsTotal]).toEqual([2, 4, 8])
    expect(r.detail.accuracyMetrics).toEqual({ acc: 76.1 })
    expect(r.detail.files).toEqual([{ role: 'summary', path: ctx.path, bytes: 42 }])
    expect(r.detail.system).toEqual({ notes: 'from the table' })
    expect(r.detail.notes).toEqual(['read from row 3', 'Result folder in the submission: x/y'])
  })

  it('keeps a power-only row, not valid, and stores joules as millijoules with the note last', () => {
    const r = built({ round: 'v1.0', value: null, powerValue: '2.5', powerUnit: 'Joules' })
    expect([r.value, r.valid, r.powerValue, r.powerUnit]).toEqual([
      null,
      false,
      2500,
      'millijoules'
    ])
    expect(r.detail.notes[1]).toBe(
      'The file has only the power row for this result; no performance value.'
    )
    expect(r.detail.notes.at(-1)).toMatch(/joule/i)
    expect(r.detail.notes).toHaveLength(3)
  })

  it('keeps a power unit it does not know as the file prints it', () => {
    const r = built({ powerValue: 300, powerUnit: 'Volts' })
    expect([r.powerValue, r.powerUnit]).toEqual([300, 'Volts'])
  })
})
