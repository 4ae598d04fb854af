import { describe, expect, it } from 'vitest'
import type { ChartRow } from '../../../../src-main/shared/charts/chart-points'
import type { CompareSource } from '../../../../src-main/shared/compare'
import { buildComparison, percentBetter } from '../../../../src-main/shared/compare'
import { NOW, chartRow } from '../../../support/chart-rows'

function source(row: ChartRow, siblings: ChartRow[] = [row], system = {}): CompareSource {
  return {
    row,
    cells: { round: row.round, submitter: row.submitter, value: row.value },
    system,
    siblings
  }
}

const columns = [
  { name: 'round', label: 'Round' },
  { name: 'submitter', label: 'Submitter' },
  { name: 'value', label: 'Result' }
]
const provenance = { firstImported: null, lastImported: null, sampleRows: 2, appVersion: '0.1.0' }

describe('compare', () => {
  it('% better honours lower-is-better units', () => {
    expect(percentBetter(150, 100, 'Samples/s')).toBeCloseTo(50)
    expect(percentBetter(2, 4, 'Latency (ms)')).toBeCloseTo(100)
    expect(percentBetter(null, 4, 'Latency (ms)')).toBeNull()
  })

  it('fields side by side, shared benchmarks with deltas against the first', () => {
    const a = chartRow({ id: 1, submitter: 'A', systemId: 'a', value: 100, acceleratorsTotal: 8 })
    const aSs = chartRow({
      id: 2,
      submitter: 'A',
      systemId: 'a',
      scenario: 'SingleStream',
      unit: 'Latency (ms)',
      value: 2
    })
    const aBert = chartRow({ id: 3, submitter: 'A', systemId: 'a', benchmark: 'bert-99', value: 9 })
    const b = chartRow({ id: 4, submitter: 'B', systemId: 'b', value: 300, acceleratorsTotal: 4 })
    const bSs = chartRow({
      id: 5,
      submitter: 'B',
      systemId: 'b',
      scenario: 'SingleStream',
      unit: 'Latency (ms)',
      value: 1
    })
    const c = buildComparison({
      sources: [
        source(a, [a, aSs, aBert], { cooling: 'air' }),
        source(b, [b, bSs], { cooling: 'liquid' })
      ],
      columns,
      provenance,
      now: NOW
    })
    expect(c.items.map((i) => i.id)).toEqual([1, 4])
    expect(c.fields.find((f) => f.name === 'round')).toMatchObject({ differs: false })
    expect(c.fields.find((f) => f.name === 'submitter')).toMatchObject({
      values: ['A', 'B'],
      differs: true
    })
    expect(c.fields.find((f) => f.name === 'cooling')).toMatchObject({
      group: 'system',
      differs: true
    })
    expect(c.shared.map((w) => `${w.benchmark} ${w.scenario}`)).toEqual([
      'resnet Offline',
      'resnet SingleStream'
    ])
    expect(c.shared[0]?.deltas).toEqual([0, 200])
    expect(c.shared[1]?.deltas).toEqual([0, 100])
    expect(c.shared[1]?.direction).toBe('lower')
    expect(c.issues.map((i) => i.text).join(' ')).toMatch(/Different accelerator counts \(8 vs 4\)/)
  })

  it('says which differences make results not directly comparable', () => {
    const pub = chartRow({
      id: 1,
      round: 'v1.0',
      scenario: 'MultiStream',
      unit: 'Streams',
      value: 10
    })
    const mine = chartRow({
      id: 2,
      round: 'v3.0',
      scenario: 'MultiStream',
      unit: 'Latency (ms)',
      value: 5,
      sourceKind: 'local'
    })
    const other = chartRow({ id: 3, benchmark: 'bert-99', value: 5, valid: false })
    const c = buildComparison({
      sources: [source(pub), source(mine), source(other)],
      columns,
      provenance,
      now: NOW
    })
    const text = c.issues.map((i) => `${i.severity}: ${i.text}`).join('\n')
    expect(text).toMatch(
      /incomparable: The picked results are of different benchmarks or scenarios/
    )
    expect(text).toMatch(/incomparable: .*MultiStream changed meaning in v2\.0/)
    expect(text).toMatch(/identify: Different rounds/)
    expect(text).toMatch(/identify: Official and unverified results side by side/)
    expect(text).toMatch(/incomparable: .* is marked invalid/)
    expect(c.items[1]?.verified).toBe(false)
    expect(c.footnote.full.join('\n')).toContain('Result not verified by MLCommons Association')
  })
})
