/**
 * The preload's bridge as a function of a fake ipcRenderer (src-preload/bridge.ts): only the
 * API's method and event names cross, each subscription removes exactly its own listener.
 */
import { describe, expect, it } from 'vitest'
import { EVENT_NAMES, METHOD_NAMES } from '../../../../src-main/shared/api'
import type { IpcRendererLike } from '../../../../src-preload/bridge'
import { createBridge, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../../src-preload/bridge'

type Listener = (event: unknown, ...args: unknown[]) => void

function fakeIpcRenderer() {
  const invoked: unknown[][] = []
  const listeners = new Map<string, Listener[]>()
  const ipc: IpcRendererLike = {
    invoke: async (...args) => {
      invoked.push(args)
      return { ok: true, value: args[1] }
    },
    on: (channel, l) => listeners.set(channel, [...(listeners.get(channel) ?? []), l]),
    removeListener: (channel, l) =>
      listeners.set(
        channel,
        (listeners.get(channel) ?? []).filter((x) => x !== l)
      )
  }
  /** What main's webContents.send does: every listener of the channel gets the arguments. */
  const send = (channel: string, ...args: unknown[]): void => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc' }, ...args)
  }
  return { ipc, invoked, listeners, send }
}

describe('createBridge', () => {
  it('invokes the API channel with the method and input, and returns its reply', async () => {
    const { ipc, invoked } = fakeIpcRenderer()
    const bridge = createBridge(ipc, () => '')
    const input = { suite: 'inference', filters: [] }
    expect(await bridge.invoke('results.query', input)).toEqual({
      ok: true,
      value: 'results.query'
    })
    expect(invoked).toEqual([[INVOKE_CHANNEL, 'results.query', input]])
  })

  it('answers a name outside the API itself, without IPC', async () => {
    const { ipc, invoked } = fakeIpcRenderer()
    const bridge = createBridge(ipc, () => '')
    for (const name of ['api:invoke', 'app.quit', '__proto__', 'toString', 'results.query ']) {
      expect(await bridge.invoke(name, {})).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: `Unknown method "${name}"` }
      })
    }
    expect(invoked).toEqual([])
    // Every real method does reach IPC.
    for (const m of METHOD_NAMES) await bridge.invoke(m, {})
    expect(invoked.map((c) => c[1])).toEqual([...METHOD_NAMES])
  })

  it('delivers only the named event to a subscriber', () => {
    const { ipc, send } = fakeIpcRenderer()
    const bridge = createBridge(ipc, () => '')
    const got: unknown[] = []
    bridge.on('imports.progress', (p) => got.push(p))
    send(EVENT_CHANNEL, 'imports.finished', { jobId: 'x' })
    send(EVENT_CHANNEL, 'imports.progress', { jobId: 'a' })
    send('other-channel', 'imports.progress', { jobId: 'b' })
    expect(got).toEqual([{ jobId: 'a' }])
  })

  it('refuses an unknown event name, and listens to every known one', () => {
    const { ipc, listeners } = fakeIpcRenderer()
    const bridge = createBridge(ipc, () => '')
    expect(() => bridge.on('api:invoke', () => undefined)).toThrow('Unknown event "api:invoke"')
    expect(listeners.size).toBe(0)
    for (const e of EVENT_NAMES) bridge.on(e, () => undefined)
    expect(listeners.get(EVENT_CHANNEL)).toHaveLength(EVENT_NAMES.length)
  })

  it('the unsubscribe function removes its own listener only', () => {
    const { ipc, send, listeners } = fakeIpcRenderer()
    const bridge = createBridge(ipc, () => '')
    const a: unknown[] = []
    const b: unknown[] = []
    const offA = bridge.on('imports.progress', (p) => a.push(p))
    bridge.on('imports.progress', (p) => b.push(p))
    offA()
    send(EVENT_CHANNEL, 'imports.progress', 1)
    expect([a, b]).toEqual([[], [1]])
    expect(listeners.get(EVENT_CHANNEL)).toHaveLength(1)
  })

  it('pathForFile asks the given function', () => {
    const { ipc } = fakeIpcRenderer()
    const seen: unknown[] = []
    const bridge = createBridge(ipc, (f) => (seen.push(f), '/home/u/results.json'))
    const file = { name: 'results.json' } as File
    expect(bridge.pathForFile(file)).toBe('/home/u/results.json')
    expect(seen).toEqual([file])
  })
})
