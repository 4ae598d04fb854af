import { describe, expect, it } from 'vitest'
import { acceleratorMapper } from '../../../../src-main/charts/accelerator-alias'
import { SAME_NAME } from '../../../../src-main/charts/chart-scope'
import {
  MAX_SPEEDUP_SERIES,
  eligibleRows,
  lineKeys,
  speedupLines
} from '../../../../src-main/charts/speedup-lines'
import type { ChartRow } from '../../../../src-main/shared/charts/chart-points'
import { chartRow, view } from '../../../support/chart-rows'

const canon = acceleratorMapper([])
const sameAcc = view({ kind: 'speedup', speedupMode: 'same-accelerator' })

describe('speedup lines: eligible results', () => {
  it('keeps closed, valid, published, positive results and counts the rest by reason', () => {
    const dropped = new Map<string, number>()
    const kept = eligibleRows(
      [
        chartRow({ id: 1 }),
        chartRow({ id: 2, sourceKind: 'local' }),
        chartRow({ id: 3, division: 'open' }),
        chartRow({ id: 4, valid: false }),
        chartRow({ id: 5, value: 0 }),
        chartRow({ id: 6, value: null })
      ],
      dropped
    )
    expect(kept.map((r) => r.id)).toEqual([1])
    expect(dropped).toEqual(
      new Map([
        ['your own runs (unverified) are not part of published speedups', 1],
        ['open-division results (only closed results are compared)', 1],
        ['marked invalid', 1],
        ['no positive result value', 2]
      ])
    )
  })
})

describe('speedup lines: line keys', () => {
  it('best-at-count: a line per workload at exactly the chosen count, power apart', () => {
    const { keyOf, names } = lineKeys(view({ accelerators: 8 }), SAME_NAME, canon)
    const a = keyOf(chartRow({ acceleratorsTotal: 8 }))
    const power = keyOf(chartRow({ acceleratorsTotal: 8, powerValue: 900, powerUnit: 'Watts' }))
    expect(keyOf(chartRow({ acceleratorsTotal: 16 }))).toBeNull()
    expect(a).not.toBe(power)
    expect([...names.values()].map((n) => n.label)).toEqual([
      'resnet Offline',
      'resnet Offline (power submissions)'
    ])
  })

  it('same-accelerator: canonical model and count; CPU-only and count-less rows on no line', () => {
    const { keyOf, names } = lineKeys(sameAcc, SAME_NAME, canon)
    const x = keyOf(chartRow({ accelerator: 'NVIDIA H100-SXM-80GB', acceleratorsTotal: 8 }))
    const y = keyOf(chartRow({ accelerator: 'NVIDIA H100-SXM-80GB', acceleratorsTotal: 4 }))
    expect(x).not.toBe(y)
    expect(keyOf(chartRow({ accelerator: null }))).toBeNull()
    expect(keyOf(chartRow({ acceleratorsTotal: 0 }))).toBeNull()
    expect(names.get(x ?? '')?.label).toMatch(/^resnet Offline · .+ ×8$/)
  })
})

describe('speedup lines', () => {
  it('one-round lines are not drawn; other counts are counted as left out', () => {
    const lines = speedupLines(
      [
        chartRow({ round: 'v3.0', value: 100 }),
        chartRow({ round: 'v4.1', value: 250 }),
        chartRow({ round: 'v4.1', benchmark: 'bert-99', value: 10 }),
        chartRow({ round: 'v4.1', acceleratorsTotal: 16, value: 900 })
      ],
      view({ accelerators: 8 }),
      SAME_NAME,
      canon
    )
    expect(lines.segments.map((s) => [s.label, s.points.map((p) => p.speedup)])).toEqual([
      ['resnet Offline', [1, 2.5]]
    ])
    expect(lines.single).toBe(1)
    expect(lines.capped).toBeNull()
    expect(lines.dropped.get('systems with a different accelerator count than 8')).toBe(1)
    expect(lines.eligible).toHaveLength(4)
  })

  it('same-accelerator: capped to the lines seen in most rounds, coloured ones first', () => {
    const rows: ChartRow[] = []
    const n = MAX_SPEEDUP_SERIES + 2
    for (let i = 1; i <= n; i++) {
      // Line i is seen in 2 rounds, the last two in 3: those must survive the cap.
      const rounds = i > n - 2 ? ['v3.0', 'v3.1', 'v4.1'] : ['v3.1', 'v4.1']
      for (const [k, round] of rounds.entries()) {
        rows.push(chartRow({ round, acceleratorsTotal: i, value: 100 * (k + 1) }))
      }
    }
    const lines = speedupLines(rows, sameAcc, SAME_NAME, canon)
    expect(lines.capped).toBe(n)
    expect(lines.segments).toHaveLength(MAX_SPEEDUP_SERIES)
    expect(lines.segments.slice(0, 2).map((s) => s.points.length)).toEqual([3, 3])
    expect(lines.coloured.size).toBeLessThan(lines.segments.length)
    const firstGrey = lines.segments.findIndex((s) => !lines.coloured.has(s))
    expect(lines.segments.slice(firstGrey).every((s) => !lines.coloured.has(s))).toBe(true)
  })

  it('a pair MLPerf does not compare splits the line and is listed', () => {
    const ms = { scenario: 'MultiStream' }
    const lines = speedupLines(
      [
        chartRow({ ...ms, round: 'v0.5', unit: 'Streams', value: 100 }),
        chartRow({ ...ms, round: 'v1.0', unit: 'Streams', value: 300 }),
        chartRow({ ...ms, round: 'v3.0', unit: 'Latency (ms)', value: 10 }),
        chartRow({ ...ms, round: 'v4.1', unit: 'Latency (ms)', value: 5 })
      ],
      view(),
      SAME_NAME,
      canon
    )
    expect(lines.segments.map((s) => s.label)).toEqual([
      'resnet MultiStream',
      'resnet MultiStream (from v3.0)'
    ])
    expect(lines.exclusions.map((e) => e.subject)).toEqual(['resnet MultiStream: v0.5 → v3.0'])
  })
})
