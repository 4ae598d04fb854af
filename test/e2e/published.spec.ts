import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openBackend } from '../../src-main/api/open-backend'
import type { Backend } from '../../src-main/api/open-backend'
import { startHttpServer } from '../../src-main/bridge/http-server'
import type { HttpServerHandle } from '../../src-main/bridge/http-server'
import { ExplorerPage } from './pages/explorer-page'
import { expect, test } from './pages/fixtures'
import { ImportDialog } from './pages/import-dialog'
import { PublishedDialog } from './pages/published-dialog'
import { TrainingPage } from './pages/training-page'
import type { PublishedServer } from '../support/published-server'
import { startPublishedServer } from '../support/published-server'

const root = join(import.meta.dirname, '..', '..')
const shots = join(import.meta.dirname, '..', 'output', 'screenshots')
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'published')

// A local stand-in for raw.githubusercontent.com serving the committed fixtures (no test
// touches the internet); the app is pointed at it through its source address setting. The app
// itself is served by a web-mode server of this spec's own, on a database seeded with the
// bundled sample as the shared one is: the rows these tests add stay out of the other specs.
let server: PublishedServer
let dir: string
let backend: Backend
let app: HttpServerHandle
let base: string

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mlperf-e2e-published-'))
  backend = openBackend({
    dbPath: join(dir, 'e2e.db'),
    shell: 'web',
    appRoot: root,
    catalogue: true
  })
  app = await startHttpServer({
    api: backend.api,
    hub: backend.hub,
    token: 'e2e',
    staticDir: join(root, 'out', 'renderer'),
    port: 0
  })
  base = `http://127.0.0.1:${app.port}`
  server = await startPublishedServer({
    'mlcommons/inference_results_v5.0': [join(fixtures, 'mlcommons', 'inference_results_v5.0')],
    'mlcommons/training_results_v4.0': [join(fixtures, 'mlcommons', 'training_results_v4.0')]
  })
})

test.afterAll(async () => {
  await server.close()
  await app.close()
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
})

test.describe('Published results', () => {
  // The later tests use the rows the first one downloads.
  test.describe.configure({ mode: 'serial' })

  test('gets a round that is not in the database, then fetches the logs of one result', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open('', base)
    const dialog = new PublishedDialog(page)
    await dialog.open()

    // The sample holds v4.1 from its official table: left alone; v5.0 is missing: to get.
    await expect(dialog.rounds.locator('tr[data-round="inference v4.1"]')).toContainText(
      'In the database'
    )
    await expect(dialog.rounds.locator('tr[data-round="inference v5.0"]')).toContainText('Download')
    await dialog.setSource(server.url)
    await dialog.choose(['inference v5.0'])
    await page.screenshot({ path: join(shots, 'published-choose.png') })
    await dialog.start()
    await expect(dialog.report).toContainText('Finished')
    const row = dialog.roundRow('inference v5.0')
    await expect(row).toContainText('Imported')
    await expect(row).toContainText('3 new, 0 updated, 0 unchanged, 0 skipped')
    await page.screenshot({ path: join(shots, 'published-report.png') })

    // A second look only asks whether the table changed: 304, nothing imported.
    await dialog.dialog.getByRole('button', { name: 'More rounds…' }).click()
    await expect(dialog.rounds.locator('tr[data-round="inference v5.0"]')).toContainText(
      'Check for changes'
    )
    await dialog.choose(['inference v5.0'])
    await dialog.start()
    await expect(dialog.roundRow('inference v5.0')).toContainText('Unchanged')
    await expect(dialog.roundRow('inference v5.0')).toContainText('304 Not Modified')
    await dialog.done()

    // The new rows are in the table at once.
    await explorer.searchFor('Bolt')
    await expect.poll(() => explorer.total()).toBe(3)
    await explorer.facetValue('Benchmark', 'resnet50').click()
    await explorer.facetValue('Scenario', 'Offline').click()
    await expect.poll(() => explorer.total()).toBe(1)
    await explorer.row(0).click()
    const logs = explorer.detail.getByTestId('logs-section')
    await expect(logs).toContainText('mlcommons/inference_results_v5.0')
    await expect(explorer.detail.getByTestId('validity-checks')).toContainText('No validity checks')

    // Fetch logs: the official value beside the logs', the files, and the validity checks.
    await logs.getByRole('button', { name: 'Fetch logs' }).click()
    const comparison = logs.getByTestId('logs-comparison')
    await expect(comparison).toBeVisible({ timeout: 30_000 })
    const result = comparison.locator('tr[data-figure="Result"]')
    await expect(result).toContainText('12,345.6')
    await expect(result).toContainText('agree')
    await expect(logs).toContainText('logs agree')
    await expect(logs.locator('tr[data-file="LoadGen detail"]')).toContainText('new')
    await expect(logs.getByTestId('logs-message')).toContainText(
      'Logs fetched from mlcommons/inference_results_v5.0'
    )
    await expect(explorer.detail.getByTestId('validity-checks')).toContainText('LoadGen verdict')
    await expect(explorer.detail.getByTestId('detail-value')).toContainText('12,345.6')
    await logs.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(shots, 'published-fetch-logs.png') })
  })

  test('says which file is missing when a result has no detail log', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open('', base)
    await explorer.searchFor('Bolt')
    await explorer.facetValue('Benchmark', 'retinanet').click()
    await expect.poll(() => explorer.total()).toBe(1)
    await explorer.row(0).click()
    const logs = explorer.detail.getByTestId('logs-section')
    await logs.getByRole('button', { name: 'Fetch logs' }).click()
    await expect(logs.getByTestId('logs-error')).toContainText(
      'mlperf_log_detail.txt) is not in mlcommons/inference_results_v5.0 (HTTP 404); nothing was changed.'
    )
    await expect(logs.locator('tr[data-file="LoadGen detail"]')).toContainText('not published')
    await expect(explorer.detail.getByTestId('detail-value')).toContainText('1,234.5')
    await page.screenshot({ path: join(shots, 'published-fetch-logs-missing.png') })
  })

  test('fetches the run logs of a training result set from its table row', async ({ page }) => {
    // The set's row from a training results table (result_summarizer format), imported.
    await backend.api.catalogue.setBaseUrl({ baseUrl: server.url })
    const training = new TrainingPage(page)
    await training.open('#/training', base)
    const importer = new ImportDialog(page)
    await importer.open()
    await importer.queuePath(join(fixtures, 'training_summary_volt_v4.0', 'summary.csv'))
    await importer.start()
    await importer.waitForReport()
    await importer.done()
    await training.open('#/training?q=Volt', base)
    await expect.poll(() => training.total()).toBe(1)
    await training.row(0).click()
    await expect(training.detail).toContainText('No run logs')
    const logs = training.detail.getByTestId('logs-section')
    await expect(logs).toContainText('mlcommons/training_results_v4.0')
    await logs.getByRole('button', { name: 'Fetch logs' }).click()
    const result = logs.getByTestId('logs-comparison').locator('tr[data-figure="Result"]')
    await expect(result).toContainText('41.6778', { timeout: 30_000 })
    await expect(result).toContainText('agree')
    await expect(logs.locator('tr[data-file="run log 4"]')).toContainText('new')
    // The set now has its runs and convergence chart, read from the fetched logs.
    await expect(training.run('result_0.txt')).toBeVisible()
    await expect(training.runs.locator('tr[data-run]')).toHaveCount(5)
    await logs.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(shots, 'published-fetch-training-logs.png') })
  })

  test('says in one line that the source cannot be reached', async ({ page }) => {
    const gone = await startPublishedServer({})
    await gone.close()
    const explorer = new ExplorerPage(page)
    await explorer.open('', base)
    const dialog = new PublishedDialog(page)
    await dialog.open()
    await dialog.setSource(gone.url)
    // v5.1 is in the bundled catalogue: asked for again, so the (gone) server must be reached.
    await dialog.dialog
      .getByLabel('Also download the chosen rounds that are in the database already')
      .check()
    await dialog.choose(['inference v5.1'])
    await dialog.start()
    await expect(dialog.report).toContainText('Failed')
    await expect(dialog.dialog.getByTestId('update-error')).toHaveText(
      /^Cannot reach 127\.0\.0\.1:\d+: connection refused\. Check the network connection, or the source address in the settings\. Nothing was changed\.$/
    )
    await page.screenshot({ path: join(shots, 'published-offline.png') })
    // "Use default" puts the public address back.
    await dialog.dialog.getByRole('button', { name: 'More rounds…' }).click()
    await dialog.dialog.getByRole('button', { name: 'Use default' }).click()
    await expect(dialog.dialog.getByLabel('Source address')).toHaveValue(
      'https://raw.githubusercontent.com'
    )
  })
})
