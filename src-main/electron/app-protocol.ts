/**
 * The renderer is served from a custom `app://mlperf/` protocol instead of file:// (Electron
 * security checklist 18): file:// pages get privileges a web page never has (read any local file
 * through fetch, share one origin with every other file), and an IPC sender check on "file://"
 * would trust any HTML file on the disk. Requests are answered from the built renderer folder
 * only, with the CSP as a response header (checklist 7).
 */
import type { Protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY_HEADER } from '../shared/content-security-policy'

export const APP_SCHEME = 'app'
export const APP_HOST = 'mlperf'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/**
 * A standard, secure scheme (so it has an origin, relative URLs and ES modules work, and the
 * page is a secure context); fetch allowed for the renderer's own assets. No CSP bypass, no
 * service workers, no CORS exemptions.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true
} as const

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }
  ])
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2'
}

const HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY_HEADER,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin'
}

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...HEADERS, 'content-type': 'text/plain' } })
}

/**
 * The answer to one app:// request: a file of the renderer folder, or 404. Other hosts, paths
 * leading out of the folder and malformed encodings are refused.
 */
export async function rendererResponse(url: string, rendererDir: string): Promise<Response> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return refuse(400, 'Bad request')
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return refuse(404, 'Not found')
  }
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return refuse(400, 'Bad request')
  }
  const rel = normalize(path === '/' ? '/index.html' : path).replace(/^([/\\])+/, '')
  const file = join(rendererDir, rel)
  if (!file.startsWith(rendererDir.endsWith(sep) ? rendererDir : rendererDir + sep)) {
    return refuse(403, 'Forbidden')
  }
  try {
    const body = await readFile(file)
    return new Response(body, {
      status: 200,
      headers: { ...HEADERS, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }
    })
  } catch {
    return refuse(404, 'Not found')
  }
}

/** Answers app:// from the built renderer folder (after the app is ready). */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(request.url, rendererDir))
}
