/**
 * The IPC binding as a function of a fake ipcMain, dispatch and window (src-main/electron/
 * ipc.ts): trusted senders reach dispatch, others get a refusal without it; events go to the
 * window while it lives; unbinding removes the handler and the subscription.
 */
import { describe, expect, it } from 'vitest'
import { EventHub } from '../../../../src-main/api/event-hub'
import type { IpcMainLike, SenderEvent } from '../../../../src-main/electron/ipc'
import { bindIpc, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../../src-main/electron/ipc'
import type { Reply } from '../../../../src-main/shared/api'

type Handler = (event: SenderEvent, ...args: unknown[]) => unknown

function setup(devUrl?: string) {
  const handlers = new Map<string, Handler>()
  const ipc: IpcMainLike = {
    handle: (channel, h) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, h)
    },
    removeHandler: (channel) => void handlers.delete(channel)
  }
  const dispatched: [string, unknown][] = []
  const dispatch = async (method: string, input: unknown): Promise<Reply<unknown>> => {
    dispatched.push([method, input])
    return { ok: true, value: `answer to ${method}` }
  }
  const hub = new EventHub()
  const sent: unknown[][] = []
  let destroyed = false
  const win = {
    isDestroyed: () => destroyed,
    webContents: { send: (...args: unknown[]) => void sent.push(args) }
  }
  const unbind = bindIpc(ipc, dispatch, hub, { win, devUrl })
  const call = (frame: SenderEvent['senderFrame'], method: unknown, input: unknown = {}) =>
    handlers.get(INVOKE_CHANNEL)!({ senderFrame: frame }, method, input) as Promise<Reply<unknown>>
  return { handlers, dispatched, hub, sent, unbind, call, destroy: () => (destroyed = true) }
}

const top = (url: string) => ({ url, parent: null })
const refused = { ok: false, error: { code: 'invalid_input', message: 'Untrusted sender' } }

describe('bindIpc', () => {
  it("hands the app's own top frame's calls to dispatch and returns its reply", async () => {
    const { call, dispatched } = setup()
    expect(await call(top('app://mlperf/index.html#/charts'), 'results.query', { a: 1 })).toEqual({
      ok: true,
      value: 'answer to results.query'
    })
    // Whatever the page sends as the name becomes a string for dispatch to check.
    await call(top('app://mlperf/index.html'), 42)
    expect(dispatched).toEqual([
      ['results.query', { a: 1 }],
      ['42', {}]
    ])
  })

  it('refuses frames inside the page, other pages and a missing frame, without dispatching', async () => {
    const { call, dispatched } = setup()
    for (const frame of [
      { url: 'app://mlperf/index.html', parent: { url: 'app://mlperf/index.html' } },
      top('file:///home/u/evil.html'),
      top('https://evil.example/'),
      top('app://other/index.html'),
      top('http://localhost:5173/'),
      null
    ]) {
      expect(await call(frame, 'app.info')).toEqual(refused)
    }
    expect(dispatched).toEqual([])
  })

  it('trusts the dev server only when main passes its URL', async () => {
    const dev = setup('http://localhost:5173')
    expect((await dev.call(top('http://localhost:5173/'), 'app.info')).ok).toBe(true)
    expect(await dev.call(top('http://localhost:5174/'), 'app.info')).toEqual(refused)
  })

  it('forwards events to the window while it lives', () => {
    const { hub, sent, destroy } = setup()
    hub.emit('app.command', {} as never)
    destroy()
    hub.emit('app.command', {} as never)
    expect(sent).toEqual([[EVENT_CHANNEL, 'app.command', {}]])
  })

  it('unbinding removes the handler and stops the events', () => {
    const { hub, sent, unbind, handlers } = setup()
    unbind()
    expect(handlers.has(INVOKE_CHANNEL)).toBe(false)
    hub.emit('app.command', {} as never)
    expect(sent).toEqual([])
  })
})
