// Every chart screen (and Compare) at 1440x900 and 1024x700, in the light and the dark theme: drawn in the
// theme (the canvas's own background, the chart's data-chart-theme), the toolbar's groups side by
// side without overlapping, and a screenshot of each under test/output/screenshots/charts/ to
// look at. The theme follows the app's data-theme on <html>, else the OS preference (emulated).
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import { ChartsPage } from './pages/charts-page'
import { ComparePage, resultIds } from './pages/compare-page'
import { expect, openApp, test } from './pages/fixtures'
import { TrainingPage, TtmtPage } from './pages/training-page'

const shots = join(import.meta.dirname, '..', 'output', 'screenshots', 'charts')

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 }
] as const
const SCHEMES = ['light', 'dark'] as const
/** The chart backgrounds of src-main/charts/chart-theme.ts. */
const BACKGROUND = { light: [255, 255, 255], dark: [0x16, 0x1b, 0x22] } as const

const VIEWS: { name: string; hash: string }[] = [
  { name: 'distribution', hash: '#/charts' },
  { name: 'distribution-violin', hash: '#/charts?_shape=violin&_color=accelerator' },
  { name: 'speedup', hash: '#/charts?_chart=speedup&_acc=1' },
  { name: 'scale', hash: '#/charts?_chart=scale' },
  { name: 'scale-training', hash: '#/charts?_chart=scale&_suite=training' },
  { name: 'efficiency', hash: '#/charts?_chart=efficiency' },
  {
    name: 'reference',
    hash: '#/charts?round=v4.1&division=closed&_chart=reference&_ref=v4.1/Lenovo/Lenovo_2xL4_TRT'
  },
  { name: 'reference-empty', hash: '#/charts?round=v4.1&division=closed&_chart=reference' }
]

/** RGB of the canvas pixel 3 px inside the top-left corner of a chart. */
async function cornerPixel(chart: Locator): Promise<number[]> {
  return chart
    .locator('canvas')
    .first()
    .evaluate((node) => {
      const canvas = node as HTMLCanvasElement
      const ctx = canvas.getContext('2d')
      const d = ctx?.getImageData(3, 3, 1, 1).data
      return d ? [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0] : []
    })
}

/** No two boxes of `locators` overlap (toolbar groups wrap instead of running into each other). */
async function expectApart(locators: Locator[]): Promise<void> {
  const boxes = []
  for (const l of locators) {
    if (await l.isVisible()) boxes.push(await l.boundingBox())
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]
      const b = boxes[j]
      if (!a || !b) continue
      const overlap =
        a.x < b.x + b.width - 1 &&
        b.x < a.x + a.width - 1 &&
        a.y < b.y + b.height - 1 &&
        b.y < a.y + a.height - 1
      expect(overlap, `toolbar groups ${i} and ${j} overlap`).toBe(false)
    }
  }
}

async function expectThemed(chart: Locator, scheme: 'light' | 'dark'): Promise<void> {
  await expect(chart).toHaveAttribute('data-chart-theme', scheme)
  await expect(chart).toHaveAttribute('data-chart-ready', 'true')
  const [r = 0, g = 0, b = 0] = await cornerPixel(chart)
  const want = BACKGROUND[scheme]
  expect(Math.abs(r - want[0]) + Math.abs(g - want[1]) + Math.abs(b - want[2])).toBeLessThan(12)
}

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    test.describe(`Charts at ${size.width}x${size.height}, ${scheme}`, () => {
      test.use({ viewport: size, colorScheme: scheme })

      test('every chart kind drawn in the theme, toolbar groups apart', async ({ page }) => {
        const charts = new ChartsPage(page)
        for (const v of VIEWS) {
          await charts.open(v.hash)
          await expectThemed(charts.chart, scheme)
          await expectApart([
            page.getByRole('group', { name: 'Chart', exact: true }),
            charts.exports,
            page.getByRole('combobox', { name: 'Reference system' })
          ])
          // Every export stays on screen (the toolbar wraps rather than push them out).
          const last = await charts.exports.getByRole('button').last().boundingBox()
          expect((last?.x ?? 0) + (last?.width ?? 0)).toBeLessThanOrEqual(size.width)
          await page.screenshot({
            path: join(shots, `${v.name}-${size.width}x${size.height}-${scheme}.png`)
          })
        }
        // The app's own theme attribute wins over the OS preference, live.
        const other = scheme === 'dark' ? 'light' : 'dark'
        await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), other)
        await expectThemed(charts.chart, other)
      })

      test('compare: three results side by side', async ({ page }) => {
        await openApp(page)
        const ids = await resultIds(page, [
          { column: 'round', op: 'eq', value: 'v4.1' },
          { column: 'division', op: 'eq', value: 'closed' },
          { column: 'benchmark', op: 'eq', value: 'resnet50' },
          { column: 'scenario', op: 'eq', value: 'Offline' }
        ])
        const compare = new ComparePage(page)
        await compare.open(ids.slice(0, 3))
        await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible()
        await page.screenshot({
          path: join(shots, `compare-${size.width}x${size.height}-${scheme}.png`)
        })
      })

      test('training charts: convergence and time to multiple thresholds', async ({ page }) => {
        const training = new TrainingPage(page)
        await training.openTraining('#/training?origin=imported&division=closed')
        await training.row(0).click()
        await training.convergence.scrollIntoViewIfNeeded()
        await expectThemed(training.convergence, scheme)
        await page.screenshot({
          path: join(shots, `convergence-${size.width}x${size.height}-${scheme}.png`)
        })
        const ids = await training.loadedRows.evaluateAll((rows) =>
          rows.map((r) => r.getAttribute('data-id'))
        )
        await openApp(page, `#/ttmt?_ids=${ids.join(',')}`)
        const ttmt = new TtmtPage(page)
        await ttmt.waitForChart()
        await expectThemed(ttmt.chart, scheme)
        await page.screenshot({
          path: join(shots, `ttmt-${size.width}x${size.height}-${scheme}.png`)
        })
      })
    })
  }
}
