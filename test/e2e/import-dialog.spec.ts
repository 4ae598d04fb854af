import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page, Route } from '@playwright/test'
import { buildSyntheticTree } from '../bench/import-throughput'
import { ExplorerPage } from './pages/explorer-page'
import { expect, test } from './pages/fixtures'
import { ImportDialog } from './pages/import-dialog'

const shots = join(import.meta.dirname, '..', 'output', 'screenshots')
const fixtureTree = resolve(import.meta.dirname, '..', 'fixtures', 'inference-tree')

/** Result folders of the synthetic tree: long enough to press Cancel while it runs. */
const BIG = 1000

let dir = ''
let summary = ''
let big = ''

/**
 * The copies of the fixture tree go into the shared test database: name them "Synth" instead
 * of "Acme" (folders and system descriptions), so specs that search for the fixture's own
 * Acme results still find exactly those.
 */
function rebrand(dir: string): void {
  for (const name of readdirSync(dir)) {
    let path = join(dir, name)
    if (/acme/i.test(name)) {
      const to = join(
        dir,
        name.replace(/acme/gi, (m) => (m === 'acme' ? 'synth' : 'Synth'))
      )
      renameSync(path, to)
      path = to
    }
    if (statSync(path).isDirectory()) rebrand(path)
    else if (path.endsWith('.json'))
      writeFileSync(path, readFileSync(path, 'utf8').replace(/acme/gi, 'Synth'))
  }
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlx-e2e-import-'))
  // A summary file deep enough that its path cannot fit the dialog.
  summary = join(
    dir,
    'a-rather-long-folder-name-for-an-archive',
    'of-official-results-kept-by-the-analyst',
    'inference_results_v0.7',
    'open',
    'DellEMC',
    'summary.csv'
  )
  mkdirSync(join(summary, '..'), { recursive: true })
  writeFileSync(
    summary,
    'Organization,Availability,Division,SystemType,Platform,Model,MlperfModel,Scenario,Result,Accuracy,Location\n' +
      'DellEMC,rdi,open,datacenter,R740xd_vck5000,resnet50,resnet,Server,5802.01,75.768,open/DellEMC/results/R740xd_vck5000/resnet50/Server\n' +
      'DellEMC,rdi,open,datacenter,R740xd_vck5000,resnet50,resnet,Offline,6000.5,75.768,open/DellEMC/results/R740xd_vck5000/resnet50/Offline\n'
  )
  big = (await buildSyntheticTree([fixtureTree], BIG)).root
  rebrand(big)
})

test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(big, { recursive: true, force: true })
})

async function openDialog(page: Page): Promise<ImportDialog> {
  const explorer = new ExplorerPage(page)
  await explorer.open()
  const dialog = new ImportDialog(page)
  await dialog.open()
  return dialog
}

test.describe('Import dialog', () => {
  test('paths read left to right, shortened in the middle; each is checked when it is added', async ({
    page
  }) => {
    const dialog = await openDialog(page)
    await dialog.queuePath(summary)
    const item = dialog.dialog.locator(`li[data-path="${summary}"]`)
    await expect(item).toHaveAttribute('data-check', 'ok')
    await expect(item).toContainText('Summary file: every row is read.')
    const path = item.locator('.path')
    expect(await path.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr')
    // The start of the path is cut (ellipsis), the file name stays whole and in view.
    const head = path.locator('.head')
    const tail = path.locator('.tail')
    await expect(tail).toHaveText('/summary.csv')
    expect(await head.evaluate((el, start) => el.textContent?.startsWith(start), dir)).toBe(true)
    expect(await head.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    const itemBox = await item.boundingBox()
    const tailBox = await tail.boundingBox()
    expect((tailBox?.x ?? 0) + (tailBox?.width ?? 0)).toBeLessThanOrEqual(
      (itemBox?.x ?? 0) + (itemBox?.width ?? 0)
    )
    await expect(path).toHaveAttribute('title', summary)

    // A folder is fine; a file that is no results file is refused with the reason, at once.
    await dialog.queuePath(fixtureTree)
    await expect(dialog.dialog.locator(`li[data-path="${fixtureTree}"]`)).toContainText(
      'Folder: scanned'
    )
    const readme = join(dir, 'notes.txt')
    writeFileSync(readme, 'not results')
    await dialog.queuePath(readme)
    await expect(dialog.dialog.locator(`li[data-path="${readme}"]`)).toHaveAttribute(
      'data-check',
      'bad'
    )
    await expect(dialog.dialog.getByRole('alert')).toContainText('Not a results summary file')
    await expect(dialog.dialog.getByRole('button', { name: 'Start import' })).toBeDisabled()
    await page.screenshot({ path: join(shots, 'import-queue-1440.png') })
    await dialog.dialog.getByRole('button', { name: `Remove ${readme}` }).click()
    await expect(dialog.dialog.getByRole('button', { name: 'Start import' })).toBeEnabled()

    // The report is split by path and suite; the summary file counts as a source.
    await dialog.start()
    await dialog.waitForReport()
    const byPath = dialog.report.getByTestId('report-by-path')
    const fileRow = byPath.locator(`tr[data-path="${summary}"][data-suite="inference"]`)
    await expect(fileRow.locator('td').nth(2)).toHaveText('1 / 1')
    await expect(fileRow.locator('td').nth(3)).toHaveText('2')
    const treeRow = byPath.locator(`tr[data-path="${fixtureTree}"][data-suite="inference"]`)
    await expect(treeRow.locator('td').nth(2)).toHaveText('3 / 3')
    await expect(treeRow.locator('td').last()).toHaveText('1')
    await page.screenshot({ path: join(shots, 'import-report-by-path-1440.png') })
    await dialog.done()
  })

  test('a cancel says what was kept and what was not read', async ({ page }) => {
    const dialog = await openDialog(page)
    await dialog.queuePath(big)
    await dialog.queuePath(summary)
    await dialog.start()
    // Cancel as soon as the job runs (scanning or reading: either way it stops early).
    await dialog.dialog.getByRole('button', { name: 'Cancel import' }).click()
    await dialog.waitForReport()
    const summaryText = dialog.report.getByTestId('cancel-summary')
    await expect(summaryText).toContainText(
      /Cancelled after reading [\d,]+ of [\d,]+ sources?\. Kept: [\d,]+ imported, [\d,]+ updated, [\d,]+ unchanged/
    )
    await expect(summaryText).toContainText('were not read; import the same paths again')
    await expect(dialog.report).toContainText('Cancelled')
    await page.screenshot({ path: join(shots, 'import-cancelled-1440.png') })
  })

  test('every source counts, summary files included; a cancel after the end was too late', async ({
    page
  }) => {
    // The job's end reaches the page only when the test lets it: no event stream (the page
    // falls back to polling imports.get), and the polls and the cancel are held until the job
    // has ended on the server, as a cancel pressed at the very last moment.
    await page.route('**/api/events', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
        body: 'retry: 600000\n\n'
      })
    )
    const jobEnded = async (): Promise<void> => {
      for (let i = 0; i < 1200; i++) {
        const reply = await page.request.post('/api/imports.list', { data: {} })
        const list = (await reply.json()) as { value: { status: string }[] }
        if (list.value[0]?.status !== 'running') return
        await new Promise((r) => setTimeout(r, 100))
      }
    }
    const hold = async (route: Route): Promise<void> => {
      await jobEnded()
      await route.continue()
    }
    await page.route('**/api/imports.get', hold)
    await page.route('**/api/imports.cancel', hold)
    const dialog = await openDialog(page)
    await dialog.queuePath(big)
    await dialog.queuePath(summary)
    await dialog.start()
    await expect(dialog.dialog.getByTestId('import-progress')).toBeVisible()
    await dialog.dialog.getByRole('button', { name: 'Cancel import' }).click()
    await dialog.waitForReport()
    await expect(dialog.report.getByTestId('cancel-summary')).toContainText(
      'Your cancel came too late'
    )
    await expect(dialog.report).toContainText('Finished')
    // Every result folder is a source, and so is the summary file.
    await expect(dialog.report.getByTestId('sources-summary')).toHaveText(
      `${(BIG + 1).toLocaleString('en-US')} of ${(BIG + 1).toLocaleString('en-US')} sources read`
    )
  })
})
