// A chart of ~10,000 points in the browser: from navigation to the distribution painted
// (data-chart-ready, every point counted, then two animation frames), in Debian's Chromium through the web mode, next to a
// bare page measured in the same run that fetches the same rows from the same API and draws
// them as plain DOM (one SVG circle per point): the floor any chart of these rows pays for the
// request, the JSON and putting 10,000 marks on screen. Target: the app ≤ 1.0 s.
//
//   npx tsx test/bench/chart-browser.ts      (npm run bench runs it too)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium'
import { openBackend } from '../../src-main/api/open-backend'
import { startHttpServer } from '../../src-main/bridge/http-server'
import { ensureRendererBuilt } from '../../src-main/cli/ensure-renderer'
import { chartView } from '../../src-main/shared/charts/chart-view'
import { bundledSample, insertSynthetic } from '../support/synthetic-db'
import { percentile } from './stats'

export type ChartBrowserResult = {
  /** Points the app's chart drew. */
  points: number
  /** Navigation to chart ready, p50 and max over the runs, ms. */
  appP50: number
  appMax: number
  /** Navigation to the charts.data response received, p50 ms (the rest is build and draw). */
  dataP50: number
  /** Navigation to the bare page's circles painted, p50 and max, ms. */
  bareP50: number
  bareMax: number
  runs: number
}

const TOKEN = 'bench'

/** The bare page: the same charts.data request, then one <circle> per point, plain DOM. */
function barePage(view: unknown): string {
  return `<!doctype html><html><body style="margin:0"><script>
(async () => {
  const res = await fetch('/api/charts.data', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ${TOKEN}' },
    body: JSON.stringify(${JSON.stringify({ view })})
  })
  const p = (await res.json()).value.points
  const ns = 'http://www.w3.org/2000/svg'
  const svg = document.createElementNS(ns, 'svg')
  svg.setAttribute('width', '1200')
  svg.setAttribute('height', '720')
  const bench = p.text.benchmark
  let drawn = 0
  for (let i = 0; i < p.length; i++) {
    const v = p.value[i]
    if (!(v > 0)) continue
    const c = document.createElementNS(ns, 'circle')
    c.setAttribute('cx', String(20 + ((bench.codes[i] * 37 + i) % 1160)))
    c.setAttribute('cy', String(700 - ((Math.log10(v) + 3) / 9) * 680))
    c.setAttribute('r', '3')
    c.setAttribute('fill', '#1f5fbf')
    svg.appendChild(c)
    drawn++
  }
  document.body.appendChild(svg)
  // Painted: two animation frames after the nodes are in.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    window.__done = { ms: performance.now(), drawn }
  }))
})()
</script></body></html>`
}

export async function benchChartBrowser(
  root: string,
  rows = 10_000,
  runs = 5
): Promise<ChartBrowserResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mlx-bench-browser-'))
  const backend = openBackend({
    dbPath: join(dir, 'b.db'),
    shell: 'web',
    appRoot: root,
    catalogue: false
  })
  insertSynthetic(backend.db, bundledSample(root), rows)
  // Every round the rows span, so that every row is a point of the one distribution.
  const rounds = (
    backend.db.prepare('SELECT DISTINCT round FROM inference_results').all() as { round: string }[]
  ).map((r) => r.round)
  const staticDir = ensureRendererBuilt(root, (s) => process.stderr.write(s))
  const server = await startHttpServer({
    api: backend.api,
    hub: backend.hub,
    token: TOKEN,
    staticDir,
    port: 0
  })
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS
  })
  try {
    // Every round: all of the rows, one distribution.
    const view = chartView({
      kind: 'distribution',
      filters: [{ column: 'round', op: 'in', value: rounds }]
    })
    const hash = `#/charts?round=${rounds.join(',')}`
    const origin = `http://127.0.0.1:${server.port}`
    const app: number[] = []
    const data: number[] = []
    const bare: number[] = []
    let points = 0
    for (let i = 0; i < runs + 1; i++) {
      // A fresh context each time: nothing cached from the run before.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      const page = await context.newPage()
      // The moment the chart is on screen, taken by the page itself (a poll from outside would
      // add its own delay): the first mutation after which the area is idle and drawn, then two
      // animation frames (painted), as the bare page is measured.
      await page.addInitScript(() => {
        const w = window as unknown as { __ready?: { ms: number; points: number } }
        new MutationObserver(() => {
          if (w.__ready) return
          const area = document.querySelector('.area[data-chart]')
          const chart = area?.querySelector('[data-chart-ready="true"]')
          const points = Number(area?.getAttribute('data-points') ?? 0)
          if (area && chart && area.getAttribute('aria-busy') === 'false' && points > 0) {
            w.__ready = { ms: -1, points }
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                if (w.__ready) w.__ready.ms = performance.now()
              })
            )
          }
        }).observe(document, {
          attributes: true,
          subtree: true,
          attributeFilter: ['data-chart-ready', 'aria-busy', 'data-points']
        })
      })
      await page.goto(`${origin}/?token=${TOKEN}${hash}`)
      const drawn = await page.waitForFunction(
        () => {
          const r = (window as unknown as { __ready?: { ms: number } }).__ready
          return r && r.ms >= 0 ? r : null
        },
        null,
        { timeout: 60_000 }
      )
      const a = (await drawn.jsonValue()) as { ms: number; points: number }
      const dataEnd = await page.evaluate((): number => {
        const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
        return entries.find((e) => e.name.endsWith('/api/charts.data'))?.responseEnd ?? NaN
      })
      await context.close()

      const bareContext = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      const barePageTab = await bareContext.newPage()
      await barePageTab.route(`${origin}/bench-bare.html?token=${TOKEN}`, (route) =>
        route.fulfill({ contentType: 'text/html', body: barePage(view) })
      )
      await barePageTab.goto(`${origin}/bench-bare.html?token=${TOKEN}`)
      const done = await barePageTab.waitForFunction(
        () => (window as unknown as { __done?: { ms: number } }).__done ?? null,
        null,
        { timeout: 60_000 }
      )
      const b = (await done.jsonValue()) as { ms: number; drawn: number }
      await bareContext.close()
      // The first round warms Chromium's caches of the binary itself; it is not counted.
      if (i === 0) continue
      app.push(a.ms)
      data.push(dataEnd)
      bare.push(b.ms)
      points = a.points
    }
    return {
      points,
      appP50: percentile(app, 0.5),
      appMax: Math.max(...app),
      dataP50: percentile(data, 0.5),
      bareP50: percentile(bare, 0.5),
      bareMax: Math.max(...bare),
      runs
    }
  } finally {
    await browser.close()
    await server.close()
    await backend.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function chartBrowserLine(r: ChartBrowserResult): string {
  const f = (n: number): string => n.toFixed(0)
  return (
    `chart in the browser, ${r.points} points (distribution, navigation → painted, ${r.runs} runs): ` +
    `app p50 ${f(r.appP50)} ms (max ${f(r.appMax)}; its data in at p50 ${f(r.dataP50)} ms); bare page, same rows as plain DOM circles, ` +
    `p50 ${f(r.bareP50)} ms (max ${f(r.bareMax)}); ratio ${(r.appP50 / r.bareP50).toFixed(2)}x ` +
    `(target: app ≤ 1000 ms)`
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchChartBrowser(join(import.meta.dirname, '..', '..'))
  console.log(chartBrowserLine(r))
}
