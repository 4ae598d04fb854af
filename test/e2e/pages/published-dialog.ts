import { expect, type Locator, type Page } from '@playwright/test'

/** "Get published results…": source address, round list, progress and report. */
export class PublishedDialog {
  readonly page: Page
  readonly dialog: Locator
  readonly rounds: Locator
  readonly report: Locator

  constructor(page: Page) {
    this.page = page
    this.dialog = page.getByRole('dialog', { name: /published results/i })
    this.rounds = this.dialog.getByRole('table', { name: 'Published rounds' })
    this.report = this.dialog.getByTestId('update-report')
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Get published results…' }).click()
    await expect(this.rounds).toBeVisible()
  }

  async setSource(url: string): Promise<void> {
    const input = this.dialog.getByLabel('Source address')
    await input.fill(url)
    await this.dialog.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(this.dialog.getByText(`Files are fetched as ${url}/`)).toBeVisible()
  }

  /** Chooses exactly these rounds, e.g. ["inference v5.0"]. */
  async choose(keys: string[]): Promise<void> {
    await this.dialog.getByRole('button', { name: 'None', exact: true }).click()
    for (const key of keys) await this.dialog.getByRole('checkbox', { name: `Get ${key}` }).check()
  }

  async start(): Promise<void> {
    await this.dialog
      .getByRole('button', { name: /^(Get \d+ rounds?|Check chosen rounds)$/ })
      .click()
    await expect(this.report).toBeVisible({ timeout: 30_000 })
  }

  roundRow(key: string): Locator {
    return this.report.locator(`tr[data-round="${key}"]`)
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click()
    await expect(this.dialog).toBeHidden()
  }
}
