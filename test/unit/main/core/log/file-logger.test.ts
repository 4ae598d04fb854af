import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fileLogger } from '../../../../../src-main/core/log/file-logger'

const dirs: string[] = []
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'mlx-log-'))
  dirs.push(d)
  return d
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const at = (): Date => new Date('2026-01-02T03:04:05.000Z')
/** Every entry's first line has the time, the level and the message: 38 bytes for "mNN". */
const entry = (i: number): string => `m${String(i).padStart(2, '0')}`
const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8')

describe('fileLogger', () => {
  it('makes its folder and appends entries with time, level and message', () => {
    const dir = join(tempDir(), 'logs', 'nested')
    const log = fileLogger({ dir, now: at })
    log.info('started')
    log.warn('careful')
    expect(read(dir, 'main.log')).toBe(
      '2026-01-02T03:04:05.000Z INFO started\n2026-01-02T03:04:05.000Z WARN careful\n'
    )
  })

  it('keeps an error stack below its message, indented', () => {
    const dir = tempDir()
    const log = fileLogger({ dir, now: at })
    const e = new Error('boom')
    log.error('results.query failed unexpectedly', e)
    const text = read(dir, 'main.log')
    const [first, ...rest] = text.trimEnd().split('\n')
    expect(first).toBe('2026-01-02T03:04:05.000Z ERROR results.query failed unexpectedly')
    expect(rest[0]).toBe('  Error: boom')
    // The stack's frames, this test file among them.
    expect(rest.some((l) => l.includes('file-logger.test.ts'))).toBe(true)
    expect(rest.every((l) => l.startsWith('  '))).toBe(true)
  })

  it('rotates past maxBytes and keeps only `keep` older files, newest in .1', () => {
    const dir = tempDir()
    const one = `2026-01-02T03:04:05.000Z INFO ${entry(0)}\n`.length
    // Two entries fit in a file, the third starts a new one.
    const log = fileLogger({ dir, maxBytes: one * 2, keep: 2, now: at })
    for (let i = 0; i < 9; i++) log.info(entry(i))
    expect(readdirSync(dir).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2'])
    const messages = (file: string): string[] =>
      read(dir, file)
        .trimEnd()
        .split('\n')
        .map((l) => l.split(' ')[2]!)
    expect(messages('main.log')).toEqual(['m08'])
    expect(messages('main.log.1')).toEqual(['m06', 'm07'])
    expect(messages('main.log.2')).toEqual(['m04', 'm05'])
    for (const f of readdirSync(dir)) {
      expect(readFileSync(join(dir, f)).length).toBeLessThanOrEqual(one * 2)
    }
  })

  it('counts a file left by an earlier run towards the limit', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'main.log'), 'x'.repeat(90) + '\n')
    const log = fileLogger({ dir, maxBytes: 100, keep: 1, now: at })
    log.info('new session')
    expect(read(dir, 'main.log.1')).toBe('x'.repeat(90) + '\n')
    expect(read(dir, 'main.log')).toBe('2026-01-02T03:04:05.000Z INFO new session\n')
  })

  it('gives an entry larger than maxBytes a file of its own, uncut', () => {
    const dir = tempDir()
    const log = fileLogger({ dir, maxBytes: 50, keep: 3, now: at })
    log.info('short')
    const long = 'y'.repeat(200)
    log.info(long)
    log.info('after')
    expect(read(dir, 'main.log.2')).toContain('INFO short')
    expect(read(dir, 'main.log.1')).toBe(`2026-01-02T03:04:05.000Z INFO ${long}\n`)
    expect(read(dir, 'main.log')).toContain('INFO after')
  })

  it('with keep 0 starts over in one file', () => {
    const dir = tempDir()
    const log = fileLogger({ dir, maxBytes: 60, keep: 0, now: at })
    log.info('first entry of the log')
    log.info('second entry of the log')
    expect(readdirSync(dir)).toEqual(['main.log'])
    expect(read(dir, 'main.log')).toContain('second entry')
    expect(read(dir, 'main.log')).not.toContain('first entry')
  })

  it('never throws when the log cannot be written', () => {
    const dir = tempDir()
    const file = join(dir, 'not-a-folder')
    writeFileSync(file, '')
    const log = fileLogger({ dir: file })
    expect(() => log.error('lost', new Error('x'))).not.toThrow()
  })
})
