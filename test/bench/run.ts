// npm run bench: the CLI's --help start, import throughput on a 20,000-result synthetic tree and
// query latency on 200,000 rows, each next to a bare baseline measured in the same run, and the
// table in the browser (test/bench/ui-bench.ts; needs `npm run build` and Chromium).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openBackend } from '../../src-main/api/open-backend'
import { withFtsDeferred } from '../../src-main/core/db/fts-bulk'
import { upsertInferenceResults } from '../../src-main/core/repo/inference-results'
import { catalogueInferenceRecords } from '../support/catalogue-records'
import { syntheticRecords } from '../support/synthetic-records'
import { benchCatalogueLoad } from './catalogue-load'
import { benchCliStart } from './cli-start'
import { benchImport, buildSyntheticTree } from './import-throughput'
import { benchQueries } from './query-latency'
import { benchTrainingParse } from './training-parse'
import { benchChartRender } from './chart-render'
import { benchChartBrowser, chartBrowserLine } from './chart-browser'
import { runLocalRunBench } from './local-run-bench'
import { harnessOverheadLines, runHarnessOverheadBench } from './harness-overhead-bench'
import { writeTestModels } from '../fixtures/models/build-models'
import { benchTableUi, describeUiBench } from './ui-bench'
import { runReliabilityBench } from './reliability-bench'

const root = join(import.meta.dirname, '..', '..')
const corpus = join(root, '..', 'shared', 'corpus', 'inference')
const results = Number(process.env.BENCH_RESULTS ?? 20_000)
const rows = Number(process.env.BENCH_ROWS ?? 200_000)
const fmt = (n: number): string => n.toFixed(1)

// The published catalogue into a new database (first start), next to a bare insert of its rows.
const cat = benchCatalogueLoad(root)
console.log(
  `catalogue load: ${cat.rows} results (${fmt(cat.fileBytes / 1e6)} MB file) into a new database in ${fmt(cat.loadMs)} ms ` +
    `(target ≤ 3000 ms); bare better-sqlite3 insert of the same rows ${fmt(cat.bareMs)} ms; ratio ${cat.ratio.toFixed(2)}x`
)
if (process.env.BENCH_ONLY === 'catalogue') process.exit(0)

const cli = benchCliStart(root)
console.log(
  `CLI --help: ${fmt(cli.helpMs)} ms per start (target < 300 ms); bare node start ${fmt(cli.bareMs)} ms; ratio ${cli.ratio.toFixed(2)}x`
)

const sources = existsSync(corpus)
  ? ['v3.0', 'v4.1', 'v1.0'].map((r) => join(corpus, r))
  : [join(root, 'test', 'fixtures', 'inference-tree')]
console.log(
  `Building a synthetic tree of ${results} results from ${existsSync(corpus) ? 'the corpus' : 'the test fixture'}…`
)
const tree = await buildSyntheticTree(sources, results)
const imp = await benchImport(tree.root)
rmSync(tree.root, { recursive: true, force: true })
const mb = imp.bytes / 1e6
console.log(
  `import: ${imp.results} results (${imp.files} files, ${fmt(mb)} MB) in ${fmt(imp.importMs)} ms = ${fmt((imp.results / imp.importMs) * 1000)} results/s; ` +
    `bare read of the same files ${fmt(imp.readMs)} ms; ratio ${(imp.importMs / imp.readMs).toFixed(2)}x (target ≤ 3x)`
)

const dir = mkdtempSync(join(tmpdir(), 'mlx-bench-q-'))
const backend = openBackend({
  dbPath: join(dir, 'q.db'),
  shell: 'cli',
  appRoot: root,
  catalogue: false
})
const sample = catalogueInferenceRecords(root)
const synthetic = syntheticRecords(sample, rows)
withFtsDeferred(backend.db, () => {
  for (let i = 0; i < synthetic.length; i += 5000)
    upsertInferenceResults(backend.db, synthetic.slice(i, i + 5000), null)
})
backend.db.pragma('optimize')
const q = await benchQueries(backend.db, backend.api, 30)
console.log(
  `query on ${rows} rows: API p50 ${fmt(q.api.p50)} ms, p95 ${fmt(q.api.p95)} ms; bare SQL p50 ${fmt(q.bare.p50)} ms, p95 ${fmt(q.bare.p95)} ms; ` +
    `p95 ratio ${(q.api.p95 / q.bare.p95).toFixed(2)}x (target ≤ 1.5x and < 50 ms)`
)
for (const v of q.views) {
  console.log(
    `  ${v.view}: API p50 ${fmt(v.api.p50)} / p95 ${fmt(v.api.p95)} ms; bare p50 ${fmt(v.bare.p50)} / p95 ${fmt(v.bare.p95)} ms`
  )
}
await backend.close()
rmSync(dir, { recursive: true, force: true })

const trainingCorpus = join(root, '..', 'shared', 'corpus', 'training')
const tp = benchTrainingParse(existsSync(trainingCorpus) ? trainingCorpus : null)
console.log(
  `training MLLOG parse: ${tp.files} logs, ${fmt(tp.bytes / 1e6)} MB from ${existsSync(trainingCorpus) ? 'the corpus' : 'synthetic logs'}: ` +
    `${fmt(tp.parseMBs)} MB/s (${fmt(tp.parseMs)} ms per pass); bare line split ${fmt(tp.splitMBs)} MB/s (${fmt(tp.splitMs)} ms); ` +
    `ratio ${(tp.parseMs / tp.splitMs).toFixed(2)}x`
)

const charts = [
  ...(await benchChartRender(root, sample, 5_000)),
  ...(await benchChartRender(root, sample, 50_000))
]
for (const c of charts) {
  console.log(
    `chart ${c.kind} at ${c.points} points: charts.data ${fmt(c.queryMs)} ms, build ${fmt(c.buildMs)} ms, ` +
      `SSR SVG render ${fmt(c.renderMs)} ms (Node; ${fmt(c.svgBytes / 1e6)} MB SVG, large mode ${c.large ? 'on' : 'off'})`
  )
}

// A chart of 10,000 points in Chromium through the web mode, next to a bare page of the same rows.
const chartBrowser = await benchChartBrowser(root)
console.log(chartBrowserLine(chartBrowser))

// Local runs: MobileNetV2 from ../shared when present, else the generated test classifier.
const mobilenet = join(root, '..', 'shared', 'models', 'mobilenet_v2.onnx')
const modelDir = mkdtempSync(join(tmpdir(), 'mlx-bench-model-'))
const model = existsSync(mobilenet) ? mobilenet : writeTestModels(modelDir).conv
const lr = await runLocalRunBench(model)
rmSync(modelDir, { recursive: true, force: true })
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
console.log(
  `local runs on ${existsSync(mobilenet) ? 'MobileNetV2' : 'the generated test classifier'} (synthetic inputs):\n` +
    `  Offline batch ${lr.batch}: ${fmt(lr.offline.samplesPerSecond)} samples/s = ${pct(lr.offline.ratioToBare)} of the bare loop's ${fmt(lr.offline.bareSamplesPerSecond)} (target ≥ 97%)\n` +
    `  SingleStream p90 ${lr.singleStream.p90Ms.toFixed(3)} ms vs bare ${lr.singleStream.bareP90Ms.toFixed(3)} ms: +${pct(lr.singleStream.ratioToBare - 1)} (target ≤ 3%)\n` +
    `  Server at ${fmt(lr.server.targetQps)} QPS (80% of bare capacity): ${lr.server.valid === true ? 'VALID' : 'INVALID'}, p99 ${lr.server.p99Ms.toFixed(2)} ms vs ${lr.server.bareP99Ms.toFixed(2)} ms for the bare loop on the same schedule (bound ${fmt(lr.server.boundMs)} ms)\n` +
    `  issue jitter p99: SingleStream ${fmt(lr.singleStream.jitterP99Us)} µs, Server ${fmt(lr.server.jitterP99Us)} µs (target < 1000 µs)`
)

// The LoadGen harness itself, on a near-zero-cost model, next to a bare loop in the same run.
const overhead = await runHarnessOverheadBench()
for (const line of harnessOverheadLines(overhead)) console.log(line)
// The table in Chromium (web mode, built renderer) next to a bare DOM page; bundle sizes.
const ui = await benchTableUi(rows)
console.log(describeUiBench(ui))

mkdirSync(join(root, 'test', 'output'), { recursive: true })
writeFileSync(
  join(root, 'test', 'output', 'bench.json'),
  JSON.stringify(
    {
      catalogue: cat,
      import: imp,
      query: q,
      trainingParse: tp,
      charts,
      chartBrowser,
      localRuns: lr,
      harnessOverhead: overhead,
      ui
    },
    null,
    2
  )
)

// Issue 13: the catalogue-scale table with 10,000 local runs, and 50 web clients during imports.
await runReliabilityBench()
