import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { ExplorerPage } from './pages/explorer-page'
import { expect, test } from './pages/fixtures'

const shots = join(import.meta.dirname, '..', 'output', 'screenshots')

const FROZEN = ['Submitter', 'System', 'Benchmark', 'Scenario', 'Result']

type Box = { x: number; y: number; width: number; height: number }

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox()
  if (!b) throw new Error('element is not visible')
  return b
}

/** Every frozen header lies fully inside the grid's visible area and left of `limit`. */
async function expectFrozenInView(explorer: ExplorerPage, limit: number): Promise<Box[]> {
  const grid = await box(explorer.grid)
  const boxes: Box[] = []
  for (const label of FROZEN) {
    const b = await box(explorer.header(label))
    expect(b.x, `${label} starts inside the table`).toBeGreaterThanOrEqual(grid.x - 1)
    expect(b.x + b.width, `${label} ends before ${limit}`).toBeLessThanOrEqual(limit + 1)
    boxes.push(b)
  }
  // In order, side by side.
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i]?.x ?? 0).toBeGreaterThanOrEqual((boxes[i - 1]?.x ?? 0) + 1)
  }
  return boxes
}

async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const p = await box(a)
  const q = await box(b)
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height
}

async function panelLeft(page: Page): Promise<number> {
  return (await box(page.getByRole('complementary', { name: 'Result detail' }))).x
}

test.describe('The results table fits the screen', () => {
  test('1440×900: the default columns fit without scrolling sideways', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const [scrollWidth, clientWidth] = await explorer.grid.evaluate((el) => [
      el.scrollWidth,
      el.clientWidth
    ])
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
    expect((await explorer.headerLabels()).slice(0, 5)).toEqual(FROZEN)

    // The training table too, with its own frozen columns first.
    const training = new ExplorerPage(page, 'Training results')
    await training.open('#/training')
    const [sw, cw] = await training.grid.evaluate((el) => [el.scrollWidth, el.clientWidth])
    expect(sw).toBeLessThanOrEqual(cw)
    expect((await training.headerLabels()).slice(0, 4)).toEqual([
      'Submitter',
      'System',
      'Benchmark',
      'Score (min)'
    ])
  })

  test('1440×900: frozen columns stay in view with the panel open and the table scrolled right', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    await explorer.chooseColumn('Host processor', true)
    await explorer.chooseColumn('Framework', true)
    await explorer.row(2).click()
    await expect(explorer.detail).toBeVisible()
    const limit = await panelLeft(page)
    const before = await expectFrozenInView(explorer, limit)

    // Scroll the table all the way right: the frozen columns do not move, the others do.
    const round = await box(explorer.header('Round'))
    await explorer.grid.evaluate((el) => {
      el.scrollLeft = el.scrollWidth
    })
    await expect
      .poll(async () => (await explorer.header('Round').boundingBox())?.x ?? 0)
      .toBeLessThan(round.x)
    const after = await expectFrozenInView(explorer, limit)
    expect(after.map((b) => Math.round(b.x))).toEqual(before.map((b) => Math.round(b.x)))
    // The cells under them too: the selected row's submitter and result are visible.
    const cell = explorer.row(2).locator('[data-column="value"]')
    expect((await box(cell)).x + (await box(cell)).width).toBeLessThanOrEqual(limit + 1)
    await page.screenshot({ path: join(shots, 'table-frozen-1440.png') })
  })

  test('the detail panel can be resized with the mouse and the keyboard, and keeps its width', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    await explorer.row(0).click()
    const handle = page.getByRole('separator', { name: 'Resize the detail panel' })
    const start = await box(explorer.detail)
    const h = await box(handle)
    await page.mouse.move(h.x + h.width / 2, h.y + 200)
    await page.mouse.down()
    await page.mouse.move(h.x - 120, h.y + 200, { steps: 5 })
    await page.mouse.up()
    await expect
      .poll(async () => (await box(explorer.detail)).width)
      .toBeGreaterThan(start.width + 100)
    const dragged = (await box(explorer.detail)).width

    await handle.focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => (await box(explorer.detail)).width).toBeLessThan(dragged - 20)
    const now = Number(await handle.getAttribute('aria-valuenow'))
    expect(Math.abs(now - (await box(explorer.detail)).width)).toBeLessThanOrEqual(2)
    // Never so wide that the frozen columns are covered.
    await page.keyboard.press('Home')
    await expectFrozenInView(explorer, await panelLeft(page))

    await page.reload()
    await expect(explorer.detail).toBeVisible()
    expect(
      Math.abs(
        (await box(explorer.detail)).width - Number(await handle.getAttribute('aria-valuenow'))
      )
    ).toBeLessThanOrEqual(2)
  })

  test('1024×700: no overlap of toolbar and panel; the frozen columns are still in view', async ({
    page
  }) => {
    await page.setViewportSize({ width: 1024, height: 700 })
    const explorer = new ExplorerPage(page)
    await explorer.open()
    await explorer.row(1).click()
    await expect(explorer.detail).toBeVisible()
    const panelBar = explorer.detail.locator('.bar')
    for (const control of [
      page.getByRole('button', { name: /^Columns/ }),
      page.getByRole('button', { name: 'Export CSV' }),
      page.getByRole('button', { name: 'Chart' }),
      explorer.search,
      explorer.count
    ]) {
      expect(await overlaps(control, explorer.detail)).toBe(false)
      expect(await overlaps(control, panelBar)).toBe(false)
    }
    await expectFrozenInView(explorer, await panelLeft(page))
    // The facet sidebar stepped aside; the Filters button brings it back over the table.
    const filters = page.getByRole('button', { name: 'Filters' })
    await expect(filters).toHaveAttribute('aria-expanded', 'false')
    await filters.click()
    await expect(explorer.facets).toBeVisible()
    await page.screenshot({ path: join(shots, 'table-1024-filters.png') })
    await page.getByRole('button', { name: 'Close filters' }).click()
    await expect(explorer.facets).toBeHidden()
    await expect(filters).toHaveAttribute('aria-expanded', 'false')
  })
})

test.describe('First start order', () => {
  test('the newest round comes first and the round facet is in release order', async ({ page }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const rounds = await explorer.facet('Round').locator('button.value .text').allTextContents()
    const versions = rounds.filter((r) => /^v\d+\.\d+$/.test(r.trim())).map((r) => r.trim())
    const key = (r: string): number => {
      const [a, b] = r.slice(1).split('.').map(Number)
      return (a ?? 0) * 1000 + (b ?? 0)
    }
    expect(versions.length).toBeGreaterThan(3)
    expect(versions).toEqual([...versions].sort((a, b) => key(b) - key(a)))
    await explorer.chooseColumn('Round', true)
    expect((await explorer.columnValues('round', 5)).every((r) => r === versions[0])).toBe(true)
  })
})

test.describe('Per-round table by system', () => {
  test('systems × benchmark and scenario with official values, click-through and CSV', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open('#/inference?division=closed')
    await page.getByTestId('pivot-link').click()
    const table = page.getByRole('table', { name: /results by system/ })
    await expect(table).toBeVisible()
    // The newest round of the bundled catalogue.
    await expect(page.getByTestId('pivot-round')).toHaveValue('v6.0')
    // The table's filters travel with it.
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain('division=closed')
    // Two header rows: benchmarks, then scenario and unit.
    await expect(table.getByRole('columnheader', { name: 'resnet50', exact: true })).toBeVisible()
    await expect(table.locator('thead th.scenario').first()).toContainText(
      /SingleStream|MultiStream|Server|Offline/
    )

    // A cell shows the official value; a click opens that result in the detail panel.
    const cell = table.locator('button.cell').nth(5)
    const id = await cell.getAttribute('data-id')
    const text = (await cell.innerText()).trim()
    expect(text).toMatch(/^\d{1,3}(,\d{3})*\.\d\d$/)
    await cell.click()
    const detail = page.getByRole('complementary', { name: 'Result detail' })
    await expect(detail).toHaveAttribute('data-result-id', id ?? '')
    await expect(detail.getByTestId('detail-value')).toContainText(text)
    expect(new URL(page.url()).hash).toContain(`open=${id}`)

    // Arrow keys move between cells; Enter opens.
    await cell.focus()
    await page.keyboard.press('ArrowDown')
    const next = page.locator(':focus')
    await expect(next).toHaveClass(/cell/)
    const nextId = await next.getAttribute('data-id')
    expect(nextId).not.toBe(id)
    await page.keyboard.press('Enter')
    await expect(detail).toHaveAttribute('data-result-id', nextId ?? '')
    await page.screenshot({ path: join(shots, 'pivot-1440.png') })

    // Another round; power results.
    await page.getByTestId('pivot-round').selectOption('v3.0')
    await expect(page.getByTestId('pivot-round')).toHaveValue('v3.0')
    await page.getByRole('button', { name: 'Power', exact: true }).click()
    await expect(page.getByTestId('pivot-count')).toContainText('system')
    expect(new URL(page.url()).hash).toContain('_measure=power')
    await page.getByRole('button', { name: 'Performance', exact: true }).click()

    // CSV: one row per system, full precision, the footnote after the rows.
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const file = await (await download).path()
    const { readFileSync } = await import('node:fs')
    const csv = readFileSync(file, 'utf8')
    const lines = csv.split('\n').filter((l) => l !== '' && !l.startsWith('#'))
    expect(lines[0]).toMatch(
      /^mlperf_id,round,division,category,system_type,submitter,system_id,system_name,accelerator,accelerators_total,/
    )
    const systems = Number(
      ((await page.getByTestId('pivot-count').innerText()).split(' ')[0] ?? '').replaceAll(',', '')
    )
    expect(lines.length - 1).toBe(systems)
    expect(csv).toMatch(/^# /m)
  })
})
