import { describe, expect, it } from 'vitest'
import type { ChartRow } from '../../../../src-main/shared/charts/chart-points'
import type { CompareSource } from '../../../../src-main/charts/compare'
import { buildComparison } from '../../../../src-main/charts/compare'
import { percentBetter } from '../../../../src-main/charts/compare-shared'
import { comparisonCsv } from '../../../../src-main/charts/compare-csv'
import Papa from 'papaparse'
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
      'resnet50 Offline',
      'resnet50 SingleStream'
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

  it('one field per fact whatever the source spells it; flags as Yes/No', () => {
    const a = chartRow({ id: 1, submitter: 'A', systemId: 'a' })
    const b = chartRow({ id: 2, submitter: 'B', systemId: 'b' })
    const c = buildComparison({
      sources: [
        // A submission tree's systems/<id>.json …
        {
          ...source(a, [a], {
            accelerator_model_name: 'NVIDIA H100',
            host_memory_capacity: '1 TB',
            hw_notes: 'air',
            liquid_cooling: false
          }),
          cells: { valid: 1, accelerator: 'NVIDIA H100' }
        },
        // … and the final-report JSON, which says "Accelerator", "Processor", "p#".
        {
          ...source(b, [b], {
            Accelerator: 'NVIDIA H200',
            Processor: 'Xeon',
            'p#': 2,
            liquid_cooling: true
          }),
          cells: { valid: 0, accelerator: 'NVIDIA H200' }
        }
      ],
      columns: [
        { name: 'accelerator', label: 'Accelerator', type: 'text' },
        { name: 'valid', label: 'Valid', type: 'boolean' }
      ],
      provenance,
      now: NOW
    })
    const labels = c.fields.map((f) => `${f.group}:${f.label}`)
    // The accelerator once (the table's column), never again as a system field.
    expect(labels.filter((l) => /accelerator/i.test(l))).toEqual(['result:Accelerator'])
    expect(c.fields.find((f) => f.label === 'Valid')?.values).toEqual(['Yes', 'No'])
    expect(c.fields.find((f) => f.label === 'Host processor')?.values).toEqual([null, 'Xeon'])
    expect(c.fields.find((f) => f.label === 'Host processors per node')?.values).toEqual([null, 2])
    expect(c.fields.find((f) => f.label === 'Liquid cooling')?.values).toEqual(['No', 'Yes'])
    expect(labels).toContain('system:Host memory capacity')
    expect(labels).toContain('system:Hardware notes')
    expect(labels.some((l) => l.includes('_'))).toBe(false)
  })

  it('per-accelerator deltas where the accelerator counts differ', () => {
    const a = chartRow({ id: 1, submitter: 'A', systemId: 'a', value: 800, acceleratorsTotal: 8 })
    const b = chartRow({ id: 2, submitter: 'B', systemId: 'b', value: 300, acceleratorsTotal: 2 })
    const c = buildComparison({
      sources: [source(a), source(b)],
      columns,
      provenance,
      now: NOW
    })
    const w = c.shared[0]
    expect(w?.deltas[1]).toBeCloseTo(-62.5)
    expect(w?.perAccelerator).toMatchObject({
      unit: 'Samples/s per accelerator',
      values: [100, 150]
    })
    expect(w?.perAccelerator?.deltas[1]).toBeCloseTo(50)
    expect(c.footnote.full.join(' ')).toMatch(/per accelerator = throughput ÷ total accelerators/)
    // Same counts: nothing per accelerator.
    const same = buildComparison({
      sources: [source(a), source({ ...b, acceleratorsTotal: 8 })],
      columns,
      provenance,
      now: NOW
    })
    expect(same.shared[0]?.perAccelerator).toBeNull()
  })

  it('training: minutes to train, accelerator-minutes where counts differ, lower is better', () => {
    const t = { unit: 'minutes', scenario: null, metric: null, benchmark: 'bert' }
    const a = chartRow({
      ...t,
      id: 1,
      submitter: 'A',
      systemId: 'a',
      value: 10,
      acceleratorsTotal: 8
    })
    const b = chartRow({
      ...t,
      id: 2,
      submitter: 'B',
      systemId: 'b',
      value: 4,
      acceleratorsTotal: 64
    })
    const c = buildComparison({
      suite: 'training',
      sources: [source(a), source(b)],
      columns,
      provenance,
      now: NOW
    })
    expect(c.suite).toBe('training')
    const w = c.shared[0]
    expect(w?.direction).toBe('lower')
    expect(w?.deltas[1]).toBeCloseTo(150)
    expect(w?.perAccelerator).toMatchObject({
      unit: 'accelerator-minutes',
      direction: 'lower',
      values: [80, 256]
    })
    expect(w?.perAccelerator?.deltas[1]).toBeCloseTo((80 / 256 - 1) * 100)
    expect(c.footnote.full[0]).toMatch(/^MLPerf™ Training/)
  })

  it('exports as one CSV: a column per result, values, deltas, per accelerator, fields, notes', () => {
    const a = chartRow({ id: 1, submitter: 'A', systemId: 'a', value: 800, acceleratorsTotal: 8 })
    const b = chartRow({ id: 2, submitter: 'B', systemId: 'b', value: 300, acceleratorsTotal: 2 })
    const c = buildComparison({
      sources: [source(a, [a], { cooling: 'air' }), source(b, [b], { cooling: 'liquid' })],
      columns,
      provenance,
      now: NOW
    })
    const csv = comparisonCsv(c)
    const parsed = Papa.parse<string[]>(csv, { comments: '#', skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    const [header, ...rows] = parsed.data
    expect(header).toEqual(['section', 'field', 'unit', 'Acme X8 (v4.1) #1', 'B Acme X8 (v4.1) #2'])
    const row = (section: string, field: string): string[] | undefined =>
      rows.find((r) => r[0] === section && r[1] === field)
    expect(row('result', 'resnet50 Offline')?.slice(2)).toEqual([
      'Samples/s (higher is better)',
      '800',
      '300'
    ])
    expect(Number(row('% vs first', 'resnet50 Offline')?.[4])).toBeCloseTo(-62.5)
    expect(row('per accelerator', 'resnet50 Offline')?.slice(3)).toEqual(['100', '150'])
    expect(row('field', 'Submitter')?.slice(3)).toEqual(['A', 'B'])
    expect(row('system', 'Cooling')?.slice(3)).toEqual(['air', 'liquid'])
    // What must be stated with the comparison and the citation footnote, as comment lines.
    expect(csv).toMatch(/\n# State this: Different accelerator counts \(8 vs 2\)/)
    expect(csv).toMatch(/\n# MLPerf™ Inference v4\.1 Closed; resnet50 \(Offline\)\./)
  })
})
