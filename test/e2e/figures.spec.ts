// Report-grade figures: every chart kind is exported from the window as SVG (and its data as
// CSV), and the SVG is read back (test/support/svg-figure.ts) and compared with the data it
// should show: how many series are named and coloured, where reference and target lines are,
// and that nothing interactive (zoom slider) came along.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import Papa from 'papaparse'
import { PALETTE as COLOURS, TARGET_COLOR } from '../../src-main/charts/chart-frame'
import {
  axisLabels,
  axisScale,
  hasDataZoom,
  labelNumber,
  overlappingTexts,
  svgLines,
  svgShapeFills,
  svgTexts,
  type SvgText
} from '../support/svg-figure'
import { ChartsPage } from './pages/charts-page'
import { expect, openApp, test } from './pages/fixtures'
import { TrainingPage, TtmtPage } from './pages/training-page'

const output = join(import.meta.dirname, '..', 'output', 'figures')

/** The palette of named groups: the figure's colours. */
const PALETTE = new Set(COLOURS.map((c) => c.toLowerCase()))
const TARGET = TARGET_COLOR.toLowerCase()

async function save(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const wait = page.waitForEvent('download')
  await click()
  const download = await wait
  const path = join(output, name)
  await download.saveAs(path)
  return readFileSync(path, 'utf8')
}

/** The chart's SVG and CSV (rows as objects) as the export buttons write them. */
async function exportFigure(
  charts: ChartsPage,
  name: string
): Promise<{ svg: string; rows: Record<string, string>[] }> {
  const svg = await save(
    charts.page,
    () => charts.exports.getByRole('button', { name: 'SVG', exact: true }).click(),
    `${name}.svg`
  )
  const csv = await save(
    charts.page,
    () => charts.exports.getByRole('button', { name: 'CSV', exact: true }).click(),
    `${name}.csv`
  )
  const parsed = Papa.parse<Record<string, string>>(csv, {
    header: true,
    comments: '#',
    skipEmptyLines: true
  })
  expect(parsed.errors).toEqual([])
  return { svg, rows: parsed.data }
}

/** A figure for a report: on white, no zoom slider, every text readable left to right. */
function expectReportFigure(svg: string): SvgText[] {
  expect(svg.startsWith('<svg')).toBe(true)
  expect(hasDataZoom(svg)).toBe(false)
  expect(svg).toMatch(/<rect width="\d+" height="\d+" x="0" y="0" fill="#ffffff"/)
  expect(svg).toContain('trademarks of MLCommons Association')
  const texts = svgTexts(svg)
  // No label, axis title, legend entry or footnote line drawn over another.
  expect(overlappingTexts(texts)).toEqual([])
  return texts
}

/** Groups by count, largest first, ties by name: the ten a chart colours, then "Other". */
function largest(values: readonly string[], n = 10): { named: string[]; other: boolean } {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  return { named: sorted.slice(0, n).map(([k]) => k), other: sorted.length > n }
}

function paletteColours(svg: string): number {
  return [...svgShapeFills(svg)].filter((f) => PALETTE.has(f)).length
}

test.describe('Exported figures match their data', () => {
  test('distribution: one colour per named submitter, Other for the rest, no slider', async ({
    page
  }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?round=v4.1&division=closed&_chart=distribution')
    const { svg, rows } = await exportFigure(charts, 'distribution')
    const texts = expectReportFigure(svg).map((t) => t.text)
    const published = rows.filter((r) => r['verified'] === 'yes')
    const groups = largest(published.map((r) => r['submitter'] ?? ''))
    for (const name of groups.named) expect(texts).toContain(name)
    expect(texts.includes('Other')).toBe(groups.other)
    expect(paletteColours(svg)).toBe(groups.named.length)
    // Benchmarks named as in the table (and the CSV's benchmark column).
    const benchmarks = new Set(published.map((r) => r['benchmark']))
    expect(benchmarks.has('resnet50')).toBe(true)
    expect(texts.some((t) => t.startsWith('resnet50'))).toBe(true)
    expect(texts.some((t) => /^resnet (Offline|Server)/.test(t))).toBe(false)
  })

  test('speedup: every line named or grey, “no change” exactly at 1×', async ({ page }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?_chart=speedup&_acc=1')
    const { svg, rows } = await exportFigure(charts, 'speedup')
    const texts = expectReportFigure(svg)
    // Lines with their points (CSV: one row per point): the ten seen in most rounds named.
    const lines = largest(rows.map((r) => r['line'] ?? ''))
    for (const name of lines.named) expect(texts.map((t) => t.text)).toContain(name)
    expect(paletteColours(svg)).toBe(lines.named.length)
    const y = axisScale(axisLabels(texts, 'y', '×'), 'y', labelNumber, true)
    // Labelled every octave, or every few over a wide span (at most 8 steps), 1× among them.
    const ys = axisLabels(texts, 'y', '×')
      .map((t) => labelNumber(t.text))
      .sort((a, b) => a - b)
    expect(ys).toContain(1)
    const steps = new Set(ys.slice(1).map((v, i) => Math.round(Math.log2(v / (ys[i] ?? v)))))
    expect(steps.size).toBe(1)
    const span = Math.round(Math.log2((ys.at(-1) ?? 1) / (ys[0] ?? 1)))
    expect([...steps][0]).toBeLessThanOrEqual(Math.max(1, Math.ceil(span / 8)))
    const guide = svgLines(svg).filter((l) => l.dashed && l.y1 === l.y2)
    expect(guide).toHaveLength(1)
    expect(Math.abs((guide[0]?.y1 ?? 0) - y(1))).toBeLessThanOrEqual(1)
  })

  test('scale: a colour per benchmark of the data, accelerator ticks at powers of two', async ({
    page
  }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?_chart=scale')
    const { svg, rows } = await exportFigure(charts, 'scale')
    const texts = expectReportFigure(svg)
    const benchmarks = new Set(rows.map((r) => r['benchmark'] ?? ''))
    const named = texts.map((t) => t.text).filter((t) => benchmarks.has(t))
    expect(named.length).toBe(Math.min(10, benchmarks.size))
    expect(paletteColours(svg)).toBe(named.length)
    const ticks = axisLabels(texts, 'y').map((t) => labelNumber(t.text))
    for (const t of ticks) expect(Math.log2(t) % 1).toBe(0)
    const most = Math.max(...rows.map((r) => Number(r['accelerators_total'])))
    expect(Math.max(...ticks)).toBe(2 ** Math.ceil(Math.log2(most)))
  })

  test('efficiency: ten named groups at most, each a colour of its own', async ({ page }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?_chart=efficiency')
    const { svg, rows } = await exportFigure(charts, 'efficiency')
    expectReportFigure(svg)
    const groups = largest(rows.map((r) => `${r['benchmark']} ${r['scenario']}`))
    expect(paletteColours(svg)).toBe(groups.named.length)
  })

  test('reference score: as many bars as systems scored, the reference line at 1×', async ({
    page
  }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?round=v4.1&division=closed&_chart=reference')
    await charts.pickReference('Lenovo L4', /^Lenovo ThinkEdge SE360/)
    const { svg, rows } = await exportFigure(charts, 'reference')
    const texts = expectReportFigure(svg)
    const systems = new Set(rows.map((r) => `${r['round']}/${r['submitter']}/${r['system_id']}`))
    const stated = /(\d+) systems? scored, all drawn/.exec(texts.map((t) => t.text).join('\n'))
    expect(Number(stated?.[1])).toBe(systems.size)
    expect(texts.filter((t) => /× · \d+ bench\.$/.test(t.text))).toHaveLength(systems.size)
    const x = axisScale(axisLabels(texts, 'x', '×'), 'x', labelNumber)
    const guide = svgLines(svg).filter((l) => l.dashed && l.x1 === l.x2)
    expect(guide).toHaveLength(1)
    expect(Math.abs((guide[0]?.x1 ?? 0) - x(1))).toBeLessThanOrEqual(1)
  })

  test('an empty chart: its instruction inside the figure, no half-sentence footnote', async ({
    page
  }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?round=v4.1&division=closed&_chart=reference')
    const svg = await save(
      page,
      () => charts.exports.getByRole('button', { name: 'SVG', exact: true }).click(),
      'empty.svg'
    )
    const texts = expectReportFigure(svg).map((t) => t.text)
    expect(texts.join(' ')).toContain('Pick a reference system above')
    expect(texts.join(' ')).not.toMatch(/; \.|no published results/)
    await expect(charts.notes).not.toContainText('Derived')
  })

  test('training: the convergence target and the TTMT target at their exact value', async ({
    page
  }) => {
    const training = new TrainingPage(page)
    await training.openTraining('#/training?origin=imported&division=closed')
    await training.row(0).click()
    await training.convergence.scrollIntoViewIfNeeded()
    await expect(training.convergence).toHaveAttribute('data-chart-ready', 'true')
    const id = Number(await training.loadedRows.first().getAttribute('data-id'))
    const res = await page.request.post('/api/training.runs', {
      headers: { authorization: 'Bearer e2e' },
      data: { id }
    })
    const target = ((await res.json()) as { value: { target: number } }).value.target
    expect(target).toBeGreaterThan(0)
    const card = training.detail.getByTestId('convergence-chart')
    const svg = await save(
      page,
      () => card.getByRole('button', { name: 'SVG' }).click(),
      'convergence.svg'
    )
    expect(hasDataZoom(svg)).toBe(false)
    const texts = svgTexts(svg)
    expect(overlappingTexts(texts)).toEqual([])
    expect(texts.map((t) => t.text)).toContain('Eval quality of every run')
    const y = axisScale(axisLabels(texts, 'y'), 'y', labelNumber)
    const line = svgLines(svg).filter((l) => l.dashed && l.y1 === l.y2 && l.stroke === TARGET)
    expect(line).toHaveLength(1)
    expect(Math.abs((line[0]?.y1 ?? 0) - y(target))).toBeLessThanOrEqual(1)
    expect(texts.map((t) => t.text)).toContain(`Target ${target}`)

    await openApp(page, `#/ttmt?_ids=${id}`)
    const ttmt = new TtmtPage(page)
    await ttmt.waitForChart()
    const ttmtSvg = await save(
      page,
      () =>
        page
          .locator('figure')
          .filter({ has: ttmt.chart })
          .getByRole('button', { name: 'SVG' })
          .click(),
      'ttmt.svg'
    )
    const tt = svgTexts(ttmtSvg)
    const x = axisScale(axisLabels(tt, 'x'), 'x', labelNumber)
    const vertical = svgLines(ttmtSvg).filter(
      (l) => l.dashed && l.x1 === l.x2 && l.stroke === TARGET
    )
    expect(vertical).toHaveLength(1)
    expect(Math.abs((vertical[0]?.x1 ?? 0) - x(target))).toBeLessThanOrEqual(1)
  })
})
