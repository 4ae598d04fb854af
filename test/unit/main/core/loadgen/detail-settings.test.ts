/**
 * The parts of the detail log's opening block one by one: the version block, the run identity,
 * the requested_* settings of each scenario and the effective_* block, as lines the app's own
 * importer reads back with the right types.
 */
import { describe, expect, it } from 'vitest'
import { parseMllogDetail } from '../../../../../src-main/core/ingest/inference/mllog-detail'
import { loadgenBuild } from '../../../../../src-main/core/loadgen/build-info'
import type { TestSettings } from '../../../../../src-main/core/loadgen/config'
import { builtInTestSettings, effectiveSettings } from '../../../../../src-main/core/loadgen/config'
import {
  logEffectiveSettings,
  logRequestedScenarioSettings,
  logRequestedSettings
} from '../../../../../src-main/core/loadgen/detail-settings'
import {
  DetailLog,
  logRunIdentity,
  logVersionBlock
} from '../../../../../src-main/core/loadgen/detail-writer'
import type { LocalScenario } from '../../../../../src-main/shared/local-run'

const keysOf = (d: DetailLog): string[] =>
  d
    .text()
    .trim()
    .split('\n')
    .map((l) => /"key": "([^"]+)"/.exec(l)![1]!)

function req(scenario: LocalScenario, over: Partial<TestSettings> = {}): TestSettings {
  return { ...builtInTestSettings(scenario, 'PerformanceOnly'), ...over }
}

describe('logVersionBlock and logRunIdentity', () => {
  it('write the build, then who ran what, each at the given time', () => {
    const d = new DetailLog(0n, 1, 1)
    logVersionBlock(d, 5_000n, loadgenBuild('1.2.3'))
    logRunIdentity(d, 5_000n, {
      build: loadgenBuild('1.2.3'),
      testDatetime: '2025-01-02T03:04:05Z',
      sutName: 'my sut',
      qslName: 'my qsl',
      qslTotalCount: 500,
      qslPerformanceCount: 64
    })
    expect(keysOf(d)).toEqual([
      'loadgen_version',
      'loadgen_build_date_local',
      'loadgen_build_date_utc',
      'loadgen_git_commit_date',
      'loadgen_git_log_message',
      'loadgen_git_status_message',
      'loadgen_file_sha1',
      'test_datetime',
      'sut_name',
      'get_sut_name_duration_ns',
      'qsl_name',
      'qsl_reported_total_count',
      'qsl_reported_performance_count'
    ])
    expect(d.text()).toContain('"time_ms": 0.005000')
    const v = parseMllogDetail(d.text()).values
    expect(v.get('loadgen_version')).toBe('MLPerf Explorer 1.2.3 TypeScript LoadGen @ local')
    expect(v.get('test_datetime')).toBe('2025-01-02T03:04:05Z')
    expect(v.get('qsl_reported_total_count')).toBe(500)
    expect(v.get('qsl_reported_performance_count')).toBe(64)
  })
})

describe('logRequestedScenarioSettings', () => {
  const cases: [LocalScenario, string[]][] = [
    [
      'SingleStream',
      [
        'requested_single_stream_expected_latency_ns',
        'requested_single_stream_target_latency_percentile'
      ]
    ],
    [
      'MultiStream',
      [
        'requested_multi_stream_expected_latency_ns',
        'requested_multi_stream_target_latency_percentile',
        'requested_multi_stream_samples_per_query'
      ]
    ],
    [
      'Server',
      [
        'requested_server_target_qps',
        'requested_server_target_latency_ns',
        'requested_server_target_latency_percentile',
        'requested_server_coalesce_queries',
        'requested_server_find_peak_qps_decimals_of_precision',
        'requested_server_find_peak_qps_boundary_step_size',
        'requested_server_max_async_queries',
        'requested_server_num_issue_query_threads'
      ]
    ],
    ['Offline', ['requested_offline_expected_qps']]
  ]
  for (const [scenario, keys] of cases) {
    it(`logs only ${scenario}'s own settings`, () => {
      const d = new DetailLog(0n, 1, 1)
      logRequestedScenarioSettings(d, 0n, req(scenario))
      expect(keysOf(d)).toEqual(keys)
    })
  }

  it('prints the expected latency as a double, as LoadGen 6.0 does', () => {
    const d = new DetailLog(0n, 1, 1)
    logRequestedScenarioSettings(
      d,
      0n,
      req('SingleStream', { singleStreamExpectedLatencyNs: 2.1e10 })
    )
    expect(d.text()).toContain('"value": 2.1e+10,')
  })
})

describe('logRequestedSettings and logEffectiveSettings', () => {
  it('open with scenario and mode, put the scenario block first, then the common settings', () => {
    const d = new DetailLog(0n, 1, 1)
    logRequestedSettings(d, 0n, req('Offline', { minDurationMs: 1234 }))
    const keys = keysOf(d)
    expect(keys.slice(0, 4)).toEqual([
      'requested_scenario',
      'requested_test_mode',
      'requested_offline_expected_qps',
      'requested_min_duration_ms'
    ])
    expect(keys.at(-1)).toBe('requested_sample_concatenate_permutation')
    expect(keys).toHaveLength(20)
    expect(parseMllogDetail(d.text()).values.get('requested_min_duration_ms')).toBe(1234)
  })

  it('write the effective settings the run used, uint64 seeds exactly', () => {
    const r = req('Server', { serverTargetQps: 50, scheduleRngSeed: 16159082839903944936n })
    const d = new DetailLog(0n, 1, 1)
    logEffectiveSettings(d, 0n, effectiveSettings(r, 100))
    const keys = keysOf(d)
    expect(keys[0]).toBe('effective_scenario')
    expect(keys).toHaveLength(26)
    expect(keys.every((k) => k.startsWith('effective_'))).toBe(true)
    expect(d.text()).toContain(
      '"key": "effective_schedule_rng_seed", "value": 16159082839903944936,'
    )
    const v = parseMllogDetail(d.text()).values
    expect(v.get('effective_scenario')).toBe('Server')
    expect(v.get('effective_target_qps')).toBe(50)
    expect(v.get('effective_performance_sample_count')).toBe(100)
  })
})
