import Papa from 'papaparse'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { ExplorerPage } from './pages/explorer-page'
import { expect, test } from './pages/fixtures'

type Row = Record<string, string | number | null>

/** Rows of a view through the app's own API (the page's cookie authorises the call). */
async function apiRows(page: Page, filters: unknown[], limit = 5): Promise<Row[]> {
  return page.evaluate(
    async ({ filters, limit }) => {
      const r = await fetch('/api/results.query', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ suite: 'inference', filters, offset: 0, limit })
      })
      const reply = (await r.json()) as { ok: boolean; value: { rows: Row[] } }
      return reply.value.rows
    },
    { filters, limit }
  )
}

/**
 * The fixture tree's results imported through the app's own API, round v4.1 (its folder names
 * none): the catalogue's rows come from official tables, which carry no LoadGen statistics.
 * Importing the same tree again changes nothing, so parallel specs are not disturbed.
 */
async function importFixtureTree(page: Page): Promise<void> {
  const tree = join(import.meta.dirname, '..', 'fixtures', 'inference-tree')
  const status = await page.evaluate(
    async (paths) => {
      const call = async (name: string, input: unknown): Promise<unknown> => {
        const r = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input)
        })
        return ((await r.json()) as { value: unknown }).value
      }
      const { jobId } = (await call('imports.start', { paths, round: 'v4.1' })) as { jobId: string }
      for (;;) {
        const report = (await call('imports.get', { jobId })) as { status: string }
        if (report.status !== 'running') return report.status
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    [tree]
  )
  expect(status).toBe('done')
}

/** #,##0.00 of a number, as the official table shows it (rounded half away from zero). */
function official(value: number): string {
  const [int = '', frac = ''] = (Math.round(value * 100 + Number.EPSILON) / 100)
    .toFixed(2)
    .split('.')
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`
}

test.describe('One number policy on screen', () => {
  test('the detail panel: official Result and Power at #,##0.00, full value in the tooltip, latencies in ms', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    const [row] = await apiRows(page, [{ column: 'power_value', op: 'notnull' }], 1)
    if (!row) throw new Error('the sample has no power result')
    await explorer.open(`#/inference?open=${String(row['id'])}`)
    const value = explorer.detail.getByTestId('detail-value')
    await expect(value).toContainText(official(Number(row['value'])))
    await expect(value).toHaveAttribute(
      'title',
      new RegExp(`${String(row['unit']).replace(/[()/]/g, '.')}$`)
    )
    const power = explorer.detail.getByTestId('detail-power')
    await expect(power).toContainText(official(Number(row['power_value'])))
    const title = (await power.getAttribute('title')) ?? ''
    expect(Number(title.split(' ')[0]?.replaceAll(',', ''))).toBe(Number(row['power_value']))

    // LoadGen statistics: latencies never as raw nanoseconds (a result read from its logs).
    await importFixtureTree(page)
    const [logs] = await apiRows(
      page,
      [
        { column: 'submitter', op: 'eq', value: 'Acme' },
        { column: 'scenario', op: 'eq', value: 'SingleStream' }
      ],
      1
    )
    if (!logs) throw new Error('the fixture tree has no SingleStream result')
    await explorer.open(`#/inference?open=${String(logs['id'])}`)
    const stats = explorer.detail.getByTestId('statistics')
    const texts = await stats
      .locator('tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')?.textContent ?? '',
          tr.querySelector('td')?.textContent ?? '',
          tr.querySelector('td')?.getAttribute('title') ?? ''
        ])
      )
    const latencies = texts.filter(([k]) => /latency|_ns$|\(ns\)/i.test(k ?? ''))
    expect(latencies.length).toBeGreaterThan(0)
    for (const [k, v, t] of latencies) {
      if (v === '' || v === 'Yes' || v === 'No') continue
      expect(v, k).toMatch(/^[\d,]+\.\d{3} (ms|s)$/)
      expect(t, k).toMatch(/ ns$/)
    }
  })

  test('accuracy reads the same whatever the source, and the table CSV keeps full precision', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open()
    await explorer.chooseColumn('Accuracy', true)
    const cells = explorer.loadedRows.locator('[role="gridcell"][data-column="accuracy"]')
    const n = Math.min(10, await cells.count())
    for (let i = 0; i < n; i++) {
      const text = (await cells.nth(i).innerText()).trim()
      if (text === '') continue
      // KEY: value pairs, at most 6 significant digits, no trailing zeros.
      for (const part of text.split(', ')) {
        const m = /^[A-Za-z][\w.%-]*: (-?[\d,]+(?:\.\d+)?)$/.exec(part)
        expect(m, part).not.toBeNull()
        const digits = (m?.[1] ?? '').replace(/[,.-]/g, '').replace(/^0+/, '')
        if ((m?.[1] ?? '').includes('.')) {
          expect(digits.length, part).toBeLessThanOrEqual(6)
          expect(m?.[1], part).not.toMatch(/0$/)
        }
      }
    }

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const { readFileSync } = await import('node:fs')
    const csv = readFileSync(await (await download).path(), 'utf8')
    const [power] = await apiRows(page, [{ column: 'power_value', op: 'notnull' }], 1)
    // The stored double, digit for digit, never rounded or in exponent form.
    expect(csv).toContain(String(power?.['power_value']))
    // Every number column as plain decimals (a system name such as tpu-v5e-4 is not a number).
    const rows = Papa.parse<Record<string, string>>(csv, {
      header: true,
      comments: '#',
      skipEmptyLines: true
    }).data
    expect(rows.length).toBeGreaterThan(0)
    const columns = ['value', 'power_value', 'accelerators_total', 'nodes']
    const notPlain = rows.flatMap((r) =>
      columns
        .map((c) => `${c}=${r[c] ?? ''}`)
        .filter((cell) => !/^[a-z_]+=(-?\d+(\.\d+)?)?$/.test(cell))
    )
    expect(notPlain).toEqual([])
  })
})

test.describe('A repeated URL parameter means "any of"', () => {
  test('in the table: benchmark=a&benchmark=b is the union, like benchmark=a,b', async ({
    page
  }) => {
    const explorer = new ExplorerPage(page)
    await explorer.open('#/inference?benchmark=resnet50')
    const a = await explorer.total()
    await explorer.open('#/inference?benchmark=bert-99')
    const b = await explorer.total()
    await explorer.open('#/inference?benchmark=resnet50&benchmark=bert-99')
    expect(await explorer.total()).toBe(a + b)
    // One chip for the one filter, and the URL rewritten to the comma form the app writes.
    await expect(explorer.chips.getByRole('listitem')).toHaveCount(1)
    expect(explorer.hash()).toBe('#/inference?benchmark=resnet50,bert-99')
    await expect(explorer.facetValue('Benchmark', 'resnet50')).toHaveAttribute(
      'aria-pressed',
      'true'
    )
    await expect(explorer.facetValue('Benchmark', 'bert-99')).toHaveAttribute(
      'aria-pressed',
      'true'
    )
  })

  test('in the charts: the same union reaches the chart view', async ({ page }) => {
    await page.goto(
      '/?token=e2e#/charts?round=v4.1&benchmark=resnet50&benchmark=bert-99&_chart=distribution'
    )
    await expect(page).toHaveURL(/benchmark=resnet50,bert-99/)
    const chips = page.getByRole('list', { name: 'Active filters' })
    await expect(chips).toContainText('resnet50')
    await expect(chips).toContainText('bert-99')
    await expect(page.locator('[data-chart-ready="true"]').first()).toBeVisible({ timeout: 20_000 })
  })
})
