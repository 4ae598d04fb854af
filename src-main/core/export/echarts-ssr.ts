// ECharts for server-side rendering in Node: the chart parts the renderer registers
// (src-main/charts/echarts-parts.ts), with only the SVG renderer. The handbook's SSR mode:
// init(null, null, {renderer: 'svg', ssr: true, width, height}) + renderToSVGString().
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { CHART_PARTS } from '../../charts/echarts-parts'

echarts.use([...CHART_PARTS, SVGRenderer])

export { echarts }
