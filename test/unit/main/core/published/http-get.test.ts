/**
 * httpGet against a real local server: a connection the server resets is retried once (a kept-
 * alive socket closed just as it is reused says nothing about the network); a server that keeps
 * resetting, or is not there, is one offline line.
 */
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { httpGet, OfflineError } from '../../../../../src-main/core/published/http-get'

let server: Server | null = null

/** A server that destroys the first `resets` connections' requests and answers the rest. */
async function resettingServer(resets: number): Promise<{ url: string; seen: () => number }> {
  let seen = 0
  server = createServer((req, res) => {
    seen++
    if (seen <= resets) {
      req.socket.destroy()
      return
    }
    res.writeHead(200, { 'content-type': 'text/plain', etag: '"a"' })
    res.end('hello')
  })
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/f.txt`, seen: () => seen }
}

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()))
  server = null
})

describe('httpGet', () => {
  it('retries once when the server resets the connection, and returns the answer', async () => {
    const s = await resettingServer(1)
    const got = await httpGet(s.url)
    expect(got.status).toBe('ok')
    expect(got.status === 'ok' ? got.body.toString() : '').toBe('hello')
    expect(s.seen()).toBe(2)
  })

  it('reports a server that resets every time as one offline line, after one retry', async () => {
    const s = await resettingServer(Infinity)
    const err = await httpGet(s.url).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(OfflineError)
    expect((err as Error).message).toMatch(/^Cannot reach 127\.0\.0\.1:\d+: connection/)
    expect(s.seen()).toBe(2)
  })

  it('does not retry a refused connection', async () => {
    const s = await resettingServer(0)
    const url = s.url
    server?.closeAllConnections()
    await new Promise<void>((done) => server?.close(() => done()))
    server = null
    const err = await httpGet(url).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(OfflineError)
    expect((err as Error).message).toContain('connection refused')
  })
})
