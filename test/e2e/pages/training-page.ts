import { expect, type Locator, type Page } from '@playwright/test'
import { ExplorerPage } from './explorer-page'

/**
 * Non-transparent pixels of a chart's canvas: a chart that reports ready but painted nothing
 * (zero size, no series) has none.
 */
export async function paintedPixels(chart: Locator): Promise<number> {
  await expect(chart).toHaveAttribute('data-chart-ready', 'true')
  return chart
    .locator('canvas')
    .first()
    .evaluate((node) => {
      const canvas = node as HTMLCanvasElement
      const ctx = canvas.getContext('2d')
      if (!ctx || canvas.width === 0 || canvas.height === 0) return 0
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
      let n = 0
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++
      return n
    })
}

/** The Training results table (the Explorer's table for suite training) and its detail panel. */
export class TrainingPage extends ExplorerPage {
  readonly runs: Locator
  readonly convergence: Locator
  readonly selection: Locator

  constructor(page: Page) {
    super(page, 'Training results')
    this.runs = this.detail.getByTestId('training-runs')
    this.convergence = this.detail.getByRole('img', { name: 'Eval quality of every run' })
    this.selection = page.getByRole('group', { name: 'Selected result sets' })
  }

  async openTraining(hash = '#/training'): Promise<void> {
    await this.open(hash)
  }

  /** The runs table row of one run file. */
  run(file: string): Locator {
    return this.runs.locator(`tr[data-run="${file}"]`)
  }

  /** Ticks the checkbox of row `index` (selection for a TTMT comparison). */
  async check(index: number): Promise<void> {
    await this.row(index).getByRole('checkbox').check()
  }
}

/** The time-to-multiple-thresholds screen. */
export class TtmtPage {
  readonly page: Page
  readonly chart: Locator
  readonly thresholds: Locator
  readonly spread: Locator
  readonly speedup: Locator
  readonly sets: Locator

  constructor(page: Page) {
    this.page = page
    this.chart = page.getByRole('img', { name: 'Time to each threshold' })
    this.thresholds = page.getByRole('textbox', { name: 'Thresholds' })
    this.spread = page.getByTestId('spread-table')
    this.speedup = page.getByTestId('speedup-table')
    this.sets = page.getByRole('list', { name: 'Result sets' }).getByRole('listitem')
  }

  async waitForChart(): Promise<void> {
    await expect(
      this.page.getByRole('heading', { name: 'Time to multiple thresholds' })
    ).toBeVisible()
    await expect(this.chart).toHaveAttribute('data-chart-ready', 'true')
  }

  /** Threshold column of a spread or speedup table. */
  async thresholdColumn(table: Locator): Promise<string[]> {
    return (await table.locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim())
  }

  async applyThresholds(text: string): Promise<void> {
    await this.thresholds.fill(text)
    await this.page.getByRole('button', { name: 'Apply', exact: true }).click()
  }

  async fillRange(start: string, stop: string, step: string): Promise<void> {
    const range = this.page.getByRole('form', { name: 'Threshold range' })
    await range.getByLabel('Start').fill(start)
    await range.getByLabel('Stop').fill(stop)
    await range.getByLabel('Step').fill(step)
    await range.getByRole('button', { name: 'Fill' }).click()
  }

  hash(): string {
    return decodeURIComponent(new URL(this.page.url()).hash)
  }
}
