import type { EChartsOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import {
  PALETTE,
  fitAxisName,
  log2CountAxis,
  octaveTicks
} from '../../../../src-main/charts/chart-frame'
import { exportOption, styleOption } from '../../../../src-main/charts/chart-style'
import { DARK_CHART_THEME, LIGHT_CHART_THEME } from '../../../../src-main/charts/chart-theme'
import { buildDistribution } from '../../../../src-main/charts/distribution-chart'
import { citationFootnote } from '../../../../src-main/charts/footnote'
import { NOW, chartData, chartRow, view } from '../../../support/chart-rows'

/** An on-screen option with everything a figure must not carry. */
const screen: EChartsOption = {
  backgroundColor: '#000000',
  dataZoom: [{ type: 'slider' }, { type: 'inside' }],
  toolbox: { feature: { saveAsImage: {} } },
  legend: { type: 'scroll', data: ['a'] },
  xAxis: { type: 'category', data: ['a'] },
  yAxis: [{ type: 'value', splitLine: { lineStyle: { color: '#123456' } } }],
  series: [
    {
      type: 'line',
      name: 'a',
      data: [1],
      markLine: { data: [{ yAxis: 0.925 }], label: { formatter: 'Target 0.925' } }
    }
  ]
}

type Loose = Record<string, unknown>

describe('styleOption and exportOption', () => {
  it('a figure for export: no slider, toolbox or legend pager, light on white, no animation', () => {
    const o = exportOption(screen) as Loose
    expect(o['dataZoom']).toBeUndefined()
    expect(o['toolbox']).toBeUndefined()
    expect((o['legend'] as Loose)['type']).toBe('plain')
    expect(o['backgroundColor']).toBe('#ffffff')
    expect(o['animation']).toBe(false)
    // The input is not changed (the screen keeps drawing it) and a second pass changes nothing.
    expect(screen.dataZoom).toBeDefined()
    expect(exportOption(exportOption(screen))).toEqual(exportOption(screen))
  })

  it('axes stay at the plot edge and markLines keep their exact value', () => {
    const o = styleOption(screen, LIGHT_CHART_THEME, 'screen') as Loose
    const x = o['xAxis'] as Loose
    expect((x['axisLine'] as Loose)['onZero']).toBe(false)
    const series = (o['series'] as Loose[])[0] as Loose
    // ECharts rounds to `precision` decimals before placing the line (default 2: 0.93).
    expect((series['markLine'] as Loose)['precision']).toBe(20)
    // On screen the zoom stays.
    expect(o['dataZoom']).toBeDefined()
  })

  it('dark on screen: the theme’s text, grid and background colours', () => {
    const o = styleOption(screen, DARK_CHART_THEME, 'screen') as Loose
    expect(o['backgroundColor']).toBe(DARK_CHART_THEME.background)
    const y = (o['yAxis'] as Loose[])[0] as Loose
    expect(((y['splitLine'] as Loose)['lineStyle'] as Loose)['color']).toBe(
      DARK_CHART_THEME.splitLine
    )
    expect((y['axisLabel'] as Loose)['color']).toBe(DARK_CHART_THEME.text)
    // An export of the same option is light whatever the screen shows.
    expect((exportOption(o as EChartsOption) as Loose)['backgroundColor']).toBe('#ffffff')
  })

  it('ten palette colours distinct from each other and from the Other grey (CIE76 ΔE ≥ 20)', () => {
    const lab = (hex: string): [number, number, number] => {
      const n = parseInt(hex.slice(1), 16)
      const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
        const c = v / 255
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      }) as [number, number, number]
      const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)
      const X = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047)
      const Y = f(r * 0.2126 + g * 0.7152 + b * 0.0722)
      const Z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883)
      return [116 * Y - 16, 500 * (X - Y), 200 * (Y - Z)]
    }
    const colours = [...PALETTE, LIGHT_CHART_THEME.other]
    expect(PALETTE).toHaveLength(10)
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        const [a, b] = [lab(colours[i] ?? ''), lab(colours[j] ?? '')]
        const d = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
        expect(d, `${colours[i]} vs ${colours[j]}`).toBeGreaterThanOrEqual(20)
      }
    }
  })

  it('accelerator axes: the powers of two around the data, one labelled tick per octave', () => {
    expect(log2CountAxis(4, 16)).toMatchObject({ min: 4, max: 16, interval: 1 })
    expect(log2CountAxis(3, 17)).toMatchObject({ min: 2, max: 32 })
    expect(log2CountAxis(8, 8)).toMatchObject({ min: 8, max: 16 })
    expect(log2CountAxis(1, 16384).axisLabel.formatter(1024)).toBe('1,024')
    // Past 14 octaves a tick every other octave, the ends on even exponents.
    expect(log2CountAxis(2, 2 ** 20)).toMatchObject({ min: 1, max: 2 ** 20, interval: 2 })
    expect(log2CountAxis(4, 2 ** 21)).toMatchObject({ min: 4, max: 2 ** 22, interval: 2 })
  })

  it('octave ticks: at most the steps asked for, the ends on multiples of the step', () => {
    expect(octaveTicks(-3, 5, 8)).toEqual({ min: 2 ** -3, max: 2 ** 5, interval: 1 })
    expect(octaveTicks(-7, 6, 8)).toEqual({ min: 2 ** -8, max: 2 ** 6, interval: 2 })
    const t = octaveTicks(-13, 20, 8)
    expect(t.interval).toBe(5)
    expect(Math.abs(Math.log2(t.min) % t.interval)).toBe(0)
    expect(Math.abs(Math.log2(t.max) % t.interval)).toBe(0)
    expect(Math.log2(t.max / t.min) / t.interval).toBeLessThanOrEqual(8)
  })
})

describe('words on figures', () => {
  it('an axis name that does not fit its axis: two lines, broken before “· derived”', () => {
    const name = 'Relative to the best result of each group (1 = best) · derived'
    expect(fitAxisName(name, 600, 54)).toEqual({ name, nameGap: 54 })
    expect(fitAxisName(name, 380, 54)).toEqual({
      name: 'Relative to the best result of each group (1 = best)\n· derived',
      nameGap: 69
    })
    const cut = fitAxisName(
      `${name} and much more text that cannot fit in two lines at all`,
      200,
      54
    )
    expect(cut.name.split('\n')).toHaveLength(2)
    expect(cut.name.endsWith('…')).toBe(true)
  })

  it('the distribution shows the newest round unless rounds are filtered, and says so', () => {
    const rows = [
      chartRow({ round: 'v4.0', value: 10 }),
      chartRow({ round: 'v4.1', value: 20 }),
      chartRow({ round: 'v4.1', value: 40 })
    ]
    const c = buildDistribution({ view: view(), data: chartData(rows), now: NOW })
    expect(c.points).toBe(2)
    expect(c.title).toMatch(/v4\.1/)
    expect(c.notes.join(' ')).toMatch(/Newest round only \(v4\.1\): 1 results of older rounds/)
    const both = buildDistribution({
      view: view({ filters: [{ column: 'round', op: 'in', value: ['v4.0', 'v4.1'] }] }),
      data: chartData(rows),
      now: NOW
    })
    expect(both.points).toBe(3)
  })

  it('“Derived” only on derived values: official values drawn raw are not called derived', () => {
    const rows = [chartRow({ value: 10 }), chartRow({ value: 20 })]
    const raw = buildDistribution({
      view: view({ normalisation: 'raw' }),
      data: chartData(rows),
      now: NOW
    })
    const title = raw.option.title as { subtext: string }
    expect(title.subtext).not.toMatch(/[Dd]erived/)
    expect(raw.derived).toEqual([])
    const best = buildDistribution({ view: view(), data: chartData(rows), now: NOW })
    expect((best.option.title as { subtext: string }).subtext).toMatch(/Derived/)
  })

  it('a footnote of nothing has no broken sentence', () => {
    const f = citationFootnote({
      suite: 'inference',
      rows: [],
      provenance: { firstImported: null, lastImported: null, sampleRows: 0, appVersion: '0' },
      derived: [],
      exportedAt: NOW
    })
    expect(f.full[0]).toBe('MLPerf™ Inference: no results shown.')
    expect(f.full.join(' ')).not.toMatch(/; \.|\(no published results\)/)
  })
})
