import type { Download, Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { openApp } from './fixtures'

/** The Charts screen: facet sidebar, chart controls, the chart, its notes and the exports. */
export class ChartsPage {
  readonly page: Page
  readonly area: Locator
  readonly chart: Locator
  readonly facets: Locator
  readonly notes: Locator
  readonly exports: Locator

  constructor(page: Page) {
    this.page = page
    this.area = page.locator('.area[data-chart]')
    this.chart = this.area.getByRole('img')
    this.facets = page.getByRole('navigation', { name: 'Facets' })
    this.notes = page.getByRole('region', { name: 'Chart notes' })
    this.exports = page.getByRole('group', { name: 'Export' })
  }

  async open(hash = '#/charts'): Promise<void> {
    await openApp(this.page, hash)
    await this.ready()
  }

  /** Waits until the data is loaded and ECharts has finished drawing. */
  async ready(): Promise<void> {
    await expect(this.area).toHaveAttribute('aria-busy', 'false')
    await expect(this.chart).toHaveAttribute('data-chart-ready', 'true')
  }

  async points(): Promise<number> {
    return Number(await this.area.getAttribute('data-points'))
  }

  async kind(label: string): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Chart' })
      .getByRole('button', { name: label })
      .click()
    await this.ready()
  }

  /** Picks an option of a labelled control (e.g. "Normalise" → "per accelerator"). */
  async choose(control: string, option: string | RegExp): Promise<void> {
    const select = this.page.getByLabel(control, { exact: true })
    const value = await select
      .locator('option')
      .filter({ hasText: option })
      .first()
      .getAttribute('value')
    await select.selectOption(value ?? '')
    await this.ready()
  }

  /** The reference-system picker: a searchable combobox. */
  get reference(): Locator {
    return this.page.getByRole('combobox', { name: 'Reference system' })
  }

  /** Searches the reference picker and picks the first option whose text matches `option`. */
  async pickReference(search: string, option: string | RegExp = search): Promise<void> {
    await this.reference.fill(search)
    await this.page
      .getByRole('listbox', { name: 'Reference system' })
      .getByRole('option')
      .filter({ hasText: option })
      .first()
      .click()
    await this.ready()
  }

  facetValue(label: string, value: string): Locator {
    return this.facets.getByRole('region', { name: `${label} facet` }).getByRole('button', {
      name: new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} [\\d,–]+$`)
    })
  }

  hash(): string {
    return decodeURIComponent(new URL(this.page.url()).hash)
  }

  /** Clicks an export button and returns the download it starts. */
  async download(button: string): Promise<Download> {
    const wait = this.page.waitForEvent('download')
    await this.exports.getByRole('button', { name: button, exact: true }).click()
    return wait
  }

  async screenshot(path: string): Promise<void> {
    await this.ready()
    await this.page.screenshot({ path })
  }
}
