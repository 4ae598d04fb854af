import { Resvg } from '@resvg/resvg-js'
import type { EChartsOption } from 'echarts'
import { exportOption } from '../../charts/chart-style'
import { echarts } from './echarts-ssr'

/**
 * An option as an SVG document for a report, rendered without a window (ECharts SSR), through
 * the export transformation every figure takes (light theme on white, no controls, no
 * animation, so the string holds the final frame). The instance is disposed at once, because a
 * live SSR instance keeps a timer that would hold the Node process open.
 */
export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(exportOption(option), { notMerge: true })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/**
 * An SVG document as a PNG at `scale` times its size (2 = the 2x pixel ratio of the app's PNG
 * export), on white. resvg ships its binary in the package and reads the system fonts; the chart
 * asks for Liberation Sans / DejaVu Sans, which Debian and most Linux desktops have.
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' }
  })
  return resvg.render().asPng()
}

/** The PNG signature and IHDR size, to check an exported image without decoding it. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (png.length < 24 || sig.some((b, i) => png[i] !== b)) return null
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}
