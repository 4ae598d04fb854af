// Builds resources/sample/inference-results.json.gz: the bundled first-start sample, made by the
// project's own importers from MLCommons' published results (Apache-2.0). Run: npm run sample
// [corpus folder] (default ../shared/corpus).
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { createReadContext, readInferenceResult, scanInferenceTree } from '../core/ingest/inference'
import { readSummaryFile } from '../core/ingest/summaries'
import type { InferenceResultRecord } from '../shared/inference'

const repo = resolve(import.meta.dirname, '..', '..')
const corpus = resolve(process.argv[2] ?? join(repo, '..', 'shared', 'corpus'))
/** How many summary-only rows to add per (round, benchmark, scenario) next to the tree results. */
const PER_GROUP = 4

if (!existsSync(corpus)) {
  console.error(`Corpus not found at ${corpus}`)
  process.exit(1)
}

/** Public upstream path instead of this machine's: corpus/inference/v3.0/x → inference_results_v3.0/x. */
function publicPath(p: string): string {
  const rel = relative(corpus, p).split('\\').join('/')
  const tree = /^inference\/(v\d+\.\d+)\/(.*)$/.exec(rel)
  if (tree) return `inference_results_${tree[1]}/${tree[2]}`
  return rel.replace(/^consolidated\//, '')
}

function publish(r: InferenceResultRecord): InferenceResultRecord {
  return {
    ...r,
    source: publicPath(r.source),
    detail: { ...r.detail, files: r.detail.files.map((f) => ({ ...f, path: publicPath(f.path) })) }
  }
}

const key = (r: InferenceResultRecord): string =>
  [r.round, r.division, r.submitter, r.systemId, r.benchmark, r.scenario].join('|')

const records: InferenceResultRecord[] = []
const ctx = createReadContext()
const inferenceRoot = join(corpus, 'inference')
for (const round of readdirSync(inferenceRoot).sort()) {
  const scan = await scanInferenceTree(join(inferenceRoot, round))
  for (const loc of scan.locations) {
    const res = await readInferenceResult(loc, ctx)
    if ('record' in res) records.push(publish(res.record))
    else console.error(`skipped ${res.skipped.path}: ${res.skipped.reason}`)
  }
}
const seen = new Set(records.map(key))
const treeCount = records.length

const summaries = [join(corpus, 'consolidated', 'inference_results_v4.1', 'summary_results.json')]
const cmRoot = join(corpus, 'consolidated', 'cm4mlperf-results', 'experiment')
for (const exp of readdirSync(cmRoot)
  .filter((e) => e.startsWith('mlperf-inference--v3.0'))
  .sort()) {
  for (const stamp of readdirSync(join(cmRoot, exp))) {
    const f = join(cmRoot, exp, stamp, 'cm-result.json')
    if (existsSync(f)) summaries.push(f)
  }
}
const perGroup = new Map<string, number>()
for (const file of summaries) {
  const { records: rows } = await readSummaryFile(file)
  for (const r of rows) {
    const group = `${r.round}|${r.benchmark}|${r.scenario}|${r.powerValue === null ? '' : 'power'}`
    const n = perGroup.get(group) ?? 0
    if (seen.has(key(r)) || n >= PER_GROUP) continue
    perGroup.set(group, n + 1)
    seen.add(key(r))
    records.push(publish(r))
  }
}

const out = join(repo, 'resources', 'sample', 'inference-results.json.gz')
writeFileSync(out, gzipSync(JSON.stringify(records), { level: 9 }))
console.log(
  `${records.length} results (${treeCount} from submission trees, ${records.length - treeCount} from official summaries) → ${relative(repo, out)}`
)
