// Sandboxed preload: one hand-picked object, no Node, no ipcRenderer handed to the page.
// It must stay a single CommonJS bundle (electron-vite issue #282), hence no runtime imports
// other than electron; the allowlists are inlined from the shared contract at build time.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import type { IpcRendererEvent } from 'electron'
import { EVENT_NAMES, METHOD_NAMES } from '../src-main/shared/api'

const methods = new Set<string>(METHOD_NAMES)
const events = new Set<string>(EVENT_NAMES)

contextBridge.exposeInMainWorld('mlperfApi', {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (!methods.has(method)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid_input', message: `Unknown method "${method}"` }
      })
    }
    return ipcRenderer.invoke('api:invoke', method, input)
  },
  on(event: string, cb: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event "${event}"`)
    const listener = (_e: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) cb(payload)
    }
    ipcRenderer.on('api:event', listener)
    return () => ipcRenderer.removeListener('api:event', listener)
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file)
  }
})
