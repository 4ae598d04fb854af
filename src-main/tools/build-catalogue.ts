// Builds resources/catalogue/catalogue.json.gz, the published catalogue every new database gets:
// every result of the official MLCommons tables in the corpus, read by the project's own import
// job round by round (CATALOGUE_PLAN: the authoritative table first), then written sorted, with
// public paths and no timestamps, so the same inputs give a byte-identical file.
// Run: npm run catalogue [corpus folder] [output file] (defaults: ../shared/corpus and
// resources/catalogue/catalogue.json.gz).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Suite } from '../shared/api'
import type { CoverageEntry } from '../shared/catalogue'
import { compareRounds } from '../mlperf'
import type { CatalogueFile, CatalogueTable } from '../core/catalogue/catalogue-file'
import {
  CATALOGUE_FORMAT,
  CATALOGUE_PATH,
  CATALOGUE_VERSION,
  catalogueBuildId,
  encodeCatalogue,
  packTable
} from '../core/catalogue/catalogue-file'
import { openDb } from '../core/db/open-db'
import type { WritableDb } from '../core/db/types'
import { runImport } from '../core/ingest/import-job'
import { INFERENCE_KEY_COLUMNS, INFERENCE_STORED_COLUMNS } from '../core/repo/inference-results'
import { TRAINING_KEY_COLUMNS, TRAINING_STORED_COLUMNS } from '../core/repo/training-results'
import { contentHash } from '../core/repo/upsert-sql'
import { publicPath, publicText } from './catalogue-paths'
import type { PlanRound, PlanSource } from './catalogue-plan'
import { CATALOGUE_PLAN, CM_EXPERIMENTS } from './catalogue-plan'

const repo = resolve(import.meta.dirname, '..', '..')
const corpus = resolve(process.argv[2] ?? join(repo, '..', 'shared', 'corpus'))
if (!existsSync(corpus)) {
  console.error(`Corpus not found at ${corpus}`)
  process.exit(1)
}

/**
 * How many result files of a round the result_summarizer table could not see: its SOURCES.txt
 * says "extraction: written N, absent M" (blobs missing from the snapshot it was run on).
 */
function absentResultFiles(folder: string): number {
  const sources = join(folder, 'SOURCES.txt')
  if (!existsSync(sources)) return 0
  const m = /extraction: written \d+, absent (\d+)/.exec(readFileSync(sources, 'utf8'))
  return m ? Number(m[1]) : 0
}

/** The folders and files one plan source stands for, and what they lack. */
function resolveSource(source: PlanSource): { paths: string[]; absent: string[] } {
  if ('path' in source) return { paths: [join(corpus, source.path)], absent: [] }
  if ('roundTables' in source) {
    const folder = join(corpus, source.roundTables)
    const n = absentResultFiles(folder)
    const absent =
      n > 0
        ? [
            `${n} result files of the round were absent from the snapshot the table was made from, so the sets they belong to are missing or empty (see ${publicPath(corpus, folder)}/SOURCES.txt).`
          ]
        : []
    return { paths: [folder], absent }
  }
  const root = join(corpus, CM_EXPERIMENTS)
  const folders = readdirSync(root)
    .filter((d) => d.startsWith(source.experiments))
    .sort()
  const missing = folders.filter(
    (d) => !readdirSync(join(root, d)).some((s) => existsSync(join(root, d, s, 'cm-result.json')))
  )
  const absent =
    missing.length > 0
      ? [
          `${missing.length} table(s) of this round are absent from the cm4mlperf-results snapshot: ${missing.join(', ')}.`
        ]
      : []
  return { paths: folders.filter((d) => !missing.includes(d)).map((d) => join(root, d)), absent }
}

/** Imports one round's tables in plan order; returns its coverage entry (results filled later). */
async function importRound(db: WritableDb, plan: PlanRound): Promise<CoverageEntry> {
  const resolved = plan.sources.map(resolveSource)
  const paths = resolved.flatMap((r) => r.paths)
  const absent = resolved.flatMap((r) => r.absent)
  const report = await runImport(db, paths, {}, new AbortController().signal, undefined, {
    origin: 'bundled'
  })
  if (report.status !== 'done') {
    throw new Error(`${plan.suite} ${plan.round}: import ${report.status}: ${report.error ?? ''}`)
  }
  for (const s of report.skippedItems) {
    console.log(`  ${plan.suite} ${plan.round} skipped ${publicPath(corpus, s.path)}: ${s.reason}`)
  }
  const notes = [plan.note, ...absent]
  const note = notes.filter((n): n is string => n !== null).join(' ')
  return {
    suite: plan.suite,
    round: plan.round,
    origin: 'bundled',
    results: 0,
    source: plan.source,
    files: paths.map((p) => publicPath(corpus, p)),
    complete: plan.complete && absent.length === 0,
    note: note === '' ? null : note
  }
}

/** Every string in a detail, with the corpus folder made public. */
function publicDetail(value: unknown): unknown {
  if (typeof value === 'string') return publicText(corpus, value)
  if (Array.isArray(value)) return value.map(publicDetail)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, publicDetail(v)]))
  }
  return value
}

/** The CM reader's provenance note: the row's source (the experiment's file) says the same. */
const CM_NOTE = /^Imported from the MLCommons CM export of the results table /

/**
 * A summary row's detail, compact: without the system fields its columns already hold (the
 * tables repeat submitter, system name, accelerator… in every record), without the file list
 * and note that only repeat its source, and without empty sections (the reader puts them back,
 * see parseInferenceDetail): figures and descriptive fields once.
 */
function compactSummaryDetail(
  detail: Record<string, unknown>,
  row: Record<string, string | number | null>
): Record<string, unknown> {
  const columns = new Set(Object.values(row).map((v) => String(v)))
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(detail)) {
    let v = value
    if (key === 'system' && v !== null && typeof v === 'object') {
      v = Object.fromEntries(
        Object.entries(v).filter(
          ([, x]) =>
            (typeof x === 'string' || typeof x === 'number') && x !== '' && !columns.has(String(x))
        )
      )
    }
    if (key === 'notes' && Array.isArray(v)) v = v.filter((n) => !CM_NOTE.test(String(n)))
    if (key === 'files' && Array.isArray(v) && v.length === 1) {
      const f = v[0] as { role?: string; path?: string }
      if (f.role === 'summary' && f.path === row['source']) continue
    }
    const empty =
      v === null ||
      (Array.isArray(v) && v.length === 0) ||
      (typeof v === 'object' && v !== null && Object.keys(v).length === 0)
    if (!empty) out[key] = v
  }
  return out
}

/** One suite's stored rows, sorted by key, with public paths and fresh content hashes. */
function dumpTable(
  db: WritableDb,
  suite: Suite,
  table: string,
  details: string,
  columns: readonly string[],
  key: readonly string[]
): CatalogueTable {
  const rows = db
    .prepare(
      `SELECT ${columns.map((c) => `r.${c}`).join(', ')}, d.detail_json FROM ${table} r ` +
        `LEFT JOIN ${details} d ON d.result_id = r.id ORDER BY ${key.map((c) => `r.${c}`).join(', ')}`
    )
    .all() as Record<string, string | number | null>[]
  return packTable(
    columns,
    rows.map((r) => {
      const row: Record<string, string | number | null> = {}
      for (const c of columns) row[c] = r[c] ?? null
      row['source'] = publicPath(corpus, String(row['source']))
      const stored = publicDetail(JSON.parse(String(r['detail_json'] ?? 'null')))
      const detail =
        row['source_kind'] === 'summary' && suite === 'inference'
          ? compactSummaryDetail(stored as Record<string, unknown>, row)
          : stored
      const detailJson = JSON.stringify(detail)
      return {
        values: columns.map((c) => row[c] ?? null),
        hash: contentHash(row, detailJson),
        detail: detailJson
      }
    })
  )
}

const db = openDb(':memory:')
const coverage: CoverageEntry[] = []
for (const plan of CATALOGUE_PLAN) {
  console.log(`${plan.suite} ${plan.round}: ${plan.source}`)
  coverage.push(await importRound(db, plan))
}

// Results per round, and a check that every round holds only what its own tables gave.
for (const suite of ['inference', 'training'] as Suite[]) {
  const table = suite === 'inference' ? 'inference_results' : 'training_results'
  const counts = db.prepare(`SELECT round, count(*) AS n FROM ${table} GROUP BY round`).all() as {
    round: string
    n: number
  }[]
  for (const { round, n } of counts) {
    const entry = coverage.find((c) => c.suite === suite && c.round === round)
    if (!entry) throw new Error(`${suite} ${round}: ${n} results from tables of other rounds`)
    entry.results = n
  }
}
coverage.sort((a, b) =>
  a.suite === b.suite ? compareRounds(a.round, b.round) : a.suite < b.suite ? -1 : 1
)

const file: CatalogueFile = {
  format: CATALOGUE_FORMAT,
  version: CATALOGUE_VERSION,
  coverage: coverage.map(({ origin: _origin, ...c }) => c),
  inference: dumpTable(
    db,
    'inference',
    'inference_results',
    'inference_result_details',
    INFERENCE_STORED_COLUMNS,
    INFERENCE_KEY_COLUMNS
  ),
  training: dumpTable(
    db,
    'training',
    'training_results',
    'training_result_details',
    TRAINING_STORED_COLUMNS,
    TRAINING_KEY_COLUMNS
  )
}
const bytes = encodeCatalogue(file)
const out = resolve(process.argv[3] ?? join(repo, ...CATALOGUE_PATH))
writeFileSync(out, bytes)
for (const c of coverage) {
  console.log(
    `${c.suite.padEnd(9)} ${c.round.padEnd(5)} ${String(c.results).padStart(6)}  ${c.complete ? 'complete' : 'partial '}  ${c.source}`
  )
}
console.log(
  `${file.inference.rows.length} inference and ${file.training.rows.length} training results, ` +
    `${(bytes.length / 1e6).toFixed(2)} MB, build ${catalogueBuildId(bytes)} → ${relative(repo, out)}`
)
