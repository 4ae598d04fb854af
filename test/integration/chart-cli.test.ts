import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../src-main/api/open-backend'
import { main } from '../../src-main/cli/main'
import { pngSize } from '../../src-main/core/export/chart-image'

const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'mlx-chart-cli-'))
const db = join(dir, 'cli.db')

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) })
  return { code, out, err }
}

beforeAll(async () => {
  // The published catalogue, as every new database gets it.
  const b = openBackend({ dbPath: db, shell: 'cli', appRoot: root, catalogue: true })
  await b.close()
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('mlperf-explorer chart', () => {
  const view = join(dir, 'view.json')
  writeFileSync(
    view,
    JSON.stringify({
      format: 'mlperf-explorer-view',
      version: 1,
      view: {
        kind: 'speedup',
        accelerators: 1,
        filters: [{ column: 'division', op: 'eq', value: 'closed' }]
      }
    })
  )

  it('renders a saved view to SVG without a window', async () => {
    const out = join(dir, 'speedup.svg')
    const r = await run(['chart', '--view', view, '--out', out, '--db', db])
    expect(r.err).toMatch(/note: /)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(
      /^Wrote .*speedup\.svg \(1200×720, \d+ points\): Round-over-round speedup/
    )
    const svg = readFileSync(out, 'utf8')
    expect(svg).toContain('best result at 1 accelerator')
    expect(svg).toContain('Speedup over the first comparable round')
    // Wrapped over two lines of the drawn footnote.
    expect(svg).toContain('MultiStream changed meaning in')
    expect(svg).toContain('trademarks of MLCommons Association')
  })

  it('renders PNG at twice the size', async () => {
    const out = join(dir, 'dist.png')
    const dv = join(dir, 'dist.json')
    writeFileSync(
      dv,
      JSON.stringify({
        kind: 'distribution',
        filters: [{ column: 'round', op: 'eq', value: 'v4.1' }]
      })
    )
    const r = await run([
      'chart',
      '--view',
      dv,
      '--out',
      out,
      '--db',
      db,
      '--width',
      '1000',
      '--height',
      '640'
    ])
    expect(r.code).toBe(0)
    // Twice the figure's size: the width asked for, the height asked for or more when the plot
    // would be squeezed below its minimum (the CLI says the size it wrote).
    const written = /\((\d+)×(\d+),/.exec(r.out)
    const size = pngSize(readFileSync(out))
    expect(size).toEqual({ width: 2000, height: Number(written?.[2]) })
    expect(size?.height).toBeGreaterThanOrEqual(1280)
  })

  it('explains bad arguments and bad view files', async () => {
    expect((await run(['chart', '--out', join(dir, 'x.svg'), '--db', db])).code).toBe(2)
    expect(
      (await run(['chart', '--view', view, '--out', join(dir, 'x.gif'), '--db', db])).err
    ).toMatch(/\.svg or \.png/)
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ kind: 'pie' }))
    const r = await run(['chart', '--view', bad, '--out', join(dir, 'x.svg'), '--db', db])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/Not a chart view: kind/)
  })
})

describe('mlperf-explorer results --footnote', () => {
  it('keeps the CSV header contract and appends the citation as "# " lines', async () => {
    const plain = await run(['results', '--db', db, '--where', 'round=v4.1', '--format', 'csv'])
    expect(plain.out).not.toContain('\n# ')
    const r = await run([
      'results',
      '--db',
      db,
      '--where',
      'round=v4.1',
      '--format',
      'csv',
      '--footnote'
    ])
    expect(r.code).toBe(0)
    expect(r.out.startsWith(plain.out)).toBe(true)
    const parsed = Papa.parse<Record<string, string>>(r.out, {
      header: true,
      comments: '#',
      skipEmptyLines: true
    })
    expect(parsed.meta.fields?.slice(0, 3)).toEqual(['round', 'division', 'category'])
    expect(parsed.data.length).toBe(Papa.parse(plain.out.trim(), { header: true }).data.length)
    expect(r.out).toMatch(/\n# MLPerf™ Inference v4\.1 /)
    expect(r.out).toContain('# The MLPerf name and logo are trademarks')
  })
})
