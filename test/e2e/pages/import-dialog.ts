import { expect, type Locator, type Page } from '@playwright/test'

/** The import dialog: queue paths, start, watch progress, read the report. */
export class ImportDialog {
  readonly page: Page
  readonly dialog: Locator
  readonly pathInput: Locator
  readonly report: Locator

  constructor(page: Page) {
    this.page = page
    this.dialog = page.getByRole('dialog')
    this.pathInput = this.dialog.getByLabel('Path', { exact: true })
    this.report = this.dialog.getByTestId('import-report')
  }

  async open(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: 'Import…' }).click()
    await expect(this.dialog).toBeVisible()
  }

  async queuePath(path: string): Promise<void> {
    await this.pathInput.fill(path)
    await this.dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(this.dialog.getByRole('list', { name: 'Paths to import' })).toContainText(path)
  }

  async start(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Start import' }).click()
  }

  async waitForReport(): Promise<void> {
    await expect(this.report).toBeVisible({ timeout: 30_000 })
  }

  async countOf(key: 'imported' | 'updated' | 'unchanged' | 'skipped'): Promise<number> {
    const text = (await this.report.locator(`[data-count="${key}"] dd`).textContent()) ?? ''
    return Number(text.replaceAll(',', ''))
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click()
    await expect(this.dialog).toBeHidden()
  }
}
