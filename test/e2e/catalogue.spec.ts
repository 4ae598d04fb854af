import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { APIRequestContext } from '@playwright/test'
import type { CatalogueStatus } from '../../src-main/shared/catalogue'
import { ExplorerPage } from './pages/explorer-page'
import { expect, openApp, test } from './pages/fixtures'

// The published catalogue on screen: a first start (a server of its own whose new database holds
// the catalogue and nothing else, on E2E_PORT_BASE + 2), the banner, the Coverage screen, removing
// and restoring the bundled results, and origin marking on the shared e2e server (catalogue plus
// the user's imports and runs). Expected counts come from the API, not from constants.
const shots = join(import.meta.dirname, '..', 'output', 'screenshots')
const root = join(import.meta.dirname, '..', '..')
const firstPort = Number(process.env.E2E_PORT_BASE ?? 4173) + 2
const FIRST = `http://127.0.0.1:${firstPort}`

let server: ChildProcess | null = null

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {
      // Not up yet.
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`The first-start server did not come up on ${url}`)
}

async function status(request: APIRequestContext, base = FIRST): Promise<CatalogueStatus> {
  // A connection of its own: a kept-alive one can be reset by the server just after a long
  // removal or restore, which is a transport race, not what this spec checks.
  const reply = await request.post(`${base}/api/catalogue.status`, {
    headers: { authorization: 'Bearer e2e', connection: 'close' },
    data: {}
  })
  const body = (await reply.json()) as { ok: boolean; value: CatalogueStatus }
  expect(body.ok).toBe(true)
  return body.value
}

const count = (n: number): string => n.toLocaleString('en-US')

test.describe('The published catalogue', () => {
  test.describe.configure({ mode: 'serial' })

  test.beforeAll(async () => {
    server = spawn(
      process.execPath,
      [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'test', 'e2e', 'serve.ts')],
      {
        cwd: root,
        env: { ...process.env, E2E_PORT: String(firstPort), E2E_SEED: 'catalogue' },
        stdio: 'ignore'
      }
    )
    await waitForServer(FIRST, 120_000)
  })

  test.afterAll(() => {
    server?.kill('SIGTERM')
  })

  test('first start: the banner says the results are bundled and offers an import', async ({
    page,
    request
  }) => {
    const s = await status(request)
    const bundled = s.bundled.inference + s.bundled.training
    expect(s.own).toEqual({ inference: 0, training: 0 })
    const explorer = new ExplorerPage(page)
    await explorer.open('', FIRST)
    const banner = page.getByTestId('bundled-banner')
    await expect(banner).toBeVisible()
    await expect(banner).toContainText(`${count(bundled)} published results (bundled)`)
    await expect(banner).toContainText('Import a results repository…')
    // Every row of the table is a bundled one, and the Origin facet says so.
    expect(await explorer.total()).toBe(s.bundled.inference)
    expect(await explorer.facetCount('Origin', 'bundled')).toBe(s.bundled.inference)
    await page.screenshot({ path: join(shots, 'first-start-1440.png') })
    await page.setViewportSize({ width: 1024, height: 700 })
    await expect(banner).toBeVisible()
    await page.screenshot({ path: join(shots, 'first-start-1024.png') })
    await page.setViewportSize({ width: 1440, height: 900 })

    // The import action opens the import dialog.
    await banner.getByRole('button', { name: 'Import a results repository…' }).click()
    await expect(page.getByRole('dialog', { name: /Import/ })).toBeVisible()
    await page.keyboard.press('Escape')

    // A bundled result is marked as such in its detail.
    await explorer.row(0).click()
    await expect(explorer.detail.locator('.tags').getByText('Bundled')).toBeVisible()
    await expect(explorer.detail.getByTestId('origin-section')).toContainText(
      'Bundled: a published result from the catalogue'
    )
  })

  test('the Coverage screen lists every round with its counts, table and completeness', async ({
    page,
    request
  }) => {
    const s = await status(request)
    await openApp(page, '', FIRST)
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Coverage' })
      .click()
    await expect(page.getByRole('heading', { name: 'Published results: coverage' })).toBeVisible()
    for (const suite of ['inference', 'training'] as const) {
      const table = page.getByTestId(`coverage-${suite}`)
      const entries = s.coverage.filter((c) => c.suite === suite)
      await expect(table.locator('tbody tr')).toHaveCount(entries.length)
      for (const c of entries) {
        const row = table.locator(`tbody tr[data-round="${c.round}"]`)
        const cells = row.locator('td')
        await expect(cells.nth(0)).toHaveText(count(c.results))
        await expect(cells.nth(1)).toHaveText(count(c.inDatabase.bundled))
        await expect(cells.nth(3)).toHaveText(c.complete ? 'complete' : 'partial')
        await expect(cells.nth(4)).toContainText(c.source)
      }
    }
    await expect(
      page.getByTestId('coverage-inference').locator('tr[data-round="v4.1"]')
    ).toContainText('summary_results.json is authoritative')
    await page.screenshot({ path: join(shots, 'coverage-1440.png'), fullPage: true })
    await page.setViewportSize({ width: 1024, height: 700 })
    await page.screenshot({ path: join(shots, 'coverage-1024.png') })
    await page.setViewportSize({ width: 1440, height: 900 })

    // A round links to its results.
    await page.getByTestId('coverage-inference').getByRole('link', { name: 'v4.1' }).click()
    const explorer = new ExplorerPage(page)
    await explorer.waitForRows()
    expect(explorer.hash()).toBe('#/inference?round=v4.1')
    expect(await explorer.total()).toBe(
      s.coverage.find((c) => c.round === 'v4.1' && c.suite === 'inference')?.results
    )
  })

  test('the bundled results can be removed, stay removed, and come back', async ({
    page,
    request
  }) => {
    await openApp(page, '#/catalogue', FIRST)
    await page.getByRole('button', { name: 'Remove bundled results…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Remove the bundled results?' })
    await dialog.getByRole('button', { name: 'Remove' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Removed' })).toBeVisible()
    expect((await status(request)).bundled).toEqual({ inference: 0, training: 0 })

    // A reload keeps them out; the banner offers the way back.
    const explorer = new ExplorerPage(page)
    await explorer.open('', FIRST)
    expect(await explorer.total()).toBe(0)
    const banner = page.getByTestId('bundled-banner')
    await expect(banner).toContainText('No results in this database yet')
    await page.screenshot({ path: join(shots, 'bundled-removed.png') })
    await banner.getByRole('button', { name: 'Restore bundled results' }).click()
    // Restoring loads every bundled row again: give it the time a loaded machine needs.
    await expect(banner).toContainText('published results (bundled)', { timeout: 60_000 })
    const s = await status(request)
    expect(s.removed).toBe(false)
    await expect.poll(() => explorer.total()).toBe(s.bundled.inference)
  })

  test('beside the user’s own results, rows keep their origin', async ({ page, request }) => {
    // The shared e2e server: catalogue, the imported training fixture and two local runs.
    const s = await status(request, '')
    expect(s.own.training).toBeGreaterThan(0)
    const explorer = new ExplorerPage(page)
    await explorer.open()
    // Not a first start any more: no banner.
    await expect(page.getByTestId('bundled-banner')).toBeHidden()
    expect(await explorer.facetCount('Origin', 'bundled')).toBe(s.bundled.inference)
    expect(await explorer.facetCount('Origin', 'local')).toBe(s.own.inference)
    await explorer.facetValue('Origin', 'local').click()
    await expect.poll(() => explorer.total()).toBe(s.own.inference)
    await explorer.row(0).click()
    await expect(explorer.detail.getByTestId('origin-section')).toContainText('Your own run')
  })
})
