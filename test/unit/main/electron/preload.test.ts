/**
 * Security checklist item 20 on the preload itself (run against a stand-in for `electron`):
 * the page gets one object with three functions, invoke only reaches the API's method names
 * and on only its event names.
 */
import { describe, expect, it, vi } from 'vitest'
import { METHOD_NAMES } from '../../../../src-main/shared/api'

const fake = vi.hoisted(() => {
  const exposed: [string, Record<string, unknown>][] = []
  const invoked: unknown[][] = []
  const listening: string[] = []
  return {
    exposed,
    invoked,
    listening,
    electron: {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push([key, api])
      },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          invoked.push(args)
          return { ok: true, value: null }
        },
        on: (channel: string) => listening.push(channel),
        removeListener: () => undefined
      },
      webUtils: { getPathForFile: () => '/picked' }
    }
  }
})
vi.mock('electron', () => fake.electron)

describe('the sandboxed preload', () => {
  it('exposes one object with invoke, on and pathForFile, and nothing of Electron', async () => {
    await import('../../../../src-preload/index')
    expect(fake.exposed.map(([k]) => k)).toEqual(['mlperfApi'])
    const api = fake.exposed[0]![1] as {
      invoke: (m: string, i: unknown) => Promise<{ ok: boolean }>
      on: (e: string, cb: () => void) => () => void
    }
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathForFile'])
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true)

    await api.invoke(METHOD_NAMES[0], {})
    expect(fake.invoked).toEqual([['api:invoke', METHOD_NAMES[0], {}]])
    // Names outside the API never reach IPC.
    for (const name of ['api:invoke', 'app.quit', '__proto__', 'results.query\n']) {
      expect((await api.invoke(name, {})).ok).toBe(false)
    }
    expect(fake.invoked).toHaveLength(1)
    expect(() => api.on('evil', () => undefined)).toThrow(/Unknown event/)
    api.on('imports.progress', () => undefined)
    expect(fake.listening).toEqual(['api:event'])
  })
})
