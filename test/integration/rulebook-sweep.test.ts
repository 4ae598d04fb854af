/**
 * The rulebook sweep: every round × MLPerf model × scenario the rulebook knows (each round with
 * every model of any round, since open-division folders name models of other rounds) goes
 * through the two ways a result reaches the table — the submission-tree importer deriving the official value
 * from LoadGen logs, and the summary importer labelling a published value — and both must give
 * the same metric and unit. The tree path must also read the rulebook's field (the value of the
 * key it names, divided as it says). The logs and the checker CSV are written here in the real
 * formats, one tree per round, so the test needs nothing outside the repository.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createReadContext,
  readInferenceResult,
  scanInferenceTree
} from '../../src-main/core/ingest/inference'
import { readSummaryFile } from '../../src-main/core/ingest/summaries'
import type { InferenceScenario } from '../../src-main/mlperf'
import {
  INFERENCE_ROUNDS,
  ROUND_MODELS,
  inferenceEra,
  loadgenScenario,
  officialResultField
} from '../../src-main/mlperf'
import type { InferenceResultRecord } from '../../src-main/shared/inference'
import { put } from '../unit/main/core/ingest/inference/tree-fixture'

const SCENARIOS: InferenceScenario[] = [
  'SingleStream',
  'MultiStream',
  'Server',
  'Offline',
  'Interactive'
]

/** A distinct raw value per LoadGen figure, so the test sees which one was read. */
const RAW: Record<string, number> = {
  result_samples_per_second: 1001.5,
  result_scheduled_samples_per_sec: 1002.5,
  result_completed_samples_per_sec: 1003.5,
  result_tokens_per_second: 1004.5,
  result_completed_tokens_per_second: 1005.5,
  result_inferred_tokens_per_second: 1006.5,
  result_inferred_completed_tokens_per_second: 1007.5,
  'result_90.00_percentile_latency_ns': 1008000000,
  early_stopping_latency_ss: 1009000000,
  early_stopping_latency_ms: 1010000000,
  effective_samples_per_query: 11
}

/** The same figures under their summary labels (the source of v0.5/v0.7 results). */
const SUMMARY_LABELS: Record<string, string> = {
  '90th percentile latency (ns)': String(RAW['result_90.00_percentile_latency_ns']),
  'Samples per query': String(RAW.effective_samples_per_query),
  'Scheduled samples per second': String(RAW.result_scheduled_samples_per_sec),
  'Samples per second': String(RAW.result_samples_per_second)
}

const RULE = '================================================'

function summaryText(scenario: string): string {
  return [
    RULE,
    'MLPerf Results Summary',
    RULE,
    'SUT name : Sweep_SUT',
    `Scenario : ${scenario}`,
    'Mode     : PerformanceOnly',
    ...Object.entries(SUMMARY_LABELS).map(([label, value]) => `${label} : ${value}`),
    'Result is : VALID',
    '  Min duration satisfied : Yes',
    '  Min queries satisfied : Yes',
    '',
    RULE,
    'Test Parameters Used',
    RULE,
    'min_duration (ms): 600000',
    '',
    'No warnings encountered during test.',
    '',
    'No errors encountered during test.',
    ''
  ].join('\n')
}

const mllog = (key: string, value: string): string =>
  `:::MLLOG {"key": "${key}", "value": ${value}, "time_ms": 0.012, "namespace": "mlperf::logging", "event_type": "POINT_IN_TIME", "metadata": {"is_error": false, "is_warning": false, "file": "x.cc", "line_no": 1, "pid": 1, "tid": 1}}`

function detailText(scenario: string): string {
  return [
    mllog('effective_scenario', `"${scenario}"`),
    mllog('result_validity', '"VALID"'),
    mllog('result_query_count', '100000'),
    ...Object.entries(RAW).map(([key, value]) => mllog(key, String(value))),
    ''
  ].join('\n')
}

const SYSTEM = JSON.stringify({
  division: 'closed',
  submitter: 'Sweep',
  status: 'available',
  system_name: 'Sweep box',
  number_of_nodes: '1',
  accelerators_per_node: '1',
  accelerator_model_name: 'Sweeper',
  host_processor_model_name: 'CPU',
  host_processors_per_node: 1,
  host_processor_core_count: 1,
  framework: 'none',
  operating_system: 'Linux',
  system_type: 'datacenter,edge'
})

/** `model` is the benchmark folder name: an MLPerf model name of some round. */
type Cell = { round: string; model: string; scenario: InferenceScenario }
const cellKey = (c: Cell): string => `${c.round} ${c.model} ${c.scenario}`

const MODELS = [...new Set(Object.values(ROUND_MODELS).flat())]
const cells: Cell[] = INFERENCE_ROUNDS.flatMap((round) =>
  MODELS.flatMap((model) => SCENARIOS.map((scenario) => ({ round, model, scenario })))
)

let root = ''
const tree = new Map<string, InferenceResultRecord>()
const summary = new Map<string, InferenceResultRecord>()

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'rulebook-sweep-'))
  const header = 'Organization,Division,Platform,Model,MlperfModel,Scenario,Result,Location'
  const csv = new Map<string, string[]>()
  for (const c of cells) {
    const sub = `inference_results_${c.round}/closed/Sweep`
    const dir = `${sub}/results/sweep/${c.model}/${c.scenario}`
    const logScenario = loadgenScenario(c.scenario)
    await put(root, `${dir}/performance/run_1/mlperf_log_summary.txt`, summaryText(logScenario))
    if (inferenceEra(c.round, 'detailLog')) {
      await put(root, `${dir}/performance/run_1/mlperf_log_detail.txt`, detailText(logScenario))
    }
    const rows = csv.get(c.round) ?? [header]
    // No MlperfModel: the summary path maps the folder name itself, as the tree path does.
    rows.push(`Sweep,closed,sweep,${c.model},,${c.scenario},42,${dir}`)
    csv.set(c.round, rows)
  }
  for (const [round, rows] of csv) {
    const sub = `inference_results_${round}/closed/Sweep`
    await put(root, `${sub}/systems/sweep.json`, SYSTEM)
    await put(root, `summaries/inference_results_${round}/summary.csv`, rows.join('\n') + '\n')
  }

  const scan = await scanInferenceTree(root)
  const ctx = createReadContext()
  for (const loc of scan.locations) {
    const res = await readInferenceResult(loc, ctx)
    if (!('record' in res)) throw new Error(`${res.skipped.path}: ${res.skipped.reason}`)
    const r = res.record
    tree.set(cellKey({ round: r.round, model: r.benchmark, scenario: r.scenario }), r)
  }
  for (const round of INFERENCE_ROUNDS) {
    const file = path.join(root, `summaries/inference_results_${round}/summary.csv`)
    const res = await readSummaryFile(file)
    for (const r of res.records) {
      summary.set(cellKey({ round: r.round, model: r.benchmark, scenario: r.scenario }), r)
    }
    expect(res.skipped).toEqual([])
  }
}, 120_000)

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

describe('rulebook sweep: tree path and summary path agree on every cell', () => {
  it('covers every round × model × scenario the rulebook knows', () => {
    expect(cells.length).toBe(INFERENCE_ROUNDS.length * MODELS.length * SCENARIOS.length)
    expect(tree.size).toBe(cells.length)
    expect(summary.size).toBe(cells.length)
  })

  it('gives the same metric and unit through both paths', () => {
    const disagree = cells
      .map((c) => {
        const t = tree.get(cellKey(c))
        const s = summary.get(cellKey(c))
        const show = (r?: InferenceResultRecord): string =>
          `${r?.mlperfModel} ${r?.metric} ${r?.unit}`
        return { c, t: show(t), s: show(s) }
      })
      .filter((d) => d.t !== d.s)
      .map((d) => `${cellKey(d.c)}: tree ${d.t}, summary ${d.s}`)
    expect(disagree).toEqual([])
  })

  it('reads on the tree path the figure the rulebook names, in its unit', () => {
    const wrong: string[] = []
    for (const c of cells) {
      const t = tree.get(cellKey(c))
      const field = officialResultField(c.round, c.scenario, t?.mlperfModel ?? c.model)
      const raw =
        field.source === 'summary' ? Number(SUMMARY_LABELS[field.key]) : (RAW[field.key] ?? NaN)
      if (t?.value !== raw / field.divisor || t.metric !== field.metric) {
        wrong.push(`${cellKey(c)}: ${t?.value} ${t?.metric}, expected ${raw / field.divisor}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('settles the cells the two copies of the rules disagreed on, as the checker does', () => {
    const metric = (round: string, model: string, scenario: InferenceScenario): string => {
      const t = tree.get(cellKey({ round, model, scenario }))
      return `${t?.metric} ${t?.unit}`
    }
    // The checker's override for llama3.1-8b-edge names Offline and SingleStream only.
    for (const round of ['v5.1', 'v6.0', 'v6.1']) {
      expect(metric(round, 'llama3.1-8b-edge', 'Server')).toBe(
        'completed_samples_per_second Queries/s'
      )
      expect(metric(round, 'llama3.1-8b-edge', 'Offline')).toBe('tokens_per_second Tokens/s')
      expect(metric(round, 'llama3.1-8b-edge', 'SingleStream')).toBe('latency_p90_ms Latency (ms)')
    }
    // llama3.1-405b reports tokens from v5.0, its first round.
    expect(metric('v4.1', 'llama3.1-405b', 'Offline')).toBe('samples_per_second Samples/s')
    expect(metric('v5.0', 'llama3.1-405b', 'Offline')).toBe('tokens_per_second Tokens/s')
    // The p99.9 and seconds overrides start with their models; before, the round's own p90.
    for (const round of ['v0.5', 'v0.7']) {
      expect(metric(round, 'pointpainting', 'SingleStream')).toBe('latency_p90_ms Latency (ms)')
      expect(metric(round, 'wan-2.2-t2v-a14b', 'SingleStream')).toBe('latency_p90_ms Latency (ms)')
    }
    expect(metric('v6.0', 'wan-2.2-t2v-a14b', 'SingleStream')).toBe('latency_p90_s Latency (s)')
    expect(metric('v5.0', 'pointpainting', 'SingleStream')).toBe('latency_p99_9_ms Latency (ms)')
  })
})
