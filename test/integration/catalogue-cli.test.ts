/** `mlperf-explorer catalogue`: the coverage of the published catalogue, removal and restore. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../../src-main/cli/main'
import type { CatalogueStatus } from '../../src-main/shared/catalogue'
import { readCatalogue } from '../support/catalogue-records'

const root = join(import.meta.dirname, '..', '..')
const dir = mkdtempSync(join(tmpdir(), 'mlx-catalogue-cli-'))
const db = join(dir, 'cli.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const shipped = readCatalogue(root)
const total = shipped.inference.rows.length + shipped.training.rows.length

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) })
  return { code, out, err }
}

describe('mlperf-explorer catalogue', () => {
  it('shows per suite and round the results, their table and whether it is complete', async () => {
    const r = await run(['catalogue', '--db', db])
    expect(r.code).toBe(0)
    const lines = r.out.split('\n')
    expect(lines[0]).toMatch(/^suite\s+round\s+results\s+bundled\s+yours\s+coverage\s+source$/)
    for (const c of shipped.coverage) {
      const line = lines.find((l) =>
        new RegExp(`^${c.suite}\\s+${c.round.replace('.', '\\.')}\\s`).test(l)
      )
      expect(line, `${c.suite} ${c.round}`).toBeDefined()
      expect(line).toMatch(
        new RegExp(
          `\\s${c.results}\\s+${c.results}\\s+0\\s+${c.complete ? 'complete' : 'partial'}\\s`
        )
      )
    }
    expect(r.out).toContain(`${total} bundled results in this database`)
    expect(r.out).toMatch(/Partial rounds:\n {2}inference v0\.5: /)
  })

  it('writes the same as CSV and JSON', async () => {
    const csv = await run(['catalogue', '--db', db, '--format', 'csv'])
    const parsed = Papa.parse<Record<string, string>>(csv.out.trim(), { header: true })
    expect(parsed.data).toHaveLength(shipped.coverage.length)
    expect(parsed.data.find((x) => x.suite === 'inference' && x.round === 'v4.1')).toMatchObject({
      coverage: 'complete',
      bundled: String(shipped.coverage.find((c) => c.round === 'v4.1')?.results)
    })
    const json = JSON.parse(
      (await run(['catalogue', '--db', db, '--format', 'json'])).out
    ) as CatalogueStatus
    expect(json.coverage).toHaveLength(shipped.coverage.length)
    expect(json.loadedBuild).toBe(json.shippedBuild)
  })

  it('removes the bundled results and restores them', async () => {
    const removed = await run(['catalogue', 'remove', '--db', db])
    expect(removed.out).toBe(
      `Removed ${shipped.inference.rows.length} inference and ${shipped.training.rows.length} training results.\n`
    )
    const rows = JSON.parse(
      (await run(['results', '--db', db, '--format', 'json'])).out
    ) as unknown[]
    expect(rows).toEqual([])
    expect((await run(['catalogue', '--db', db])).out).toMatch(/The bundled results are removed/)
    const restored = await run(['catalogue', 'restore', '--db', db])
    expect(restored.out).toMatch(/^Restored \d+ inference and \d+ training results\.\n$/)
    expect((await run(['catalogue', '--db', db])).out).toContain(`${total} bundled results`)
  })

  it('makes a database without it on --no-catalogue, and says what it cannot do', async () => {
    const empty = join(dir, 'empty.db')
    expect((await run(['catalogue', '--db', empty, '--no-catalogue'])).code).toBe(0)
    // Later opens without the flag leave it empty too.
    const r = await run(['catalogue', '--db', empty])
    expect(r.out).toMatch(/This database was made without the catalogue/)
    expect(JSON.parse((await run(['results', '--db', empty, '--format', 'json'])).out)).toEqual([])
    const bad = await run(['catalogue', 'bogus', '--db', empty])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/unknown action "bogus"/)
    expect((await run(['catalogue', '--db', empty, '--format', 'xml'])).code).toBe(2)
  })
})
