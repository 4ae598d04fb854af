// Every chart kind rendered as the figure a report gets (the export path of the CLI and report
// bundles: buildChart for export, then exportOption and ECharts' SVG renderer), read back from
// the SVG and compared with the data it should show: series named and coloured, reference and
// target lines at their exact value, no zoom slider, no axis through the data.
import type { EChartsOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import type { TrainingRunView } from '../../../../../src-main/shared/api'
import { renderChartSvg } from '../../../../../src-main/core/export/chart-image'
import { echarts } from '../../../../../src-main/core/export/echarts-ssr'
import { buildChart } from '../../../../../src-main/charts/build-chart'
import { PALETTE } from '../../../../../src-main/charts/chart-frame'
import type { ChartRow } from '../../../../../src-main/shared/charts/chart-points'
import { LIGHT_CHART_THEME } from '../../../../../src-main/charts/chart-theme'
import type { ChartView } from '../../../../../src-main/shared/charts/chart-view'
import { convergenceOption } from '../../../../../src-main/charts/convergence'
import { ttmtOption } from '../../../../../src-main/charts/ttmt'
import { NOW, chartData, chartRow, view } from '../../../../support/chart-rows'
import {
  axisLabels,
  axisScale,
  hasDataZoom,
  labelNumber,
  overlappingTexts,
  numberLabels,
  svgLines,
  svgShapeFills,
  svgSymbols,
  svgTexts
} from '../../../../support/svg-figure'

const W = 1200
const H = 720

function figure(
  v: ChartView,
  rows: readonly ChartRow[],
  suite: 'inference' | 'training' = 'inference'
) {
  const built = buildChart({
    view: v,
    data: chartData(rows, { suite }),
    size: { width: W, height: H },
    now: NOW,
    target: 'export'
  })
  const height = Math.max(H, built.height)
  const svg = renderChartSvg(built.option, W, height)
  // No text of any figure is drawn over another (labels, axis titles, legend, footnote).
  expect(overlappingTexts(svgTexts(svg))).toEqual([])
  return { built, svg, height }
}

const palette = new Set(PALETTE.map((c) => c.toLowerCase()))

/** 14 submitters (S0 largest … S13 smallest) on two resnet scenarios of v4.1. */
function manySubmitters(): ChartRow[] {
  const rows: ChartRow[] = []
  for (let s = 0; s < 14; s++) {
    for (let k = 0; k < 20 - s; k++) {
      rows.push(
        chartRow({
          submitter: `S${s}`,
          systemId: `s${s}_${k}`,
          systemName: `System ${s}.${k}`,
          value: 100 + s * 7 + k,
          scenario: k % 2 ? 'Offline' : 'Server'
        })
      )
    }
  }
  return rows
}

describe('exported figures, read back from their SVG', () => {
  it('distribution: ten named colours and Other, no slider, the y axis at the plot edge', () => {
    const { svg } = figure(view(), manySubmitters())
    expect(hasDataZoom(svg)).toBe(false)
    const texts = svgTexts(svg).map((t) => t.text)
    for (let s = 0; s < 10; s++) expect(texts).toContain(`S${s}`)
    for (let s = 10; s < 14; s++) expect(texts).not.toContain(`S${s}`)
    expect(texts).toContain('Other')
    // Ten distinct palette colours among the points (the other groups share the grey).
    const fills = svgShapeFills(svg)
    expect([...fills].filter((f) => palette.has(f))).toHaveLength(10)
    expect(fills.has(LIGHT_CHART_THEME.other.toLowerCase())).toBe(true)
    // The table's name for the benchmark, not the checker's.
    expect(texts.some((t) => t.startsWith('resnet50'))).toBe(true)
    expect(texts.some((t) => /^resnet( |$)/.test(t))).toBe(false)
    // The value axis sits at the plot's left edge, left of every box and point.
    const axis = LIGHT_CHART_THEME.axisLine.toLowerCase()
    const long = (l: { x1: number; x2: number; y1: number; y2: number }): number =>
      Math.hypot(l.x2 - l.x1, l.y2 - l.y1)
    const lines = svgLines(svg).filter((l) => l.stroke === axis && long(l) > 100)
    const xAxis = lines.filter((l) => l.y1 === l.y2).sort((a, b) => long(b) - long(a))[0]
    const yAxes = lines.filter((l) => l.x1 === l.x2)
    const left = Math.min(xAxis?.x1 ?? NaN, xAxis?.x2 ?? NaN)
    expect(yAxes.length).toBeGreaterThan(0)
    for (const l of yAxes) expect(Math.abs(l.x1 - left)).toBeLessThanOrEqual(1)
  })

  it('the same chart on screen has its zoom slider (the detector sees one when it is there)', () => {
    const built = buildChart({ view: view(), data: chartData(manySubmitters()), now: NOW })
    // Rendered as is (renderChartSvg would make it a figure): the screen's option.
    expect(built.option.dataZoom).toBeDefined()
    expect(hasDataZoom(renderScreen(built.option))).toBe(true)
  })

  it('speedup: the “no change” line exactly at 1×; more than ten lines: the rest grey', () => {
    const rows: ChartRow[] = []
    const benchmarks = Array.from({ length: 12 }, (_, i) => `bench-${i}`)
    for (const [i, b] of benchmarks.entries()) {
      rows.push(chartRow({ round: 'v3.0', benchmark: b, acceleratorsTotal: 8, value: 100 }))
      rows.push(
        chartRow({ round: 'v4.1', benchmark: b, acceleratorsTotal: 8, value: 100 * (1 + i / 4) })
      )
    }
    const { svg } = figure(view({ kind: 'speedup' }), rows)
    expect(hasDataZoom(svg)).toBe(false)
    const texts = svgTexts(svg)
    const y = axisScale(axisLabels(texts, 'y', '×'), 'y', labelNumber, true)
    const noChange = svgLines(svg).filter((l) => l.dashed && l.y1 === l.y2)
    expect(noChange).toHaveLength(1)
    expect(Math.abs((noChange[0]?.y1 ?? 0) - y(1))).toBeLessThanOrEqual(1)
    expect(texts.map((t) => t.text)).toContain('no change')
    const names = new Set(texts.map((t) => t.text))
    expect(benchmarks.filter((b) => names.has(`${b} Offline`))).toHaveLength(10)
    expect(names.has('Other')).toBe(true)
  })

  it('scale (training): accelerator axis bounded by the data, a labelled tick per octave', () => {
    const t = { unit: 'minutes', scenario: null, metric: null, benchmark: 'resnet' }
    const rows = [
      chartRow({ ...t, acceleratorsTotal: 4, value: 45 }),
      chartRow({ ...t, acceleratorsTotal: 8, value: 30 }),
      chartRow({ ...t, acceleratorsTotal: 16, value: 14 })
    ]
    const { svg } = figure(view({ kind: 'scale', suite: 'training' }), rows, 'training')
    const texts = svgTexts(svg)
    expect(axisLabels(texts, 'x').map((x) => x.text)).toEqual(['4', '8', '16'])
    expect(axisLabels(texts, 'y').map((x) => x.text)).toEqual(['10', '100'])
  })

  it('reference score: as many bars as systems stated, each value right of its row’s dots', () => {
    const ref = { round: 'v4.1', submitter: 'Ref', systemId: 'r' }
    const rows: ChartRow[] = [
      chartRow({ submitter: 'Ref', systemId: 'r', systemName: 'Ref R', value: 100 }),
      chartRow({
        submitter: 'Ref',
        systemId: 'r',
        systemName: 'Ref R',
        benchmark: 'bert-99',
        value: 10
      })
    ]
    for (let i = 0; i < 45; i++) {
      // Pairs of systems with the same name: only the meta line tells them apart.
      const name = `Twin ${Math.floor(i / 2)}`
      rows.push(chartRow({ submitter: 'T', systemId: `t${i}`, systemName: name, value: 50 + i }))
      rows.push(
        chartRow({
          submitter: 'T',
          systemId: `t${i}`,
          systemName: name,
          benchmark: 'bert-99',
          value: 30 - i / 2
        })
      )
    }
    const { svg } = figure(view({ kind: 'reference', reference: ref }), rows)
    const texts = svgTexts(svg)
    const stated = /(\d+) systems scored, all drawn/.exec(texts.map((x) => x.text).join('\n'))
    expect(Number(stated?.[1])).toBe(46)
    const values = texts.filter((x) => /× · \d+ bench\.$/.test(x.text))
    expect(values).toHaveLength(46)
    // Every value label starts right of the dots of its row: nothing is drawn over it.
    const dots = svgSymbols(svg, LIGHT_CHART_THEME.other)
    expect(dots.length).toBe(2 * 46)
    for (const v of values) {
      const row = dots.filter((d) => Math.abs(d.y - v.y) < 4)
      expect(row.length).toBeGreaterThan(0)
      for (const d of row) expect(d.x + d.r).toBeLessThanOrEqual(v.x)
    }
    // Twins are told apart: no two rows' labels (left of the plot) read the same.
    const rowLabels = values.map((v) =>
      texts
        .filter((t) => t.x < 330 && Math.abs(t.y - v.y) < 14)
        .map((t) => t.text)
        .join(' | ')
    )
    expect(rowLabels.every((l) => l.includes('Twin') || l.includes('Ref R'))).toBe(true)
    expect(new Set(rowLabels).size).toBe(46)
  })

  it('sixty benchmark groups: category labels rotate enough never to touch each other', () => {
    const rows = Array.from({ length: 60 }, (_, i) =>
      chartRow({ benchmark: `benchmark-number-${i}`, scenario: i % 2 ? 'Offline' : 'Server' })
    )
    const { svg } = figure(view(), rows)
    const texts = svgTexts(svg)
    const labels = texts.filter((t) => t.rotated && t.text.startsWith('benchmark-number'))
    expect(labels).toHaveLength(60)
    // The detector itself: two labels drawn at one place are caught.
    const twice = svg.replace(
      '</svg>',
      `${/<text[^>]*>benchmark-number-0 Server<\/text>/.exec(svg)?.[0]}</svg>`
    )
    expect(overlappingTexts(svgTexts(twice)).length).toBeGreaterThan(0)
  })

  it('a long axis name wraps onto a second line instead of running into the footnote', () => {
    const ref = { round: 'v4.1', submitter: 'Ref', systemId: 'r' }
    const name =
      'Reference Systems Incorporated UltraScale Accelerated Inference Server Model 9000 (16x Very Long Accelerator Name, Framework 12.3)'
    const rows = [
      chartRow({ submitter: 'Ref', systemId: 'r', systemName: name, value: 100 }),
      chartRow({ submitter: 'B', systemId: 'b', value: 300 })
    ]
    const { svg } = figure(view({ normalisation: 'reference', reference: ref }), rows)
    // Two lines, the second cut where even two do not fit; no text over another (figure()).
    const axisName = svgTexts(svg).filter((t) => t.rotated)
    expect(axisName.map((t) => t.text)).toEqual([
      expect.stringMatching(/^Relative to Reference Systems/),
      expect.stringMatching(/…$/)
    ])
  })

  it('an empty chart: its instruction in the plot, no axes, a footnote without holes', () => {
    const { svg } = figure(view({ kind: 'reference' }), [chartRow()])
    const texts = svgTexts(svg).map((t) => t.text)
    expect(texts.join('\n')).toMatch(/Pick a reference system above/)
    expect(texts.join('\n')).not.toMatch(/; \./)
    expect(numberLabels(svgTexts(svg), '×')).toHaveLength(0)
    expect(svgLines(svg).filter((l) => l.dashed)).toHaveLength(0)
  })
})

describe('training figures: the quality target at its exact value', () => {
  const evals = (pts: [number, number][]) =>
    pts.map(([m, v]) => ({
      timeMs: m * 60_000,
      epoch: null,
      samples: null,
      value: v,
      metric: null
    }))
  const run = (file: string, pts: [number, number][]): TrainingRunView => ({
    file,
    status: 'success',
    minutes: 10,
    converged: true,
    reason: null,
    role: 'counted',
    evals: evals(pts),
    runFinalMs: null
  })

  it('convergence: a 0.925 target is drawn at 0.925, not at 0.93', () => {
    const option = convergenceOption(
      {
        target: 0.925,
        direction: 'higher',
        metricLabel: 'acc',
        runs: [
          run('result_0.txt', [
            [1, 0.9],
            [2, 0.93],
            [3, 0.94]
          ])
        ]
      },
      { x: 'time' }
    )
    const svg = renderChartSvg(option, 600, 400)
    const texts = svgTexts(svg)
    const y = axisScale(axisLabels(texts, 'y'), 'y', labelNumber)
    const target = svgLines(svg).filter((l) => l.dashed && l.y1 === l.y2 && l.stroke === '#b03a2e')
    expect(target).toHaveLength(1)
    expect(Math.abs((target[0]?.y1 ?? 0) - y(0.925))).toBeLessThanOrEqual(1)
    // 0.93 is 25 px away on this axis: the old rounding is told apart.
    expect(Math.abs(y(0.93) - y(0.925))).toBeGreaterThan(10)
    expect(texts.map((t) => t.text)).toContain('Target 0.925')
  })

  it('time to multiple thresholds: the vertical target at its exact threshold', () => {
    const thresholds = [0.9, 0.91, 0.92, 0.93]
    const option = ttmtOption(
      {
        thresholds,
        direction: 'higher',
        sets: [
          {
            id: 1,
            label: 'Acme',
            ttmt: {
              thresholds,
              direction: 'higher',
              runs: [
                { file: 'result_0.txt', thresholds, tta: [1, 2, 3, 4], attmt: [1, 1.5, 2, 2.5] }
              ],
              tta: [],
              attmt: []
            }
          }
        ],
        speedup: null
      },
      { metricLabel: 'acc', target: 0.925 }
    )
    const svg = renderChartSvg(option, 600, 400)
    const texts = svgTexts(svg)
    const x = axisScale(axisLabels(texts, 'x'), 'x', labelNumber)
    const target = svgLines(svg).filter((l) => l.dashed && l.x1 === l.x2 && l.stroke === '#b03a2e')
    expect(target).toHaveLength(1)
    expect(Math.abs((target[0]?.x1 ?? 0) - x(0.925))).toBeLessThanOrEqual(1)
  })
})

/** An option rendered exactly as given (no export transformation). */
function renderScreen(option: EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: W, height: H })
  try {
    chart.setOption({ ...option, animation: false }, { notMerge: true })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
