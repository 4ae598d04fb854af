import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { openApp } from './fixtures'

/** The Compare screen: issues, shared benchmarks with deltas, all fields side by side. */
export class ComparePage {
  readonly page: Page
  readonly shared: Locator
  readonly fields: Locator
  readonly issues: Locator

  constructor(page: Page) {
    this.page = page
    this.shared = page.getByTestId('shared-table')
    this.fields = page.getByTestId('fields-table')
    this.issues = page.getByRole('region', { name: 'Comparability' })
  }

  async open(ids: number[]): Promise<void> {
    await openApp(this.page, `#/compare?_ids=${ids.join(',')}`)
    await this.loaded()
  }

  async loaded(): Promise<void> {
    await expect(this.fields).toBeVisible()
  }

  /** Column headers of the fields table, without the "Field" column. */
  async columns(): Promise<number> {
    return await this.fields.locator('thead th[data-id]').count()
  }

  fieldRow(label: string): Locator {
    return this.fields.locator('tbody tr').filter({
      has: this.page.getByRole('rowheader', { name: label, exact: true })
    })
  }
}

/** Ids of results matching filters, through the API as the web mode serves it. */
export async function resultIds(
  page: Page,
  filters: { column: string; op: string; value?: string | string[] }[],
  limit = 10
): Promise<number[]> {
  const res = await page.request.post('/api/results.query', {
    headers: { authorization: 'Bearer e2e' },
    data: { suite: 'inference', filters, offset: 0, limit, sort: { column: 'value', dir: 'desc' } }
  })
  const reply = (await res.json()) as { ok: boolean; value?: { rows: { id: number }[] } }
  if (!reply.ok || !reply.value) throw new Error('results.query failed')
  return reply.value.rows.map((r) => r.id)
}
