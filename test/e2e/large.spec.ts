import type { Request } from '@playwright/test'
import { ExplorerPage } from './pages/explorer-page'
import { expect, test } from './pages/fixtures'

/** The second e2e server (see playwright.config.ts) holds 200,000 synthetic results. */
const LARGE = process.env.E2E_LARGE_BASE ?? 'http://127.0.0.1:4174'
const ROWS = 200_000

type QueryBody = { offset: number; limit: number }

test.describe('A 200,000-row table', () => {
  test('scrolls to the end with a small DOM and paged fetches', async ({ page }) => {
    const queries: QueryBody[] = []
    page.on('request', (req: Request) => {
      if (req.url().endsWith('/api/results.query')) queries.push(req.postDataJSON() as QueryBody)
    })
    const explorer = new ExplorerPage(page)
    await explorer.open('', LARGE)
    expect(await explorer.total()).toBe(ROWS)
    await expect(explorer.grid).toHaveAttribute('aria-rowcount', String(ROWS + 1))
    expect(await explorer.rows.count()).toBeLessThan(150)

    // Jump to the very end, as dragging the scrollbar down would. How fast is the benchmark's
    // question (npm run bench, the table in Chromium); here only the state is waited for.
    await explorer.grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight
    })
    const last = explorer.row(ROWS - 1)
    await expect(last).toBeVisible()
    await expect(last).toHaveAttribute('data-id', /\d+/)
    await expect(last).toHaveAttribute('aria-rowindex', String(ROWS + 1))
    expect(await explorer.rows.count()).toBeLessThan(150)
    expect(await explorer.loadedRows.count()).toBeGreaterThan(10)

    // Scroll back up through the middle in a few big steps.
    for (const fraction of [0.75, 0.5, 0.25]) {
      await explorer.grid.evaluate((el, f) => {
        el.scrollTop = el.scrollHeight * f
      }, fraction)
      const index = Math.floor(ROWS * fraction)
      await expect(explorer.grid.locator(`[role="row"][data-id]`).first()).toBeVisible()
      const first = Number(await explorer.loadedRows.first().getAttribute('data-index'))
      expect(Math.abs(first - index)).toBeLessThan(60)
      expect(await explorer.rows.count()).toBeLessThan(150)
    }

    // Every request asked for one page: the table never fetches everything.
    expect(queries.length).toBeGreaterThan(1)
    expect(queries.length).toBeLessThan(40)
    for (const q of queries) expect(q.limit).toBeLessThanOrEqual(200)
    expect(queries.some((q) => q.offset >= ROWS - 200)).toBe(true)
  })

  test('sorting and filtering stay responsive on 200,000 rows', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open('', LARGE)
    await explorer.header('Result').getByRole('button').click()
    await expect(explorer.header('Result')).toHaveAttribute('aria-sort', 'descending')
    await explorer.waitForRows()
    const values = await explorer.columnValues('value', 5)
    const numbers = values.map((t) => Number((t.split('\n')[0] ?? '').replaceAll(',', '')))
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a))

    const offline = await explorer.facetCount('Scenario', 'Offline')
    await explorer.facetValue('Scenario', 'Offline').click()
    await expect.poll(() => explorer.total()).toBe(offline)
    await explorer.grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight
    })
    await expect(explorer.row(offline - 1)).toHaveAttribute('data-id', /\d+/)
    expect(await explorer.rows.count()).toBeLessThan(150)
  })
})
