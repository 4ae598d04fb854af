import type { EChartsOption } from 'echarts'
import type { EChartsInstance } from './setup'
import { echarts } from './setup'

/** PNG of a chart at twice its pixel size, on white (reports are printed on white). */
export function chartPngDataUrl(chart: EChartsInstance): string {
  return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' })
}

/**
 * SVG of an option at a given size: rendered by a throw-away SVG-renderer instance, so a canvas
 * chart on screen can still be exported as vectors.
 */
export function optionToSvg(option: EChartsOption, width: number, height: number): string {
  const host = document.createElement('div')
  const chart = echarts.init(host, undefined, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ ...option, animation: false }, { notMerge: true })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
