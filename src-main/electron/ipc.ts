import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { ipcMain } from 'electron'
import type { Api } from '../shared/api'
import { dispatch } from '../api/dispatch'
import type { Logger } from '../core/log/logger'
import { isOwnUrl } from './security'
import type { EventHub } from '../api/event-hub'

/**
 * Only our own renderer may call the API: the top frame of a page from app://mlperf (or the dev
 * server, which main.ts passes in development only). A file:// page, a frame inside the page,
 * or a page the window was somehow navigated to gets nothing.
 */
export function trustedSender(event: IpcMainInvokeEvent, devUrl: string | undefined): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return isOwnUrl(frame.url, devUrl)
}

/** Binds the single `api:invoke` channel to dispatch and forwards hub events to the window. */
export function bindIpc(
  api: Api,
  hub: EventHub,
  win: BrowserWindow,
  devUrl: string | undefined,
  log: Logger
): () => void {
  ipcMain.handle('api:invoke', async (event, method: unknown, input: unknown) => {
    if (!trustedSender(event, devUrl)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Untrusted sender' } }
    }
    return dispatch(api, String(method), input, log)
  })
  const unsubscribe = hub.subscribe((name, payload) => {
    if (!win.isDestroyed()) win.webContents.send('api:event', name, payload)
  })
  return () => {
    ipcMain.removeHandler('api:invoke')
    unsubscribe()
  }
}
