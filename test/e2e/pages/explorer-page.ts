import { expect, type Locator, type Page } from '@playwright/test'
import { openApp } from './fixtures'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The Explorer view: facet sidebar, search, chips, the virtual table and the detail panel. */
export class ExplorerPage {
  readonly page: Page
  readonly grid: Locator
  readonly rows: Locator
  readonly loadedRows: Locator
  readonly count: Locator
  readonly search: Locator
  readonly chips: Locator
  readonly detail: Locator
  readonly facets: Locator

  /** `gridName` picks the suite's table: "Inference results" or "Training results". */
  constructor(page: Page, gridName = 'Inference results') {
    this.page = page
    this.grid = page.getByRole('grid', { name: gridName })
    this.rows = this.grid.locator('[role="row"][data-index]')
    this.loadedRows = this.grid.locator('[role="row"][data-id]')
    // Each suite's table keeps its own (hidden) view mounted: count the one on screen.
    this.count = page.getByTestId('result-count').filter({ visible: true })
    this.search = page.getByRole('searchbox', { name: 'Search results' })
    this.chips = page.getByRole('list', { name: 'Active filters' })
    this.detail = page.getByRole('complementary', { name: 'Result detail' })
    this.facets = page.getByRole('navigation', { name: 'Facets' })
  }

  async open(hash = '', base = ''): Promise<void> {
    await openApp(this.page, hash, base)
    await this.waitForRows()
  }

  /** Waits until no page is loading, the count is known and the first visible row has data. */
  async waitForRows(): Promise<void> {
    await expect(this.grid).toHaveAttribute('aria-busy', 'false')
    await expect(this.count).toHaveText(/^[\d,]+ results?$/)
    const total = await this.total()
    if (total > 0) await expect(this.loadedRows.first()).toBeVisible()
  }

  async total(): Promise<number> {
    const text = (await this.count.textContent()) ?? ''
    const m = /([\d,]+) results?/.exec(text)
    if (!m?.[1]) throw new Error(`No result count in "${text}"`)
    return Number(m[1].replaceAll(',', ''))
  }

  /** Waits for the count to change away from `before` and returns the new total. */
  async totalAfterChange(before: number): Promise<number> {
    await expect.poll(() => this.total()).not.toBe(before)
    await this.waitForRows()
    return this.total()
  }

  facet(label: string): Locator {
    return this.facets.getByRole('region', { name: `${label} facet` })
  }

  /** A facet value's button; its accessible name is "<value> <count>". */
  facetValue(label: string, value: string): Locator {
    return this.facet(label).getByRole('button', {
      name: new RegExp(`^${escapeRegExp(value)} [\\d,–]+$`)
    })
  }

  /** The count shown next to a facet value, once the sidebar has its current counts. */
  async facetCount(label: string, value: string): Promise<number> {
    await expect(this.facets).toHaveAttribute('aria-busy', 'false')
    const text = (await this.facetValue(label, value).locator('.count').textContent()) ?? ''
    return Number(text.replaceAll(',', ''))
  }

  header(label: string): Locator {
    return this.grid.getByRole('columnheader', { name: label, exact: true })
  }

  headerLabels(): Promise<string[]> {
    return this.grid.getByRole('columnheader').locator('.label').allTextContents()
  }

  /** Text of one column in the loaded rows, top to bottom. */
  async columnValues(column: string, limit = 10): Promise<string[]> {
    const cells = this.loadedRows.locator(`[role="gridcell"][data-column="${column}"]`)
    const n = Math.min(limit, await cells.count())
    const out: string[] = []
    for (let i = 0; i < n; i++) out.push(((await cells.nth(i).innerText()) ?? '').trim())
    return out
  }

  row(index: number): Locator {
    return this.grid.locator(`[role="row"][data-index="${index}"]`)
  }

  hash(): string {
    return decodeURIComponent(new URL(this.page.url()).hash)
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text)
  }

  async chooseColumn(label: string, visible: boolean): Promise<void> {
    await this.page.getByRole('button', { name: /^Columns/ }).click()
    const box = this.page
      .getByRole('group', { name: 'Visible columns' })
      .getByLabel(label, { exact: false })
    if (visible) await box.check()
    else await box.uncheck()
    await this.page.keyboard.press('Escape')
  }
}
