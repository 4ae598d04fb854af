import { describe, expect, it } from 'vitest'
import { builtInTestSettings, effectiveSettings } from '../../../../../src-main/core/loadgen/config'
import {
  DetailLog,
  formatTimeMs,
  logRunStart,
  powerTimestamp
} from '../../../../../src-main/core/loadgen/detail-writer'
import { parseMllogDetail } from '../../../../../src-main/core/ingest/inference/mllog-detail'
import { loadgenBuild } from '../../../../../src-main/core/loadgen/build-info'

describe('mlperf_log_detail.txt lines', () => {
  it('reproduces real LoadGen 5.1 lines exactly', () => {
    const d = new DetailLog(1_000_000n, 5290, 5290)
    d.log('loadgen_version', { kind: 'string', v: '5.1.0 @ 091d51f041' }, 1_007_090n, {
      file: 'version.cc',
      line: 53
    })
    d.log('effective_scenario', { kind: 'string', v: 'Server' }, 1_021_230n, {
      file: 'test_settings_internal.cc',
      line: 418
    })
    expect(d.text()).toBe(
      ':::MLLOG {"key": "loadgen_version", "value": "5.1.0 @ 091d51f041", "time_ms": 0.007090, "namespace": "mlperf::logging", "event_type": "POINT_IN_TIME", "metadata": {"is_error": false, "is_warning": false, "file": "version.cc", "line_no": 53, "pid": 5290, "tid": 5290}}\n' +
        ':::MLLOG {"key": "effective_scenario", "value": "Server", "time_ms": 0.021230, "namespace": "mlperf::logging", "event_type": "POINT_IN_TIME", "metadata": {"is_error": false, "is_warning": false, "file": "test_settings_internal.cc", "line_no": 418, "pid": 5290, "tid": 5290}}\n'
    )
  })

  it('formats values by their C++ type', () => {
    const d = new DetailLog(0n, 1, 1)
    d.dbl('result_completed_samples_per_sec', 81.6768, 920_503_448_925n)
    d.int('requested_schedule_rng_seed', 14962580496156340209n, 0n)
    d.bool('result_min_duration_met', true, 0n)
    d.log('loaded_qsl_set', { kind: 'intList', v: Uint32Array.from([4118, 36553]) }, 0n)
    d.error('error_runtime', 'boom "quoted"', 0n)
    d.warning('careful', 0n)
    const lines = d.text().trim().split('\n')
    expect(lines[0]).toContain('"value": 81.6768, "time_ms": 920503.448925,')
    expect(lines[1]).toContain('"value": 14962580496156340209,')
    expect(lines[2]).toContain('"value": true,')
    expect(lines[3]).toContain('"value": [4118,36553],')
    expect(lines[4]).toContain('"value": "boom \\"quoted\\"",')
    expect(lines[4]).toContain('"is_error": true, "is_warning": false')
    expect(lines[5]).toContain('"key": "warning_generic_message"')
    expect(d.errors).toBe(1)
    expect(d.warnings).toBe(1)
  })

  it('prints LoadGen 6.0 values: double expected latencies and the file-hash map', () => {
    // Real 6.0.16 lines (inference_results_v6.1, wan-2.2-t2v-a14b SingleStream).
    const d = new DetailLog(0n, 1, 1)
    d.dbl('requested_single_stream_expected_latency_ns', 2.1e10, 0n)
    d.log('loadgen_file_sha1', { kind: 'map', v: { '/.clang-format': '012a', '/x.cc': 'ff' } }, 0n)
    const lines = d.text().trim().split('\n')
    expect(lines[0]).toContain('"value": 2.1e+10,')
    expect(lines[1]).toContain('"value": {"/.clang-format":"012a","/x.cc":"ff"},')
    expect(
      parseMllogDetail(d.text()).values.get('requested_single_stream_expected_latency_ns')
    ).toBe(2.1e10)
  })

  it('prints time_ms and power timestamps like LoadGen', () => {
    expect(formatTimeMs(0n)).toBe('0.000000')
    expect(formatTimeMs(602_431_945_313n)).toBe('602431.945313')
    expect(powerTimestamp(Date.UTC(2025, 6, 31, 9, 26, 3, 554))).toBe('07-31-2025 09:26:03.554')
  })

  it('emits the settings blocks in order and parses with the app importer', () => {
    const req = {
      ...builtInTestSettings('Server', 'PerformanceOnly'),
      serverTargetQps: 632000,
      serverTargetLatencyNs: 15_000_000
    }
    const eff = effectiveSettings(req, 2048)
    const d = new DetailLog(0n, 1, 1)
    logRunStart(
      d,
      10n,
      {
        build: loadgenBuild('9.9.9'),
        testDatetime: '2024-07-15T23:01:44Z',
        sutName: 'sut',
        qslName: 'qsl',
        qslTotalCount: 50000,
        qslPerformanceCount: 2048
      },
      ['note'],
      req,
      eff
    )
    const keys = d
      .text()
      .trim()
      .split('\n')
      .map((l) => /"key": "([^"]+)"/.exec(l)![1])
    expect(keys.slice(0, 15)).toEqual([
      'loadgen_version',
      'loadgen_build_date_local',
      'loadgen_build_date_utc',
      'loadgen_git_commit_date',
      'loadgen_git_log_message',
      'loadgen_git_status_message',
      'loadgen_file_sha1',
      'generic_message',
      'test_datetime',
      'sut_name',
      'get_sut_name_duration_ns',
      'qsl_name',
      'qsl_reported_total_count',
      'qsl_reported_performance_count',
      'requested_scenario'
    ])
    expect(keys.indexOf('requested_server_target_qps')).toBeLessThan(
      keys.indexOf('requested_min_duration_ms')
    )
    expect(keys.indexOf('requested_sample_concatenate_permutation')).toBeLessThan(
      keys.indexOf('effective_scenario')
    )
    expect(keys.indexOf('requested_accuracy_sample_count_override')).toBe(
      keys.indexOf('requested_performance_sample_count_override') + 1
    )
    expect(keys.indexOf('effective_accuracy_sample_count')).toBe(
      keys.indexOf('effective_performance_sample_count') + 1
    )
    const parsed = parseMllogDetail(d.text())
    expect(parsed.errors).toEqual([])
    expect(parsed.values.get('loadgen_version')).toBe(
      'MLPerf Explorer 9.9.9 TypeScript LoadGen @ local'
    )
    expect(parsed.values.get('loadgen_git_status_message')).toBe('')
    // The app's own LoadGen files, each with its SHA-1.
    expect(d.text()).toMatch(/"\/query-plan\.ts":"[0-9a-f]{40}"/)
    expect(parsed.values.get('effective_accuracy_sample_count')).toBe(2048)
    expect(parsed.values.get('effective_target_qps')).toBe(632000)
    expect(parsed.values.get('effective_target_latency_ns')).toBe(15000000)
  })
})
