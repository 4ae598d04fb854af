/**
 * Fakes for the renderer's rune models: an Api served by handlers the test writes (through the
 * real client, so failures arrive as ApiError like in the app), a controllable event source and
 * promises the test settles in any order.
 */
import { vi } from 'vitest'
import type { Api, ApiEvents, EventName, Reply } from '../../../src-main/shared/api'
import type { ApiEventSource } from '../../../src-renderer/lib/api/client'
import { createApiClient } from '../../../src-renderer/lib/api/client'

type Handler = (input: never) => unknown

export type FakeApi = {
  api: Api
  /** Every call made, in order: [method, input]. */
  calls: [string, unknown][]
  /** The inputs of one method's calls. */
  inputs: (method: string) => unknown[]
}

/**
 * An Api whose `area.method` runs `handlers['area.method']`; what it throws (or an unknown
 * method) comes back as a failed Reply, which the client throws as an ApiError.
 */
export function fakeApi(handlers: Record<string, Handler>): FakeApi {
  const calls: [string, unknown][] = []
  const api = createApiClient({
    async invoke(method, input): Promise<Reply<unknown>> {
      calls.push([method, input])
      const handler = handlers[method] as ((input: unknown) => unknown) | undefined
      if (!handler) return { ok: false, error: { code: 'internal', message: `no fake ${method}` } }
      try {
        return { ok: true, value: await handler(input) }
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: (e as Error).message } }
      }
    },
    on: () => () => undefined
  })
  return { api, calls, inputs: (m) => calls.filter(([c]) => c === m).map(([, i]) => i) }
}

export type FakeEvents = ApiEventSource & {
  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void
  /** Listeners currently subscribed to `event`. */
  listeners(event: EventName): number
}

export function fakeEvents(): FakeEvents {
  const subs = new Map<string, Set<(p: unknown) => void>>()
  return {
    on(event, cb) {
      const set = subs.get(event) ?? new Set()
      subs.set(event, set)
      const listener = cb as (p: unknown) => void
      set.add(listener)
      return () => void set.delete(listener)
    },
    emit(event, payload) {
      for (const cb of [...(subs.get(event) ?? [])]) cb(payload)
    },
    listeners: (event) => subs.get(event)?.size ?? 0
  }
}

export type Deferred<T> = {
  promise: Promise<T>
  resolve: (value: T) => void
  reject: (error: Error) => void
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (error: Error) => void
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

/** Lets every settled promise's callbacks (and what they await in turn) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve()
  // setImmediate, not setTimeout: tests that fake the timers still settle.
  await new Promise((r) => setImmediate(r))
}

/**
 * A browser location, history and window for the hash router: pushState/replaceState change
 * the URL without events (as browsers do), `visit` changes it as the address bar or back
 * button would and fires hashchange/popstate.
 */
export function fakeBrowser(initial = 'app://mlperf/index.html'): {
  visit: (url: string, event?: 'hashchange' | 'popstate') => void
  entries: { mode: 'push' | 'replace'; url: string }[]
  listeners: () => number
  href: () => string
} {
  let url = new URL(initial)
  const entries: { mode: 'push' | 'replace'; url: string }[] = []
  const handlers = new Map<string, Set<() => void>>()
  const location = {
    get pathname() {
      return url.pathname
    },
    get search() {
      return url.search
    },
    get hash() {
      return url.hash
    }
  }
  const go = (mode: 'push' | 'replace') => (_state: unknown, _title: string, next: string) => {
    url = new URL(next, url)
    entries.push({ mode, url: next })
  }
  vi.stubGlobal('location', location)
  vi.stubGlobal('history', { pushState: go('push'), replaceState: go('replace') })
  vi.stubGlobal('window', {
    addEventListener: (type: string, h: () => void) => {
      const set = handlers.get(type) ?? new Set()
      handlers.set(type, set)
      set.add(h)
    },
    removeEventListener: (type: string, h: () => void) => handlers.get(type)?.delete(h)
  })
  return {
    visit(next, event = 'hashchange') {
      url = new URL(next, url)
      for (const h of [...(handlers.get(event) ?? [])]) h()
    },
    entries,
    listeners: () => [...handlers.values()].reduce((n, s) => n + s.size, 0),
    href: () => url.href
  }
}
