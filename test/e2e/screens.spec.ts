import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './pages/fixtures'

/**
 * Every screen at 1440×900 and 1024×700, light and dark, saved under test/output/screenshots
 * for review. Each shot first checks that the screen is drawn in the theme asked for and that
 * nothing sticks out of the window sideways (the app never scrolls as a whole).
 */
const shots = join(import.meta.dirname, '..', 'output', 'screenshots')

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 }
] as const

const SCREENS: { name: string; hash: string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: 'table-detail',
    hash: '#/inference?open=3',
    ready: async (page) => {
      await expect(page.getByTestId('detail-value')).toBeVisible()
      await expect(page.getByRole('grid', { name: 'Inference results' })).toHaveAttribute(
        'aria-busy',
        'false'
      )
    }
  },
  {
    name: 'by-system',
    hash: '#/pivot?division=closed',
    ready: async (page) => {
      await expect(page.locator('button.cell').first()).toBeVisible()
    }
  },
  {
    name: 'training',
    hash: '#/training?open=1',
    ready: async (page) => {
      await expect(page.getByTestId('detail-value')).toBeVisible()
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
    hash: '#/compare?_ids=1,2,3',
    ready: async (page) => {
      await expect(page.getByTestId('fields-table')).toBeVisible()
    }
  },
  {
    name: 'runs',
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

test.describe('Screenshots of every screen', () => {
  for (const size of SIZES) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${size.width}x${size.height} ${theme}`, async ({ page }) => {
        test.setTimeout(120_000)
        await page.setViewportSize(size)
        await page.emulateMedia({ colorScheme: theme })
        for (const screen of SCREENS) {
          await openApp(page, screen.hash)
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
          await screen.ready(page)
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth
          )
          expect(overflow, screen.name).toBeLessThanOrEqual(0)
          await page.screenshot({
            path: join(shots, `${screen.name}-${size.width}x${size.height}-${theme}.png`)
          })
        }
        // The import dialog over the table.
        await openApp(page, '#/inference')
        await page.getByRole('banner').getByRole('button', { name: 'Import…' }).click()
        await expect(page.getByRole('dialog')).toBeVisible()
        await page.screenshot({
          path: join(shots, `import-dialog-${size.width}x${size.height}-${theme}.png`)
        })
      })
    }
  }
})
