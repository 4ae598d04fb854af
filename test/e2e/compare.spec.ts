import { join } from 'node:path'
import { ComparePage, resultIds } from './pages/compare-page'
import { ExplorerPage } from './pages/explorer-page'
import { expect, test } from './pages/fixtures'

const shots = join(import.meta.dirname, '..', 'output', 'screenshots')

test.describe('Compare', () => {
  test('pick results in the table, compare them side by side', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open(
      '#/inference?round=v4.1&division=closed&benchmark=resnet50&scenario=Offline'
    )
    for (const i of [0, 1, 2]) {
      await explorer.row(i).getByRole('checkbox').check()
    }
    await expect(page.getByTestId('compare-count')).toHaveText('3 selected')
    await page.getByRole('button', { name: 'Compare…' }).click()

    const compare = new ComparePage(page)
    await compare.loaded()
    expect(new URL(page.url()).hash).toMatch(/^#\/compare\?_ids=\d+(%2C|,)\d+(%2C|,)\d+$/)
    expect(await compare.columns()).toBe(3)
    // Every field of the results, and the systems' shared benchmarks with % deltas.
    await expect(compare.fieldRow('Submitter')).toBeVisible()
    await expect(compare.fieldRow('Accelerator')).toBeVisible()
    await expect(compare.shared).toContainText('resnet Offline')
    await expect(compare.shared).toContainText('baseline')
    await expect(compare.shared).toContainText('%')
    // Different chip counts must be stated with the comparison.
    await expect(compare.issues).toContainText('accelerator counts')
    await page.screenshot({ path: join(shots, 'compare.png'), fullPage: true })

    // Only the differences; then drop a column.
    await page.getByLabel('only differences').check()
    await expect(compare.fieldRow('Round')).toHaveCount(0)
    const first = compare.fields.locator('thead th[data-id]').first()
    await first.getByRole('button', { name: /^Remove/ }).click()
    await compare.loaded()
    await expect.poll(() => compare.columns()).toBe(2)
  })

  test('a published result next to the user’s own run: unverified, and why it differs', async ({
    page
  }) => {
    const compare = new ComparePage(page)
    await page.goto('/?token=e2e')
    const [published] = await resultIds(page, [
      { column: 'round', op: 'eq', value: 'v4.1' },
      { column: 'division', op: 'eq', value: 'closed' },
      { column: 'benchmark', op: 'eq', value: 'resnet50' },
      { column: 'scenario', op: 'eq', value: 'Offline' }
    ])
    const [local] = await resultIds(page, [
      { column: 'source_kind', op: 'eq', value: 'local' },
      { column: 'scenario', op: 'eq', value: 'Offline' }
    ])
    if (published === undefined || local === undefined) throw new Error('fixture rows missing')
    await compare.open([published, local])
    await expect(compare.fields.locator('thead')).toContainText('Unverified')
    await expect(compare.issues).toContainText('Official and unverified results side by side')
    await expect(compare.issues).toContainText('includes your own run: unverified')
    await expect(page.getByRole('region', { name: 'Citation footnote' })).toContainText(
      'Result not verified by MLCommons Association'
    )
    // The user's run becomes the baseline: the order in the URL follows.
    await compare.fields
      .locator('thead th[data-id]')
      .nth(1)
      .getByRole('button', { name: 'Make baseline' })
      .click()
    await compare.loaded()
    expect(new URL(page.url()).hash).toContain(`_ids=${local}`)
  })

  test('fewer than two results: says what to do', async ({ page }) => {
    await page.goto('/?token=e2e#/compare?_ids=1')
    await expect(page.getByText('Pick 2 to 8 results to compare.')).toBeVisible()
  })
})
