import { readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { timingSafeEqual } from 'node:crypto'
import type { Api } from '../shared/api'
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/content-security-policy'
import { dispatch, serverLog } from '../api/dispatch'
import type { Logger } from '../api/dispatch'
import type { EventHub } from '../api/event-hub'

export type HttpServerOptions = {
  api: Api
  hub: EventHub
  token: string
  /** Folder with the built renderer (out/renderer). */
  staticDir: string
  port?: number
  /** Where unexpected errors go with their stacks; stderr without it. */
  log?: Logger
}

export type HttpServerHandle = { url: string; port: number; close: () => Promise<void> }

const COOKIE = 'mlx_token'
/** Largest request body: API inputs are small JSON objects (a chart view, a list of paths). */
export const MAX_BODY = 1 << 20
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
    if (k === COOKIE && v) return decodeOrNull(v)
  }
  return null
}

/** decodeURIComponent, or null for a malformed percent-encoding (a 400, never a 500). */
function decodeOrNull(s: string): string | null {
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length
    if (size > MAX_BODY) throw new BodyTooLarge()
    chunks.push(c)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Headers every response carries: no caching, no sniffing, no framing, no referrer. */
const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy': CONTENT_SECURITY_POLICY_HEADER
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8'
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type })
  res.end(body)
}

/** 413, and the connection closed: the rest of an oversized body is not read. */
function tooLarge(res: ServerResponse, req: IncomingMessage): void {
  res.setHeader('connection', 'close')
  send(res, 413, `Request body too large (more than ${MAX_BODY} bytes)`)
  req.resume()
}

/**
 * Whether a request comes from the app's own page. A browser sends Origin (on POST and on every
 * cross-origin request) and Sec-Fetch-Site; a page on another port of 127.0.0.1 is same-site
 * but not same-origin, and carries the user's cookie, so both are checked. A client that sends
 * neither (the CLI, curl) is no browser: it has to show the token, which it can only have from
 * the user.
 */
function sameOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin
  if (
    origin !== undefined &&
    origin !== `http://127.0.0.1:${port}` &&
    origin !== `http://localhost:${port}`
  ) {
    return false
  }
  const site = req.headers['sec-fetch-site']
  return site === undefined || site === 'same-origin' || site === 'none'
}

/** The token a request shows: in the URL, in the cookie, or as a Bearer header. */
function givenToken(req: IncomingMessage, url: URL): string | null {
  return (
    url.searchParams.get('token') ??
    cookieToken(req) ??
    (req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : null)
  )
}

/** Server-sent events: the response stays open and gets every hub event (see broadcast). */
function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  sse: Set<ServerResponse>
): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/event-stream',
    connection: 'keep-alive'
  })
  res.write(': connected\n\n')
  sse.add(res)
  req.on('close', () => sse.delete(res))
}

/** POST /api/<method>: a JSON body in, dispatch's Reply out. */
async function serveApi(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  api: Api,
  log: Logger
): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'Use POST')
  // JSON only: an HTML form (the classic cross-site request) cannot send this type.
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') {
    return send(res, 415, 'Unsupported media type: send the input as application/json')
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY) return tooLarge(res, req)
  let input: unknown
  try {
    const body = await readBody(req)
    input = body ? (JSON.parse(body) as unknown) : {}
  } catch (e) {
    if (e instanceof BodyTooLarge) return tooLarge(res, req)
    // Never the parser's message: it quotes the body.
    const reply = {
      ok: false,
      error: { code: 'invalid_input', message: 'Bad request body: not valid JSON' }
    }
    return send(res, 400, JSON.stringify(reply), 'application/json')
  }
  const reply = await dispatch(api, method, input, log)
  return send(res, 200, JSON.stringify(reply), 'application/json')
}

/**
 * Static renderer files under `root`; anything unknown falls back to index.html (hash routing).
 * Read and answered in one turn of the event loop, on purpose: a streamed file waits between its
 * reads, and a chart's data query (synchronous SQLite, up to 100 ms for 10,000 points) running in
 * that gap held back the very code that draws the chart. The files are the app's own, in the page
 * cache after the first visit: reading one (the largest is 0.7 MB) takes well under a millisecond.
 */
function serveStatic(res: ServerResponse, root: string, path: string): void {
  const rel = normalize(path).replace(/^([/\\])+/, '')
  let file = join(root, rel)
  if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'Forbidden')
  if (!isFile(file)) file = join(root, 'index.html')
  if (!isFile(file)) return send(res, 404, 'Renderer not built: run npm run build')
  const body = readFileSync(file)
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': body.length
  })
  res.end(body)
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false
}

/** What a request handler needs of the running server. */
type RunningServer = {
  opts: HttpServerOptions
  root: string
  log: Logger
  sse: Set<ServerResponse>
  /** The port listened on (known once listening; every request comes after that). */
  port: () => number
}

/**
 * One request, in order: a well-formed path, our own Host (no DNS rebinding), the open routes,
 * the token, the same-origin check for the API, then the API, the events or a static file.
 */
async function route(srv: RunningServer, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const path = decodeOrNull(url.pathname)
  if (path === null) return send(res, 400, 'Bad request: malformed percent-encoding in the path')
  const port = srv.port()
  const host = (req.headers.host ?? '').toLowerCase()
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return send(res, 403, 'Forbidden host')
  }
  if (url.pathname === '/healthz') return send(res, 200, 'ok')
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204)
    return void res.end()
  }
  const given = givenToken(req, url)
  if (!given || !sameToken(given, srv.opts.token)) {
    return send(res, 401, 'Missing or wrong token: open the URL that mlperf-explorer printed.')
  }
  if (url.searchParams.has('token')) {
    res.setHeader(
      'set-cookie',
      `${COOKIE}=${encodeURIComponent(srv.opts.token)}; HttpOnly; SameSite=Strict; Path=/`
    )
  }
  // The API (events included) answers the app's own page only: no other site, and no other
  // port of 127.0.0.1, may start imports and runs, set prices or write files.
  if (path.startsWith('/api/') && !sameOrigin(req, port)) {
    return send(res, 403, 'Forbidden: requests to the API must come from the app itself')
  }
  if (url.pathname === '/api/events' && req.method === 'GET') {
    return openEventStream(req, res, srv.sse)
  }
  if (url.pathname.startsWith('/api/')) {
    return serveApi(req, res, url.pathname.slice(5), srv.opts.api, srv.log)
  }
  return serveStatic(res, srv.root, path)
}

/** Every hub event to every open event stream; returns the unsubscribe function. */
function broadcast(hub: EventHub, sse: Set<ServerResponse>): () => void {
  return hub.subscribe((event, payload) => {
    const msg = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const res of sse) res.write(msg)
  })
}

/** Listens on 127.0.0.1 (never another interface) and returns the port. */
async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(port, '127.0.0.1', () => ok())
  })
  return (server.address() as AddressInfo).port
}

/**
 * The web mode: the same `dispatch` as Electron IPC, over HTTP on 127.0.0.1 only. Every route
 * but /healthz needs the token, given once in the URL (then kept in an HttpOnly cookie) or as a
 * Bearer header. The Host header is checked so a web page elsewhere cannot reach the API
 * through DNS rebinding.
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<HttpServerHandle> {
  let port = 0
  const srv: RunningServer = {
    opts,
    root: resolve(opts.staticDir),
    log: opts.log ?? serverLog,
    sse: new Set<ServerResponse>(),
    port: () => port
  }
  const unsubscribe = broadcast(opts.hub, srv.sse)
  const server: Server = createServer((req, res) => {
    route(srv, req, res).catch((e: unknown) => {
      srv.log.error(`${req.method ?? '?'} ${req.url?.split('?')[0] ?? ''} failed`, e)
      // Never an error's text to the client: it may name files or quote what they hold.
      if (!res.headersSent) send(res, 500, 'Internal error')
      else res.end()
    })
  })
  // A client that sends its request slowly cannot hold a connection for minutes.
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000
  port = await listen(server, opts.port ?? 0)
  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(opts.token)}`,
    port,
    close: async () => {
      unsubscribe()
      for (const res of srv.sse) res.end()
      srv.sse.clear()
      await new Promise<void>((ok) => server.close(() => ok()))
    }
  }
}
