import { expect, test } from '@playwright/test'
import { BROWSER_UI_DISABLED } from '../support/chromium'

// Chromium keeps only the last --disable-features switch. The suite's own switch (in
// test/support/chromium.ts) comes after Playwright's, so it must name every feature Playwright
// turns off as well as the browser-UI pages it adds; this reads the command line the browser
// really started with.
test('the suite turns the omnibox popups off without dropping a feature Playwright disables', async ({
  page
}) => {
  await page.goto('chrome://version')
  const line = await page.locator('#command_line').innerText()
  const lists = line
    .split(/\s+/)
    .filter((arg) => arg.startsWith('--disable-features='))
    .map((arg) => arg.slice('--disable-features='.length).split(','))
  expect(lists.length, 'Playwright passes its list, the suite its own after it').toBeGreaterThan(1)
  const applied = lists.at(-1) ?? []
  const lost = lists
    .slice(0, -1)
    .flat()
    .filter((name) => !applied.includes(name))
  expect(lost, 'names to add to PLAYWRIGHT_DISABLED in test/support/chromium.ts').toEqual([])
  for (const name of BROWSER_UI_DISABLED) expect(applied).toContain(name)
})
