/**
 * Issue 14, point 6: an unexpected error in a handler reaches the client as `internal` with its
 * message only, and the log gets the stack; expected failures are not logged.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiFailure } from '../../../../src-main/api/api-failure'
import { dispatch } from '../../../../src-main/api/dispatch'
import type { Logger } from '../../../../src-main/api/dispatch'
import type { Api } from '../../../../src-main/shared/api'

type Entry = { level: 'info' | 'warn' | 'error'; message: string; error?: unknown }

function recordingLogger(): Logger & { entries: Entry[] } {
  const entries: Entry[] = []
  return {
    entries,
    info: (message) => entries.push({ level: 'info', message }),
    warn: (message, error) => entries.push({ level: 'warn', message, error }),
    error: (message, error) => entries.push({ level: 'error', message, error })
  }
}

/** An Api whose app.info does what `info` does; dispatch reaches nothing else here. */
function apiWith(info: () => Promise<unknown>): Api {
  return { app: { info } } as unknown as Api
}

function bug(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'rows')")
}

describe('dispatch logging', () => {
  it('logs an unexpected error with its stack; the reply carries no stack', async () => {
    const log = recordingLogger()
    const reply = await dispatch(
      apiWith(async () => bug()),
      'app.info',
      {},
      log
    )
    expect(reply).toEqual({
      ok: false,
      error: { code: 'internal', message: "Cannot read properties of undefined (reading 'rows')" }
    })
    expect(JSON.stringify(reply)).not.toContain('dispatch-log.test')
    expect(log.entries).toHaveLength(1)
    const [entry] = log.entries
    expect(entry!.level).toBe('error')
    expect(entry!.message).toBe('app.info failed unexpectedly')
    expect(entry!.error).toBeInstanceOf(TypeError)
    // The stack names the function that threw.
    expect((entry!.error as Error).stack).toMatch(/at bug /)
  })

  it('logs a thrown non-Error value too', async () => {
    const log = recordingLogger()
    const reply = await dispatch(
      apiWith(async () => {
        // A library that throws a string: it happens, and the log must still get it.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw 'just a string'
      }),
      'app.info',
      {},
      log
    )
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'just a string' } })
    expect(log.entries).toEqual([
      { level: 'error', message: 'app.info failed unexpectedly', error: 'just a string' }
    ])
  })

  it('logs a database fault as a warning, a lock not at all', async () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
    const log = recordingLogger()
    const r1 = await dispatch(
      apiWith(async () => Promise.reject(full)),
      'app.info',
      {},
      log
    )
    const r2 = await dispatch(
      apiWith(async () => Promise.reject(busy)),
      'app.info',
      {},
      log
    )
    expect(r1.ok || r1.error.code).toBe('internal')
    expect(r2.ok || r2.error.code).toBe('conflict')
    expect(log.entries.map((e) => [e.level, e.error])).toEqual([['warn', full]])
    expect(log.entries[0]!.message).toMatch(/^app\.info failed: The disk holding/)
  })

  it('does not log what the client caused or an answer', async () => {
    const log = recordingLogger()
    const missing = await dispatch(
      apiWith(async () => {
        throw new ApiFailure('not_found', 'No such result')
      }),
      'app.info',
      {},
      log
    )
    expect(missing).toEqual({ ok: false, error: { code: 'not_found', message: 'No such result' } })
    expect(
      (
        await dispatch(
          apiWith(async () => 1),
          'app.info',
          {},
          log
        )
      ).ok
    ).toBe(true)
    expect(
      (
        await dispatch(
          apiWith(async () => 1),
          'no.such',
          {},
          log
        )
      ).ok
    ).toBe(false)
    expect(
      (
        await dispatch(
          apiWith(async () => 1),
          'app.info',
          { extra: 1 },
          log
        )
      ).ok
    ).toBe(false)
    expect(log.entries).toEqual([])
  })

  it('logs a method without a handler', async () => {
    const log = recordingLogger()
    const reply = await dispatch({ app: {} } as unknown as Api, 'app.info', {}, log)
    expect(reply.ok || reply.error.code).toBe('internal')
    expect(log.entries.map((e) => e.message)).toEqual(['app.info: no handler'])
  })

  describe('without a log (the one-shot commands of the CLI)', () => {
    afterEach(() => {
      vi.unstubAllEnvs()
      vi.restoreAllMocks()
    })

    it('writes the stack to stderr only with MLPERF_EXPLORER_DEBUG set', async () => {
      const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
      vi.stubEnv('MLPERF_EXPLORER_DEBUG', '')
      await dispatch(
        apiWith(async () => bug()),
        'app.info',
        {}
      )
      expect(err).not.toHaveBeenCalled()
      vi.stubEnv('MLPERF_EXPLORER_DEBUG', '1')
      const reply = await dispatch(
        apiWith(async () => bug()),
        'app.info',
        {}
      )
      expect(reply.ok).toBe(false)
      expect(err).toHaveBeenCalledTimes(1)
      expect(String(err.mock.calls[0]![0])).toMatch(
        /ERROR app\.info failed unexpectedly\n {2}TypeError: .*\n\s+at bug /
      )
    })
  })
})
