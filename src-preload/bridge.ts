// The object the preload hands the page, as a function of what it needs from Electron, so it
// is tested with fakes (test/unit/main/electron/preload-bridge.test.ts). Bundled into the
// preload's single file: it imports nothing at run time but the shared allowlists.
import type { Reply } from '../src-main/shared/api'
import { EVENT_NAMES, METHOD_NAMES } from '../src-main/shared/api'

/** The part of Electron's ipcRenderer the bridge uses. */
export type IpcRendererLike = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/** What the page gets as `window.mlperfApi` (src-renderer/lib/api/ipc-transport.ts). */
export type MlperfBridge = {
  invoke(method: string, input: unknown): Promise<Reply<unknown>>
  on(event: string, cb: (payload: unknown) => void): () => void
  pathForFile(file: File): string
}

/** The one channel every API call takes; main answers it with dispatch (electron/ipc.ts). */
export const INVOKE_CHANNEL = 'api:invoke'
/** The one channel every API event comes on, with its name as the first argument. */
export const EVENT_CHANNEL = 'api:event'

/**
 * invoke reaches IPC only for the API's method names, on only listens to its event names: a
 * script in the page cannot use the bridge to send anything else to the main process.
 */
export function createBridge(
  ipc: IpcRendererLike,
  pathForFile: (file: File) => string
): MlperfBridge {
  const methods = new Set<string>(METHOD_NAMES)
  const events = new Set<string>(EVENT_NAMES)
  return {
    invoke(method: string, input: unknown): Promise<Reply<unknown>> {
      if (!methods.has(method)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'invalid_input', message: `Unknown method "${method}"` }
        })
      }
      return ipc.invoke(INVOKE_CHANNEL, method, input) as Promise<Reply<unknown>>
    },
    on(event: string, cb: (payload: unknown) => void): () => void {
      if (!events.has(event)) throw new Error(`Unknown event "${event}"`)
      const listener = (_e: unknown, name: unknown, payload: unknown): void => {
        if (name === event) cb(payload)
      }
      ipc.on(EVENT_CHANNEL, listener)
      return () => void ipc.removeListener(EVENT_CHANNEL, listener)
    },
    pathForFile(file: File): string {
      return pathForFile(file)
    }
  }
}
