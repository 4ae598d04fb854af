import type { Api } from '../shared/api'
import type { ReadonlyDb } from '../core/db/types'
import { DEFAULT_SIZE } from '../charts/chart-frame'
import { svgToPng } from '../core/export/chart-image'
import { renderView } from '../core/export/render-view'

export type RenderPorts = {
  db: ReadonlyDb
  version: string
  /** ISO timestamp of "now" (printed in the footnote). */
  now?: () => string
}

/** PNGs are drawn at twice the view's pixel size (as in a report bundle). */
const PNG_SCALE = 2

/**
 * The `render` area: charts drawn on the main side without a window (ECharts server-side
 * rendering to SVG, resvg for PNG), for shells that save a figure (`mlperf-explorer chart`).
 */
export function renderArea(ports: RenderPorts): Pick<Api, 'render'> {
  const now = ports.now ?? (() => new Date().toISOString())
  return {
    render: {
      chart: async ({ view, size, format }) => {
        const rendered = renderView(ports.db, view, ports.version, now(), size ?? DEFAULT_SIZE)
        const scale = format === 'png' ? PNG_SCALE : 1
        return {
          format,
          data:
            format === 'svg' ? rendered.svg : svgToPng(rendered.svg, PNG_SCALE).toString('base64'),
          width: rendered.width * scale,
          height: rendered.height * scale,
          title: rendered.built.title,
          points: rendered.built.points,
          notes: [...rendered.built.notes]
        }
      }
    }
  }
}
