import { describe, expect, it } from 'vitest'
import {
  MAX_LEGEND_ROWS,
  MIN_PLOT_HEIGHT,
  OTHER_NAME,
  chartFrame,
  frameZoom,
  legendNames
} from '../../../../src-main/charts/chart-frame'

const frameInput = {
  title: 'T',
  subtitle: ['one line'],
  footnote: ['MLPerf results'],
  size: { width: 1200, height: 720 },
  points: 10,
  legend: ['A', 'B'] as string[] | false,
  zoomX: [0]
}

describe('chart frame', () => {
  it('legend: given order without repeats, Other last; none for false', () => {
    expect(legendNames(['B', OTHER_NAME, 'A', 'B'])).toEqual(['B', 'A', OTHER_NAME])
    expect(legendNames(false)).toEqual([])
  })

  it('zoom: x inside and slider above the footnote, y inside; nothing on an export', () => {
    const z = frameZoom({ zoomX: [0, 1], zoomY: [0] }, 40)
    expect(z.map((d) => d.type)).toEqual(['inside', 'slider', 'inside'])
    expect(z[1]).toMatchObject({ xAxisIndex: [0, 1], bottom: 44 })
    expect(z[2]).toMatchObject({ yAxisIndex: [0] })
    expect(frameZoom({ zoomX: [0], zoomY: [0], target: 'export' }, 40)).toEqual([])
    expect(frameZoom({ zoomX: [] }, 40)).toEqual([])
  })

  it('a long legend scrolls past MAX_LEGEND_ROWS rows; the plot keeps its minimum height', () => {
    const many = Array.from({ length: 200 }, (_, i) => `Submitter number ${i}`)
    const f = chartFrame({ ...frameInput, legend: many })
    expect((f.option.legend as { type?: string }).type).toBe('scroll')
    expect(f.minHeight).toBe(f.grid.top + MIN_PLOT_HEIGHT + f.grid.bottom)
    const plain = chartFrame(frameInput)
    expect((plain.option.legend as { type?: string }).type).toBe('plain')
    expect(plain.grid.top).toBeLessThan(f.grid.top + MAX_LEGEND_ROWS * 20)
  })

  it('an export has no dataZoom and no room for the slider', () => {
    const screen = chartFrame(frameInput)
    const figure = chartFrame({ ...frameInput, target: 'export' })
    expect(screen.option.dataZoom).toBeDefined()
    expect(figure.option.dataZoom).toBeUndefined()
    expect(screen.grid.bottom - figure.grid.bottom).toBe(26)
    expect(chartFrame({ ...frameInput, legend: false }).option.legend).toBeUndefined()
  })
})
