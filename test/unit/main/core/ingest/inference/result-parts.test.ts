import { describe, expect, it } from 'vitest'
import type { RunLogs } from '../../../../../../src-main/core/ingest/inference/result-logs'
import { parseMllogDetail } from '../../../../../../src-main/core/ingest/inference/mllog-detail'
import { parseSummaryLog } from '../../../../../../src-main/core/ingest/inference/summary-log'
import {
  settingsAndStatistics,
  slug
} from '../../../../../../src-main/core/ingest/inference/result-settings'
import { weightDataTypesIn } from '../../../../../../src-main/core/ingest/inference/weight-data-types'
import { offlineDetail, offlineSummary } from './tree-fixture'

function run(over: Partial<RunLogs>): RunLogs {
  return {
    name: 'run_1',
    dir: '/r/performance/run_1',
    summaryPath: '/r/performance/run_1/mlperf_log_summary.txt',
    summaryText: null,
    summary: null,
    detailPath: '/r/performance/run_1/mlperf_log_detail.txt',
    detailText: null,
    detailBytes: null,
    mllog: null,
    legacy: null,
    ...over
  }
}

describe('settings and statistics of the detail panel', () => {
  it('takes settings and statistics from an MLLOG detail log, and nothing from the summary', () => {
    const summary = parseSummaryLog(offlineSummary('154.90'))
    const mllog = parseMllogDetail(offlineDetail('154.901'))
    const { settings, statistics } = settingsAndStatistics(run({ summary, mllog }))
    expect(settings['effective_scenario']).toBe('Offline')
    expect(settings['requested_scenario']).toBeUndefined()
    expect(statistics['result_samples_per_second']).toBe(154.901)
    expect(statistics['num_errors']).toBe(0)
    expect(statistics['Samples per second']).toBeUndefined()
    expect(Object.keys(settings).every((k) => k.startsWith('effective_'))).toBe(true)
  })

  it('falls back to the summary lines without a detail log (not its header)', () => {
    const summary = parseSummaryLog(offlineSummary('154.90'))
    const { settings, statistics } = settingsAndStatistics(run({ summary }))
    expect(settings['min_duration (ms)']).toBe('600000')
    expect(statistics['Samples per second']).toBe('154.90')
    expect(statistics['Scenario']).toBeUndefined()
    expect(statistics['Max latency (ns)']).toBe('601234567890')
  })

  it('turns a label into a settings key', () => {
    expect(slug('Min duration (ms)')).toBe('min_duration_ms')
    expect(slug('  Target QPS ')).toBe('target_qps')
  })
})

describe('weight data types of a measurements file', () => {
  it('reads a string, a list, or a present but empty field; ignores what is not JSON', () => {
    expect(weightDataTypesIn('\uFEFF{"weight_data_types": " int8 "}')).toEqual({ value: 'int8' })
    expect(weightDataTypesIn('{"weight_data_types": ["fp8", "fp16"]}')).toEqual({
      value: 'fp8, fp16'
    })
    expect(weightDataTypesIn('{"weight_data_types": ""}')).toEqual({ value: null })
    expect(weightDataTypesIn('{"input_data_types": "int8"}')).toBeUndefined()
    expect(weightDataTypesIn('not json')).toBeUndefined()
  })
})
