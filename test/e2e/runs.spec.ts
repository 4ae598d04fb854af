import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pngjs from 'pngjs'
import type { TestModels } from '../fixtures/models/build-models'
import { writeTestModels } from '../fixtures/models/build-models'
import { ExplorerPage } from './pages/explorer-page'
import { expect, test } from './pages/fixtures'
import { RunsPage, type RunScenario } from './pages/runs-page'

// Local ONNX runs from the UI, through the web mode (serve.ts; runs go next to its temporary
// database). The tiny models are generated here and read by the server from this machine's
// temporary folder, as a user's own model file would be.
const shots = join(import.meta.dirname, '..', 'output', 'screenshots')
const dir = mkdtempSync(join(tmpdir(), 'mlperf-e2e-runs-'))
let models: TestModels

test.beforeAll(() => {
  models = writeTestModels(join(dir, 'models'))
  const img = new pngjs.PNG({ width: 48, height: 40 })
  for (let p = 0; p < 48 * 40; p++) img.data.set([200, 40, 40, 255], p * 4)
  writeFileSync(join(dir, 'red.png'), pngjs.PNG.sync.write(img))
  writeFileSync(
    join(dir, 'labels.txt'),
    Array.from({ length: 10 }, (_, i) => `class-${i}`).join('\n') + '\n'
  )
  writeFileSync(join(dir, 'broken.onnx'), 'this is not an ONNX model')
})
test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

test.describe.configure({ mode: 'serial' })

/** Settings per scenario: short runs that still exercise each scenario's rules. */
const SHORT: Record<RunScenario, Record<string, string>> = {
  // LoadGen pre-generates 2 × min duration ÷ expected latency queries: 1 µs is enough here.
  SingleStream: {
    'Min duration (ms)': '3000',
    'Min query count': '100',
    'Expected latency (ms)': '0.001'
  },
  MultiStream: { 'Min duration (ms)': '300', 'Expected latency (ms)': '0.001' },
  Server: {
    'Min duration (ms)': '300',
    'Min query count': '100',
    'Target QPS': '300',
    'Latency bound (ms)': '100'
  },
  Offline: {
    'Min duration (ms)': '300',
    'Min samples in the query': '500',
    'Expected QPS': '40000'
  }
}

const MOBILENET = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'models',
  'mobilenet_v2.onnx'
)

test.describe('Local runs', () => {
  test('suggests the benchmark from the model: MobileNetV2 at 224×224 → resnet50, chosen by the user', async ({
    page
  }) => {
    test.skip(!existsSync(MOBILENET), `${MOBILENET} not found`)
    const runs = new RunsPage(page)
    await runs.open()
    await runs.set('ONNX model', MOBILENET)
    const hint = page.getByTestId('benchmark-suggestion')
    await expect(hint).toContainText('Suggested: resnet50')
    await expect(hint).toContainText(
      "224×224 image, the size of MLPerf's image-classification benchmark"
    )
    await expect(runs.field('Benchmark the model stands for')).toHaveValue('')
    await page.screenshot({ path: join(shots, 'runs-benchmark-suggestion.png'), fullPage: true })
    await hint.getByRole('button', { name: 'Use resnet50' }).click()
    await expect(runs.field('Benchmark the model stands for')).toHaveValue('resnet50')
    await expect(runs.form.getByText('From the official mlperf.conf for resnet50')).toBeVisible()
  })

  test('runs all four scenarios from the UI: progress, validity, charts, the table', async ({
    page
  }) => {
    test.setTimeout(180_000)
    // The seeded database may hold local rows of its own (the charts' sample run): count them.
    const explorer = new ExplorerPage(page)
    await explorer.open('#/inference?source_kind=local')
    const before = await explorer.total()

    const runs = new RunsPage(page)
    await runs.open()
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Local runs' })
    ).toHaveAttribute('aria-current', 'page')

    // The model is chosen with the in-app file browser (the web mode has no native dialog):
    // it opens in the folder typed so far.
    await runs.field('ONNX model').fill(join(dir, 'models') + '/')
    await runs.form.getByRole('button', { name: 'Browse…' }).first().click()
    const picker = page.getByRole('dialog', { name: 'Choose an ONNX model' })
    await expect(picker).toBeVisible()
    await picker.locator('li[data-path$="conv.onnx"] button').first().click()
    await expect(page.getByTestId('picker-choice')).toHaveText(models.conv)
    await picker.getByRole('button', { name: 'Choose', exact: true }).click()
    await expect(runs.field('ONNX model')).toHaveValue(models.conv)
    // No silent benchmark: the run cannot start until one is chosen; the model was read for a
    // suggestion (conv.onnx, a 32×32 input, matches none).
    await expect(page.getByTestId('benchmark-suggestion')).toContainText(
      'Neither the file name conv.onnx nor the input shape [N, 3, 32, 32] matches'
    )
    await expect(runs.form.getByRole('button', { name: 'Start run' })).toBeDisabled()
    await expect(runs.form).toContainText('Choose the MLPerf benchmark the model stands for.')
    await runs.benchmark('resnet50')
    await page.screenshot({ path: join(shots, 'runs-form.png'), fullPage: true })

    for (const scenario of ['SingleStream', 'MultiStream', 'Server', 'Offline'] as const) {
      await runs.newRun()
      await runs.scenario(scenario)
      for (const [label, value] of Object.entries(SHORT[scenario])) await runs.set(label, value)
      if (scenario === 'Offline') await runs.set('Repetitions', '2')
      await runs.start()
      if (scenario === 'SingleStream') {
        // 3 s is long enough to watch: elapsed time against the minimum, counts, latencies.
        await expect(runs.progress.getByRole('progressbar')).toBeVisible()
        await expect(page.getByTestId('run-phase')).toContainText(/of at least 3 s/)
        await expect
          .poll(async () =>
            Number((await page.getByTestId('run-completed').textContent())?.replace(/,/g, ''))
          )
          .toBeGreaterThan(0)
        await page.screenshot({ path: join(shots, 'runs-progress.png') })
      }
      const detail = await runs.finished()
      await expect(detail.getByTestId('run-status')).toHaveText('Done')
      await expect(detail.getByRole('heading', { level: 2 })).toContainText(
        `conv.onnx as resnet50 · ${scenario}`
      )
      // Two named verdicts: LoadGen's for these short settings, and the submission rules'.
      const verdicts = detail.getByTestId('local-run-verdicts')
      await expect(verdicts).toContainText('LoadGen verdict for these settings')
      await expect(detail.getByTestId('verdict-loadgen')).toHaveText(/^(VALID|INVALID)$/)
      await expect(verdicts).toContainText('Submittable under MLPerf rules')
      await expect(detail.getByTestId('verdict-submittable')).toContainText(
        /^no — .*minimum duration 600 s/
      )
      const checks = detail.getByTestId('validity-checks').first()
      await expect(checks.locator('li[data-check="min_duration"]')).toContainText(/required/)
      await expect(checks.locator('li[data-check="early_stopping"]')).toBeVisible()
      if (scenario === 'Server')
        await expect(checks.locator('li[data-check="latency_bound"]')).toBeVisible()
      await expect(
        detail.locator('[data-testid="chart-histogram"] [data-chart-ready="true"]')
      ).toBeVisible()
      await expect(
        detail.locator('[data-testid="chart-percentiles"] [data-chart-ready="true"]')
      ).toBeVisible()
      await expect(
        detail.locator('[data-testid="chart-throughput"] [data-chart-ready="true"]')
      ).toBeVisible()
      await expect(detail.getByTestId('run-files')).toContainText('mlperf_log_summary.txt')
      await expect(detail.getByTestId('run-settings')).toContainText(scenario)
      if (scenario === 'SingleStream') {
        await expect(detail.getByTestId('verdict-loadgen')).toHaveText('VALID')
        await expect(detail.getByTestId('verdict-submittable')).toHaveText(
          'no — minimum duration 600 s'
        )
        await expect(detail.getByTestId('run-value')).toContainText('ms')
        await page.screenshot({ path: join(shots, 'runs-detail.png'), fullPage: true })
        await page.setViewportSize({ width: 1024, height: 700 })
        await expect(detail.getByTestId('verdict-submittable')).toBeInViewport()
        await page.screenshot({ path: join(shots, 'runs-detail-1024.png') })
        await page.setViewportSize({ width: 1440, height: 900 })
      }
      if (scenario === 'Offline') {
        await expect(detail.getByTestId('repetitions')).toBeVisible()
        await expect(detail.getByTestId('repetition-cv')).toHaveText(/^\d+\.\d\d%$/)
      }
    }
    await expect(runs.runItems()).toHaveCount(5)
    // The run list names the model.
    await expect(runs.runItems().first().getByTestId('run-model')).toHaveText('conv.onnx')
    await expect(runs.runItems().first()).toContainText('resnet50 · Offline')

    // Inspect one sample of the last run's model, with class names from a labels file.
    const detail = runs.detail
    await detail.getByLabel('Image or .npy').fill(join(dir, 'red.png'))
    await detail.getByLabel(/Labels file/).fill(join(dir, 'labels.txt'))
    await detail.getByRole('button', { name: 'Show top-5 classes' }).click()
    const top = detail.getByRole('table', { name: 'Top classes' })
    await expect(top.locator('tbody tr')).toHaveCount(5)
    await expect(top.locator('tbody tr').first()).toContainText('class-')

    // Each finished performance run is in the results table as the user's own, unverified result.
    await explorer.open('#/inference?source_kind=local')
    await expect.poll(() => explorer.total()).toBe(before + 5)
    // Ours: system = this machine and the execution provider.
    const mine = explorer.loadedRows.filter({ hasText: '(onnxruntime cpu)' })
    await expect(mine).toHaveCount(5)
    await expect(mine.first().locator('[data-column="submitter"]')).toContainText('You')
    await expect(mine.locator('.unverified')).toHaveCount(5)
    await page.screenshot({ path: join(shots, 'runs-table.png') })
    await mine.first().click()
    await expect(explorer.detail).toContainText('Unverified local run')
    // The same two verdicts in the results table's panel.
    await expect(explorer.detail.getByTestId('verdict-loadgen')).toHaveText(/^(VALID|INVALID)$/)
    await expect(explorer.detail.getByTestId('verdict-submittable')).toContainText(
      /^no — .*minimum duration 600 s/
    )
    await page.screenshot({ path: join(shots, 'runs-table-panel.png') })
  })

  test('overlays two runs: percentile curves and throughput', async ({ page }) => {
    const runs = new RunsPage(page)
    await runs.open()
    const items = runs.runItems()
    await expect(items).toHaveCount(5)
    await items.nth(0).getByRole('checkbox').check()
    await items.nth(3).getByRole('checkbox').check()
    await page.getByRole('button', { name: 'Overlay' }).click()
    await expect(runs.overlay).toBeVisible()
    await expect(page).toHaveURL(/#\/runs\?_overlay=\d+,\d+$/)
    await expect(
      runs.overlay.locator('[data-testid="chart-overlay-percentiles"] [data-chart-ready="true"]')
    ).toBeVisible()
    await expect(
      runs.overlay.locator('[data-testid="chart-overlay-throughput"] [data-chart-ready="true"]')
    ).toBeVisible()
    await expect(runs.overlay.locator('tbody tr')).toHaveCount(2)
    await page.screenshot({ path: join(shots, 'runs-overlay.png'), fullPage: true })
    // The overlay is a link.
    await page.reload()
    await expect(runs.overlay.locator('tbody tr')).toHaveCount(2)
  })

  test('cancels a run: it is kept and marked cancelled; a broken model fails with the reason', async ({
    page
  }) => {
    const runs = new RunsPage(page)
    await runs.open()
    await runs.set('ONNX model', models.conv)
    await runs.benchmark('resnet50')
    await runs.scenario('Server')
    await runs.set('Min duration (ms)', '60000')
    await runs.set('Target QPS', '100')
    await runs.start()
    await expect(runs.progress).toBeVisible()
    await expect(page.getByTestId('run-phase')).toContainText(/of at least 60 s/)
    // The window stays responsive while the run goes: other screens work.
    await page.getByRole('link', { name: 'Imports' }).click()
    await expect(page).toHaveURL(/#\/imports$/)
    await page.getByRole('link', { name: 'Local runs' }).click()
    await expect(runs.progress).toBeVisible()
    await runs.progress.getByRole('button', { name: 'Cancel run' }).click()
    const detail = await runs.finished()
    await expect(detail.getByTestId('run-status')).toHaveText('Cancelled by you')
    await expect(detail.getByTestId('run-reason')).toContainText('Cancelled by you.')
    // No LoadGen verdict and no LoadGen recommendation for a run that was stopped.
    await expect(detail.getByTestId('local-run-verdicts')).toHaveCount(0)
    await expect(detail).not.toContainText('Decrease the expected latency')
    await expect(detail.getByTestId('run-files')).toContainText('mlperf_log_detail.txt')
    await expect(runs.progress).toBeHidden()
    await expect(runs.list.locator('li[data-status="cancelled"]')).toHaveCount(1)
    await expect(runs.list.locator('li[data-status="cancelled"]')).toContainText('cancelled by you')
    await page.screenshot({ path: join(shots, 'runs-cancelled.png'), fullPage: true })

    await runs.newRun()
    await runs.set('ONNX model', join(dir, 'broken.onnx'))
    await runs.start()
    const failed = await runs.finished()
    await expect(failed.getByTestId('run-status')).toHaveText('Failed')
    await expect(failed.getByTestId('run-reason')).toContainText(
      /Could not load the model .*broken\.onnx/
    )
    await page.screenshot({ path: join(shots, 'runs-failed.png') })
  })
})
