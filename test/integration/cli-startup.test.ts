/**
 * `mlperf-explorer --help` answers from the prebuilt plain-JavaScript bundle of the command line
 * (src-main/cli/command-line-cache.mjs, built at install), without starting the TypeScript loader;
 * a bundle older than its sources is not used (the text comes from the sources and the bundle is
 * built again). A usage error still goes through tsx but loads no command. Measured as modules
 * loaded, against a bare node start and a bare tsx start (tsx's loader and one empty module).
 * Eager loading (every handler, the database, ECharts, the runtime) was ~970 modules and ~3 s CPU;
 * the time itself is in `npm run bench` (cli-start).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src-main/cli/main'

const root = join(import.meta.dirname, '..', '..')
const counter = join(root, 'test', 'support', 'module-count')
const cache = join(root, 'node_modules', '.cache', 'mlperf-explorer', 'command-line.json')

type Measure = {
  modules: number
  urls: string[]
  cpuMs: number
  status: number | null
  out: string
  err: string
}

function measure(script: string, args: string[] = []): Measure {
  const r = spawnSync(
    process.execPath,
    ['--import', join(counter, 'module-count.js'), script, ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, MODULE_COUNT_LIST: '1' } }
  )
  const line = /MODULES (\{.*\})\n/.exec(r.stderr)
  if (!line?.[1]) throw new Error(`no module count from ${script}: ${r.stderr}`)
  const m = JSON.parse(line[1]) as { modules: number; cpuMs: number }
  const [err = '', urls = ''] = r.stderr.slice(0, line.index).split('\0')
  return { ...m, urls: urls.split('\n').filter(Boolean), status: r.status, out: r.stdout, err }
}

/** The lowest of a few runs: the machine's other work only ever adds. */
function best(script: string, args: string[] = []): Measure {
  const runs = [0, 1, 2].map(() => measure(script, args))
  return runs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a))
}

/** What the CLI prints in-process, from the TypeScript sources. */
async function fromSources(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const status = await main(args, { out: (s) => (out += s), err: (s) => (err += s) })
  return { status, out, err }
}

const bin = join(root, 'src-main', 'cli', 'bin.js')
const builtMs = (): number =>
  (JSON.parse(readFileSync(cache, 'utf8')) as { builtMs: number }).builtMs
const usesTsx = (m: Measure): boolean => m.urls.some((u) => u.includes('/node_modules/tsx/'))

describe('CLI startup', () => {
  const bareTsx = best(join(counter, 'bare-tsx.js'))
  const bareNode = best(join(counter, 'bare-node.js'))
  beforeAll(() => {
    // What `npm install` runs (the postinstall script).
    const r = spawnSync(process.execPath, [join(root, 'src-main', 'cli', 'command-line-cache.mjs')])
    expect(r.status).toBe(0)
  })

  it('answers every help request from the bundle, as the sources would, without tsx', async () => {
    const requests = [[], ['--help'], ['help'], ['help', 'results'], ['chart', '--help']]
    for (const args of [...requests, ['catalogue', 'update', '-h'], ['help', 'nope'], ['nope']]) {
      const fast = measure(bin, args)
      expect(usesTsx(fast), args.join(' ')).toBe(false)
      expect(fast.urls.some((u) => u.endsWith('.ts'))).toBe(false)
      const slow = await fromSources(args)
      expect({ status: fast.status, out: fast.out, err: fast.err }).toEqual(slow)
    }
    const help = best(bin, ['--help'])
    expect(help.out).toMatch(/mlperf-explorer import <path>/)
    // bin.js, the cache reader and the bundle (and node's own fs, path, os).
    const files = (m: Measure): string[] => m.urls.filter((u) => u.startsWith('file:'))
    expect(files(help).map((u) => u.slice(u.lastIndexOf('/') + 1))).toEqual([
      'bin.js',
      'command-line-cache.mjs',
      'command-line.mjs'
    ])
    expect(files(bareNode)).toHaveLength(1)
    expect(help.modules).toBeLessThan(bareTsx.modules)
  })

  it('does not use a bundle older than its sources, and builds it again', () => {
    const help = join(root, 'src-main', 'cli', 'help.ts')
    const { atime, mtime } = statSync(help)
    const before = builtMs()
    try {
      utimesSync(help, atime, new Date(Date.now() + 60_000))
      const stale = measure(bin, ['results', '--help'])
      expect(usesTsx(stale)).toBe(true)
      expect(stale.out).toMatch(/^ {2}mlperf-explorer results /)
      expect(builtMs()).toBeGreaterThan(before)
    } finally {
      utimesSync(help, atime, mtime)
    }
    // Built again, so help is fast again.
    expect(usesTsx(measure(bin, ['--help']))).toBe(false)
  })

  it('refuses a foreign option without loading the command', () => {
    const bad = measure(bin, ['results', '--thresholds', '5', '--port', '99'])
    expect(bad.status).toBe(2)
    expect(bad.err).toMatch(
      /^results: unknown option --thresholds \(--thresholds is an option of ttmt\)\n/
    )
    expect(bad.modules - bareTsx.modules).toBeLessThanOrEqual(15)
  })
})
