import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { timingSafeEqual } from 'node:crypto'
import type { Api } from '../shared/api'
import { dispatch } from '../api/dispatch'
import type { EventHub } from '../api/event-hub'

export type HttpServerOptions = {
  api: Api
  hub: EventHub
  token: string
  /** Folder with the built renderer (out/renderer). */
  staticDir: string
  port?: number
}

export type HttpServerHandle = { url: string; port: number; close: () => Promise<void> }

const COOKIE = 'mlx_token'
const MAX_BODY = 1 << 20
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=')
    if (k === COOKIE && v) return decodeURIComponent(v)
  }
  return null
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length
    if (size > MAX_BODY) throw new Error('Request body too large')
    chunks.push(c)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8'
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

/**
 * The web mode: the same `dispatch` as Electron IPC, over HTTP on 127.0.0.1 only. Every route
 * but /healthz needs the token, given once in the URL (then kept in an HttpOnly cookie) or as a
 * Bearer header. The Host header is checked so a web page elsewhere cannot reach the API
 * through DNS rebinding.
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServerHandle> {
  const root = resolve(opts.staticDir)
  const sse = new Set<ServerResponse>()
  const unsubscribe = opts.hub.subscribe((event, payload) => {
    const msg = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const res of sse) res.write(msg)
  })
  let port = 0

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const host = (req.headers.host ?? '').toLowerCase()
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return send(res, 403, 'Forbidden host')
    }
    if (url.pathname === '/healthz') return send(res, 200, 'ok')
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204)
      return void res.end()
    }
    const given =
      url.searchParams.get('token') ??
      cookieToken(req) ??
      (req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : null)
    if (!given || !sameToken(given, opts.token)) {
      return send(res, 401, 'Missing or wrong token: open the URL that mlperf-explorer printed.')
    }
    if (url.searchParams.has('token')) {
      res.setHeader(
        'set-cookie',
        `${COOKIE}=${encodeURIComponent(opts.token)}; HttpOnly; SameSite=Strict; Path=/`
      )
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive'
      })
      res.write(': connected\n\n')
      sse.add(res)
      req.on('close', () => sse.delete(res))
      return
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST')
      let input: unknown
      try {
        const body = await readBody(req)
        input = body ? (JSON.parse(body) as unknown) : {}
      } catch (e) {
        const reply = {
          ok: false,
          error: { code: 'invalid_input', message: `Bad request body: ${(e as Error).message}` }
        }
        return send(res, 400, JSON.stringify(reply), 'application/json')
      }
      const reply = await dispatch(opts.api, url.pathname.slice(5), input)
      return send(res, 200, JSON.stringify(reply), 'application/json')
    }
    // Static renderer files; anything unknown falls back to index.html (hash routing).
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '')
    let file = join(root, rel)
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'Forbidden')
    const info = await stat(file).catch(() => null)
    if (!info || info.isDirectory()) file = join(root, 'index.html')
    const exists = await stat(file).catch(() => null)
    if (!exists) return send(res, 404, `Renderer not built: ${file} is missing (run npm run build)`)
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(res)
  }

  const server: Server = createServer((req, res) => {
    handler(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, e instanceof Error ? e.message : String(e))
      else res.end()
    })
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(opts.token)}`,
    port,
    close: async () => {
      unsubscribe()
      for (const res of sse) res.end()
      sse.clear()
      await new Promise<void>((ok) => server.close(() => ok()))
    }
  }
}
