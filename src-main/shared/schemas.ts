import { z } from 'zod'
import type { MethodName } from './api'
import { SORT_DIRS, SUITES } from './api'
import {
  CHART_KINDS,
  CHART_VIEW_VERSION,
  COLOR_BY,
  DISTRIBUTION_SHAPES,
  EFFICIENCY_METRICS,
  NORMALISATION_MODES,
  PRICE_BASES,
  SPEEDUP_MODES
} from './charts/chart-view'
import { FILTER_OPS } from './filters'
import { CHANNEL_ORDERS, LOCAL_RUN_MODES, LOCAL_SCENARIOS, TENSOR_LAYOUTS } from './local-run'
import { PICK_PURPOSES } from './local-run-views'

// Every enum comes from the const list its TypeScript type is made of: one list per enum.
const suite = z.enum(SUITES)
const filter = z.object({
  column: z.string().min(1).max(64),
  op: z.enum(FILTER_OPS),
  value: z.union([z.string().max(1000), z.array(z.string().max(1000)).max(1000)]).optional()
})
const view = {
  suite,
  filters: z.array(filter).max(100),
  search: z.string().max(500).optional(),
  sort: z.object({ column: z.string().min(1).max(64), dir: z.enum(SORT_DIRS) }).optional()
}
const empty = z.object({}).strict()

const systemKey = z.object({
  round: z.string().min(1).max(20),
  submitter: z.string().min(1).max(200),
  systemId: z.string().min(1).max(300)
})
/** A chart view, also the format of a report bundle's view.json (shared/charts/chart-view.ts). */
export const chartViewSchema = z.object({
  version: z.literal(CHART_VIEW_VERSION),
  kind: z.enum(CHART_KINDS),
  suite,
  filters: z.array(filter).max(100),
  search: z.string().max(500).optional(),
  normalisation: z.enum(NORMALISATION_MODES),
  reference: systemKey.nullable(),
  priceBasis: z.enum(PRICE_BASES),
  colorBy: z.enum(COLOR_BY),
  shape: z.enum(DISTRIBUTION_SHAPES),
  speedupMode: z.enum(SPEEDUP_MODES),
  accelerators: z.number().int().min(1).max(1_000_000),
  efficiency: z.enum(EFFICIENCY_METRICS),
  title: z.string().max(200).optional()
})
const chartSize = z.object({
  width: z.number().int().min(320).max(6000),
  height: z.number().int().min(240).max(6000)
})

const filePath = z.string().min(1).max(4096)
const count = z.number().int().min(0).max(1e12)
const seed = z.string().regex(/^\d{1,20}$/, 'a seed is an unsigned 64-bit integer')
const scenarioName = z.enum(LOCAL_SCENARIOS)
const runMode = z.enum(LOCAL_RUN_MODES)
const triple = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()])
/** A local run's settings (shared/local-run-views.ts RunStartSettings); mlperf.conf fills gaps. */
const runSettings = z
  .object({
    modelPath: filePath,
    outputDir: filePath.optional(),
    benchmark: z.string().min(1).max(100).optional(),
    scenario: scenarioName.optional(),
    mode: runMode.optional(),
    datasetPath: filePath.nullable().optional(),
    preprocess: z
      .object({
        resizeShorterSide: z.number().int().min(1).max(16384).nullable(),
        cropSize: z.number().int().min(1).max(16384).nullable(),
        mean: triple,
        std: triple,
        layout: z.enum(['auto', ...TENSOR_LAYOUTS]),
        channelOrder: z.enum(CHANNEL_ORDERS)
      })
      .partial()
      .optional(),
    labelOffset: z.union([z.number().int().min(-10).max(10), z.literal('auto')]).optional(),
    sutName: z.string().min(1).max(200).optional(),
    minDurationMs: count.optional(),
    maxDurationMs: count.optional(),
    minQueryCount: count.optional(),
    maxQueryCount: count.optional(),
    targetQps: z.number().finite().positive().optional(),
    targetLatencyMs: z.number().finite().min(0).optional(),
    expectedLatencyMs: z.number().finite().positive().optional(),
    targetLatencyPercentile: z.number().gt(0).lt(100).optional(),
    samplesPerQuery: z.number().int().min(1).max(1_000_000).optional(),
    performanceSampleCount: count.optional(),
    maxAsyncQueries: count.optional(),
    qslRngSeed: seed.optional(),
    sampleIndexRngSeed: seed.optional(),
    scheduleRngSeed: seed.optional(),
    batchSize: z.number().int().min(1).max(65536).optional(),
    executionProvider: z.string().min(1).max(40).optional(),
    intraOpThreads: z.number().int().min(0).max(1024).optional(),
    interOpThreads: z.number().int().min(0).max(1024).optional(),
    workers: z.number().int().min(1).max(256).optional(),
    syntheticSampleCount: z.number().int().min(1).max(100_000).optional(),
    warmupRuns: z.number().int().min(0).max(10_000).optional(),
    referenceAccuracy: z.number().finite().gt(0).max(100).nullable().optional(),
    qualityTargetFraction: z.union([z.literal(0.99), z.literal(0.999)]).optional(),
    userConf: z.string().max(100_000).nullable().optional()
  })
  .strict()

const pivotQuery = z.object({
  round: z.string().min(1).max(20).optional(),
  filters: z.array(filter).max(100),
  search: z.string().max(500).optional(),
  measure: z.enum(['performance', 'power']).optional()
})

/** Input schemas keyed by wire name; a missing entry is a type error. */
export const INPUT_SCHEMAS = {
  'app.info': empty,
  'results.query': z.object({
    ...view,
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(1000),
    columns: z.array(z.string().min(1).max(64)).max(100).optional()
  }),
  'results.facets': z.object({
    ...view,
    columns: z.array(z.string().min(1).max(64)).max(100),
    size: z.number().int().min(1).max(500).optional()
  }),
  'results.get': z.object({ suite, id: z.number().int() }),
  'results.csv': z.object({ ...view, footnote: z.boolean().optional() }),
  'imports.start': z.object({
    // The CLI passes what a shell glob gave (`import results/*`): hundreds of folders.
    paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
    round: z.string().max(40).optional()
  }),
  'imports.cancel': z.object({ jobId: z.string().min(1).max(100) }),
  'imports.get': z.object({ jobId: z.string().min(1).max(100) }),
  'imports.list': empty,
  'training.runs': z.object({ id: z.number().int() }),
  'training.thresholds': z.object({
    benchmark: z.string().min(1).max(100),
    round: z.string().min(1).max(20)
  }),
  'training.ttmt': z.object({
    ids: z.array(z.number().int()).min(1).max(16),
    thresholds: z.array(z.number().finite()).min(1).max(200).optional()
  }),
  'training.logTtmt': z.object({
    paths: z.array(filePath).min(1).max(10_000),
    thresholds: z.array(z.number().finite()).min(1).max(200).optional(),
    direction: z.enum(['higher', 'lower']).optional()
  }),
  'charts.data': z.object({ view: chartViewSchema }),
  'charts.compare': z.object({
    ids: z.array(z.number().int()).min(2).max(8),
    suite: suite.optional()
  }),
  'charts.setPrice': z.object({
    basis: z.enum(PRICE_BASES),
    key: z.string().trim().min(1).max(400),
    usd: z.number().finite().positive(),
    note: z.string().max(500).nullable().optional()
  }),
  'charts.deletePrice': z.object({ id: z.number().int() }),
  'charts.setAlias': z.object({
    raw: z.string().trim().min(1).max(300),
    canonical: z.string().trim().min(1).max(200).nullable()
  }),
  'exports.csv': z
    .object({ table: z.object(view).optional(), chart: chartViewSchema.optional() })
    .refine((i) => (i.table === undefined) !== (i.chart === undefined), {
      message: 'give exactly one of table or chart'
    }),
  'exports.bundle': z.object({
    view: chartViewSchema,
    dir: z.string().min(1).max(4096).optional(),
    size: chartSize.optional()
  }),
  'exports.openView': z.object({ path: z.string().min(1).max(4096) }),
  'render.chart': z.object({
    view: chartViewSchema,
    size: chartSize.optional(),
    format: z.enum(['svg', 'png'])
  }),
  'files.pickFolder': empty,
  'files.pickPath': z.object({
    purpose: z.enum(PICK_PURPOSES)
  }),
  'files.list': z.object({ path: z.string().max(4096).optional() }),
  'runs.defaults': z.object({
    benchmark: z.string().min(1).max(100).optional(),
    scenario: scenarioName.optional(),
    mode: runMode.optional()
  }),
  'runs.start': z.object({
    settings: runSettings,
    repetitions: z.number().int().min(1).max(100).optional()
  }),
  'runs.cancel': z.object({ runId: z.number().int() }),
  'runs.list': empty,
  'runs.get': z.object({ id: z.number().int() }),
  'runs.inspect': z.object({
    modelPath: filePath,
    inputPath: filePath,
    labelsPath: filePath.nullable().optional(),
    topK: z.number().int().min(1).max(100).optional(),
    executionProvider: z.string().min(1).max(40).optional()
  }),
  'runs.suggestBenchmark': z.object({ modelPath: filePath }),
  'results.fetchLogs': z.object({ suite, id: z.number().int() }),
  'results.logs': z.object({ suite, id: z.number().int() }),
  'catalogue.sources': empty,
  'catalogue.setBaseUrl': z.object({ baseUrl: z.string().max(2000).nullable() }),
  'catalogue.update': z
    .object({
      rounds: z
        .array(z.object({ suite, round: z.string().regex(/^v\d+\.\d+$/, 'a round is vX.Y') }))
        .max(200)
        .optional(),
      force: z.boolean().optional()
    })
    .strict(),
  'catalogue.cancelUpdate': z.object({ jobId: z.string().min(1).max(100) }),
  'catalogue.getUpdate': z.object({ jobId: z.string().min(1).max(100) }),
  'catalogue.status': empty,
  'catalogue.remove': empty,
  'catalogue.restore': empty,
  'app.preferences': empty,
  'app.setPreferences': z
    .object({ theme: z.enum(['system', 'light', 'dark']).optional() })
    .strict(),
  'results.pivot': pivotQuery,
  'results.pivotCsv': pivotQuery,
  'imports.checkPath': z.object({ path: z.string().min(1).max(4096) }),
  'files.choose': z.object({
    purpose: z.enum(['model', 'dataset', 'output', 'sample', 'labels']),
    path: filePath
  })
} satisfies Record<MethodName, z.ZodType>
