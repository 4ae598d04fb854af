import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../../src-main/cli/main'
import { parseWhereArgs } from '../../src-main/cli/where-arg'

const root = join(import.meta.dirname, '..', '..')
const fixture = join(root, 'test', 'fixtures', 'inference-tree')
const dir = mkdtempSync(join(tmpdir(), 'mlx-cli-'))
const db = join(dir, 'cli.db')

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) })
  return { code, out, err }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('--where', () => {
  it('parses operators and merges repeated equals into one "in" filter', () => {
    expect(
      parseWhereArgs([
        'scenario=Offline',
        'scenario=Server',
        'value>=10',
        'submitter!=Acme',
        'system_name~H100'
      ])
    ).toEqual([
      { column: 'scenario', op: 'in', value: ['Offline', 'Server'] },
      { column: 'value', op: 'gte', value: '10' },
      { column: 'submitter', op: 'ne', value: 'Acme' },
      { column: 'system_name', op: 'contains', value: 'H100' }
    ])
    expect(() => parseWhereArgs(['nonsense'])).toThrow(/COLUMN=VALUE/)
  })
})

describe('mlperf-explorer CLI', () => {
  it('imports a tree, reports skipped results with reasons, and is idempotent', async () => {
    const first = await run(['import', fixture, '--db', db])
    expect(first.code).toBe(0)
    expect(first.out).toMatch(/Import done: \d+ results found/)
    expect(first.out).toMatch(/skipped .+: .+/)
    const imported = Number(/imported (\d+)/.exec(first.out)?.[1])
    expect(imported).toBeGreaterThan(0)
    const again = await run(['import', fixture, '--db', db])
    expect(again.out).toMatch(new RegExp(`imported 0, updated 0, unchanged ${imported}`))
  })

  it('updates in place when a newer copy of the tree is imported', async () => {
    const copy = join(dir, 'copy')
    cpSync(fixture, copy, { recursive: true })
    const before = await run(['import', copy, '--db', db])
    expect(before.code).toBe(0)
    // A re-published accuracy file is a newer copy of the same results.
    const acc = join(copy, 'closed', 'Acme')
    const found = spawnSync('find', [acc, '-name', 'accuracy.txt'], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')[0]
    if (!found) throw new Error('fixture has no accuracy.txt')
    writeFileSync(found, readFileSync(found, 'utf8').replace(/(\d+\.\d+)%/, '70.000%'))
    const after = await run(['import', copy, '--db', db])
    expect(after.out).toMatch(/updated [1-9]/)
  })

  it('writes the results table as CSV with the documented header', async () => {
    const r = await run(['results', '--db', db, '--format', 'csv'])
    expect(r.code).toBe(0)
    const parsed = Papa.parse<Record<string, string>>(r.out.trim(), { header: true })
    expect(parsed.meta.fields?.slice(0, 21)).toEqual(
      'round,division,category,submitter,system_id,system_name,benchmark,scenario,metric,unit,value,power_value,power_unit,accuracy,valid,inferred,accelerator,accelerators_per_node,nodes,accelerators_total,source'.split(
        ','
      )
    )
    expect(parsed.data.length).toBeGreaterThan(0)
    for (const row of parsed.data) expect(Number(row.value)).toBeGreaterThan(0)
  })

  it('filters with --where, and prints json and table formats', async () => {
    const json = await run([
      'results',
      '--db',
      db,
      '--where',
      'scenario=Offline',
      '--format',
      'json'
    ])
    const rows = JSON.parse(json.out) as { scenario: string }[]
    expect(rows.length).toBeGreaterThan(0)
    expect(new Set(rows.map((r) => r.scenario))).toEqual(new Set(['Offline']))
    const table = await run(['results', '--db', db, '--format', 'table'])
    expect(table.out).toMatch(/^round\s+division\s+submitter/)
    const bad = await run(['results', '--db', db, '--where', 'bogus=1'])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/Unknown column "bogus"/)
  })

  it('import --round gives the round of results whose folders name none, and refuses a bad one', async () => {
    const other = join(dir, 'round.db')
    const bad = await run(['import', fixture, '--db', other, '--round', 'v1.5'])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain(
      'import: --round v1.5: v1.5 is not an MLPerf Inference or Training round'
    )
    const r = await run(['import', fixture, '--db', other, '--round', '4.0', '--no-catalogue'])
    expect(r.code).toBe(0)
    const csv = await run(['results', '--db', other, '--format', 'json'])
    const rows = JSON.parse(csv.out) as { round: string }[]
    expect(rows.length).toBeGreaterThan(0)
    // The fixture's seeds are v4.1's; the round given for the import wins (and the rows say so).
    expect(new Set(rows.map((x) => x.round))).toEqual(new Set(['v4.0']))
  })

  it('imports as many paths as a shell glob gives (more than a hundred)', async () => {
    const paths = Array.from({ length: 150 }, (_, i) => join(dir, `absent-${i}`))
    const r = await run(['import', ...paths, '--db', join(dir, 'many.db'), '--no-catalogue'])
    // Every path reaches the import (each is reported missing), none is refused as input.
    expect(r.err).not.toMatch(/Invalid input/)
    expect(r.out.match(/skipped .*absent-\d+: No such file or folder/g)).toHaveLength(150)
  })

  it('exits non-zero only when nothing could be read', async () => {
    const r = await run(['import', join(dir, 'missing-folder'), '--db', join(dir, 'other.db')])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/skipped .*missing-folder: No such file or folder/)
  })

  it('runs as the installed bin (npx mlperf-explorer)', () => {
    const r = spawnSync(process.execPath, [join(root, 'src-main', 'cli', 'bin.js'), 'help'], {
      encoding: 'utf8'
    })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/mlperf-explorer import <path>/)
  })
})
