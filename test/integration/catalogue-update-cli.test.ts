import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../src-main/cli/main'
import { FIXTURES } from '../support/published-fixture'
import type { PublishedServer } from '../support/published-server'
import { startPublishedServer } from '../support/published-server'

const dir = mkdtempSync(join(tmpdir(), 'mlx-cat-cli-'))
const db = join(dir, 'cli.db')
let server: PublishedServer

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) })
  return { code, out, err }
}

beforeAll(async () => {
  cpSync(FIXTURES, join(dir, 'served'), { recursive: true })
  server = await startPublishedServer({
    'mlcommons/inference_results_v5.0': [join(dir, 'served', 'mlcommons', 'inference_results_v5.0')]
  })
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('mlperf-explorer catalogue update', () => {
  it('lists the rounds and what an update would do', async () => {
    const r = await run(['catalogue', 'update', '--list', '--db', db, '--base-url', server.url])
    expect(r.code).toBe(0)
    expect(r.err).toContain(`Source address set to ${server.url}`)
    expect(r.out).toContain(`source: ${server.url}`)
    expect(r.out).toMatch(
      /inference\s+v5\.0\s+summary_results\.json \(final report\)\s+0\s+0\s+download/
    )
    expect(r.out).toMatch(/inference\s+v6\.1\s+.*look for it/)
  })

  it('downloads and imports a round, then finds it unchanged (304)', async () => {
    const first = await run(['catalogue', 'update', '--round', 'v5.0', '--db', db])
    expect(first.code).toBe(0)
    expect(first.out).toContain(`Update done (source: ${server.url})`)
    expect(first.out).toMatch(
      /inference\s+v5\.0\s+imported\s+3 new, 0 updated, 0 unchanged, 0 skipped/
    )
    const second = await run(['catalogue', 'update', '--round', 'v5.0', '--db', db])
    expect(second.code).toBe(0)
    expect(second.out).toMatch(/inference\s+v5\.0\s+unchanged\s+Unchanged since the last download/)
    expect(server.requests.map((q) => q.status)).toEqual([200, 304])
    const table = await run(['results', '--db', db, '--where', 'round=v5.0', '--format', 'csv'])
    expect(table.out.trim().split('\n')).toHaveLength(4)
  })

  it('exits 1 with one line when offline, and 2 for bad arguments', async () => {
    const gone = await startPublishedServer({})
    await gone.close()
    // A fresh database: in the first one v5.0 is present, so nothing would be asked for.
    const fresh = join(dir, 'fresh.db')
    const off = await run([
      'catalogue',
      'update',
      '--round',
      'v5.0',
      '--db',
      fresh,
      '--base-url',
      gone.url
    ])
    expect(off.code).toBe(1)
    expect(off.out).toMatch(
      /^error: Cannot reach 127\.0\.0\.1:\d+: connection refused\. .*Nothing was changed\.$/m
    )
    expect(off.out).not.toMatch(/\n\s+at /)
    expect((await run(['catalogue', 'update', '--round', '5.0', '--db', db])).code).toBe(2)
    expect((await run(['catalogue', 'update', '--suite', 'tiny', '--db', db])).code).toBe(2)
    const unknown = await run(['catalogue', 'update', '--round', 'v0.5', '--db', db])
    expect(unknown.code).toBe(2)
    expect(unknown.err).toContain('no published table is known for v0.5')
    expect((await run(['catalogue', 'update', '--base-url', 'nonsense', '--db', db])).code).toBe(2)
  })
})
