// The ECharts chart types and components the app's chart builders use, registered by both the
// renderer (src-renderer/lib/charts/setup.ts, canvas and SVG) and the server-side renderer
// (src-main/core/export/echarts-ssr.ts, SVG): one list, so a chart drawn in the window is also
// drawn the same by `mlperf-explorer chart`. Tree-shaken, as the handbook's echarts/core + use().
import { BarChart, BoxplotChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts'
import {
  DataZoomComponent,
  DatasetComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent
} from 'echarts/components'

export const CHART_PARTS = [
  BarChart,
  BoxplotChart,
  CustomChart,
  LineChart,
  ScatterChart,
  DataZoomComponent,
  DatasetComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent
]
