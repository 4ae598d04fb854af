/**
 * Issue 13, point 6: hostile requests against the web mode. Other origins (another port of
 * 127.0.0.1 included) cannot use the API even with the user's cookie; paths are confined; no
 * error quotes a file; malformed requests get 4xx, never a 500 or a hang.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pngjs from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../src-main/api/open-backend'
import type { Backend } from '../../src-main/api/open-backend'
import { MAX_BODY, startHttpServer } from '../../src-main/bridge/http-server'
import type { HttpServerHandle } from '../../src-main/bridge/http-server'
import { chartView } from '../../src-main/shared/charts/chart-view'
import { writeTestModels } from '../fixtures/models/build-models'

const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'mlx-hostile-'))
const elsewhere = mkdtempSync(join(tmpdir(), 'mlx-elsewhere-'))
let backend: Backend
let server: HttpServerHandle
const TOKEN = 'hostile-test-token'

beforeAll(async () => {
  backend = openBackend({
    dbPath: join(dir, 'data', 'h.db'),
    shell: 'web',
    appRoot: root,
    catalogue: true
  })
  server = await startHttpServer({
    api: backend.api,
    hub: backend.hub,
    token: TOKEN,
    staticDir: join(root, 'out', 'renderer')
  })
})
afterAll(async () => {
  await server.close()
  await backend.close()
  rmSync(dir, { recursive: true, force: true })
  rmSync(elsewhere, { recursive: true, force: true })
})

type Res = { status: number; body: string; headers: Record<string, unknown> }

/** A raw request: any path, any headers, so nothing is normalised on the way. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer
): Promise<Res> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path,
        headers: { host: `127.0.0.1:${server.port}`, ...headers }
      },
      (res) => {
        let text = ''
        res.on('data', (d: Buffer) => (text += d.toString()))
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text, headers: res.headers }))
      }
    )
    req.on('error', fail)
    if (body !== undefined) req.write(body)
    req.end()
  })
}

const own = (): string => `http://127.0.0.1:${server.port}`
const cookie = { cookie: `mlx_token=${TOKEN}` }
const json = { 'content-type': 'application/json' }

/** An API call as the app's page makes it (cookie, same origin) unless told otherwise. */
async function api(
  method: string,
  input: unknown,
  headers: Record<string, string> = { ...cookie, origin: own(), 'sec-fetch-site': 'same-origin' }
): Promise<
  Res & { reply: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }
> {
  const res = await raw('POST', `/api/${method}`, { ...json, ...headers }, JSON.stringify(input))
  let reply = { ok: false }
  try {
    reply = JSON.parse(res.body) as typeof reply
  } catch {
    // not JSON
  }
  return { ...res, reply }
}

async function priceCount(): Promise<number> {
  return (await backend.api.charts.data({ view: chartView({ kind: 'distribution' }) })).prices
    .length
}

describe('cross-origin requests carrying the user cookie', () => {
  const hostile: [string, Record<string, string>][] = [
    [
      'another port of 127.0.0.1',
      { origin: 'http://127.0.0.1:9999', 'sec-fetch-site': 'same-site' }
    ],
    ['localhost on another port', { origin: 'http://localhost:1', 'sec-fetch-site': 'same-site' }],
    ['another site', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
    ['an opaque origin (sandboxed frame, file://)', { origin: 'null' }],
    ['Sec-Fetch-Site cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site without Origin', { 'sec-fetch-site': 'same-site' }],
    ['https on our port', { origin: `https://127.0.0.1:1` }]
  ]
  for (const [what, headers] of hostile) {
    it(`refused: ${what}`, async () => {
      const before = await priceCount()
      const r = await api(
        'charts.setPrice',
        { basis: 'system', key: 'x', usd: 1 },
        { ...cookie, ...headers }
      )
      expect(r.status).toBe(403)
      const started = await api('imports.start', { paths: [root] }, { ...cookie, ...headers })
      expect(started.status).toBe(403)
      expect(await priceCount()).toBe(before)
      const events = await raw('GET', '/api/events', { ...cookie, ...headers })
      expect(events.status).toBe(403)
    })
  }

  it('accepted: the app itself, and a client that is no browser but has the token', async () => {
    expect((await api('app.info', {})).reply.ok).toBe(true)
    const cli = await api('app.info', {}, { authorization: `Bearer ${TOKEN}` })
    expect(cli.reply.ok).toBe(true)
  })

  it('an HTML form (text/plain or urlencoded) cannot post to the API', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const r = await raw(
        'POST',
        '/api/charts.setPrice',
        { ...cookie, 'content-type': type },
        '{"basis":"system","key":"x","usd":1}'
      )
      expect(r.status).toBe(415)
    }
  })
})

describe('malformed requests get a 4xx, never a 500', () => {
  it('malformed percent-encoding in the path: 400', async () => {
    for (const p of ['/%', '/%E0%A4%A', '/%zz', '/api/%ff%fe']) {
      const r = await raw('GET', p, cookie)
      expect(r.status, p).toBe(400)
    }
  })

  it('a malformed cookie: 401, not 500', async () => {
    const r = await raw('GET', '/', { cookie: 'mlx_token=%E0%A4%A' })
    expect(r.status).toBe(401)
  })

  it('an oversized body: 413 from Content-Length, and while streaming', async () => {
    const big = Buffer.alloc(MAX_BODY + 10, 32)
    const r = await raw('POST', '/api/app.info', { ...cookie, ...json }, big)
    expect(r.status).toBe(413)
    const chunked = await new Promise<number>((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/app.info',
          headers: { ...cookie, ...json, 'transfer-encoding': 'chunked' }
        },
        (res) => {
          res.resume()
          done(res.statusCode ?? 0)
        }
      )
      req.on('error', fail)
      for (let i = 0; i < 20; i++) req.write(Buffer.alloc(100_000, 32))
      req.end()
    })
    expect(chunked).toBe(413)
  })

  it('a body that is not JSON: 400 with a reply that does not quote it', async () => {
    const r = await raw('POST', '/api/app.info', { ...cookie, ...json }, 'root:x:0:0:secret')
    expect(r.status).toBe(400)
    expect(r.body).not.toContain('secret')
  })

  it('path traversal in the static files: never a file outside the renderer', async () => {
    for (const p of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2fetc/passwd',
      '//etc/passwd'
    ]) {
      const r = await raw('GET', p, cookie)
      expect(r.body, p).not.toMatch(/root:.*:0:0:/)
    }
  })

  it('the renderer page carries the CSP and the other security headers', async () => {
    const r = await raw('GET', '/', cookie)
    expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
    expect(r.headers['x-content-type-options']).toBe('nosniff')
  })
})

describe('paths from clients are confined', () => {
  const view = chartView({ kind: 'distribution' })

  it('a report bundle outside the data folder is refused, inside it is written', async () => {
    const out = await api('exports.bundle', { view, dir: elsewhere })
    expect(out.reply.ok).toBe(false)
    expect(out.reply.error?.message).toMatch(
      /must be under the app's data folder .* or a folder you picked with Browse/
    )
    expect(readdirSync(elsewhere)).toEqual([])
    const ok = await api('exports.bundle', { view, size: { width: 400, height: 300 } })
    expect(ok.reply.ok).toBe(true)
  })

  it('mkdir under /proc cannot hang a request: refused at once', async () => {
    for (const d of ['/proc/self/task/x/y', '/proc/1/fd/z', '/sys/kernel/x']) {
      const r = await api('exports.bundle', { view, dir: d })
      expect(r.reply.ok, d).toBe(false)
      expect(r.reply.error?.code).toBe('invalid_input')
    }
  })

  it('a folder chosen in the in-app browser (the web mode dialog) may be written to', async () => {
    const chosen = await api('files.choose', { purpose: 'output', path: elsewhere })
    expect(chosen.reply.ok).toBe(true)
    const ok = await api('exports.bundle', {
      view,
      dir: elsewhere,
      size: { width: 400, height: 300 }
    })
    expect(ok.reply.ok).toBe(true)
    expect(readdirSync(elsewhere).length).toBe(1)
  })

  it('a run folder outside the data folder is refused before anything is made', async () => {
    const target = join(dir, 'not-data', 'run')
    const r = await api('runs.start', {
      settings: { modelPath: join(dir, 'm.onnx'), outputDir: target }
    })
    expect(r.reply.ok).toBe(false)
    expect(r.reply.error?.message).toMatch(/The run folder must be under the app's data folder/)
    expect(() => readdirSync(join(dir, 'not-data'))).toThrow()
  })
})

describe('errors never quote a file', () => {
  const secret = (): string => {
    const f = join(elsewhere, 'secret.json')
    writeFileSync(f, 'root:x:0:0:TOPSECRET:/root:/bin/bash\nline two TOPSECRET\n'.repeat(3))
    return f
  }

  it('exports.openView on a file that is not a view', async () => {
    const r = await api('exports.openView', { path: secret() })
    expect(r.reply.ok).toBe(false)
    expect(r.body).not.toContain('TOPSECRET')
    expect(r.body).not.toContain('root:x')
  })

  it('exports.openView on a FIFO and on /dev/zero: refused, no hang', async () => {
    const fifo = join(elsewhere, 'view.fifo')
    execFileSync('mkfifo', [fifo])
    for (const p of [fifo, '/dev/zero']) {
      const r = await api('exports.openView', { path: p })
      expect(r.reply.ok, p).toBe(false)
      expect(r.reply.error?.message).toMatch(/not a regular file/)
    }
  })

  it('files.list on a file', async () => {
    const r = await api('files.list', { path: secret() })
    expect(r.reply.ok).toBe(false)
    expect(r.body).not.toContain('TOPSECRET')
  })

  it('imports.start on a file named like a summary', async () => {
    const f = join(elsewhere, 'summary_results.json')
    writeFileSync(f, 'root:x:0:0:TOPSECRET\n')
    const started = await api('imports.start', { paths: [f, secret()] })
    expect(started.reply.ok).toBe(true)
    await backend.imports.idle()
    const jobId = (started.reply.value as { jobId: string }).jobId
    const r = await api('imports.get', { jobId })
    expect(r.body).not.toContain('TOPSECRET')
  })

  it('runs.inspect with a labels file that is not the model’s', async () => {
    const models = writeTestModels(join(dir, 'models'))
    const png = new pngjs.PNG({ width: 40, height: 40 })
    for (let p = 0; p < 1600; p++) png.data.set([20, 220, 20, 255], p * 4)
    const image = join(elsewhere, 'green.png')
    writeFileSync(image, pngjs.PNG.sync.write(png))
    // The model runs fine; the "labels" are a file of another kind, whose lines must not come
    // back as class names.
    const r = await api('runs.inspect', {
      modelPath: models.color,
      inputPath: image,
      labelsPath: secret()
    })
    expect(r.reply.ok).toBe(false)
    expect(r.reply.error?.message).toMatch(/has 6 lines but the model gives 3 classes/)
    expect(r.body).not.toContain('TOPSECRET')
    const asModel = await api('runs.inspect', {
      modelPath: secret(),
      inputPath: secret(),
      labelsPath: secret()
    })
    expect(asModel.body).not.toContain('TOPSECRET')
  })
})
