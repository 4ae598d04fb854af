/**
 * Issue 14, point 6, in web mode: the HTTP bridge hands its log to dispatch, and a request that
 * fails outside dispatch is logged too; the client sees neither stack nor file names.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { Logger } from '../../../../src-main/api/dispatch'
import { EventHub } from '../../../../src-main/api/event-hub'
import { startHttpServer } from '../../../../src-main/bridge/http-server'
import type { HttpServerHandle } from '../../../../src-main/bridge/http-server'
import type { Api } from '../../../../src-main/shared/api'

const TOKEN = 'log-test-token'
const staticDir = mkdtempSync(join(tmpdir(), 'mlx-http-log-'))
const servers: HttpServerHandle[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close()
})
afterAll(() => rmSync(staticDir, { recursive: true, force: true }))

function recordingLogger(): Logger & { entries: [string, string, unknown][] } {
  const entries: [string, string, unknown][] = []
  return {
    entries,
    info: (m) => entries.push(['info', m, undefined]),
    warn: (m, e) => entries.push(['warn', m, e]),
    error: (m, e) => entries.push(['error', m, e])
  }
}

async function serve(api: Api, log: Logger): Promise<HttpServerHandle> {
  const s = await startHttpServer({ api, hub: new EventHub(), token: TOKEN, staticDir, log })
  servers.push(s)
  return s
}

async function call(
  s: HttpServerHandle,
  method: string
): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${s.port}/api/${method}?x=1`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: '{}'
  })
  return { status: res.status, body: await res.text() }
}

describe('the HTTP bridge log', () => {
  it("passes its log to dispatch: a handler's unexpected error is logged with its stack", async () => {
    const log = recordingLogger()
    const api = {
      app: {
        info: async () => {
          throw new RangeError('offset out of range in /secret/path.db')
        }
      }
    } as unknown as Api
    const s = await serve(api, log)
    const r = await call(s, 'app.info')
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'offset out of range in /secret/path.db' }
    })
    expect(r.body).not.toContain('http-log.test')
    expect(log.entries.map(([level, m]) => [level, m])).toEqual([
      ['error', 'app.info failed unexpectedly']
    ])
    expect(log.entries[0]![2]).toBeInstanceOf(RangeError)
  })

  it('logs a request that fails outside dispatch and answers a bare 500', async () => {
    const log = recordingLogger()
    // An area that is missing altogether makes the handler lookup itself throw.
    const s = await serve({} as unknown as Api, log)
    const r = await call(s, 'app.info')
    expect(r).toEqual({ status: 500, body: 'Internal error' })
    expect(log.entries).toHaveLength(1)
    const [level, message, error] = log.entries[0]!
    expect(level).toBe('error')
    // The path without its query: a token given in the URL never reaches the log.
    expect(message).toBe('POST /api/app.info failed')
    expect(error).toBeInstanceOf(TypeError)
  })
})
