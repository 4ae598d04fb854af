import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { ExplorerPage } from './pages/explorer-page'
import { expect, openApp, test } from './pages/fixtures'

const shots = join(import.meta.dirname, '..', 'output', 'screenshots')

/** The id of the row the grid names as active, and whether that element exists. */
async function activeRow(page: Page): Promise<{ index: number; exists: boolean }> {
  return page.evaluate(() => {
    const grid = document.activeElement
    const id = grid?.getAttribute('aria-activedescendant') ?? ''
    const row = id ? document.getElementById(id) : null
    return { index: Number(row?.getAttribute('data-index') ?? -1), exists: row !== null }
  })
}

test.describe('Keyboard', () => {
  test('the table owns focus: PageDown twice after a click keeps focus on the grid', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    await explorer.row(1).click()
    await expect(explorer.grid).toBeFocused()
    const rowsPerPage = await explorer.grid.evaluate((el) => Math.floor(el.clientHeight / 28) - 2)
    await page.keyboard.press('PageDown')
    await page.keyboard.press('PageDown')
    // The row clicked first has been unmounted by virtualisation; focus did not fall to <body>.
    await expect(explorer.grid).toBeFocused()
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY')
    await expect(explorer.row(1)).toHaveCount(0)
    const active = await activeRow(page)
    expect(active.exists).toBe(true)
    expect(active.index).toBeGreaterThanOrEqual(1 + 2 * rowsPerPage)
    // The open detail follows the active row.
    const id = await explorer.row(active.index).getAttribute('data-id')
    await expect(explorer.detail).toHaveAttribute('data-result-id', id ?? '')
    await page.keyboard.press('ArrowDown')
    expect((await activeRow(page)).index).toBe(active.index + 1)
  })

  test('a skip link leads past the navigation and the facets to the table', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    await page.keyboard.press('Tab')
    const skip = page.getByRole('button', { name: 'Skip to results' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeInViewport()
    await page.keyboard.press('Enter')
    await expect(explorer.grid).toBeFocused()
  })

  test('every action of the table without a mouse: open, move, tick, compare, close, sort', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await expect(explorer.grid).toBeFocused()
    // First ArrowDown makes the first row active; Enter opens it.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect(explorer.detail).toBeVisible()
    const first = await explorer.row(0).getAttribute('data-id')
    await expect(explorer.detail).toHaveAttribute('data-result-id', first ?? '')
    // Space ticks rows for Compare.
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Space')
    await expect(page.getByTestId('compare-count')).toHaveText('2 selected')
    // Escape closes the panel; focus stays on the table.
    await page.keyboard.press('Escape')
    await expect(explorer.detail).toBeHidden()
    await expect(explorer.grid).toBeFocused()
    // The Compare button is reachable with Tab (backwards from the table) and opens Compare.
    const compare = page.getByRole('button', { name: 'Compare…' })
    for (let i = 0; i < 20 && !(await compare.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Shift+Tab')
    await expect(compare).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/#\/compare\?_ids=/)
    await expect(page.getByTestId('fields-table')).toBeVisible()
    // Back to the table; sort from a header with the keyboard.
    await page.goBack()
    await explorer.waitForRows()
    const header = explorer.header('Result').getByRole('button')
    await header.focus()
    await page.keyboard.press('Enter')
    await expect(explorer.header('Result')).toHaveAttribute('aria-sort', 'descending')
    // A facet value with the keyboard.
    const facet = explorer.facetValue('Division', 'closed')
    await facet.focus()
    await page.keyboard.press('Enter')
    await expect(facet).toHaveAttribute('aria-pressed', 'true')
  })
})

test.describe('Themes', () => {
  test('follows the OS, and a choice made with the toggle survives a restart', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const html = page.locator('html')
    const toggle = page.getByTestId('theme-toggle')
    // The stored choice may be left by another test: go back to "System".
    for (let i = 0; i < 3 && (await toggle.getAttribute('data-choice')) !== 'system'; i++)
      await toggle.click()
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect(html).toHaveAttribute('data-theme', 'light')
    // The page really is dark in dark mode: the table's background is dark.
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect(html).toHaveAttribute('data-theme', 'dark')
    const bg = await explorer.grid.evaluate((el) => getComputedStyle(el).backgroundColor)
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number)
    expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(150)

    // System → Light: fixed whatever the OS says.
    await toggle.click()
    await expect(toggle).toHaveAttribute('data-choice', 'light')
    await expect(html).toHaveAttribute('data-theme', 'light')
    // Kept across a restart: a fresh browser context (no local storage) gets it from the app.
    const context = await page.context().browser()?.newContext({ colorScheme: 'dark' })
    if (!context) throw new Error('no browser')
    const fresh = await context.newPage()
    await openApp(fresh, '#/inference', new URL(page.url()).origin)
    await expect(fresh.locator('html')).toHaveAttribute('data-theme', 'light')
    await expect(fresh.getByTestId('theme-toggle')).toHaveAttribute('data-choice', 'light')
    await context.close()
    // Back to following the OS for the other tests.
    await toggle.click()
    await toggle.click()
    await expect(toggle).toHaveAttribute('data-choice', 'system')
  })
})

/** Screens, as a user reaches them, for the accessibility check. */
const SCREENS: { name: string; hash: string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: 'results table with the detail panel',
    hash: '#/inference?open=1',
    ready: async (page) => {
      await expect(page.getByRole('complementary', { name: 'Result detail' })).toBeVisible()
      await expect(page.getByTestId('detail-value')).toBeVisible()
    }
  },
  {
    name: 'table by system',
    hash: '#/pivot?division=closed',
    ready: async (page) => {
      await expect(page.getByRole('table', { name: /results by system/ })).toBeVisible()
    }
  },
  {
    name: 'training results',
    hash: '#/training?open=1',
    ready: async (page) => {
      await expect(page.getByRole('grid', { name: 'Training results' })).toHaveAttribute(
        'aria-busy',
        'false'
      )
    }
  },
  {
    name: 'charts',
    hash: '#/charts?round=v4.1&division=closed',
    ready: async (page) => {
      await expect(page.locator('[data-chart-ready="true"]').first()).toBeVisible({
        timeout: 20_000
      })
    }
  },
  {
    name: 'compare',
    hash: '#/compare?_ids=1,2',
    ready: async (page) => {
      await expect(page.getByTestId('fields-table')).toBeVisible()
    }
  },
  {
    name: 'local runs',
    hash: '#/runs',
    ready: async (page) => {
      await expect(page.getByRole('main')).toContainText(/run/i)
    }
  },
  {
    name: 'imports',
    hash: '#/imports',
    ready: async (page) => {
      await expect(page.getByRole('heading', { name: /import/i }).first()).toBeVisible()
    }
  }
]

test.describe('Accessibility (axe-core): no serious or critical violation', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const screen of SCREENS) {
      test(`${screen.name} (${theme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: theme })
        await openApp(page, screen.hash)
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
        await screen.ready(page)
        const results = await new AxeBuilder({ page }).analyze()
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)
        expect(serious).toEqual([])
      })
    }
  }

  test('the import dialog', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await expect(page.getByRole('list', { name: 'Folder contents' })).toBeVisible()
    const results = await new AxeBuilder({ page }).analyze()
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)
    expect(serious).toEqual([])
    await page.screenshot({ path: join(shots, 'import-dialog.png') })
  })
})
