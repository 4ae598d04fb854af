import { describe, expect, it } from 'vitest'
import { buildReference } from '../../../../src-main/charts/reference-chart'
import { referenceScores } from '../../../../src-main/charts/reference-scores'
import { NOW, chartData, chartRow, view } from '../../../support/chart-rows'

const ref = { round: 'v4.1', submitter: 'Ref', systemId: 'r' }
const refRows = [
  chartRow({ submitter: 'Ref', systemId: 'r', benchmark: 'resnet', value: 100 }),
  chartRow({ submitter: 'Ref', systemId: 'r', benchmark: 'bert-99', value: 10 }),
  chartRow({
    submitter: 'Ref',
    systemId: 'r',
    benchmark: 'resnet',
    scenario: 'SingleStream',
    unit: 'Latency (ms)',
    value: 2
  })
]

describe('reference score', () => {
  it('geometric mean of per-benchmark speedups over the reference (latencies inverted)', () => {
    const rows = [
      ...refRows,
      chartRow({ submitter: 'B', systemId: 'b', benchmark: 'resnet', value: 400 }),
      chartRow({ submitter: 'B', systemId: 'b', benchmark: 'bert-99', value: 10 }),
      chartRow({
        submitter: 'B',
        systemId: 'b',
        benchmark: 'resnet',
        scenario: 'SingleStream',
        unit: 'Latency (ms)',
        value: 0.5
      }),
      chartRow({ submitter: 'C', systemId: 'c', benchmark: 'resnet', value: 50 }),
      chartRow({ submitter: 'D', systemId: 'd', benchmark: 'gptj-99', value: 50 })
    ]
    const { scores } = referenceScores(rows, ref)
    const byKey = new Map(scores.map((s) => [s.key, s]))
    expect(byKey.get('v4.1/Ref/r')?.score).toBeCloseTo(1)
    expect(byKey.get('v4.1/B/b')?.score).toBeCloseTo(Math.cbrt(4 * 1 * 4))
    expect(byKey.get('v4.1/B/b')?.pairs).toHaveLength(3)
    expect(byKey.get('v4.1/C/c')?.score).toBeCloseTo(0.5)
    // No benchmark in common: no score.
    expect(byKey.has('v4.1/D/d')).toBe(false)
    expect(scores[0]?.key).toBe('v4.1/B/b')
  })

  it('leaves out pairs that are not comparable, with the reason', () => {
    const rows = [
      ...refRows,
      chartRow({
        submitter: 'P',
        systemId: 'p',
        benchmark: 'resnet',
        value: 300,
        powerValue: 1,
        powerUnit: 'Watts'
      }),
      chartRow({
        round: 'v1.0',
        submitter: 'O',
        systemId: 'o',
        benchmark: 'resnet',
        scenario: 'SingleStream',
        unit: 'Latency (ms)',
        value: 1
      })
    ]
    const { scores, exclusions } = referenceScores(rows, ref)
    // The v1.0 SingleStream pair is comparable (with a caveat): 2 ms → 1 ms is 2×.
    expect(scores.map((s) => s.key)).toEqual(['v1.0/O/o', 'v4.1/Ref/r'])
    expect(exclusions.map((e) => e.reason)).toEqual([expect.stringMatching(/power submission/)])
  })

  it('labels the score unofficial and asks for a reference when there is none', () => {
    const none = buildReference({
      view: view({ kind: 'reference' }),
      data: chartData(refRows),
      now: NOW
    })
    expect(none.notes[0]).toMatch(/Pick a reference system/)
    const c = buildReference({
      view: view({ kind: 'reference', reference: ref }),
      data: chartData(refRows),
      now: NOW
    })
    expect(c.title).toMatch(/Reference score over Ref/)
    expect(String((c.option.xAxis as { name?: string }).name)).toMatch(/unofficial/)
    expect(c.derived[0]).toMatch(/geometric mean/)
  })
})
