import { expect, test } from '@playwright/test'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chartView } from '../../src-main/shared/charts/chart-view'

/**
 * Issue 13, point 6 in a real browser: a page on another port of 127.0.0.1 (same site, so the
 * SameSite=Strict cookie goes along) tries to set a price and start an import in the user's
 * web mode, by fetch and by a form. None of them gets through.
 */
let attacker: Server
let attackerUrl = ''

test.beforeAll(async ({ baseURL }) => {
  const target = baseURL ?? ''
  const page = `<!doctype html><meta charset="utf-8"><title>elsewhere</title>
<form id="f" method="POST" action="${target}/api/charts.setPrice" enctype="text/plain" target="sink">
<input name='{"basis":"system","key":"csrf-form","usd":1,"x":"' value='"}'></form>
<iframe name="sink"></iframe>
<script>
const body = JSON.stringify({ basis: 'system', key: 'csrf-fetch', usd: 1 })
const tries = [
  fetch('${target}/api/charts.setPrice', { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }),
  fetch('${target}/api/charts.setPrice', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body }),
  fetch('${target}/api/imports.start', { method: 'POST', credentials: 'include', mode: 'no-cors', body: JSON.stringify({ paths: ['/'] }) })
].map((p) => p.then(() => 'sent', (e) => 'blocked: ' + e))
const posted = new Promise((ok) => document.querySelector('iframe').addEventListener('load', ok, { once: true }))
document.getElementById('f').submit()
Promise.all([...tries, posted]).then(() => { document.title = 'done' })
</script>`
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(page)
  })
  await new Promise<void>((ok) => attacker.listen(0, '127.0.0.1', () => ok()))
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`
})

test.afterAll(async () => {
  await new Promise<void>((ok) => attacker.close(() => ok()))
})

test('a page on another 127.0.0.1 port cannot use the web mode with the user cookie', async ({
  page,
  request
}) => {
  const api = async (method: string, input: unknown): Promise<unknown> => {
    const res = await request.post(`/api/${method}`, {
      headers: { authorization: 'Bearer e2e' },
      data: input
    })
    const reply = (await res.json()) as { ok: boolean; value: unknown }
    expect(reply.ok).toBe(true)
    return reply.value
  }
  const importsBefore = ((await api('imports.list', {})) as unknown[]).length
  // The user has the app open: the cookie is set.
  await page.goto('/?token=e2e')
  await expect(page.getByRole('grid', { name: 'Inference results' })).toBeVisible()
  const sent: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/api/charts.setPrice') || r.url().includes('/api/imports.start'))
      sent.push(r.method())
  })
  await page.goto(attackerUrl)
  // Every attempt has been answered: the fetches resolved, the form's frame loaded.
  await expect(page).toHaveTitle('done')
  expect(sent.filter((m) => m === 'POST').length).toBeGreaterThanOrEqual(3)
  const { prices } = (await api('charts.data', { view: chartView({ kind: 'distribution' }) })) as {
    prices: { key: string }[]
  }
  expect(prices.filter((p) => p.key.startsWith('csrf-'))).toEqual([])
  expect(((await api('imports.list', {})) as unknown[]).length).toBe(importsBefore)
})
