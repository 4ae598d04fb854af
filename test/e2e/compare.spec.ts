import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { ComparePage, resultIds } from './pages/compare-page'
import { ExplorerPage } from './pages/explorer-page'
import { TrainingPage } from './pages/training-page'
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
    await expect(compare.shared).toContainText('resnet50 Offline')
    await expect(compare.shared).toContainText('baseline')
    await expect(compare.shared).toContainText('%')
    // Different chip counts must be stated with the comparison, and the throughput is also
    // compared per accelerator.
    await expect(compare.issues).toContainText('accelerator counts')
    await expect(compare.shared.getByTestId('per-accelerator').first()).toContainText(
      'Per accelerator'
    )
    // One row per fact: the accelerator once (not again as accelerator_model_name), readable
    // names for the system description, flags as Yes/No.
    await expect(compare.fieldRow('Accelerator')).toHaveCount(1)
    await expect(compare.fields).not.toContainText('accelerator_model_name')
    await expect(compare.fields).not.toContainText('host_memory_capacity')
    await expect(compare.fieldRow('Host processor')).toBeVisible()
    await expect(compare.fieldRow('Valid')).toContainText('Yes')
    await expect(compare.fieldRow('Valid')).not.toContainText('1')
    await page.screenshot({ path: join(shots, 'compare.png'), fullPage: true })

    // The comparison as CSV: a column per result, the values and deltas, every field.
    const wait = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const download = await wait
    expect(download.suggestedFilename()).toMatch(
      /^mlperf-compare-inference-\d{4}-\d{2}-\d{2}\.csv$/
    )
    const path = join(shots, '..', 'exports', download.suggestedFilename())
    await download.saveAs(path)
    const text = readFileSync(path, 'utf8')
    const parsed = Papa.parse<string[]>(text, { comments: '#', skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    const [header, ...rows] = parsed.data
    expect(header?.slice(0, 3)).toEqual(['section', 'field', 'unit'])
    expect(header).toHaveLength(3 + 3)
    expect(rows.some((r) => r[0] === 'result' && r[1] === 'resnet50 Offline')).toBe(true)
    expect(rows.some((r) => r[0] === '% vs first')).toBe(true)
    expect(rows.some((r) => r[0] === 'per accelerator')).toBe(true)
    expect(rows.filter((r) => r[1] === 'Accelerator')).toHaveLength(1)
    expect(rows.find((r) => r[1] === 'Valid')?.slice(3)).toEqual(['Yes', 'Yes', 'Yes'])
    expect(text).toContain('# State this: Different accelerator counts')
    expect(text).toContain('trademarks of MLCommons Association')

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

  test('training results: compare from the training table, accelerator-minutes, CSV', async ({
    page
  }) => {
    const training = new TrainingPage(page)
    // The imported fixture's sets (the catalogue's newer rounds come first otherwise).
    await training.openTraining('#/training?origin=imported')
    for (const i of [0, 1, 2]) await training.check(i)
    await training.selection.getByRole('button', { name: 'Compare…' }).click()
    const compare = new ComparePage(page)
    await compare.loaded()
    expect(new URL(page.url()).hash).toMatch(/_suite=training/)
    await expect(page.getByRole('heading', { name: 'Compare training results' })).toBeVisible()
    expect(await compare.columns()).toBe(3)
    await expect(compare.shared).toContainText('resnet')
    // 8, 16 and 4 accelerators: minutes × accelerators, lower is better.
    await expect(compare.shared.getByTestId('per-accelerator')).toContainText('accelerator-minutes')
    await expect(compare.fieldRow('Score (min)')).toBeVisible()
    await expect(compare.fieldRow('RCP-normalised')).toContainText(/Yes|No/)
    await page.screenshot({ path: join(shots, 'compare-training.png'), fullPage: true })
    const wait = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    expect((await wait).suggestedFilename()).toMatch(/^mlperf-compare-training-/)
    await page.getByRole('link', { name: '← Back to training results' }).click()
    await expect(training.grid).toBeVisible()
  })
})
