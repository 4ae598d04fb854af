import { writeFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import type { RenderedChartImage } from '../shared/api'
import type { ChartView } from '../shared/charts/chart-view'
import { dispatch } from '../api/dispatch'
import { openCliBackend } from './backend'
import { DEFAULT_SIZE } from '../charts/chart-frame'
import type { Handler } from './commands'

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
 * bundle's view.json) without a window: exports.openView reads it, render.chart draws it with
 * the same data query and option builder as the app.
 */
export const chartCmd: Handler<'chart'> = async ({ values: args }, io) => {
  if (!args.view || !args.out) {
    io.err('chart: give --view FILE (a view.json or a report bundle folder) and --out FILE\n')
    return 2
  }
  const ext = extname(args.out).toLowerCase()
  if (ext !== '.svg' && ext !== '.png') {
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
  const backend = openCliBackend(args)
  try {
    const opened = await dispatch(backend.api, 'exports.openView', { path: resolve(args.view) })
    if (!opened.ok) {
      io.err(`chart: ${opened.error.message}\n`)
      return 2
    }
    const rendered = await dispatch(backend.api, 'render.chart', {
      view: opened.value as ChartView,
      size: { width, height },
      format: ext === '.svg' ? 'svg' : 'png'
    })
    if (!rendered.ok) throw new Error(rendered.error.message)
    const image = rendered.value as RenderedChartImage
    const out = resolve(args.out)
    await writeFile(out, image.format === 'svg' ? image.data : Buffer.from(image.data, 'base64'))
    io.out(
      `Wrote ${out} (${image.width}×${image.height}, ${image.points} points): ${image.title}\n`
    )
    for (const note of image.notes) io.err(`  note: ${note}\n`)
    return 0
  } finally {
    await backend.close()
  }
}
