/**
 * `mlperf-explorer --help` (and a usage error) must not load the commands: the command table
 * imports a handler only when its command runs. Measured against a bare tsx start (tsx's
 * loader and one empty module), as modules loaded and CPU time of the whole process. Eager
 * loading (every handler, the database, ECharts, the runtime) was ~970 modules and ~3 s CPU.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const counter = join(root, 'test', 'support', 'module-count')

type Measure = { modules: number; cpuMs: number; status: number | null; out: string; err: string }

function measure(script: string, args: string[] = []): Measure {
  const r = spawnSync(
    process.execPath,
    ['--import', join(counter, 'module-count.js'), script, ...args],
    { cwd: root, encoding: 'utf8' }
  )
  const line = /MODULES (\{.*\})/.exec(r.stderr)
  if (!line?.[1]) throw new Error(`no module count from ${script}: ${r.stderr}`)
  const m = JSON.parse(line[1]) as { modules: number; cpuMs: number }
  return { ...m, status: r.status, out: r.stdout, err: r.stderr.replace(/MODULES .*\n/, '') }
}

/** The lowest of a few runs: the machine's other work only ever adds. */
function best(script: string, args: string[] = []): Measure {
  const runs = [0, 1, 2].map(() => measure(script, args))
  return runs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a))
}

const bin = join(root, 'src-main', 'cli', 'bin.js')

describe('CLI startup', () => {
  const bare = best(join(counter, 'bare-tsx.js'))

  it('prints the help loading a handful of modules more than a bare tsx start', () => {
    const help = best(bin, ['--help'])
    expect(help.status).toBe(0)
    expect(help.out).toMatch(/mlperf-explorer import <path>/)
    // The CLI's own text modules (main, table, options, help) and the database path: ~10.
    expect(help.modules - bare.modules).toBeLessThanOrEqual(15)
    expect(help.modules).toBeLessThan(bare.modules * 2)
    // Eager loading costs several times the baseline; lazy loading costs little above it.
    expect(help.cpuMs).toBeLessThan(bare.cpuMs * 2 + 300)
  })

  it("prints a command's help and refuses a foreign option without loading the command", () => {
    const chartHelp = measure(bin, ['chart', '--help'])
    expect(chartHelp.status).toBe(0)
    expect(chartHelp.out).toMatch(/^ {2}mlperf-explorer chart --view/)
    expect(chartHelp.modules - bare.modules).toBeLessThanOrEqual(15)

    const bad = measure(bin, ['results', '--thresholds', '5', '--port', '99'])
    expect(bad.status).toBe(2)
    expect(bad.err).toMatch(
      /^results: unknown option --thresholds \(--thresholds is an option of ttmt\)\n/
    )
    expect(bad.modules - bare.modules).toBeLessThanOrEqual(15)
  })
})
