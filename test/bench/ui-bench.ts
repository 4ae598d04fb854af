// The table in the browser, on 200,000 rows, next to a bare page that renders the same rows
// with plain DOM from the same API in the same run; and the production bundle's gzip sizes.
// Runs on its own (`npx tsx test/bench/ui-bench.ts`) or as part of `npm run bench`.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium'
import { percentile } from './stats'

const root = join(import.meta.dirname, '..', '..')

export type UiBench = {
  rows: number
  firstRow: { appMs: number; bareMs: number; ratio: number }
  facetClick: { appMs: number; bareMs: number; ratio: number }
  bundle: BundleSizes
}

export type BundleSizes = {
  /** Scripts and styles the first screen loads (index.html's script, preloads, styles). */
  initialGzip: number
  initialRaw: number
  /** Every chunk of the renderer. */
  totalGzip: number
  totalRaw: number
  chunks: number
  /** The biggest chunk (the charts library) and its size. */
  largest: { file: string; gzip: number }
}

/** Gzip (level 9) sizes of the built renderer: what the first screen loads, and everything. */
export function bundleSizes(rendererDir = join(root, 'out', 'renderer')): BundleSizes {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] ?? ''
  )
  const size = (file: string): { raw: number; gzip: number } => {
    const bytes = readFileSync(join(rendererDir, file))
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  }
  const all = readdirSync(join(rendererDir, 'assets'))
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => ({ file: f, ...size(join('assets', f)) }))
  const init = initial.map(size)
  const largest = [...all].sort((a, b) => b.gzip - a.gzip)[0] ?? { file: '', gzip: 0 }
  return {
    initialGzip: init.reduce((n, s) => n + s.gzip, 0),
    initialRaw: init.reduce((n, s) => n + s.raw, 0),
    totalGzip: all.reduce((n, s) => n + s.gzip, 0),
    totalRaw: all.reduce((n, s) => n + s.raw, 0),
    chunks: all.length,
    largest: { file: largest.file, gzip: largest.gzip }
  }
}

/** The baseline: one page of the same query, drawn as a plain table, and a filter button. */
function barePage(columns: string[], rows: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>bare</title></head><body>
<p id="count"></p><button id="facet">closed</button>
<table><tbody id="rows"></tbody></table>
<script>
const columns = ${JSON.stringify(columns)}
async function load(filters) {
  const r = await fetch('/api/results.query', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ suite: 'inference', filters, offset: 0, limit: 200 })
  })
  const { value } = await r.json()
  const body = document.getElementById('rows')
  body.textContent = ''
  for (const row of value.rows.slice(0, ${rows})) {
    const tr = document.createElement('tr')
    tr.dataset.id = row.id
    for (const c of columns) {
      const td = document.createElement('td')
      td.textContent = row[c] ?? ''
      tr.append(td)
    }
    body.append(tr)
  }
  document.getElementById('count').textContent = value.total + ' results'
}
let on = false
document.getElementById('facet').onclick = () => {
  on = !on
  void load(on ? [{ column: 'division', op: 'eq', value: 'closed' }] : [])
}
void load([])
</script></body></html>`
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs
  for (;;) {
    try {
      const r = await fetch(`${url}/healthz`)
      if (r.ok) return
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`the bench server at ${url} did not start`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

const median = (xs: number[]): number => percentile(xs, 0.5)

/** Milliseconds from starting `act` until `done` resolves. */
async function timed(act: () => Promise<unknown>, done: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await Promise.all([act(), done()])
  return performance.now() - t0
}

export async function benchTableUi(rows = 200_000, runs = 7, port = 4238): Promise<UiBench> {
  const base = `http://127.0.0.1:${port}`
  // The e2e web-mode server with `rows` synthetic results, in its own process (as in use).
  const server: ChildProcess = spawn(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'test', 'e2e', 'serve.ts')],
    {
      cwd: root,
      env: { ...process.env, E2E_PORT: String(port), E2E_ROWS: String(rows) },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true
    }
  )
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS
  })
  try {
    await waitForHealth(base, 300_000)
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    // The token sets the session cookie once; later loads need no token.
    await page.goto(`${base}/?token=e2e#/inference`)
    const appRow = page
      .locator('[role="grid"][aria-label="Inference results"] [role="row"][data-id]')
      .first()
    await appRow.waitFor()
    const columns = await page
      .locator('[role="grid"][aria-label="Inference results"] [role="columnheader"][data-column]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-column') ?? ''))
    const rendered = await page
      .locator('[role="grid"][aria-label="Inference results"] [role="row"][data-index]')
      .count()
    await page.route(`${base}/bare-table.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: barePage(columns, rendered) })
    )

    // The sidebar's counts come after the table; the server answers one call at a time, so
    // each measurement starts once the previous one's facet counts are done.
    const facetsIdle = (p: Page): Promise<unknown> =>
      p.locator('[aria-label="Facets"][aria-busy="false"]').waitFor()
    const appLoad = async (p: Page): Promise<number> => {
      const ms = await timed(
        () => p.goto(`${base}/#/inference`),
        () => appRow.waitFor({ state: 'visible' })
      )
      await facetsIdle(p)
      return ms
    }
    const bareLoad = async (p: Page): Promise<number> =>
      timed(
        () => p.goto(`${base}/bare-table.html`),
        () => p.locator('#rows tr[data-id]').first().waitFor({ state: 'visible' })
      )
    // Warm both once (the browser's cache and SQLite's pages), then alternate.
    await appLoad(page)
    await bareLoad(page)
    const appFirst: number[] = []
    const bareFirst: number[] = []
    for (let i = 0; i < runs; i++) {
      appFirst.push(await appLoad(page))
      bareFirst.push(await bareLoad(page))
    }

    // Facet click → the table shows the filtered rows (count and first row), on and off.
    const appClick: number[] = []
    await appLoad(page)
    const count = page.getByTestId('result-count').first()
    const facet = page.locator('section[data-facet="division"] button.value[title="closed"]')
    await facet.waitFor()
    for (let i = 0; i < runs * 2; i++) {
      const before = await count.innerText()
      appClick.push(
        await timed(
          () => facet.click(),
          () =>
            page.waitForFunction(
              (prev) => {
                const c = document
                  .querySelector('[data-testid="result-count"]')
                  ?.textContent?.trim()
                const grid = document.querySelector('[role="grid"][aria-label="Inference results"]')
                const row = grid?.querySelector('[role="row"][data-id]')
                return c !== prev && grid?.getAttribute('aria-busy') === 'false' && row !== null
              },
              before.trim(),
              { polling: 'raf' }
            )
        )
      )
      await facetsIdle(page)
    }
    const bareClick: number[] = []
    await bareLoad(page)
    for (let i = 0; i < runs * 2; i++) {
      const before = await page.locator('#count').innerText()
      bareClick.push(
        await timed(
          () => page.locator('#facet').click(),
          () =>
            page.waitForFunction(
              (prev) =>
                document.getElementById('count')?.textContent !== prev &&
                document.querySelector('#rows tr[data-id]') !== null,
              before,
              { polling: 'raf' }
            )
        )
      )
    }
    await context.close()
    const f = { appMs: median(appFirst), bareMs: median(bareFirst) }
    const c = { appMs: median(appClick), bareMs: median(bareClick) }
    return {
      rows,
      firstRow: { ...f, ratio: f.appMs / f.bareMs },
      facetClick: { ...c, ratio: c.appMs / c.bareMs },
      bundle: bundleSizes()
    }
  } finally {
    await browser.close()
    if (server.pid) process.kill(-server.pid, 'SIGTERM')
  }
}

export function describeUiBench(u: UiBench): string {
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} kB`
  return (
    `table UI on ${u.rows.toLocaleString('en-US')} rows (Chromium, web mode, median):\n` +
    `  first row visible after navigation ${u.firstRow.appMs.toFixed(0)} ms; bare DOM page ${u.firstRow.bareMs.toFixed(0)} ms; ratio ${u.firstRow.ratio.toFixed(2)}x (target ≤ 1,000 ms)\n` +
    `  facet click to updated table ${u.facetClick.appMs.toFixed(0)} ms; bare DOM page ${u.facetClick.bareMs.toFixed(0)} ms; ratio ${u.facetClick.ratio.toFixed(2)}x (target ≤ 300 ms)\n` +
    `renderer bundle (minified, ${u.bundle.chunks} chunks): first screen ${kb(u.bundle.initialGzip)} gzip (${kb(u.bundle.initialRaw)} raw); ` +
    `all ${kb(u.bundle.totalGzip)} gzip (${kb(u.bundle.totalRaw)} raw); largest ${u.bundle.largest.file} ${kb(u.bundle.largest.gzip)} gzip`
  )
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const u = await benchTableUi(Number(process.env.BENCH_ROWS ?? 200_000))
  console.log(describeUiBench(u))
}
