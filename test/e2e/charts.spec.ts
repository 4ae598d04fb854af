import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ChartsPage } from './pages/charts-page'
import { ExplorerPage } from './pages/explorer-page'
import { expect, openApp, test } from './pages/fixtures'

// The e2e database (serve.ts) holds the bundled catalogue (every published inference result of
// the official tables, v0.5–v6.0, many with power), the training fixture tree and two of the
// user's own runs (source_kind local: resnet Offline and SingleStream).
const shots = join(import.meta.dirname, '..', 'output', 'screenshots')
/** The 200,000-row server of playwright.config.ts (overridable for a private run). */
const LARGE = process.env.E2E_LARGE_BASE ?? 'http://127.0.0.1:4174'

test.describe('Charts', () => {
  test('distribution: every v4.1 closed result on a log axis, the user’s runs highlighted', async ({
    page
  }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?round=v4.1&division=closed&_chart=distribution')
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Charts' })
    ).toHaveAttribute('aria-current', 'page')
    const all = await charts.points()
    expect(all).toBeGreaterThan(150)
    await expect(charts.chart).toHaveAttribute(
      'aria-label',
      /Performance distribution · v4\.1 · Closed/
    )
    // Two local runs follow only the workload filters, so they join the v4.1 closed chart.
    await expect(charts.notes.getByTestId('footnote')).toContainText(
      'Result not verified by MLCommons Association'
    )
    await expect(charts.notes).toContainText('Derived')
    await charts.screenshot(join(shots, 'chart-distribution.png'))

    // A facet of the table filters the chart and the URL keeps it.
    await charts.facetValue('Scenario', 'Offline').click()
    await charts.ready()
    await expect.poll(() => charts.points()).toBeLessThan(all)
    expect(charts.hash()).toContain('scenario=Offline')

    // Violin, per accelerator, coloured by accelerator.
    await charts.choose('Shape', 'violin')
    await charts.choose('Normalise', 'per accelerator')
    await charts.choose('Colour by', 'accelerator')
    expect(charts.hash()).toContain('_norm=per-accelerator')
    expect(charts.hash()).toContain('_shape=violin')
    await expect(charts.notes).toContainText('CPU-only')
    await charts.screenshot(join(shots, 'chart-distribution-violin.png'))

    // Reload: the whole view comes back from the URL.
    await page.reload()
    await charts.ready()
    await expect(page.getByLabel('Normalise', { exact: true })).toHaveValue('per-accelerator')
    await expect(page.getByLabel('Shape', { exact: true })).toHaveValue('violin')
  })

  test('distribution normalised to a reference system the user picks', async ({ page }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?round=v4.1&division=closed&_norm=reference')
    await expect(charts.notes).toContainText('reference system has no result')
    await charts.pickReference('H200', /^NVIDIA H200/)
    expect(charts.hash()).toMatch(/_ref=v4\.1\/NVIDIA\//)
    await expect.poll(() => charts.points()).toBeGreaterThan(10)
    await expect(charts.chart).toHaveAttribute('data-chart-ready', 'true')
  })

  test('speedup: best result at a fixed count, with the incomparable pairs listed', async ({
    page
  }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?_chart=speedup&_acc=1')
    await expect(charts.chart).toHaveAttribute('aria-label', /best result at 1 accelerator/)
    expect(await charts.points()).toBeGreaterThan(5)
    // MultiStream before and after v2.0, 3D-UNet across its dataset change: never divided.
    const excluded = charts.notes.getByTestId('exclusion-count')
    await expect(excluded).toContainText('not comparable under MLPerf rules')
    await expect(charts.notes).toContainText('MultiStream changed meaning in v2.0')
    await expect(charts.notes).toContainText('99.9')
    await charts.screenshot(join(shots, 'chart-speedup.png'))

    await charts.choose('Accelerators', /^8 /)
    expect(charts.hash()).not.toContain('_acc=')
    await charts.choose('Speedup of', 'same accelerator model and count')
    await expect(charts.chart).toHaveAttribute('aria-label', /Same-accelerator speedup/)
    expect(await charts.points()).toBeGreaterThan(5)
    await charts.screenshot(join(shots, 'chart-speedup-same-accelerator.png'))

    // The alias editor lists raw names with their canonical ids.
    await page.getByRole('button', { name: 'Accelerator aliases…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Accelerator aliases' })
    await expect(
      dialog.getByLabel('Canonical id for NVIDIA H100-SXM-80GB', { exact: true })
    ).toHaveValue('h100-sxm')
    await expect(dialog.getByLabel('Canonical id for NVIDIA T4', { exact: true })).toHaveValue('t4')
    await dialog.getByRole('button', { name: 'Close' }).click()
  })

  test('scale and training time to train against accelerators', async ({ page }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?_chart=scale')
    await expect(charts.chart).toHaveAttribute('aria-label', /Scale of the fastest result/)
    expect(await charts.points()).toBeGreaterThan(20)
    await charts.screenshot(join(shots, 'chart-scale.png'))

    await charts.choose('Suite', 'Training')
    await expect(charts.chart).toHaveAttribute(
      'aria-label',
      /Time to train against total accelerators/
    )
    expect(charts.hash()).toContain('_suite=training')
    expect(await charts.points()).toBeGreaterThan(0)
    await charts.screenshot(join(shots, 'chart-scale-training.png'))
  })

  test('efficiency: per measured watt with the Pareto front, then per accelerator', async ({
    page
  }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?_chart=efficiency')
    await expect(charts.chart).toHaveAttribute('aria-label', /Energy efficiency/)
    expect(await charts.points()).toBeGreaterThan(10)
    await expect(charts.notes).toContainText('8000 ÷ mJ')
    await expect(charts.notes).toContainText('no measured power')
    await charts.screenshot(join(shots, 'chart-efficiency.png'))
    await charts.choose('Metric', 'per accelerator')
    await expect(charts.chart).toHaveAttribute('aria-label', /per accelerator/)
    await expect(charts.notes).toContainText('latency results are not divided')
  })

  test('reference score: geometric mean over a reference system, labelled unofficial', async ({
    page
  }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?round=v4.1&division=closed&_chart=reference')
    await expect(charts.notes).toContainText('Pick a reference system')
    // A searchable picker: every word of the search matches name, accelerator, round or ID,
    // and every option reads differently (system — accelerator × count · round · ID).
    await charts.reference.fill('lenovo L4')
    const options = page.getByRole('listbox', { name: 'Reference system' }).getByRole('option')
    await expect(options.first()).toBeVisible()
    const texts = await options.allTextContents()
    expect(texts.length).toBeGreaterThan(0)
    expect(new Set(texts).size).toBe(texts.length)
    for (const t of texts) expect(t).toMatch(/Lenovo.*L4.*× \d+ · v4\.1/)
    await charts.reference.press('ArrowDown')
    await charts.reference.press('Enter')
    await charts.ready()
    expect(charts.hash()).toMatch(/_ref=v4\.1\/Lenovo\//)
    await expect(charts.chart).toHaveAttribute('aria-label', /Reference score over/)
    await expect(charts.notes).toContainText('geometric mean')
    expect(await charts.points()).toBeGreaterThan(0)
    await charts.screenshot(join(shots, 'chart-reference.png'))
  })

  test('cost: prices the user enters become a per-dollar normalisation', async ({ page }) => {
    const charts = new ChartsPage(page)
    await charts.open('#/charts?round=v4.1&division=closed&benchmark=resnet50&_norm=per-dollar')
    expect(await charts.points()).toBe(0)
    await expect(charts.notes).toContainText('no price entered for this system')
    await page.getByRole('button', { name: 'Prices…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Prices' })
    const keys = await dialog
      .locator('datalist#price-keys option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))
    expect(keys.length).toBeGreaterThan(2)
    for (const [i, key] of keys.slice(0, 3).entries()) {
      await dialog.getByLabel('Submitter/system id').fill(key)
      await dialog.getByLabel('Price in US dollars').fill(String(100_000 * (i + 1)))
      await dialog.getByRole('button', { name: 'Save price' }).click()
      await expect(dialog.getByRole('table', { name: 'Prices' })).toContainText(key)
    }
    await dialog.getByRole('button', { name: 'Close' }).click()
    await charts.ready()
    await expect.poll(() => charts.points()).toBeGreaterThan(0)
    await expect(charts.notes).toContainText('derived from your prices')
    await charts.screenshot(join(shots, 'chart-cost.png'))
  })

  test('the Explorer hands its filters to the Charts screen', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open('#/inference?round=v3.0&scenario=Offline')
    await page.getByRole('button', { name: 'Chart', exact: true }).click()
    const charts = new ChartsPage(page)
    await charts.ready()
    expect(charts.hash()).toContain('round=v3.0')
    expect(charts.hash()).toContain('scenario=Offline')
    await expect(charts.chart).toHaveAttribute('aria-label', /v3\.0/)
  })

  test('the first chart is drawn before the shell and the facets ask the server anything', async ({
    page
  }) => {
    // The web mode's server answers one request at a time: the status line, the catalogue
    // banner, the runs list and the facet counts wait for the chart (first-content.ts).
    await page.addInitScript(() => {
      const w = window as unknown as { __drawnAt?: number }
      new MutationObserver(() => {
        if (w.__drawnAt === undefined && document.querySelector('[data-chart-ready="true"]')) {
          w.__drawnAt = performance.now()
        }
      }).observe(document, {
        attributes: true,
        subtree: true,
        attributeFilter: ['data-chart-ready']
      })
    })
    const later = ['app.info', 'catalogue.status', 'runs.list', 'results.facets']
    const sent = Promise.all(
      later.map((m) => page.waitForRequest((r) => r.url().endsWith(`/api/${m}`)))
    )
    const charts = new ChartsPage(page)
    await openApp(page, '#/charts?round=v4.1&division=closed')
    await charts.ready()
    await sent
    const t = await page.evaluate(() => {
      const first: Record<string, number> = {}
      for (const e of performance.getEntriesByType('resource')) {
        const m = e.name.split('/api/')[1]
        if (m && !(m in first)) first[m] = e.startTime
      }
      return { drawn: (window as unknown as { __drawnAt?: number }).__drawnAt ?? NaN, first }
    })
    expect(t.first['charts.data']).toBeLessThan(t.drawn)
    for (const m of later) expect(t.first[m], m).toBeGreaterThan(t.drawn)
    // And the facets and the status line do arrive.
    await expect(page.getByRole('navigation', { name: 'Facets' })).toHaveAttribute(
      'aria-busy',
      'false'
    )
    await expect(page.getByRole('navigation', { name: 'Facets' })).toContainText('v4.1')
    await expect(page.getByTestId('db-count')).toContainText('inference results')
  })

  test('tens of thousands of points stay fast: large mode, no animation (200k-row server)', async ({
    page
  }) => {
    // The 4174 server holds 200,000 synthetic results made by cycling the catalogue's inference
    // results, so each round keeps its share: v2.1 SingleStream ≈ 10k, v3.0 and v4.0 Offline
    // ≈ 38k together.
    const charts = new ChartsPage(page)
    const timings: Record<string, number> = {}
    for (const [label, hash] of [
      ['~10k points', '#/charts?round=v2.1&scenario=SingleStream'],
      ['~38k points', '#/charts?round=v3.0,v4.0&scenario=Offline']
    ] as const) {
      const started = Date.now()
      await openApp(page, hash, LARGE)
      await charts.ready()
      timings[label] = Date.now() - started
      const points = await charts.points()
      expect(points).toBeGreaterThan(label.startsWith('~10k') ? 5_000 : 30_000)
      // Large mode draws every point; how fast is npm run bench's question (chart-browser.ts),
      // the time is only written out here for a look.
      await page.mouse.move(700, 500)
    }
    await charts.screenshot(join(shots, 'chart-distribution-38k.png'))
    mkdirSync(join(import.meta.dirname, '..', 'output'), { recursive: true })
    writeFileSync(
      join(import.meta.dirname, '..', 'output', 'chart-render-browser.json'),
      JSON.stringify(timings, null, 2)
    )
  })
})
