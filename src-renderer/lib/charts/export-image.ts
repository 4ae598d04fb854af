import type { EChartsOption } from 'echarts'
import { exportOption } from '../../../src-main/charts/chart-style'
import { echarts } from './setup'

/**
 * An option as the figure a report gets (the export transformation: light theme on white, no
 * zoom slider or other controls), drawn by a throw-away instance of `renderer` at `width` ×
 * `height`; the on-screen chart (dark, with its slider) is never what is saved.
 */
function withExportInstance<T>(
  option: EChartsOption,
  width: number,
  height: number,
  renderer: 'canvas' | 'svg',
  read: (chart: echarts.ECharts) => T
): T {
  const host = document.createElement('div')
  const chart = echarts.init(host, undefined, {
    renderer,
    width,
    height,
    ...(renderer === 'svg' ? { ssr: true } : { devicePixelRatio: 2 })
  })
  try {
    chart.setOption(exportOption(option), { notMerge: true })
    return read(chart)
  } finally {
    chart.dispose()
  }
}

/** PNG of a figure at twice its pixel size, on white (reports are printed on white). */
export function optionToPngDataUrl(option: EChartsOption, width: number, height: number): string {
  return withExportInstance(option, width, height, 'canvas', (chart) =>
    chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' })
  )
}

/** SVG of a figure at a given size (vectors, even when the screen draws on a canvas). */
export function optionToSvg(option: EChartsOption, width: number, height: number): string {
  return withExportInstance(option, width, height, 'svg', (chart) => chart.renderToSVGString())
}
