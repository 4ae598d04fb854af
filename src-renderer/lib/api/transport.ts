import type { Reply } from '../../../src-main/shared/api'

/**
 * How the renderer reaches the backend. Electron IPC and the HTTP web mode both implement it;
 * nothing above `lib/api` knows which one is in use.
 */
export type Transport = {
  /** Call `area.method` with its single input object; never rejects, failures come as a Reply. */
  invoke(method: string, input: unknown): Promise<Reply<unknown>>
  /** Listen to a server push; returns the unsubscribe function. */
  on(event: string, cb: (payload: unknown) => void): () => void
}

/** Reply for a failure that happened on our side of the wire (network, bad JSON …). */
export function transportFailure(message: string): Reply<never> {
  return { ok: false, error: { code: 'internal', message } }
}

/** True when a parsed JSON body has the shape of a Reply envelope. */
export function isReply(body: unknown): body is Reply<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false
  if (body.ok === true) return 'value' in body
  if (body.ok !== false || !('error' in body)) return false
  const error = body.error
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error
}
