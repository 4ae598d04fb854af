/**
 * Builds small submission-shaped trees in a temp folder for the tree-scan and read-result tests.
 * The log snippets follow the real LoadGen formats (written here, not copied from the corpus).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

export const V41_SEEDS = {
  qsl: '3066443479025735752',
  sampleIndex: '10688027786191513374',
  schedule: '14962580496156340209'
}

const RULE = '================================================'

export function offlineSummary(samplesPerSecond: string, seeds = V41_SEEDS): string {
  return [
    RULE,
    'MLPerf Results Summary',
    RULE,
    'SUT name : LWIS_Server',
    'Scenario : Offline',
    'Mode     : PerformanceOnly',
    `Samples per second: ${samplesPerSecond}`,
    'Result is : VALID',
    '  Min duration satisfied : Yes',
    '  Min queries satisfied : Yes',
    '  Early stopping satisfied: Yes',
    '',
    RULE,
    'Additional Stats',
    RULE,
    'Max latency (ns)                : 601234567890',
    '',
    RULE,
    'Test Parameters Used',
    RULE,
    'samples_per_query : 198000000',
    'min_duration (ms): 600000',
    'min_query_count : 1',
    `qsl_rng_seed : ${seeds.qsl}`,
    `sample_index_rng_seed : ${seeds.sampleIndex}`,
    `schedule_rng_seed : ${seeds.schedule}`,
    '',
    'No warnings encountered during test.',
    '',
    'No errors encountered during test.',
    ''
  ].join('\n')
}

const line = (key: string, value: string): string =>
  `:::MLLOG {"key": "${key}", "value": ${value}, "time_ms": 0.012, "namespace": "mlperf::logging", "event_type": "POINT_IN_TIME", "metadata": {"is_error": false, "is_warning": false, "file": "x.cc", "line_no": 1, "pid": 1, "tid": 1}}`

export function offlineDetail(samplesPerSecond: string, seeds = V41_SEEDS): string {
  return [
    line('loadgen_version', '"4.1 @ 2ed9555be0"'),
    line('effective_scenario', '"Offline"'),
    line('effective_samples_per_query', '198000000'),
    line('effective_min_duration_ms', '600000'),
    line('effective_min_query_count', '1'),
    line('effective_qsl_rng_seed', seeds.qsl),
    line('effective_sample_index_rng_seed', seeds.sampleIndex),
    line('effective_schedule_rng_seed', seeds.schedule),
    line('result_validity', '"VALID"'),
    line('result_min_duration_met', 'true'),
    line('result_min_queries_met', 'true'),
    line('early_stopping_met', 'true'),
    line('result_query_count', '1'),
    line('result_samples_per_second', samplesPerSecond),
    line('result_max_latency_ns', '601234567890'),
    line('num_errors', '0'),
    ''
  ].join('\r\n')
}

export const SYSTEM = {
  division: 'closed',
  submitter: 'Acme',
  status: 'available',
  system_name: 'Acme Box (2x Widget)',
  number_of_nodes: '1',
  accelerators_per_node: '2',
  accelerator_model_name: 'Widget 9000',
  host_processor_model_name: 'CPU X',
  host_processors_per_node: 2,
  host_processor_core_count: 64,
  framework: 'WidgetRT 1.0',
  operating_system: 'Linux',
  system_type: 'datacenter,edge'
}

export async function makeTemp(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix))
}

export async function put(root: string, rel: string, text: string): Promise<string> {
  const p = path.join(root, rel)
  await mkdir(path.dirname(p), { recursive: true })
  await writeFile(p, text)
  return p
}

/** A complete result folder (summary, detail, accuracy) under `scenarioRel`. */
export async function putResult(root: string, scenarioRel: string, sps = '154.901'): Promise<void> {
  await put(
    root,
    `${scenarioRel}/performance/run_1/mlperf_log_summary.txt`,
    offlineSummary(sps.slice(0, 6))
  )
  await put(root, `${scenarioRel}/performance/run_1/mlperf_log_detail.txt`, offlineDetail(sps))
  await put(
    root,
    `${scenarioRel}/accuracy/accuracy.txt`,
    'accuracy=76.076%, good=38038, total=50000\nhash=0123456789abcdef\n'
  )
}
