import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/api/dispatch'
import { openBackend } from '../../src-main/api/open-backend'
import type { Backend } from '../../src-main/api/open-backend'
import { startHttpServer } from '../../src-main/bridge/http-server'
import type { HttpServerHandle } from '../../src-main/bridge/http-server'
import {
  rebuildInferenceFts,
  upsertInferenceResults
} from '../../src-main/core/repo/inference-results'
import type { ApiEvents, RenderedChartImage, Reply } from '../../src-main/shared/api'
import { chartView } from '../../src-main/shared/charts/chart-view'
import { makeRecord } from '../support/records'

type Call = (method: string, input: unknown) => Promise<Reply<unknown>>

const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'mlx-contract-'))
let backend: Backend
let server: HttpServerHandle

beforeAll(async () => {
  backend = openBackend({
    dbPath: join(dir, 'c.db'),
    shell: 'web',
    appRoot: root,
    catalogue: false
  })
  upsertInferenceResults(
    backend.db,
    [
      makeRecord({ submitter: 'NVIDIA', systemId: 'h100', value: 300 }),
      makeRecord({
        submitter: 'NVIDIA',
        systemId: 'h200',
        value: 500,
        scenario: 'Server',
        unit: 'Queries/s'
      }),
      makeRecord({ submitter: 'Intel', systemId: 'gnr', value: 100, division: 'open' })
    ],
    null
  )
  rebuildInferenceFts(backend.db)
  server = await startHttpServer({
    api: backend.api,
    hub: backend.hub,
    token: 'secret',
    staticDir: join(dir, 'none')
  })
})

afterAll(async () => {
  await server.close()
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
})

const base = (): string => `http://127.0.0.1:${server.port}`
const transports: [string, () => Call][] = [
  ['direct dispatch', () => (m, i) => dispatch(backend.api, m, i)],
  [
    'HTTP bridge',
    () => async (m, i) => {
      const res = await fetch(`${base()}/api/${m}`, {
        method: 'POST',
        headers: { authorization: 'Bearer secret', 'content-type': 'application/json' },
        body: JSON.stringify(i)
      })
      return (await res.json()) as Reply<unknown>
    }
  ]
]

describe.each(transports)('API contract over %s', (_name, make) => {
  it('answers a query page with total and description', async () => {
    const r = await make()('results.query', {
      suite: 'inference',
      filters: [{ column: 'submitter', op: 'eq', value: 'NVIDIA' }],
      sort: { column: 'value', dir: 'desc' },
      offset: 0,
      limit: 10,
      columns: ['submitter', 'system_id', 'value']
    })
    expect(r).toEqual({
      ok: true,
      value: {
        rows: [
          { id: 2, submitter: 'NVIDIA', system_id: 'h200', value: 500 },
          { id: 1, submitter: 'NVIDIA', system_id: 'h100', value: 300 }
        ],
        total: 2,
        offset: 0,
        description: 'submitter = NVIDIA'
      }
    })
  })

  it('answers facets, one result with its detail, CSV and info', async () => {
    const call = make()
    const f = await call('results.facets', {
      suite: 'inference',
      filters: [],
      columns: ['submitter']
    })
    expect(f).toEqual({
      ok: true,
      value: [
        {
          column: 'submitter',
          truncated: false,
          values: [
            { value: 'NVIDIA', count: 2 },
            { value: 'Intel', count: 1 }
          ]
        }
      ]
    })
    const g = (await call('results.get', { suite: 'inference', id: 1 })) as Reply<{
      row: { system_id: string }
      detail: { system: object }
    }>
    expect(g.ok && g.value.row.system_id).toBe('h100')
    expect(g.ok && g.value.detail.system).toEqual({ system_name: 'Acme X1' })
    const csv = (await call('results.csv', {
      suite: 'inference',
      filters: [{ column: 'division', op: 'eq', value: 'open' }]
    })) as Reply<{ csv: string; rows: number }>
    expect(csv.ok && csv.value.rows).toBe(1)
    expect(csv.ok && csv.value.csv.split('\n')[0]).toMatch(
      /^round,division,category,submitter,system_id,system_name,benchmark,scenario,metric,unit,value,power_value,power_unit,accuracy,valid,inferred,accelerator,accelerators_per_node,nodes,accelerators_total,source/
    )
    const info = (await call('app.info', {})) as Reply<{ inferenceResults: number }>
    expect(info.ok && info.value.inferenceResults).toBe(3)
  })

  it('renders a chart view to SVG and PNG (render.chart)', async () => {
    const call = make()
    const view = chartView({ kind: 'distribution' })
    const svg = (await call('render.chart', {
      view,
      size: { width: 640, height: 480 },
      format: 'svg'
    })) as Reply<RenderedChartImage>
    if (!svg.ok) throw new Error(svg.error.message)
    expect(svg.value.format).toBe('svg')
    expect(svg.value.data).toMatch(/^<svg[^>]* width="640"/)
    expect(svg.value.width).toBe(640)
    expect(svg.value.height).toBeGreaterThanOrEqual(480)
    expect(svg.value.points).toBe(3)
    expect(svg.value.title.length).toBeGreaterThan(0)
    // The citation footnote is drawn in.
    expect(svg.value.data).toMatch(/MLPerf/)
    const png = (await call('render.chart', { view, format: 'png' })) as Reply<RenderedChartImage>
    if (!png.ok) throw new Error(png.error.message)
    const bytes = Buffer.from(png.value.data, 'base64')
    expect(bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    )
    // Twice the default 1200 px wide, as the PNG in a report bundle; the IHDR says so.
    expect(png.value.width).toBe(2400)
    expect(bytes.readUInt32BE(16)).toBe(2400)
    expect(bytes.readUInt32BE(20)).toBe(png.value.height)
    const bad = await call('render.chart', { view, format: 'gif' })
    expect(bad.ok || bad.error.code).toBe('invalid_input')
    const small = await call('render.chart', {
      view,
      format: 'svg',
      size: { width: 10, height: 10 }
    })
    expect(small.ok || small.error.code).toBe('invalid_input')
  })

  it('appends the citation footnote to the results CSV when asked (results.csv footnote)', async () => {
    const call = make()
    const view = { suite: 'inference', filters: [{ column: 'division', op: 'eq', value: 'open' }] }
    const plain = (await call('results.csv', view)) as Reply<{ csv: string; rows: number }>
    const cited = (await call('results.csv', { ...view, footnote: true })) as Reply<{
      csv: string
      rows: number
    }>
    if (!plain.ok || !cited.ok) throw new Error('results.csv failed')
    expect(plain.value.csv).not.toMatch(/^# /m)
    expect(cited.value.rows).toBe(1)
    // The same header and rows, then only `# ` lines.
    expect(cited.value.csv.startsWith(plain.value.csv)).toBe(true)
    const tail = cited.value.csv.slice(plain.value.csv.length).trimEnd().split('\n')
    expect(tail.length).toBeGreaterThan(0)
    for (const line of tail) expect(line).toMatch(/^#( |$)/)
    expect(tail.join(' ')).toMatch(/MLPerf/)
  })

  it('maps bad input to error codes instead of throwing', async () => {
    const call = make()
    expect(await call('results.nope', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
    expect(
      await call('results.query', { suite: 'inference', filters: [], offset: -1, limit: 10 })
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(
      await call('results.query', {
        suite: 'inference',
        filters: [{ column: 'bogus', op: 'eq', value: 'x' }],
        offset: 0,
        limit: 10
      })
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Unknown column "bogus"' }
    })
    expect(await call('results.get', { suite: 'inference', id: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
    expect(await call('files.list', { path: join(dir, 'missing') })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
  })

  it('lists folders for the in-app browser', async () => {
    const r = (await make()('files.list', { path: dir })) as Reply<{
      path: string
      entries: { name: string }[]
    }>
    expect(r.ok && r.value.path).toBe(dir)
    expect(r.ok && r.value.entries.map((e) => e.name)).toContain('c.db')
  })

  it('runs an import job, reports a missing path with its reason, and lists it', async () => {
    const call = make()
    const missing = join(dir, 'no-such-tree')
    const started = (await call('imports.start', { paths: [missing] })) as Reply<{ jobId: string }>
    if (!started.ok) throw new Error(started.error.message)
    let report: Reply<{ status: string; skippedItems: { path: string; reason: string }[] }>
    do {
      await new Promise((r) => setTimeout(r, 20))
      report = (await call('imports.get', { jobId: started.value.jobId })) as typeof report
    } while (report.ok && report.value.status === 'running')
    expect(report.ok && report.value.status).toBe('failed')
    expect(report.ok && report.value.skippedItems).toEqual([
      { path: missing, reason: 'No such file or folder' }
    ])
    const list = (await call('imports.list', {})) as Reply<{ jobId: string }[]>
    expect(list.ok && list.value.map((j) => j.jobId)).toContain(started.value.jobId)
  })
})

describe('HTTP bridge security and events', () => {
  it('refuses requests without the token or from a foreign Host', async () => {
    const noToken = await fetch(`${base()}/api/app.info`, { method: 'POST', body: '{}' })
    expect(noToken.status).toBe(401)
    const wrong = await fetch(`${base()}/api/app.info`, {
      method: 'POST',
      body: '{}',
      headers: { authorization: 'Bearer nope' }
    })
    expect(wrong.status).toBe(401)
    const health = await fetch(`${base()}/healthz`)
    expect(health.status).toBe(200)
    // DNS rebinding: a page on another origin resolving to 127.0.0.1 sends its own Host.
    const foreign = await new Promise<number>((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/app.info',
          method: 'POST',
          headers: { host: 'evil.example:80', authorization: 'Bearer secret' }
        },
        (res) => done(res.statusCode ?? 0)
      )
      req.on('error', fail)
      req.end('{}')
    })
    expect(foreign).toBe(403)
  })

  it('sets a cookie from the URL token so the page needs nothing else', async () => {
    const first = await fetch(`${base()}/?token=secret`)
    const cookie = first.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/mlx_token=secret; HttpOnly; SameSite=Strict/)
    const api = await fetch(`${base()}/api/app.info`, {
      method: 'POST',
      body: '{}',
      headers: { cookie: cookie.split(';')[0] ?? '', 'content-type': 'application/json' }
    })
    expect(((await api.json()) as Reply<unknown>).ok).toBe(true)
  })

  it('streams events over SSE', async () => {
    const ctrl = new AbortController()
    const res = await fetch(`${base()}/api/events`, {
      headers: { authorization: 'Bearer secret' },
      signal: ctrl.signal
    })
    const reader = res.body?.getReader()
    if (!reader) throw new Error('no body')
    const payload: ApiEvents['app.command'] = { command: 'import' }
    await reader.read()
    backend.hub.emit('app.command', payload)
    const { value } = await reader.read()
    expect(new TextDecoder().decode(value)).toBe(
      `event: app.command\ndata: {"command":"import"}\n\n`
    )
    ctrl.abort()
  })
})
