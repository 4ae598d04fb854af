import { expect, type Locator, type Page } from '@playwright/test'
import { openApp } from './fixtures'

export type RunScenario = 'SingleStream' | 'MultiStream' | 'Server' | 'Offline'

/** The Local runs screen: run list, New run form, progress card, run detail and overlay. */
export class RunsPage {
  readonly page: Page
  readonly list: Locator
  readonly form: Locator
  readonly progress: Locator
  readonly detail: Locator
  readonly overlay: Locator

  constructor(page: Page) {
    this.page = page
    this.list = page.getByTestId('run-list')
    this.form = page.getByRole('form', { name: 'New run' })
    this.progress = page.getByTestId('run-progress')
    this.detail = page.getByTestId('run-detail')
    this.overlay = page.getByTestId('run-overlay')
  }

  async open(): Promise<void> {
    await openApp(this.page, '#/runs')
    await expect(this.form).toBeVisible()
  }

  async newRun(): Promise<void> {
    await this.page.getByRole('button', { name: 'New run' }).click()
    await expect(this.form).toBeVisible()
  }

  field(label: string | RegExp): Locator {
    return this.form.getByLabel(label, { exact: typeof label === 'string' })
  }

  /** Picks a scenario and waits until its mlperf.conf defaults are in the form. */
  async scenario(name: RunScenario): Promise<void> {
    await this.form.locator('label.scenario', { hasText: name }).click()
    await expect(this.form.locator(`input[name="run-scenario"][value="${name}"]`)).toBeChecked()
    await expect(this.form).toHaveAttribute('aria-busy', 'false')
    await expect(this.field('Min duration (ms)')).toHaveValue('600000')
  }

  /** Chooses the benchmark the model stands for and waits for its mlperf.conf defaults. */
  async benchmark(name: string): Promise<void> {
    await this.field('Benchmark the model stands for').selectOption(name)
    await expect(this.form).toHaveAttribute('aria-busy', 'false')
    await expect(this.form.getByText(`From the official mlperf.conf for ${name}`)).toBeVisible()
  }

  async set(label: string, value: string): Promise<void> {
    await this.field(label).fill(value)
  }

  async start(): Promise<void> {
    await this.form.getByRole('button', { name: 'Start run' }).click()
  }

  /** Waits for the finished run's page. */
  async finished(): Promise<Locator> {
    await expect(this.detail).toBeVisible({ timeout: 30_000 })
    return this.detail
  }

  runItems(): Locator {
    return this.list.locator('li[data-run-id]')
  }
}
