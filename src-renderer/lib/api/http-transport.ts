import { isReply, transportFailure, type Transport } from './transport'

/**
 * Transport for the web mode: `POST /api/<method>` with the input as JSON body, events over
 * Server-Sent Events at `/api/events`. Auth is a same-origin cookie set by the server when the
 * page was first opened with `?token=…`, so requests only need `credentials: 'same-origin'`.
 */
export function httpTransport(origin: string, fetchImpl: typeof fetch = fetch): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const attached = new Set<string>()
  let source: EventSource | null = null

  function attach(event: string): void {
    if (!source || attached.has(event)) return
    attached.add(event)
    source.addEventListener(event, (message) => {
      let payload: unknown
      try {
        payload = JSON.parse((message as MessageEvent<string>).data)
      } catch {
        return
      }
      for (const cb of listeners.get(event) ?? []) cb(payload)
    })
  }

  function ensureSource(): void {
    if (source || typeof EventSource === 'undefined') return
    source = new EventSource(`${origin}/api/events`, { withCredentials: true })
    for (const event of listeners.keys()) attach(event)
  }

  return {
    async invoke(method, input) {
      let response: Response
      try {
        response = await fetchImpl(`${origin}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {})
        })
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err)
        return transportFailure(`Cannot reach the MLPerf Explorer backend (${detail}).`)
      }
      const text = await response.text().catch(() => '')
      let body: unknown = null
      try {
        body = JSON.parse(text)
      } catch {
        // Not JSON: a plain-text error from the server (e.g. the 401 for a missing token).
      }
      if (isReply(body)) return body
      const said = text.trim().slice(0, 300)
      return transportFailure(
        `The backend answered ${method} with HTTP ${response.status}` +
          (said !== '' && body === null ? `: ${said}` : ' and no readable reply.')
      )
    },
    on(event, cb) {
      let set = listeners.get(event)
      if (!set) {
        set = new Set()
        listeners.set(event, set)
      }
      set.add(cb)
      ensureSource()
      attach(event)
      return () => {
        set.delete(cb)
      }
    }
  }
}
