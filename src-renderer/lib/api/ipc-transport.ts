import type { Reply } from '../../../src-main/shared/api'
import { transportFailure, type Transport } from './transport'

/** What the preload exposes on `window.mlperfApi` (src-preload/index.ts). */
export type PreloadApi = {
  invoke(method: string, input: unknown): Promise<Reply<unknown>>
  on(event: string, cb: (payload: unknown) => void): () => void
  pathForFile(file: File): string
}

/** The preload's object, when the page runs inside the Electron shell. */
export function findPreloadApi(): PreloadApi | null {
  const candidate = (window as Window & { mlperfApi?: PreloadApi }).mlperfApi
  return candidate && typeof candidate.invoke === 'function' ? candidate : null
}

/** Transport over Electron IPC (one `api:invoke` channel behind the preload). */
export function ipcTransport(preload: PreloadApi): Transport {
  return {
    async invoke(method, input) {
      try {
        return await preload.invoke(method, input)
      } catch (err) {
        // The preload rejects only for names outside its allowlist or a dead main process.
        return transportFailure(err instanceof Error ? err.message : String(err))
      }
    },
    on(event, cb) {
      return preload.on(event, cb)
    }
  }
}
