import { join } from 'node:path'
import { ExplorerPage } from './pages/explorer-page'
import { expect, test } from './pages/fixtures'

const shots = join(import.meta.dirname, '..', 'output', 'screenshots')

const toNumber = (text: string): number => Number(text.replaceAll(',', ''))

test.describe('Explorer', () => {
  test('shows the results table, the count and the database in the status bar', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const total = await explorer.total()
    expect(total).toBeGreaterThan(100)
    await expect(explorer.grid).toHaveAttribute('aria-rowcount', String(total + 1))
    expect(await explorer.loadedRows.count()).toBeGreaterThan(10)
    await expect(page.getByTestId('db-path')).toHaveText(/e2e\.db$/)
    await expect(page.getByTestId('db-count')).toContainText('inference result')

    // The official Result as the official table shows it (#,##0.00); the tooltip holds the
    // stored value at full precision with its unit.
    const cells = explorer.loadedRows.locator('[role="gridcell"][data-column="value"]')
    const n = await cells.count()
    for (let i = 0; i < n; i++) {
      const title = await cells.nth(i).getAttribute('title')
      if (title === null) continue
      const text = await cells.nth(i).locator('.value').innerText()
      const unit = await cells.nth(i).locator('.unit').innerText()
      const full = Number(title.replace(` ${unit}`, '').replaceAll(',', ''))
      expect(text).toMatch(unit === 'Streams' ? /^\d{1,3}(,\d{3})*$/ : /^\d{1,3}(,\d{3})*\.\d\d$/)
      expect(Math.abs(Number(text.replaceAll(',', '')) - full)).toBeLessThanOrEqual(0.005 + 1e-9)
    }
    // The unit is drawn next to the number.
    await expect(cells.first().locator('.unit')).not.toBeEmpty()
    await page.screenshot({ path: join(shots, 'explorer.png') })
  })

  test('the first page of rows is asked for before the shell and the facets ask anything', async ({
    page
  }) => {
    // The web mode's server answers one request at a time (first-content.ts).
    const later = ['app.info', 'catalogue.status', 'runs.list', 'results.facets']
    const sent = Promise.all(
      later.map((m) => page.waitForRequest((r) => r.url().endsWith(`/api/${m}`)))
    )
    const explorer = new ExplorerPage(page)
    await explorer.open()
    await explorer.waitForRows()
    await sent
    const first = await page.evaluate(() => {
      const out: Record<string, { start: number; end: number }> = {}
      for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        const m = e.name.split('/api/')[1]
        if (m && !(m in out)) out[m] = { start: e.startTime, end: e.responseEnd }
      }
      return out
    })
    const rows = first['results.query']
    expect(rows).toBeDefined()
    for (const m of later) expect(first[m]?.start, m).toBeGreaterThan(rows?.end ?? Infinity)
  })

  test('a facet click filters, updates the count and the URL; values combine as "in"', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const all = await explorer.total()

    const closed = await explorer.facetCount('Division', 'closed')
    await explorer.facetValue('Division', 'closed').click()
    await expect.poll(() => explorer.total()).toBe(closed)
    expect(explorer.hash()).toContain('division=closed')
    await expect(explorer.chips).toContainText('Division = closed')
    await expect(explorer.facetValue('Division', 'closed')).toHaveAttribute('aria-pressed', 'true')

    // Scenario counts are over the closed division; picking two values adds them up.
    const offline = await explorer.facetCount('Scenario', 'Offline')
    const server = await explorer.facetCount('Scenario', 'Server')
    await explorer.facetValue('Scenario', 'Offline').click()
    await expect.poll(() => explorer.total()).toBe(offline)
    await explorer.facetValue('Scenario', 'Server').click()
    await expect.poll(() => explorer.total()).toBe(offline + server)
    expect(explorer.hash()).toContain('scenario=Offline,Server')
    await expect(explorer.chips).toContainText('Scenario is one of Offline, Server')
    const scenarios = await explorer.columnValues('scenario', 20)
    expect(new Set(scenarios)).toEqual(
      new Set(scenarios.filter((s) => s === 'Offline' || s === 'Server'))
    )

    // Back undoes the last click; the chip's × removes a filter.
    await page.goBack()
    await expect.poll(() => explorer.total()).toBe(offline)
    await explorer.chips.getByRole('button', { name: 'Remove filter Division = closed' }).click()
    await expect(explorer.chips).not.toContainText('Division')
    expect(explorer.hash()).not.toContain('division=')
    await page.getByRole('button', { name: 'Clear all' }).click()
    await expect.poll(() => explorer.total()).toBe(all)
    expect(explorer.hash()).toBe('#/inference')
  })

  test('"Show more" lists further values of a long facet', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const submitter = explorer.facet('Submitter')
    const before = await submitter.getByRole('button', { pressed: false }).count()
    await submitter.getByRole('button', { name: 'Show more…' }).click()
    await expect
      .poll(() => submitter.getByRole('button', { pressed: false }).count())
      .toBeGreaterThan(before)
    await submitter.getByRole('button', { name: 'Show fewer' }).click()
  })

  test('search narrows the table after a short pause and is kept in the URL', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const all = await explorer.total()
    const term = 'Jetson'
    const searched = new Set<string>()
    page.on('request', (req) => {
      if (!req.url().endsWith('/api/results.query')) return
      const body = req.postDataJSON() as { search?: string }
      if (body.search) searched.add(body.search)
    })
    // "/" focuses the search box; typing is debounced into one query.
    await page.locator('body').press('/')
    await expect(explorer.search).toBeFocused()
    await page.keyboard.type(term, { delay: 30 })
    const found = await explorer.totalAfterChange(all)
    expect(found).toBeGreaterThan(0)
    expect(found).toBeLessThan(all)
    expect(explorer.hash()).toContain(`q=${term}`)
    expect([...searched]).toEqual([term])
    const rows = await explorer.loadedRows.allInnerTexts()
    for (const text of rows) expect(text.toLowerCase()).toContain('jetson')
    await expect(explorer.chips).toContainText(`Search “${term}”`)

    await explorer.search.fill('')
    await expect.poll(() => explorer.total()).toBe(all)
    expect(explorer.hash()).not.toContain('q=')
  })

  test('clicking a header sorts by it and a second click reverses the order', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const header = explorer.header('Result')

    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    await expect(header).toContainText('▼')
    expect(explorer.hash()).toContain('sort=-value')
    await explorer.waitForRows()
    const desc = (await explorer.columnValues('value', 15)).map((t) =>
      toNumber(t.split('\n')[0] ?? '')
    )
    expect(desc).toEqual([...desc].sort((a, b) => b - a))

    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    expect(explorer.hash()).toContain('sort=value')
    await expect.poll(async () => (await explorer.columnValues('value', 1))[0]).not.toBe(undefined)
    const asc = (await explorer.columnValues('value', 15)).map((t) =>
      toNumber(t.split('\n')[0] ?? '')
    )
    expect(asc).toEqual([...asc].sort((a, b) => a - b))

    // Text columns sort A→Z first.
    const submitter = explorer.header('Submitter')
    await submitter.getByRole('button').click()
    await expect(submitter).toHaveAttribute('aria-sort', 'ascending')
    await expect(header).toHaveAttribute('aria-sort', 'none')
  })

  test('the column chooser shows and hides columns and the choice survives a reload', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    expect(await explorer.headerLabels()).toContain('Division')
    expect(await explorer.headerLabels()).not.toContain('MLPerf ID')

    await explorer.chooseColumn('Division', false)
    await explorer.chooseColumn('MLPerf ID', true)
    await expect(explorer.header('Division')).toHaveCount(0)
    await expect(explorer.header('MLPerf ID')).toBeVisible()
    expect(explorer.hash()).toMatch(/cols=[^&]*public_id/)
    expect(explorer.hash()).not.toMatch(/cols=[^&]*division/)

    await page.reload()
    await explorer.waitForRows()
    const labels = await explorer.headerLabels()
    expect(labels).toContain('MLPerf ID')
    expect(labels).not.toContain('Division')

    await page.getByRole('button', { name: /^Columns/ }).click()
    await page.getByRole('button', { name: 'Reset to default' }).click()
    await expect(explorer.header('Division')).toBeVisible()
  })

  test('a pasted URL reopens the same view, and back/forward move through views', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open('#/inference?division=closed&scenario=Offline,Server&sort=-value')
    const filtered = await explorer.total()
    await expect(explorer.chips).toContainText('Division = closed')
    await expect(explorer.chips).toContainText('Scenario is one of Offline, Server')
    await expect(explorer.header('Result')).toHaveAttribute('aria-sort', 'descending')

    const id = await explorer.row(0).getAttribute('data-id')
    await explorer.row(0).click()
    await expect(explorer.detail).toBeVisible()
    expect(explorer.hash()).toContain(`open=${id}`)

    await page.reload()
    await explorer.waitForRows()
    expect(await explorer.total()).toBe(filtered)
    await expect(explorer.detail).toBeVisible()
    await expect(explorer.detail).toHaveAttribute('data-result-id', id ?? '')
    await expect(explorer.header('Result')).toHaveAttribute('aria-sort', 'descending')
    await expect(explorer.row(0)).toHaveAttribute('aria-selected', 'true')

    await page.goBack()
    await expect(explorer.detail).toBeHidden()
    await page.goForward()
    await expect(explorer.detail).toBeVisible()

    // The Imports tab and back keep the Explorer view.
    await page.getByRole('link', { name: 'Imports' }).click()
    await expect(page.getByRole('heading', { name: 'Imports' })).toBeVisible()
    await page.getByRole('link', { name: 'Inference results' }).click()
    await expect(explorer.detail).toBeVisible()
    expect(await explorer.total()).toBe(filtered)
  })

  test('the detail panel shows the system description and validity checks in plain words', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open(
      '#/inference?source_kind=tree&round=v1.0&scenario=Server&benchmark=resnet50'
    )
    await explorer.row(0).click()
    const detail = explorer.detail
    await expect(detail.getByRole('heading', { level: 2 })).not.toBeEmpty()
    await expect(detail.getByTestId('detail-value')).toContainText('Queries/s')

    const checks = detail.getByTestId('validity-checks').getByRole('listitem')
    expect(await checks.count()).toBeGreaterThanOrEqual(4)
    for (const text of await checks.allInnerTexts())
      expect(text.split('\n').length).toBeGreaterThan(1)
    await expect(detail.getByTestId('validity-checks')).toContainText('Minimum duration')
    await expect(detail.getByTestId('validity-checks').getByRole('img').first()).toHaveAttribute(
      'aria-label',
      /Passed|Failed|Not applicable/
    )

    const system = detail.getByTestId('system-fields')
    expect(await system.getByRole('row').count()).toBeGreaterThan(15)
    for (const key of ['system_name', 'accelerator_model_name', 'host_processor_model_name']) {
      await expect(system.getByRole('rowheader', { name: key, exact: true })).toBeVisible()
    }
    await expect(detail.getByText('LoadGen settings')).toBeVisible()
    await expect(detail.getByText('Source files')).toBeVisible()
    await page.screenshot({ path: join(shots, 'detail.png') })

    await page.keyboard.press('Escape')
    await expect(detail).toBeHidden()
    expect(explorer.hash()).not.toContain('open=')
  })

  test('keyboard: arrows move through rows and follow in the open detail panel', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    await explorer.row(0).click()
    const first = await explorer.detail.getAttribute('data-result-id')
    await explorer.grid.press('ArrowDown')
    await expect(explorer.detail).not.toHaveAttribute('data-result-id', first ?? '')
    await expect(explorer.row(1)).toHaveAttribute('aria-selected', 'true')
  })

  test('a failing call shows a readable message instead of a blank screen', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open('#/inference?open=987654321')
    await expect(explorer.detail.getByRole('alert')).toContainText('Could not load this result')
    await expect(explorer.detail.getByRole('alert')).toContainText(/987654321|not found|no result/i)
    // The rest of the app keeps working.
    expect(await explorer.total()).toBeGreaterThan(0)
  })
})
