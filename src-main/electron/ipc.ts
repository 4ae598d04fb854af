import type { EventName, Reply } from '../shared/api'
import type { EventListener } from '../api/event-hub'
import { isOwnUrl } from './security'

/** What the sender check reads of an IPC event (Electron's IpcMainInvokeEvent has more). */
export type SenderEvent = { senderFrame: { url: string; parent: unknown } | null }

/** The part of Electron's ipcMain the binding uses. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => unknown): void
  removeHandler(channel: string): void
}

/** The main window, as far as events are concerned. */
export type EventTarget = {
  isDestroyed(): boolean
  webContents: { send(channel: string, ...args: unknown[]): void }
}

/** The API's events (the backend's EventHub). */
export type EventSource = { subscribe(listener: EventListener): () => void }

/** One API call: dispatch with the backend's api and the app's log bound in (main.ts). */
export type Dispatch = (method: string, input: unknown) => Promise<Reply<unknown>>

export const INVOKE_CHANNEL = 'api:invoke'
export const EVENT_CHANNEL = 'api:event'

/**
 * Only our own renderer may call the API: the top frame of a page from app://mlperf (or the dev
 * server, which main.ts passes in development only). A file:// page, a frame inside the page,
 * or a page the window was somehow navigated to gets nothing.
 */
export function trustedSender(event: SenderEvent, devUrl: string | undefined): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return isOwnUrl(frame.url, devUrl)
}

/**
 * Binds the single `api:invoke` channel to `dispatch` for trusted senders and forwards the
 * API's events to the window (while it lives). Returns the unbind function.
 */
export function bindIpc(
  ipc: IpcMainLike,
  dispatch: Dispatch,
  events: EventSource,
  to: { win: EventTarget; devUrl: string | undefined }
): () => void {
  ipc.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!trustedSender(event, to.devUrl)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Untrusted sender' } }
    }
    return dispatch(String(method), input)
  })
  const unsubscribe = events.subscribe((name: EventName, payload: unknown) => {
    if (!to.win.isDestroyed()) to.win.webContents.send(EVENT_CHANNEL, name, payload)
  })
  return () => {
    ipc.removeHandler(INVOKE_CHANNEL)
    unsubscribe()
  }
}
