import type { Api, ApiEvents, ErrorCode, EventName } from '../../../src-main/shared/api'
import type { Transport } from './transport'

/** A failed API call: the backend's error code and its human-readable message. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly method: string
  readonly details: unknown

  constructor(method: string, code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.method = method
    this.code = code
    this.details = details
  }
}

/** The readable message for anything a call may throw. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name
  return String(err)
}

/**
 * Builds the typed `Api` on top of a transport with a two-level Proxy: `api.results.query(i)`
 * becomes `invoke('results.query', i)`, and the Reply envelope is unwrapped (or thrown as an
 * ApiError). The method list is never duplicated here; the contract type is the only source.
 */
export function createApiClient(transport: Transport): Api {
  const areas = new Map<string, object>()
  const areaProxy = (area: string): object =>
    new Proxy(
      {},
      {
        get(_target, method) {
          if (typeof method !== 'string' || method === 'then') return undefined
          const name = `${area}.${method}`
          return async (input: unknown): Promise<unknown> => {
            const reply = await transport.invoke(name, input ?? {})
            if (reply.ok) return reply.value
            const { code, message, details } = reply.error
            throw new ApiError(name, code, message, details)
          }
        }
      }
    )
  const root = new Proxy(
    {},
    {
      get(_target, area) {
        // `then` must stay undefined or `await api` would treat the client as a thenable.
        if (typeof area !== 'string' || area === 'then') return undefined
        let proxy = areas.get(area)
        if (!proxy) {
          proxy = areaProxy(area)
          areas.set(area, proxy)
        }
        return proxy
      }
    }
  )
  return root as Api
}

/** Typed subscription to server pushes. */
export type ApiEventSource = {
  on<E extends EventName>(event: E, cb: (payload: ApiEvents[E]) => void): () => void
}

export function createEventSource(transport: Transport): ApiEventSource {
  return {
    on(event, cb) {
      // The payload type is the contract's; the transport only carries JSON.
      return transport.on(event, (payload) => cb(payload as Parameters<typeof cb>[0]))
    }
  }
}
