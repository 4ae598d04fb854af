import { test as base, expect, type Page } from '@playwright/test'

/**
 * `test` with a guard that fails any spec whose page logged a console error or threw an
 * uncaught exception: a broken UI must never pass by rendering just enough.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = []
      page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`))
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`)
      })
      await use(problems)
      expect(problems, 'console errors or uncaught exceptions on the page').toEqual([])
    },
    { auto: true }
  ]
})

export { expect }

/** Opens the app the way a user of the web mode does: the token URL first, then any hash. */
export async function openApp(page: Page, hash = '', base = ''): Promise<void> {
  await page.goto(`${base}/?token=e2e${hash}`)
}
