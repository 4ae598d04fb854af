/**
 * One HTTP GET with Node's global fetch, for the published tables and logs: conditional
 * (If-None-Match / If-Modified-Since from what the last answer said), cancellable, with a
 * per-request time limit, and with failures turned into one readable line. A server that
 * cannot be reached at all is an OfflineError; the caller stops there, since every other
 * request would fail the same way.
 */

/** What a server said about a file's version, remembered per URL (http-cache-repo.ts). */
export type Validators = { etag: string | null; lastModified: string | null }

export type GetResult =
  | { status: 'ok'; body: Buffer; validators: Validators }
  | { status: 'not-modified' }
  /** 404 or 410: the file is not published there. */
  | { status: 'missing'; httpStatus: number }

/** The server cannot be reached (no network, refused, DNS, timeout): one line, no stack. */
export class OfflineError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'OfflineError'
  }
}

/** The server answered, but with an error other than "not found". */
export class HttpStatusError extends Error {
  constructor(
    readonly url: string,
    readonly httpStatus: number,
    statusText: string
  ) {
    super(`${url} answered HTTP ${httpStatus}${statusText ? ` ${statusText}` : ''}`)
    this.name = 'HttpStatusError'
  }
}

/** The user cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled')
    this.name = 'CancelledError'
  }
}

export type GetOptions = {
  validators?: Validators | null
  signal?: AbortSignal
  /** Longest wait for one request, answer included (default 120 s). */
  timeoutMs?: number
  /** Larger answers are refused (default 512 MiB): a results table is a few MB. */
  maxBytes?: number
  /** Bytes received so far, as they arrive. */
  onBytes?: (received: number) => void
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found (no network, or the name does not resolve)',
  EAI_AGAIN: 'host name lookup failed (no network?)',
  ETIMEDOUT: 'timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
  CERT_HAS_EXPIRED: 'certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate cannot be verified'
}

/** The error code buried in fetch's "fetch failed" TypeError (cause, or the cause's cause). */
function networkCode(e: unknown): string | null {
  let cur: unknown = e
  for (let i = 0; i < 4 && cur !== null && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code
    if (typeof code === 'string') return code
    cur = (cur as { cause?: unknown }).cause
  }
  return null
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

/** The one line said when a server cannot be reached. */
export function offlineMessage(url: string, why: string): string {
  return `Cannot reach ${hostOf(url)}: ${why}. Check the network connection, or the source address in the settings.`
}

async function readBody(
  res: Response,
  url: string,
  maxBytes: number,
  onBytes?: (n: number) => void
): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel()
    throw new Error(`${url} is ${declared} bytes, more than the ${maxBytes} allowed`)
  }
  if (!res.body) return Buffer.alloc(0)
  const chunks: Buffer[] = []
  let received = 0
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    received += chunk.byteLength
    if (received > maxBytes) throw new Error(`${url} is larger than the ${maxBytes} bytes allowed`)
    chunks.push(Buffer.from(chunk))
    onBytes?.(received)
  }
  return Buffer.concat(chunks, received)
}

/** Network codes of a kept-alive socket the server closed just as it was reused. */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'])

/**
 * A GET is idempotent, and a connection kept alive from an earlier request may be closed by the
 * server just as it is reused: that failure says nothing about the network, so it is retried
 * once on a fresh connection before it is reported.
 */
export async function httpGet(url: string, opts: GetOptions = {}): Promise<GetResult> {
  try {
    return await httpGetOnce(url, opts)
  } catch (e) {
    const code = e instanceof OfflineError ? networkCode(e.cause) : null
    if (code === null || !STALE_SOCKET_CODES.has(code) || opts.signal?.aborted) throw e
    return httpGetOnce(url, opts)
  }
}

async function httpGetOnce(url: string, opts: GetOptions): Promise<GetResult> {
  const { signal, validators } = opts
  if (signal?.aborted) throw new CancelledError()
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 120_000)
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
  const headers: Record<string, string> = { 'user-agent': 'mlperf-explorer' }
  if (validators?.etag) headers['if-none-match'] = validators.etag
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified
  try {
    const res = await fetch(url, { headers, signal: combined, redirect: 'follow' })
    if (res.status === 304) {
      await res.body?.cancel()
      return { status: 'not-modified' }
    }
    if (res.status === 404 || res.status === 410) {
      await res.body?.cancel()
      return { status: 'missing', httpStatus: res.status }
    }
    if (!res.ok) {
      await res.body?.cancel()
      throw new HttpStatusError(url, res.status, res.statusText)
    }
    const body = await readBody(res, url, opts.maxBytes ?? 512 * 1024 * 1024, opts.onBytes)
    return {
      status: 'ok',
      body,
      validators: { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') }
    }
  } catch (e) {
    if (e instanceof HttpStatusError) throw e
    if (signal?.aborted) throw new CancelledError()
    if (timeout.aborted) throw new OfflineError(offlineMessage(url, 'no answer in time'))
    const code = networkCode(e)
    if (code !== null && code in NETWORK_CODES) {
      throw new OfflineError(offlineMessage(url, NETWORK_CODES[code] ?? code), { cause: e })
    }
    if (e instanceof TypeError && e.message === 'fetch failed') {
      throw new OfflineError(offlineMessage(url, code ?? 'the request failed'))
    }
    throw e
  }
}
