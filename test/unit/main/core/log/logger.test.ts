import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  debugLogger,
  describeThrown,
  formatEntry,
  nullLogger,
  stderrLogger,
  textLogger
} from '../../../../../src-main/core/log/logger'

const at = new Date('2026-01-02T03:04:05.000Z')

afterEach(() => {
  vi.restoreAllMocks()
})

describe('formatEntry', () => {
  it('writes one line without an error', () => {
    expect(formatEntry('info', 'hello', undefined, at)).toBe(
      '2026-01-02T03:04:05.000Z INFO hello\n'
    )
  })

  it('indents continuation lines so each entry starts at an unindented line', () => {
    expect(formatEntry('warn', 'two\nlines', 'why', at)).toBe(
      '2026-01-02T03:04:05.000Z WARN two\n  lines\n  why\n'
    )
  })
})

describe('describeThrown', () => {
  it('gives the stack of an Error and of its cause', () => {
    const e = new Error('outer', { cause: new TypeError('inner') })
    const text = describeThrown(e)
    expect(text.startsWith('Error: outer\n')).toBe(true)
    expect(text).toMatch(/\nCaused by: TypeError: inner\n/)
  })

  it('writes other values as JSON or text', () => {
    expect(describeThrown('plain')).toBe('plain')
    expect(describeThrown({ code: 7 })).toBe('{"code":7}')
    expect(describeThrown(undefined)).toBe('undefined')
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(describeThrown(cyclic)).toBe('[object Object]')
  })
})

describe('textLogger and stderrLogger', () => {
  it('hand every level to the writer', () => {
    const out: string[] = []
    const log = textLogger(
      (s) => out.push(s),
      () => at
    )
    log.info('a')
    log.warn('b')
    log.error('c', new Error('d'))
    expect(out.map((s) => s.split('\n')[0])).toEqual([
      '2026-01-02T03:04:05.000Z INFO a',
      '2026-01-02T03:04:05.000Z WARN b',
      '2026-01-02T03:04:05.000Z ERROR c'
    ])
    expect(out[2]).toContain('\n  Error: d\n')
  })

  it('swallow a writer that throws', () => {
    const log = textLogger(() => {
      throw new Error('disk gone')
    })
    expect(() => log.error('x')).not.toThrow()
  })

  it('stderrLogger writes to stderr, never stdout', () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    stderrLogger(() => at).error('broken', new Error('why'))
    expect(out).not.toHaveBeenCalled()
    expect(err).toHaveBeenCalledTimes(1)
    expect(String(err.mock.calls[0]![0])).toMatch(
      /^2026-01-02T03:04:05.000Z ERROR broken\n {2}Error: why/
    )
  })

  it('debugLogger writes only while MLPERF_EXPLORER_DEBUG is set', () => {
    const out: string[] = []
    const env: NodeJS.ProcessEnv = {}
    const log = debugLogger(
      env,
      textLogger(
        (s) => out.push(s),
        () => at
      )
    )
    log.error('quiet', new Error('x'))
    env.MLPERF_EXPLORER_DEBUG = '1'
    log.warn('loud')
    env.MLPERF_EXPLORER_DEBUG = ''
    log.info('quiet again')
    expect(out).toEqual(['2026-01-02T03:04:05.000Z WARN loud\n'])
  })

  it('nullLogger accepts everything', () => {
    expect(() => {
      nullLogger.info('a')
      nullLogger.warn('b', 1)
      nullLogger.error('c', new Error('d'))
    }).not.toThrow()
  })
})
