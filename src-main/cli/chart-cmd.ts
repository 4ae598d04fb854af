import { writeFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import type { ChartView } from '../shared/charts/chart-view'
import { DEFAULT_SIZE } from '../charts/chart-frame'
import { dispatch } from '../api/dispatch'
import type { Backend } from '../api/open-backend'
import { appVersion } from '../api/open-backend'
import { svgToPng } from '../core/export/chart-image'
import { renderView } from '../core/export/render-view'

type Out = { out: (s: string) => void; err: (s: string) => void }

export type ChartArgs = {
  view?: string
  out?: string
  width?: string
  height?: string
}

function size(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback
  const n = Number(text)
  if (!Number.isInteger(n) || n < 320 || n > 6000) {
    throw new Error(`--${name} must be a whole number of pixels between 320 and 6000`)
  }
  return n
}

/**
 * `mlperf-explorer chart --view view.json --out chart.svg|png`: renders a saved view (a report
 * bundle's view.json) without a window: the same data query and option builder as the app,
 * ECharts server-side rendering to SVG, and resvg for a PNG at twice the pixel size.
 */
export async function chartCmd(
  args: ChartArgs,
  io: Out,
  openDb: () => Backend,
  appRoot: string
): Promise<number> {
  if (!args.view || !args.out) {
    io.err('chart: give --view FILE (a view.json or a report bundle folder) and --out FILE\n')
    return 2
  }
  const format = extname(args.out).toLowerCase()
  if (format !== '.svg' && format !== '.png') {
    io.err('chart: --out must end in .svg or .png\n')
    return 2
  }
  let width: number
  let height: number
  try {
    width = size(args.width, DEFAULT_SIZE.width, 'width')
    height = size(args.height, DEFAULT_SIZE.height, 'height')
  } catch (e) {
    io.err(`chart: ${(e as Error).message}\n`)
    return 2
  }
  const backend = openDb()
  try {
    const opened = await dispatch(backend.api, 'exports.openView', { path: resolve(args.view) })
    if (!opened.ok) {
      io.err(`chart: ${opened.error.message}\n`)
      return 2
    }
    const view = opened.value as ChartView
    const rendered = renderView(backend.db, view, appVersion(appRoot), new Date().toISOString(), {
      width,
      height
    })
    const out = resolve(args.out)
    if (format === '.svg') await writeFile(out, rendered.svg)
    else await writeFile(out, svgToPng(rendered.svg, 2))
    const px = format === '.png' ? 2 : 1
    io.out(
      `Wrote ${out} (${rendered.width * px}×${rendered.height * px}, ${rendered.built.points} points): ${rendered.built.title}\n`
    )
    for (const note of rendered.built.notes) io.err(`  note: ${note}\n`)
    return 0
  } finally {
    await backend.close()
  }
}
