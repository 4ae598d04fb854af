import type { BoxplotSeriesOption, ScatterSeriesOption, YAXisComponentOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import {
  buildDistribution,
  prepareDistribution
} from '../../../../src-main/charts/distribution-chart'
import { NOW, chartData, chartRow, view } from '../../../support/chart-rows'

type Row = (string | number | null)[]

/** normalised value per id from the chart's CSV table. */
function normalised(table: { columns: string[]; rows: Row[] }): Map<number, number | null> {
  const id = table.columns.indexOf('id')
  const n = table.columns.indexOf('normalised')
  return new Map(table.rows.map((r) => [Number(r[id]), r[n] as number | null]))
}

function series(option: unknown): { type?: string; name?: string }[] {
  return (option as { series: { type?: string; name?: string }[] }).series
}

describe('distribution chart', () => {
  it('normalises to the best result per group; latencies invert so the best is 1', () => {
    const rows = [
      chartRow({ id: 1, value: 1000 }),
      chartRow({ id: 2, value: 250 }),
      chartRow({ id: 3, scenario: 'SingleStream', unit: 'Latency (ms)', value: 2 }),
      chartRow({ id: 4, scenario: 'SingleStream', unit: 'Latency (ms)', value: 8 })
    ]
    const c = buildDistribution({ view: view(), data: chartData(rows), now: NOW })
    const n = normalised(c.table)
    expect(n.get(1)).toBe(1)
    expect(n.get(2)).toBe(0.25)
    expect(n.get(3)).toBe(1)
    expect(n.get(4)).toBe(0.25)
    const y = (c.option.yAxis as YAXisComponentOption[])[0]
    expect(y?.type).toBe('log')
    expect(String(y?.name)).toMatch(/derived/)
    expect(c.derived[0]).toMatch(/best ÷ result for latencies/)
    expect(c.footnote.full.join('\n')).toMatch(/Derived, not official MLPerf metrics/)
  })

  it('keeps units apart: a unit change is another group with its own best', () => {
    const rows = [
      chartRow({ id: 1, benchmark: 'gptj-99', unit: 'Samples/s', value: 10, round: 'v3.1' }),
      chartRow({ id: 2, benchmark: 'gptj-99', unit: 'Tokens/s', value: 2000 })
    ]
    const rounds = view({ filters: [{ column: 'round', op: 'in', value: ['v3.1', 'v4.1'] }] })
    const c = buildDistribution({ view: rounds, data: chartData(rows), now: NOW })
    expect(normalised(c.table).get(1)).toBe(1)
    expect(normalised(c.table).get(2)).toBe(1)
    const x = (c.option.xAxis as { data?: string[] }[])[0]
    expect(x?.data).toEqual(['gptj-99\nOffline\n(Samples/s)', 'gptj-99\nOffline\n(Tokens/s)'])
  })

  it('normalises to the reference system, drops groups it lacks and incomparable results', () => {
    const ref = { round: 'v4.1', submitter: 'Ref', systemId: 'ref1' }
    const rows = [
      chartRow({ id: 1, submitter: 'Ref', systemId: 'ref1', value: 500 }),
      chartRow({ id: 2, value: 1000 }),
      chartRow({ id: 3, value: 1500, powerValue: 900, powerUnit: 'Watts' }),
      chartRow({ id: 4, benchmark: 'bert-99', value: 77 })
    ]
    const c = buildDistribution({
      view: view({ normalisation: 'reference', reference: ref }),
      data: chartData(rows),
      now: NOW
    })
    const n = normalised(c.table)
    expect(n.get(1)).toBe(1)
    expect(n.get(2)).toBe(2)
    expect(n.has(3)).toBe(false)
    expect(n.has(4)).toBe(false)
    expect(c.exclusions[0]?.reason).toMatch(/power submission/)
    expect(c.notes.join(' ')).toMatch(/reference system has no result in this group \(1\)/)
  })

  it('per accelerator: throughput ÷ accelerators relative to the best; latency and CPU-only left out', () => {
    const rows = [
      chartRow({ id: 1, value: 800, acceleratorsTotal: 8 }),
      chartRow({ id: 2, value: 400, acceleratorsTotal: 2 }),
      chartRow({ id: 3, value: 50, acceleratorsTotal: 0, accelerator: 'N/A' }),
      chartRow({ id: 4, scenario: 'SingleStream', unit: 'Latency (ms)', value: 1 })
    ]
    const c = buildDistribution({
      view: view({ normalisation: 'per-accelerator' }),
      data: chartData(rows),
      now: NOW
    })
    const n = normalised(c.table)
    expect(n.get(2)).toBe(1)
    expect(n.get(1)).toBe(0.5)
    expect(n.has(3)).toBe(false)
    expect(n.has(4)).toBe(false)
    expect(c.notes[0]).toMatch(/CPU-only system/)
    expect(c.notes[0]).toMatch(/latency results are not divided/)
  })

  it('per dollar from the user prices, labelled as derived from them', () => {
    const rows = [
      chartRow({ id: 1, submitter: 'A', systemId: 'a', value: 1000 }),
      chartRow({ id: 2, submitter: 'B', systemId: 'b', value: 1000 }),
      chartRow({ id: 3, submitter: 'C', systemId: 'c', value: 1000 })
    ]
    const prices = [
      { id: 1, basis: 'system' as const, key: 'A/a', usd: 100, note: null, updatedAt: '' },
      { id: 2, basis: 'system' as const, key: 'B/b', usd: 400, note: null, updatedAt: '' }
    ]
    const c = buildDistribution({
      view: view({ normalisation: 'per-dollar' }),
      data: chartData(rows, { prices }),
      now: NOW
    })
    const n = normalised(c.table)
    expect(n.get(1)).toBe(1)
    expect(n.get(2)).toBe(0.25)
    expect(n.has(3)).toBe(false)
    expect(c.derived[0]).toMatch(/derived from your prices/)
  })

  it('draws the user’s runs as unverified markers that never define the best', () => {
    const rows = [
      chartRow({ id: 1, value: 1000 }),
      chartRow({ id: 2, value: 5000, sourceKind: 'local', round: 'local', division: 'open' })
    ]
    const c = buildDistribution({ view: view(), data: chartData(rows), now: NOW })
    expect(normalised(c.table).get(1)).toBe(1)
    expect(normalised(c.table).get(2)).toBe(5)
    const local = series(c.option).find(
      (s) => s.name === 'Your runs (unverified)'
    ) as ScatterSeriesOption
    expect(local.symbol).toBe('diamond')
    expect(c.footnote.full.join('\n')).toMatch(/Result not verified by MLCommons Association/)
    // Hover names the system; the user's run says it is unverified.
    const tip = (c.option.tooltip as { formatter: (p: unknown) => string }).formatter
    const all = series(c.option)
    const localIndex = all.findIndex((x) => x.name === 'Your runs (unverified)')
    const pubIndex = all.findIndex((x) => x.name === 'Acme')
    expect(tip({ seriesType: 'scatter', seriesIndex: pubIndex, dataIndex: 0 })).toContain(
      '<b>Acme X8</b>'
    )
    expect(tip({ seriesType: 'scatter', seriesIndex: localIndex, dataIndex: 0 })).toMatch(
      /UNVERIFIED/
    )
    expect(tip({ seriesType: 'boxplot', seriesIndex: 0, dataIndex: 0 })).toMatch(
      /1 published results<br\/>median 1/
    )
    const verified = c.table.columns.indexOf('verified')
    expect(c.table.rows.find((r) => r[0] === 2)?.[verified]).toBe('no (unverified)')
  })

  it('box per group by default, violin on request; top colour groups and Other', () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      chartRow({ id: 100 + i, submitter: `S${i % 14}`, value: 100 + i })
    )
    const box = buildDistribution({ view: view(), data: chartData(rows), now: NOW })
    const b = series(box.option)[0] as BoxplotSeriesOption
    expect(b.type).toBe('boxplot')
    expect((b.data as number[][])[0]).toHaveLength(5)
    const names = series(box.option).map((s) => s.name)
    expect(names).toContain('Other')
    expect(names.filter((n) => n?.startsWith('S'))).toHaveLength(10)
    const violin = buildDistribution({
      view: view({ shape: 'violin' }),
      data: chartData(rows),
      now: NOW
    })
    expect(series(violin.option)[0]?.type).toBe('custom')
  })

  it('large mode above 2000 points: no animation, large series, dataZoom inside + slider', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => chartRow({ id: 10_000 + i, value: 1 + i }))
    const c = buildDistribution({ view: view(), data: chartData(rows), now: NOW })
    expect(c.points).toBe(2500)
    expect(c.option.animation).toBe(false)
    const scatter = series(c.option).filter((s) => s.type === 'scatter') as ScatterSeriesOption[]
    expect(scatter.every((s) => s.large === true)).toBe(true)
    // Squares under 4 px (ECharts fills them one rectangle each), named so in the legend.
    expect(scatter.every((s) => s.symbol === 'rect' && Number(s.symbolSize) < 4)).toBe(true)
    const zoom = c.option.dataZoom as { type: string }[]
    expect(zoom.map((z) => z.type)).toEqual(expect.arrayContaining(['inside', 'slider']))
    // Large series carry their points as one flat typed array (x0, y0, x1, y1, …): every
    // result once, at its normalised value, jittered around its category.
    const flat = scatter.map((s) => s.data as unknown as Float64Array)
    expect(flat.every((d) => d instanceof Float64Array)).toBe(true)
    const ys = flat.flatMap((d) => [...d].filter((_, i) => i % 2 === 1)).sort((a, b) => a - b)
    expect(ys).toEqual(rows.map((r) => (r.value ?? 0) / 2500))
    const xs = flat.flatMap((d) => [...d].filter((_, i) => i % 2 === 0))
    expect(xs.every((x) => Math.abs(x) <= 0.3)).toBe(true)
    const small = buildDistribution({ view: view(), data: chartData(rows.slice(0, 50)), now: NOW })
    expect(small.option.animation).toBe(true)
    const smallScatter = series(small.option).filter((s) => s.type === 'scatter')
    const pairs = (smallScatter[0] as ScatterSeriesOption | undefined)?.data as number[][]
    expect(pairs[0]).toHaveLength(2)
    expect((smallScatter[0] as ScatterSeriesOption | undefined)?.symbol).toBe('circle')
  })

  it('a rebuild of the same rows and view reuses their preparation and draws the same', () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      chartRow({ id: i + 1, submitter: `S${i % 7}`, accelerator: `X${i % 3}`, value: 1 + i })
    )
    const data = chartData(rows)
    const prepared = prepareDistribution(view(), data)
    // An equal view (a new object, as every rebuild makes) finds it; another view does not.
    expect(prepareDistribution(view(), data)).toBe(prepared)
    expect(prepareDistribution(view({ colorBy: 'accelerator' }), data)).not.toBe(prepared)
    expect(prepareDistribution(view(), chartData(rows))).not.toBe(prepared)
    // New prices or aliases come as a new data object: a new preparation.
    const priced = { ...data, prices: [] }
    expect(prepareDistribution(view(), priced)).not.toBe(prepareDistribution(view(), data))
    // A resize after the first build draws what a build from scratch at that size draws: the
    // first build changed nothing it shares with the next.
    const small = { width: 640, height: 400 }
    const big = { width: 1400, height: 800 }
    const first = buildDistribution({ view: view(), data, size: small, now: NOW })
    const resized = buildDistribution({ view: view(), data, size: big, now: NOW })
    const fresh = buildDistribution({ view: view(), data: chartData(rows), size: big, now: NOW })
    expect(JSON.stringify(resized.option)).toBe(JSON.stringify(fresh.option))
    expect(resized.table.rows).toEqual(fresh.table.rows)
    const again = buildDistribution({ view: view(), data, size: small, now: NOW })
    expect(JSON.stringify(again.option)).toBe(JSON.stringify(first.option))
  })

  it('says how many values a log axis cannot draw and never silently drops rows', () => {
    const rows = [
      chartRow({ id: 1, value: 10 }),
      chartRow({ id: 2, value: 0 }),
      chartRow({ id: 3, value: null })
    ]
    const c = buildDistribution({
      view: view({ normalisation: 'raw' }),
      data: chartData(rows),
      now: NOW
    })
    expect(c.points).toBe(1)
    expect(c.notes[0]).toMatch(/no positive result value \(2\)/)
  })
})
