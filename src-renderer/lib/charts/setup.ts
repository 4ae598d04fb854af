// ECharts, tree-shaken: only the chart types and components the app draws are registered
// (src-main/charts/echarts-parts.ts, the same list the CLI's SVG renderer uses), with canvas and SVG.
import * as echarts from 'echarts/core'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
import { CHART_PARTS } from '../../../src-main/charts/echarts-parts'
import { textMeasurer } from './text-measure'

echarts.use([...CHART_PARTS, CanvasRenderer, SVGRenderer])
echarts.setPlatformAPI({
  measureText: textMeasurer(() => document.createElement('canvas').getContext('2d'))
})

export { echarts }
export type EChartsInstance = echarts.ECharts
