import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ChartView } from '../../shared/charts/chart-view'
import { chartCsv, footnoteLines } from './chart-csv'
import { svgToPng } from './chart-image'
import type { RenderedChart } from './render-view'

/** What a report bundle's view.json holds: the view plus enough context to read it later. */
export type ViewFile = {
  format: 'mlperf-explorer-view'
  version: 1
  createdAt: string
  appVersion: string
  title: string
  /** The filters in words, as the chart's footnote and the app show them. */
  description: string
  view: ChartView
}

export const VIEW_FILE = 'view.json'

export type BundleResult = { dir: string; files: { name: string; bytes: number }[] }

/** "mlperf-speedup-2025-03-01-141502": sortable, safe on every file system. */
export function bundleFolderName(view: ChartView, now: string): string {
  const stamp = now.slice(0, 19).replace('T', '-').replaceAll(':', '')
  return `mlperf-${view.kind}-${stamp}`
}

/**
 * One folder holding everything a report needs: the chart's data as CSV (with the footnote as a
 * trailing comment block), the chart as PNG (2x) and SVG with title, axis units and footnote
 * drawn in, the footnote as text, and view.json, which the app (Charts → Open view) and
 * `mlperf-explorer chart --view` open again to rebuild the same chart.
 */
export async function writeReportBundle(
  parent: string,
  view: ChartView,
  rendered: RenderedChart,
  meta: { appVersion: string; now: string; description: string }
): Promise<BundleResult> {
  const dir = join(parent, bundleFolderName(view, meta.now))
  await mkdir(dir, { recursive: true })
  const viewFile: ViewFile = {
    format: 'mlperf-explorer-view',
    version: 1,
    createdAt: meta.now,
    appVersion: meta.appVersion,
    title: rendered.built.title,
    description: meta.description,
    view
  }
  const contents: [string, string | Buffer][] = [
    ['chart.csv', chartCsv(rendered.built)],
    ['chart.svg', rendered.svg],
    ['chart.png', svgToPng(rendered.svg, 2)],
    ['footnote.txt', footnoteLines(rendered.built).join('\n') + '\n'],
    [VIEW_FILE, JSON.stringify(viewFile, null, 2) + '\n']
  ]
  const files: BundleResult['files'] = []
  for (const [name, data] of contents) {
    await writeFile(join(dir, name), data)
    files.push({ name, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.length })
  }
  return { dir, files }
}

/**
 * Reads a saved view: a bundle folder (its view.json), a view.json wrapper or a bare view
 * object. Returns the parsed JSON of the view for the caller to validate.
 */
export async function readViewFile(path: string): Promise<unknown> {
  const file = (await stat(path)).isDirectory() ? join(path, VIEW_FILE) : path
  const json = JSON.parse(await readFile(file, 'utf8')) as unknown
  if (typeof json === 'object' && json !== null && 'format' in json && 'view' in json) {
    return (json as { view: unknown }).view
  }
  return json
}
