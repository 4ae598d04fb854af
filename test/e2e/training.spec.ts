import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { ChartsPage } from './pages/charts-page'
import { ExplorerPage } from './pages/explorer-page'
import { expect, test } from './pages/fixtures'
import { TrainingPage, TtmtPage, paintedPixels } from './pages/training-page'

// serve.ts imports test/fixtures/training-tree into the e2e database: three resnet result sets
// of round v4.0 (Acme T1 with an aborted run, Acme T2 with a scaling factor, Bolt B4 in the open
// division) and one broken set (acme_t1/bert) that the import skips. The database also holds the
// bundled catalogue (origin 'bundled'); the views below filter to origin = imported, the
// fixture's own rows.
const shots = join(import.meta.dirname, '..', 'output', 'screenshots')

test.describe('Training results', () => {
  test('the table lists the result sets; a facet filters them and the URL follows', async ({
    page
  }) => {
    const training = new TrainingPage(page)
    await training.openTraining()
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training results' })
    ).toHaveAttribute('aria-current', 'page')
    // The bundled catalogue and the imported fixture side by side; the Origin facet tells them
    // apart and filters to the fixture.
    const bundled = await training.facetCount('Origin', 'bundled')
    expect(bundled).toBeGreaterThan(1000)
    expect(await training.facetCount('Origin', 'imported')).toBe(3)
    expect(await training.total()).toBe(bundled + 3)
    await training.facetValue('Origin', 'imported').click()
    await expect.poll(() => training.total()).toBe(3)
    const headers = await training.headerLabels()
    for (const label of ['Round', 'Division', 'Submitter', 'System', 'Benchmark', 'Runs'])
      expect(headers).toContain(label)
    expect(headers).toContain('Score (min)')
    // The rest of the columns are one click away in the column chooser.
    await page.getByRole('button', { name: /^Columns/ }).click()
    const chooser = page.getByRole('group', { name: 'Visible columns' })
    for (const label of ['Scaling factor', 'Aborted runs', 'RCP-normalised'])
      await expect(chooser.getByLabel(label, { exact: false })).toBeVisible()
    await page.keyboard.press('Escape')
    expect(new Set(await training.columnValues('benchmark'))).toEqual(new Set(['resnet']))
    await page.screenshot({ path: join(shots, 'training-table.png') })

    // Division facet: closed has the two Acme sets.
    expect(await training.facetCount('Division', 'closed')).toBe(2)
    await training.facetValue('Division', 'closed').click()
    await expect.poll(() => training.total()).toBe(2)
    expect(training.hash()).toBe('#/training?origin=imported&division=closed')
    await expect(training.chips).toContainText('Division = closed')
    expect(new Set(await training.columnValues('submitter'))).toEqual(new Set(['Acme']))

    // Sorting by score puts the fastest set first; search narrows to one system.
    await training.header('Score (min)').getByRole('button').click()
    await training.header('Score (min)').getByRole('button').click()
    await expect(training.header('Score (min)')).toHaveAttribute('aria-sort', 'ascending')
    await training.waitForRows()
    expect((await training.columnValues('system_name'))[0]).toContain('Acme T2')
    await training.searchFor('T1')
    await expect.poll(() => training.total()).toBe(1)

    // The state is a link: reloading it gives the same view; the inference table is untouched.
    await page.reload()
    await training.waitForRows()
    expect(await training.total()).toBe(1)
    await page.getByRole('link', { name: 'Inference results' }).click()
    await expect(page.getByRole('grid', { name: 'Inference results' })).toBeVisible()
    expect(new URL(page.url()).hash).toBe('#/inference')
    await page.getByRole('link', { name: 'Training results' }).click()
    await expect.poll(() => training.total()).toBe(1)
    expect(training.hash()).toContain('division=closed')
  })

  test('a result shows its runs, the olympic drops, why a run did not count and the convergence chart', async ({
    page
  }) => {
    // An inference result stays open on its own (hidden) screen meanwhile.
    const inference = new ExplorerPage(page)
    await inference.open()
    await inference.row(0).click()
    await expect(inference.detail).toBeVisible()
    const training = new TrainingPage(page)
    await page.getByRole('link', { name: 'Training results' }).click()
    await training.waitForRows()
    await training.searchFor('Acme T1')
    await expect.poll(() => training.total()).toBe(1)
    await training.row(0).click()
    await expect(training.detail.getByRole('heading', { level: 2 })).toContainText('Acme T1')

    await expect(training.detail.getByTestId('detail-value')).toContainText('28.03')
    // A derived factor at 4 significant digits; the tooltip has it in full.
    await expect(training.detail.getByTestId('scaling-factor')).toHaveText('× 1.000')
    await expect(training.runs.locator('tbody tr[data-run]')).toHaveCount(5)
    for (const file of ['result_0.txt', 'result_1.txt', 'result_4.txt']) {
      await expect(training.run(file)).toHaveAttribute('data-role', 'counted')
      await expect(training.run(file)).toContainText('success')
    }
    await expect(training.run('result_2.txt')).toContainText('dropped: fastest')
    await expect(training.run('result_3.txt')).toContainText('aborted')
    await expect(training.run('result_3.txt')).toContainText('not counted')
    await expect(training.runs).toContainText('run_stop reports the run as aborted')
    // Times to train in minutes at the official training precision (3 decimals).
    await expect(training.run('result_0.txt')).toContainText('25.915')

    // The convergence chart: every run, the target line, painted.
    await training.convergence.scrollIntoViewIfNeeded()
    expect(await paintedPixels(training.convergence)).toBeGreaterThan(2000)
    await page.screenshot({ path: join(shots, 'training-detail.png') })

    // Against epochs instead of time.
    const axis = training.detail.getByRole('radiogroup', { name: 'Horizontal axis' })
    await axis.getByRole('radio', { name: 'Epochs' }).click()
    await expect(axis.getByRole('radio', { name: 'Epochs' })).toHaveAttribute(
      'aria-checked',
      'true'
    )
    expect(await paintedPixels(training.convergence)).toBeGreaterThan(2000)

    // The other Acme set carries a scaling factor and the RCP flag.
    await training.search.fill('Acme T2')
    await expect(training.row(0)).toContainText('Acme T2')
    await training.row(0).click()
    await expect(training.detail.getByRole('heading', { level: 2 })).toContainText('Acme T2')
    await expect(training.detail.getByTestId('scaling-factor')).toHaveText('× 1.020')
    await expect(training.detail.locator('.tags').getByText('RCP-normalised')).toBeVisible()
    await expect(training.detail).toContainText('olympic mean 15.529 min')

    // Escape closes this panel only: the screen stays, the inference result stays open.
    await page.keyboard.press('Escape')
    await expect(training.detail).toBeHidden()
    expect(training.hash()).toMatch(/^#\/training\?/)
    await page.getByRole('link', { name: 'Inference results' }).click()
    await expect(inference.detail).toBeVisible()
  })

  test('the import report names the broken training set and why it was skipped', async ({
    page
  }) => {
    const training = new TrainingPage(page)
    await training.openTraining()
    await page.getByRole('link', { name: 'Imports' }).click()
    const history = page.getByRole('table', { name: 'Past imports' })
    const row = history.getByRole('row').filter({ hasText: 'training-tree' }).first()
    await row.getByRole('button', { name: 'Report' }).click()
    const skipped = history.getByTestId('skipped-list').first()
    await expect(skipped).toContainText('acme_t1/bert')
    await expect(skipped).toContainText('is an MLPerf training log')
  })
})

test.describe('Time to multiple thresholds', () => {
  test('one set from the detail panel: a curve per run and the spread table', async ({ page }) => {
    const training = new TrainingPage(page)
    await training.openTraining('#/training?q=Acme T1')
    await training.row(0).click()
    const id = await training.detail.getAttribute('data-result-id')
    await training.detail.getByRole('button', { name: 'Time to multiple thresholds…' }).click()

    const ttmt = new TtmtPage(page)
    await ttmt.waitForChart()
    expect(ttmt.hash()).toBe(`#/ttmt?_ids=${id}`)
    expect(await paintedPixels(ttmt.chart)).toBeGreaterThan(2000)
    await expect(ttmt.sets).toHaveCount(1)
    await expect(ttmt.speedup).toHaveCount(0)
    // Default thresholds: 0.70 up to the target 0.759, ten of them.
    await expect(ttmt.spread).toHaveCount(1)
    const thresholds = await ttmt.thresholdColumn(ttmt.spread)
    expect(thresholds).toHaveLength(10)
    expect(thresholds[0]).toBe('0.7')
    expect(thresholds[9]).toBe('0.759')
    await expect(ttmt.thresholds).toHaveValue(/^0\.7, 0\.7066, .*0\.759$/)
    await expect(ttmt.spread).toContainText('4/5')

    // Back to the table keeps its view.
    await page.getByRole('link', { name: '← Training results' }).click()
    await training.waitForRows()
    expect(training.hash()).toContain('q=Acme')
  })

  test('two selected sets: overlaid curves, spread and speedup; thresholds edit the view and the URL', async ({
    page
  }) => {
    const training = new TrainingPage(page)
    await training.openTraining('#/training?origin=imported&division=closed&sort=value')
    await expect.poll(() => training.total()).toBe(2)
    await training.check(0)
    await training.check(1)
    await expect(training.selection).toContainText('2 selected')
    await training.selection.getByRole('button', { name: 'Time to multiple thresholds…' }).click()

    const ttmt = new TtmtPage(page)
    await ttmt.waitForChart()
    expect(ttmt.hash()).toMatch(/^#\/ttmt\?_ids=\d+,\d+$/)
    expect(await paintedPixels(ttmt.chart)).toBeGreaterThan(2000)
    await expect(ttmt.sets).toHaveCount(2)
    await expect(ttmt.spread).toHaveCount(2)
    await expect(ttmt.speedup).toBeVisible()
    // A is the faster T2 (sorted first): it reaches every threshold sooner.
    await expect(ttmt.speedup).toContainText('Speedup of T2')
    expect(await ttmt.thresholdColumn(ttmt.speedup)).toHaveLength(10)
    const speedups = await ttmt.speedup.locator('tbody tr td:nth-child(4)').allInnerTexts()
    for (const s of speedups) expect(Number(s.replace('×', ''))).toBeGreaterThan(1.2)

    await page.screenshot({ path: join(shots, 'ttmt.png') })

    // A typed list.
    await ttmt.applyThresholds('0.70, 0.72, 0.74')
    await expect.poll(() => ttmt.thresholdColumn(ttmt.speedup)).toEqual(['0.7', '0.72', '0.74'])
    expect(ttmt.hash()).toContain('_thresholds=0.7,0.72,0.74')
    expect(await ttmt.thresholdColumn(ttmt.spread.first())).toHaveLength(3)
    expect(await paintedPixels(ttmt.chart)).toBeGreaterThan(2000)

    // A range.
    await ttmt.fillRange('0.7', '0.75', '0.01')
    await expect
      .poll(() => ttmt.thresholdColumn(ttmt.speedup))
      .toEqual(['0.7', '0.71', '0.72', '0.73', '0.74', '0.75'])
    expect(ttmt.hash()).toContain('_thresholds=0.7,0.71,0.72,0.73,0.74,0.75')
    await expect(ttmt.thresholds).toHaveValue('0.7, 0.71, 0.72, 0.73, 0.74, 0.75')

    // A mistake is explained and changes nothing.
    await ttmt.applyThresholds('0.7, abc')
    await expect(page.getByRole('alert').filter({ hasText: '"abc" is not a number' })).toBeVisible()
    expect(ttmt.hash()).toContain('_thresholds=0.7,0.71,')

    // Back in history returns to the typed list; Defaults drops the parameter.
    await page.goBack()
    await expect.poll(() => ttmt.thresholdColumn(ttmt.speedup)).toEqual(['0.7', '0.72', '0.74'])
    await page.getByRole('button', { name: 'Defaults' }).click()
    await expect.poll(() => ttmt.thresholdColumn(ttmt.speedup)).toHaveLength(10)
    expect(ttmt.hash()).not.toContain('_thresholds')

    // Swapping A and B inverts the speedup.
    const ids = /_ids=(\d+),(\d+)/.exec(ttmt.hash())
    await page.getByRole('button', { name: '⇄ Swap A and B' }).click()
    await expect(ttmt.speedup).toContainText('Speedup of T1')
    expect(ttmt.hash()).toContain(`_ids=${ids?.[2]},${ids?.[1]}`)
  })

  test('a link with sets and thresholds opens the same comparison', async ({ page }) => {
    const training = new TrainingPage(page)
    await training.openTraining('#/training?origin=imported&division=closed&sort=value')
    await expect.poll(() => training.total()).toBe(2)
    const ids = await training.loadedRows.evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-id'))
    )
    await page.goto(`/?token=e2e#/ttmt?_ids=${ids.join(',')}&_thresholds=0.70,0.73`)
    const ttmt = new TtmtPage(page)
    await ttmt.waitForChart()
    await expect.poll(() => ttmt.thresholdColumn(ttmt.speedup)).toEqual(['0.7', '0.73'])
    await expect(ttmt.thresholds).toHaveValue('0.7, 0.73')
    // The link stays as written.
    expect(ttmt.hash()).toBe(`#/ttmt?_ids=${ids.join(',')}&_thresholds=0.70,0.73`)
  })
})

test.describe('Training results: exports and charts', () => {
  test('parity with inference: CSV export and a chart of the filtered training table', async ({
    page
  }) => {
    const training = new TrainingPage(page)
    // The imported fixture's closed sets (the catalogue's rows are there too).
    await training.openTraining('#/training?origin=imported&division=closed')
    expect(await training.total()).toBe(2)
    const wait = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV', exact: true }).click()
    const download = await wait
    expect(download.suggestedFilename()).toMatch(/^mlperf-training-results-\d{4}-\d{2}-\d{2}\.csv$/)
    const path = join(shots, '..', 'exports', download.suggestedFilename())
    await download.saveAs(path)
    const text = readFileSync(path, 'utf8')
    const parsed = Papa.parse<Record<string, string>>(text, {
      header: true,
      comments: '#',
      skipEmptyLines: true
    })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields?.slice(0, 8)).toEqual([
      'round',
      'division',
      'category',
      'submitter',
      'system_id',
      'system_name',
      'benchmark',
      'runs'
    ])
    expect(parsed.data).toHaveLength(2)
    expect(parsed.data.every((r) => r['division'] === 'closed')).toBe(true)
    expect(text).toContain('# MLPerf™ Training v4.0 Closed; resnet.')

    // The chart button: the training scale chart of the same filters.
    await page.getByRole('button', { name: 'Chart', exact: true }).click()
    const charts = new ChartsPage(page)
    await charts.ready()
    expect(charts.hash()).toContain('_suite=training')
    expect(charts.hash()).toContain('division=closed')
    await expect(charts.chart).toHaveAttribute(
      'aria-label',
      /Time to train against total accelerators/
    )
    expect(await charts.points()).toBe(2)
  })
})
