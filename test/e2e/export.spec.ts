import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { ChartsPage } from './pages/charts-page'
import { ExplorerPage } from './pages/explorer-page'
import { expect, test } from './pages/fixtures'

const output = join(import.meta.dirname, '..', 'output', 'exports')

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) }
}

/** Data rows and the trailing `# ` footnote of an exported CSV. */
function splitCsv(text: string): {
  rows: Record<string, string>[]
  fields: string[]
  footnote: string
} {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    comments: '#',
    skipEmptyLines: true
  })
  expect(parsed.errors).toEqual([])
  const footnote = text
    .split('\n')
    .filter((l) => l.startsWith('# '))
    .join('\n')
  return { rows: parsed.data, fields: parsed.meta.fields ?? [], footnote }
}

test.describe('Export', () => {
  test('chart CSV, PNG (2x) and SVG carry the data, the units and the citation footnote', async ({
    page
  }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?round=v4.1&division=closed&benchmark=resnet50&_chart=distribution')
    const points = await charts.points()
    expect(points).toBeGreaterThan(10)

    const csv = await charts.download('CSV')
    expect(csv.suggestedFilename()).toMatch(/^mlperf-distribution-\d{4}-\d{2}-\d{2}\.csv$/)
    const csvPath = join(output, csv.suggestedFilename())
    await csv.saveAs(csvPath)
    const { rows, fields, footnote } = splitCsv(readFileSync(csvPath, 'utf8'))
    expect(fields.slice(0, 4)).toEqual(['id', 'public_id', 'round', 'division'])
    expect(fields).toContain('normalised')
    expect(rows.length).toBe(points)
    expect(rows.some((r) => r['verified'] === 'no (unverified)')).toBe(true)
    expect(footnote).toContain('# MLPerf™ Inference v4.1 Closed')
    expect(footnote).toContain('resnet50 (Offline, Server, SingleStream, MultiStream)')
    expect(footnote).toMatch(/Result IDs: v4\.1-\d{4}/)
    expect(footnote).toContain('Result not verified by MLCommons Association')
    expect(footnote).toContain('Derived, not official MLPerf metrics')
    expect(footnote).toContain('trademarks of MLCommons Association')
    expect(footnote).toMatch(/retrieved from .*exported \d{4}-\d{2}-\d{2}/)

    const png = await charts.download('PNG')
    const pngPath = join(output, 'chart-export.png')
    await png.saveAs(pngPath)
    const box = await charts.chart.boundingBox()
    const size = pngSize(readFileSync(pngPath))
    // 2x pixel ratio: twice the chart's CSS size.
    expect(Math.abs(size.width - 2 * (box?.width ?? 0))).toBeLessThanOrEqual(2)
    expect(statSync(pngPath).size).toBeGreaterThan(30_000)

    const svg = await charts.download('SVG')
    const svgPath = join(output, 'chart-export.svg')
    await svg.saveAs(svgPath)
    const text = readFileSync(svgPath, 'utf8')
    expect(text.startsWith('<svg')).toBe(true)
    expect(text).toContain('Performance distribution')
    expect(text).toContain('Relative to the best result')
    expect(text).toContain('trademarks of MLCommons Association')
    expect(text).toContain('Result not verified by MLCommons')
    expect(statSync(svgPath).size).toBeGreaterThan(20_000)
  })

  test('table CSV keeps the documented header and appends the footnote as comments', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open('#/inference?round=v4.1&scenario=Offline')
    const total = await explorer.total()
    const wait = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const download = await wait
    const path = join(output, download.suggestedFilename())
    await download.saveAs(path)
    const text = readFileSync(path, 'utf8')
    expect(text.split('\n')[0]).toMatch(
      /^round,division,category,submitter,system_id,system_name,benchmark,scenario,metric,unit,value,power_value,power_unit,accuracy,valid,inferred,accelerator,accelerators_per_node,nodes,accelerators_total,source/
    )
    const { rows, footnote } = splitCsv(text)
    expect(rows.length).toBe(total)
    expect(footnote).toContain('# MLPerf™ Inference v4.1')
    expect(footnote).toContain('Offline')
  })

  test('a report bundle is written under the data folder and opens again as the same view', async ({
    page
  }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?division=closed&_chart=speedup&_acc=1')
    await charts.exports.getByRole('button', { name: 'Report bundle…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Report bundle written' })
    await expect(dialog).toBeVisible()
    const dir = (await dialog.getByTestId('bundle-dir').textContent()) ?? ''
    expect(dir).toMatch(/exports[\\/]mlperf-speedup-/)
    for (const name of ['chart.csv', 'chart.png', 'chart.svg', 'footnote.txt', 'view.json']) {
      expect(existsSync(join(dir, name)), name).toBe(true)
      expect(statSync(join(dir, name)).size, name).toBeGreaterThan(100)
    }
    const png = pngSize(readFileSync(join(dir, 'chart.png')))
    const svg = readFileSync(join(dir, 'chart.svg'), 'utf8')
    const width = Number(/<svg width="(\d+)"/.exec(svg)?.[1])
    expect(png.width).toBe(2 * width)
    const footnote = readFileSync(join(dir, 'footnote.txt'), 'utf8')
    expect(footnote).toContain('MultiStream changed meaning in v2.0')
    const view = JSON.parse(readFileSync(join(dir, 'view.json'), 'utf8')) as {
      format: string
      view: { kind: string; accelerators: number; filters: unknown[] }
    }
    expect(view.format).toBe('mlperf-explorer-view')
    expect(view.view).toMatchObject({ kind: 'speedup', accelerators: 1 })
    await dialog.getByRole('button', { name: 'Close' }).click()

    // Somewhere else, then open the saved view: the same chart comes back.
    await charts.kind('Distribution')
    await charts.exports.getByRole('button', { name: 'Open view…' }).click()
    const open = page.getByRole('dialog', { name: 'Open a saved view' })
    await open.getByLabel('Report bundle folder or view.json').fill(dir)
    await open.getByRole('button', { name: 'Open', exact: true }).click()
    await expect(open).toBeHidden()
    await charts.ready()
    expect(charts.hash()).toContain('_chart=speedup')
    expect(charts.hash()).toContain('_acc=1')
    expect(charts.hash()).toContain('division=closed')
    await expect(charts.chart).toHaveAttribute('aria-label', /best result at 1 accelerator/)
  })
})
