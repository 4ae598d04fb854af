import { describe, expect, it } from 'vitest'
import type { Reply } from '../../../../../src-main/shared/api'
import {
  ApiError,
  createApiClient,
  createEventSource
} from '../../../../../src-renderer/lib/api/client'
import { httpTransport } from '../../../../../src-renderer/lib/api/http-transport'
import type { Transport } from '../../../../../src-renderer/lib/api/transport'

function fakeTransport(reply: (method: string, input: unknown) => Reply<unknown>): Transport & {
  calls: [string, unknown][]
  emit: (event: string, payload: unknown) => void
} {
  const calls: [string, unknown][] = []
  const listeners = new Map<string, ((p: unknown) => void)[]>()
  return {
    calls,
    invoke: (method, input) => {
      calls.push([method, input])
      return Promise.resolve(reply(method, input))
    },
    on: (event, cb) => {
      listeners.set(event, [...(listeners.get(event) ?? []), cb])
      return () =>
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((c) => c !== cb)
        )
    },
    emit: (event, payload) => {
      for (const cb of listeners.get(event) ?? []) cb(payload)
    }
  }
}

describe('createApiClient', () => {
  it('maps api.area.method(input) onto the wire name and unwraps the value', async () => {
    const transport = fakeTransport(() => ({
      ok: true,
      value: { rows: [], total: 3, offset: 0, description: '' }
    }))
    const api = createApiClient(transport)
    const page = await api.results.query({ suite: 'inference', filters: [], offset: 0, limit: 10 })
    expect(page.total).toBe(3)
    expect(transport.calls).toEqual([
      ['results.query', { suite: 'inference', filters: [], offset: 0, limit: 10 }]
    ])
  })

  it('throws ApiError with the code and message of a failed reply', async () => {
    const api = createApiClient(
      fakeTransport(() => ({ ok: false, error: { code: 'not_found', message: 'No result 9' } }))
    )
    const failure = api.results.get({ suite: 'inference', id: 9 })
    await expect(failure).rejects.toBeInstanceOf(ApiError)
    await expect(failure).rejects.toMatchObject({
      code: 'not_found',
      message: 'No result 9',
      method: 'results.get'
    })
  })

  it('is not a thenable (awaiting the client itself is harmless)', async () => {
    const api = createApiClient(fakeTransport(() => ({ ok: true, value: null })))
    expect(await Promise.resolve(api)).toBe(api)
  })
})

describe('createEventSource', () => {
  it('delivers typed payloads and unsubscribes', () => {
    const transport = fakeTransport(() => ({ ok: true, value: null }))
    const events = createEventSource(transport)
    const seen: string[] = []
    const off = events.on('imports.finished', (r) => seen.push(r.jobId))
    transport.emit('imports.finished', { jobId: 'a' })
    off()
    transport.emit('imports.finished', { jobId: 'b' })
    expect(seen).toEqual(['a'])
  })
})

describe('httpTransport', () => {
  it('posts JSON to /api/<method> and returns the Reply', async () => {
    const requests: [string, RequestInit | undefined][] = []
    const fetchImpl: typeof fetch = (url, init) => {
      requests.push([url instanceof Request ? url.url : url.toString(), init])
      return Promise.resolve(new Response(JSON.stringify({ ok: true, value: { path: null } })))
    }
    const t = httpTransport('http://127.0.0.1:4173', fetchImpl)
    await expect(t.invoke('files.pickFolder', {})).resolves.toEqual({
      ok: true,
      value: { path: null }
    })
    expect(requests[0]?.[0]).toBe('http://127.0.0.1:4173/api/files.pickFolder')
    expect(requests[0]?.[1]?.method).toBe('POST')
    expect(requests[0]?.[1]?.credentials).toBe('same-origin')
  })

  it('turns network failures and non-Reply bodies into readable failed replies', async () => {
    const down = httpTransport('http://x', () => Promise.reject(new TypeError('Failed to fetch')))
    const reply = await down.invoke('app.info', {})
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Cannot reach the MLPerf Explorer backend (Failed to fetch).'
      }
    })
    const html = httpTransport('http://x', () =>
      Promise.resolve(new Response('<h1>nope</h1>', { status: 401 }))
    )
    const r2 = await html.invoke('app.info', {})
    expect(r2.ok).toBe(false)
    if (!r2.ok)
      expect(r2.error.message).toBe('The backend answered app.info with HTTP 401: <h1>nope</h1>')
    const odd = httpTransport('http://x', () => Promise.resolve(new Response('{"x":1}')))
    const r3 = await odd.invoke('app.info', {})
    if (!r3.ok)
      expect(r3.error.message).toBe(
        'The backend answered app.info with HTTP 200 and no readable reply.'
      )
  })
})
