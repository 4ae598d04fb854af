/**
 * The published catalogue shipped in resources/catalogue/: the file itself, what a brand-new
 * database gets from it, and (with ../shared/corpus next to the repository) the catalogue
 * against the official tables it was built from, value by value, read here from their raw
 * JSON and CSV without the project's importers. Power and energy are compared through one
 * unit table (TO_STORED), so a change of the stored unit (e.g. energy per query in
 * millijoules for every round) only needs the conversion, never another test.
 */
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../src-main/api/open-backend'
import type { Backend } from '../../src-main/api/open-backend'
import { CATALOGUE_PATH, unpackRows } from '../../src-main/core/catalogue/catalogue-file'
import type { CatalogueFile } from '../../src-main/core/catalogue/catalogue-file'
import { CATALOGUE_PLAN } from '../../src-main/tools/catalogue-plan'
import { readCatalogue } from '../support/catalogue-records'

const root = join(import.meta.dirname, '..', '..')
const corpus = join(root, '..', 'shared', 'corpus')
const haveCorpus = existsSync(join(corpus, 'consolidated'))
const dir = mkdtempSync(join(tmpdir(), 'mlx-catalogue-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Cell = string | number | null
type Row = Record<string, Cell>

const file: CatalogueFile = readCatalogue(root)
const rowsOf = (suite: 'inference' | 'training'): Row[] =>
  unpackRows(file[suite]).map((r) =>
    Object.fromEntries(file[suite].columns.map((c, i) => [c, r.values[i] ?? null]))
  )
const inference = rowsOf('inference')
const training = rowsOf('training')

/** Stored unit ← table unit: the factor from a table's power or energy figure to the stored one. */
const TO_STORED: Record<string, Record<string, number>> = {
  Watts: { Watts: 1 },
  millijoules: { millijoules: 1, Joules: 1e-3 },
  Joules: { Joules: 1, millijoules: 1e3 },
  'Joules/Stream': { 'Joules/Stream': 1 }
}

function expectPower(
  label: string,
  stored: { value: Cell; unit: Cell },
  table: { value: number; unit: string },
  relative = 1e-12
): void {
  const factor = TO_STORED[String(stored.unit)]?.[table.unit]
  expect(
    factor,
    `${label}: no conversion from ${table.unit} to ${String(stored.unit)}`
  ).toBeDefined()
  const want = table.value * (factor ?? NaN)
  expect(Math.abs(Number(stored.value) - want), label).toBeLessThanOrEqual(
    Math.abs(want) * relative
  )
}

const SCENARIOS: Record<string, string> = {
  offline: 'Offline',
  server: 'Server',
  singlestream: 'SingleStream',
  multistream: 'MultiStream',
  interactive: 'Interactive'
}
const scenario = (s: unknown): string =>
  SCENARIOS[
    String(s)
      .toLowerCase()
      .replace(/[\s_-]/g, '')
  ] ?? String(s)

const inferenceKey = (r: Row): string =>
  [r['round'], r['division'], r['submitter'], r['system_id'], r['benchmark'], r['scenario']].join(
    '|'
  )

describe('the shipped catalogue file', () => {
  it('fits the size budget and names its coverage for every row', () => {
    expect(statSync(join(root, ...CATALOGUE_PATH)).size).toBeLessThanOrEqual(8 * 1024 * 1024)
    for (const suite of ['inference', 'training'] as const) {
      const rows = suite === 'inference' ? inference : training
      const byRound = new Map<string, number>()
      for (const r of rows)
        byRound.set(String(r['round']), (byRound.get(String(r['round'])) ?? 0) + 1)
      const coverage = file.coverage.filter((c) => c.suite === suite)
      expect(Object.fromEntries(byRound)).toEqual(
        Object.fromEntries(coverage.map((c) => [c.round, c.results]))
      )
    }
  })

  it('covers every round of the plan, with the plan’s source and completeness', () => {
    expect(file.coverage.map((c) => `${c.suite} ${c.round}`).sort()).toEqual(
      CATALOGUE_PLAN.map((p) => `${p.suite} ${p.round}`).sort()
    )
    for (const c of file.coverage) {
      const plan = CATALOGUE_PLAN.find((p) => p.suite === c.suite && p.round === c.round)
      expect(c.source).toBe(plan?.source)
      if (plan?.complete === false) expect(c.complete).toBe(false)
      if (!c.complete) expect(c.note, `${c.suite} ${c.round}`).toBeTruthy()
    }
    // The rounds the catalogue must hold (issue 10): inference v2.0–v4.1, v5.1, v6.0 from the
    // official tables, the early rounds partial; training 1.0–5.1, earlier ones partial.
    const rounds = (suite: string): string[] =>
      file.coverage.filter((c) => c.suite === suite).map((c) => c.round)
    expect(rounds('inference')).toEqual([
      'v0.5',
      'v0.7',
      'v1.0',
      'v2.0',
      'v2.1',
      'v3.0',
      'v3.1',
      'v4.0',
      'v4.1',
      'v5.1',
      'v6.0'
    ])
    expect(rounds('training')).toEqual([
      'v0.5',
      'v0.6',
      'v0.7',
      'v1.0',
      'v1.1',
      'v2.0',
      'v2.1',
      'v3.0',
      'v3.1',
      'v4.0',
      'v4.1',
      'v5.0',
      'v5.1'
    ])
  })

  it('holds one row per result, sorted by key, with public paths only', () => {
    const keys = inference.map(inferenceKey)
    expect(new Set(keys).size).toBe(keys.length)
    const text = JSON.stringify(file)
    expect(text).not.toMatch(/\/(work|home|tmp|Users)\//)
    expect(text).not.toContain(root)
    for (const r of [...inference, ...training]) {
      expect(String(r['source'])).toMatch(
        /^(cm4mlperf-results|inference_results_v|training_results_v|training_summaries)/
      )
    }
  })
})

describe('a brand-new database', () => {
  let backend: Backend
  beforeAll(() => {
    backend = openBackend({
      dbPath: join(dir, 'new.db'),
      shell: 'cli',
      appRoot: root,
      catalogue: true
    })
  })
  afterAll(() => backend.close())

  it('shows every round of the catalogue, with its counts, marked bundled', async () => {
    const status = await backend.api.catalogue.status({})
    expect(status.removed).toBe(false)
    expect(status.loadedBuild).toBe(status.shippedBuild)
    expect(status.bundled).toEqual({ inference: inference.length, training: training.length })
    expect(status.own).toEqual({ inference: 0, training: 0 })
    for (const c of status.coverage) {
      expect(c.inDatabase, `${c.suite} ${c.round}`).toEqual({
        bundled: c.results,
        imported: 0,
        downloaded: 0,
        local: 0
      })
    }
    const facets = await backend.api.results.facets({
      suite: 'inference',
      filters: [],
      columns: ['round', 'origin'],
      size: 50
    })
    const rounds: Record<string, number> = Object.fromEntries(
      (facets.find((f) => f.column === 'round')?.values ?? []).map((v) => [
        String(v.value),
        v.count
      ])
    )
    expect(rounds).toEqual(
      Object.fromEntries(
        file.coverage.filter((c) => c.suite === 'inference').map((c) => [c.round, c.results])
      )
    )
    expect(facets.find((f) => f.column === 'origin')?.values).toEqual([
      { value: 'bundled', count: inference.length }
    ])
  })

  it('opens a result with its detail, the table file as its source', async () => {
    const page = await backend.api.results.query({
      suite: 'inference',
      filters: [
        { column: 'public_id', op: 'eq', value: 'v4.1-0036' },
        { column: 'benchmark', op: 'eq', value: 'llama2-70b-99' },
        { column: 'scenario', op: 'eq', value: 'Offline' }
      ],
      offset: 0,
      limit: 5
    })
    expect(page.rows).toHaveLength(1)
    const id = Number(page.rows[0]?.['id'])
    const view = await backend.api.results.get({ suite: 'inference', id })
    expect(view.row).toMatchObject({
      submitter: 'JuniperNetworks',
      benchmark: 'llama2-70b-99',
      scenario: 'Offline',
      origin: 'bundled',
      source: 'inference_results_v4.1/summary_results.json'
    })
    expect(view.detail).toMatchObject({
      files: [{ role: 'summary', path: 'inference_results_v4.1/summary_results.json' }],
      checks: [],
      runs: []
    })
  })

  it('removes the bundled results for good, and restores them', async () => {
    const removed = await backend.api.catalogue.remove({})
    expect(removed).toEqual({ inference: inference.length, training: training.length })
    expect((await backend.api.app.info({})).inferenceResults).toBe(0)
    // Opening the database again does not bring them back.
    await backend.close()
    backend = openBackend({
      dbPath: join(dir, 'new.db'),
      shell: 'cli',
      appRoot: root,
      catalogue: true
    })
    const status = await backend.api.catalogue.status({})
    expect(status.removed).toBe(true)
    expect(status.bundled).toEqual({ inference: 0, training: 0 })
    const restored = await backend.api.catalogue.restore({})
    expect(restored).toEqual({ inference: inference.length, training: training.length })
    expect((await backend.api.catalogue.status({})).removed).toBe(false)
  })
})

describe('a damaged catalogue file', () => {
  it('does not keep the database from opening, and says why', async () => {
    const app = join(dir, 'damaged-app')
    mkdirSync(join(app, 'resources', 'catalogue'), { recursive: true })
    writeFileSync(join(app, ...CATALOGUE_PATH), 'not gzip')
    const written: string[] = []
    const write = process.stderr.write.bind(process.stderr)
    const capture = (chunk: string | Uint8Array): boolean => {
      written.push(String(chunk))
      return true
    }
    process.stderr.write = capture
    let backend: Backend
    try {
      backend = openBackend({
        dbPath: join(dir, 'damaged.db'),
        shell: 'cli',
        appRoot: app,
        catalogue: true
      })
    } finally {
      process.stderr.write = write
    }
    expect(written.join('')).toMatch(
      /bundled catalogue .*catalogue\.json\.gz was not loaded: not a gzipped JSON catalogue/
    )
    const status = await backend.api.catalogue.status({})
    expect(status.loadedBuild).toBeNull()
    expect(status.bundled).toEqual({ inference: 0, training: 0 })
    await expect(backend.api.catalogue.restore({})).rejects.toThrow(/not a gzipped JSON catalogue/)
    await backend.close()
  })
})

/** Files under a folder whose name passes `accept`. */
function walk(folder: string, accept: (name: string) => boolean): string[] {
  return readdirSync(folder).flatMap((name) => {
    const p = join(folder, name)
    return statSync(p).isDirectory() ? walk(p, accept) : accept(name) ? [p] : []
  })
}

const CM = join(corpus, 'consolidated', 'cm4mlperf-results', 'experiment')
const cmTables = (prefix: string): string[] =>
  readdirSync(CM)
    .filter((d) => d.startsWith(prefix))
    .sort()
    .flatMap((d) => walk(join(CM, d), (n) => n === 'cm-result.json'))

const readJson = (path: string): Record<string, unknown>[] =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>[]

describe.skipIf(!haveCorpus)(
  haveCorpus
    ? 'the catalogue against the official tables'
    : '../shared/corpus not found: catalogue check against the official tables skipped',
  () => {
    const byKey = new Map(inference.map((r) => [inferenceKey(r), r]))

    it('is exactly what npm run catalogue builds from the corpus now', () => {
      const out = join(dir, 'rebuilt.json.gz')
      const r = spawnSync(
        process.execPath,
        [
          join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
          join(root, 'src-main', 'tools', 'build-catalogue.ts'),
          corpus,
          out
        ],
        { cwd: root, encoding: 'utf8', timeout: 600_000 }
      )
      expect(r.status, r.stderr).toBe(0)
      expect(
        readFileSync(out).equals(readFileSync(join(root, ...CATALOGUE_PATH))),
        'the shipped catalogue is out of date: run npm run catalogue'
      ).toBe(true)
    }, 600_000)

    it.each(['v4.1', 'v5.1', 'v6.0'])(
      'holds every result of the %s summary_results.json: value, ID, power, accuracy',
      (round) => {
        const raw = readJson(
          join(corpus, 'consolidated', `inference_results_${round}`, 'summary_results.json')
        )
        for (const t of raw) {
          const key = [
            round,
            t['Category'],
            t['Submitter'],
            t['Platform'],
            t['UsedModel'],
            scenario(t['Scenario'])
          ].join('|')
          const r = byKey.get(key)
          expect(r, key).toBeDefined()
          expect(r?.['value'], key).toBe(t['Performance_Result'])
          expect(r?.['public_id'], key).toBe(t['ID'])
          expect(r?.['accuracy'], key).toBe(t['Accuracy'] === '' ? null : t['Accuracy'])
          expect(r?.['weight_data_types'] ?? null, key).toBe(t['weight_data_types'] || null)
          if (typeof t['Power_Result'] === 'number') {
            expectPower(
              key,
              { value: r?.['power_value'] ?? null, unit: r?.['power_unit'] ?? null },
              { value: t['Power_Result'], unit: String(t['Power_Units']) }
            )
          } else {
            expect(r?.['power_value'], key).toBeNull()
          }
        }
        const inRound = inference.filter((r) => r['round'] === round)
        expect(inRound).toHaveLength(raw.length)
      }
    )

    it.each(['v2.0', 'v2.1', 'v3.0', 'v3.1', 'v4.0', 'v4.1'])(
      'holds every result of the %s cm4mlperf-results tables: value, power, accuracy',
      (round) => {
        const keys = new Set<string>()
        for (const table of cmTables(`mlperf-inference--${round}--`)) {
          for (const t of readJson(table)) {
            const key = [
              round,
              String(t['Division']).toLowerCase(),
              t['Organization'],
              t['Platform'],
              t['Model'],
              scenario(t['Scenario'])
            ].join('|')
            keys.add(key)
            const r = byKey.get(key)
            expect(r, `${table}: ${key}`).toBeDefined()
            if (typeof t['Result'] === 'number') expect(r?.['value'], key).toBe(t['Result'])
            // The authoritative table of v4.1 renders accuracy its own way; elsewhere the CM
            // table is the source and its accuracy is kept as written.
            const accuracy = t['Accuracy']
            if (
              round !== 'v4.1' &&
              (typeof accuracy === 'number' || typeof accuracy === 'string')
            ) {
              expect(r?.['accuracy'], key).toBe(String(accuracy))
            }
            if (typeof t['Result_Power'] === 'number') {
              const unit = String(t['Result_Power_Units'] ?? t['Units'])
              // v4.1's authoritative table is summary_results.json; the CM export prints its
              // power figures with a few ulps of difference.
              expectPower(
                key,
                { value: r?.['power_value'] ?? null, unit: r?.['power_unit'] ?? null },
                { value: t['Result_Power'], unit },
                round === 'v4.1' ? 1e-8 : 1e-12
              )
            }
          }
        }
        // One row per result of the round's tables, nothing else.
        expect(inference.filter((r) => r['round'] === round)).toHaveLength(keys.size)
      }
    )

    /** A training row by (round, system description id, system name, benchmark). */
    const trainingRow = (round: string, id: string, name: string | null, bench: string): Row[] =>
      training.filter(
        (r) =>
          r['round'] === round &&
          r['benchmark'] === bench &&
          String(r['system_id']).replace(/ \[.*\]$/, '') === id &&
          (name === null || r['system_name'] === name)
      )
    const systemId = (url: unknown): string =>
      decodeURIComponent(/\/systems\/([^/]+?)(?:\.json)?$/.exec(String(url))?.[1] ?? '')
    /** Benchmark columns of a training table: every column that is not about the system. */
    const NOT_BENCHMARKS = new Set([
      'division',
      'availability',
      'submitter',
      'system',
      'number_of_nodes',
      'host_processor_model_name',
      'host_processors_count',
      'accelerator_model_name',
      'accelerators_count',
      'framework',
      'notes',
      'details_url',
      'code_url',
      'private_id',
      'version',
      'Model_ID',
      'Result',
      'Result_Units',
      'Organization',
      'uid',
      'id',
      'hash'
    ])

    it.each(['1.0', '1.1', '2.0', '2.1', '3.0'])(
      'holds every score of the training %s cm4mlperf-results tables',
      (version) => {
        const round = `v${version}`
        const keys = new Set<string>()
        for (const table of cmTables(`mlperf-training--${version}--`)) {
          for (const t of readJson(table)) {
            // A record carries its system's scores in the benchmark columns (numbers).
            for (const [column, value] of Object.entries(t)) {
              if (NOT_BENCHMARKS.has(column) || column.startsWith('_')) continue
              if (typeof value !== 'number' || column === 'Accuracy') continue
              const id = systemId(t['details_url'])
              const key = `${String(t['division'])}|${String(t['submitter'])}|${id}|${column}`
              const rows = trainingRow(round, id, null, column).filter(
                (r) => r['submitter'] === t['submitter'] && r['division'] === t['division']
              )
              expect(rows, `${table}: ${key}`).toHaveLength(1)
              expect(rows[0]?.['value'], key).toBe(value)
              keys.add(key)
            }
          }
        }
        // One row per score of the round's tables, nothing else.
        expect(training.filter((r) => r['round'] === round)).toHaveLength(keys.size)
      }
    )

    it.each(['v3.1', 'v4.0', 'v4.1', 'v5.0', 'v5.1'])(
      'holds every score and energy of the %s result_summarizer table',
      (round) => {
        const folder = join(corpus, 'consolidated', 'training_summaries', round)
        const csv = Papa.parse<Record<string, string>>(
          readFileSync(join(folder, 'summary.csv'), 'utf8'),
          { header: true, skipEmptyLines: 'greedy' }
        )
        let scores = 0
        for (const t of csv.data) {
          for (const [column, value] of Object.entries(t)) {
            if (NOT_BENCHMARKS.has(column) || value.trim() === '') continue
            const rows = trainingRow(round, systemId(t['details_url']), t['system'] ?? null, column)
            expect(rows, `${round} ${t['system']} ${column}`).toHaveLength(1)
            expect(rows[0]?.['value']).toBe(Number(value))
            scores++
          }
        }
        expect(training.filter((r) => r['round'] === round)).toHaveLength(scores)
        const powerFile = join(folder, 'summary_power.csv')
        if (!existsSync(powerFile)) {
          expect(
            training.filter((r) => r['round'] === round && r['energy_value'] !== null)
          ).toEqual([])
          return
        }
        const lines = Papa.parse<string[]>(readFileSync(powerFile, 'utf8'), {
          skipEmptyLines: 'greedy'
        }).data
        const [benches = [], kinds = [], header = []] = lines
        let cells = 0
        for (const line of lines.slice(3)) {
          const field = (name: string): string => line[header.indexOf(name)] ?? ''
          line.forEach((value, i) => {
            if (kinds[i] !== 'power' || value.trim() === '') return
            const rows = trainingRow(
              round,
              systemId(field('details_url')),
              field('system'),
              benches[i] ?? ''
            )
            expect(rows).toHaveLength(1)
            expectPower(
              `${round} ${field('system')} ${benches[i]}`,
              { value: rows[0]?.['energy_value'] ?? null, unit: rows[0]?.['energy_unit'] ?? null },
              { value: Number(value), unit: 'Joules' }
            )
            cells++
          })
        }
        expect(
          training.filter((r) => r['round'] === round && r['energy_value'] !== null)
        ).toHaveLength(cells)
      }
    )
  }
)
