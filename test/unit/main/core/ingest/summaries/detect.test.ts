import { describe, expect, it } from 'vitest'
import {
  detectSummaryFormat,
  isSummaryFileName
} from '../../../../../../src-main/core/ingest/summaries/detect'

describe('isSummaryFileName', () => {
  it.each([
    ['/r/inference_results_v4.1/summary_results.json', true],
    ['/r/closed/GigaComputing/summary.csv', true],
    ['/r/closed/NVIDIA/results_summary.csv', true],
    ['/r/closed/X/Summary-v4.0.CSV', true],
    ['/r/exp/2023-04-06/cm-result.json', true],
    ['/r/summary_v4.0.csv_results.json', true],
    ['/r/closed/X/results/sys/resnet50/Offline/performance/run_1/mlperf_log_summary.txt', false],
    ['/r/closed/X/systems/sys.json', false],
    ['/r/summary.json', false]
  ])('%s → %s', (path, expected) => {
    expect(isSummaryFileName(path)).toBe(expected)
  })
})

describe('detectSummaryFormat (by content)', () => {
  it('recognises the final report JSON whatever its name', () => {
    const text = JSON.stringify([
      {
        ID: 'v4.1-0001',
        Submitter: 'AMD',
        UsedModel: 'x',
        Scenario: 'Offline',
        Performance_Result: 1
      }
    ])
    expect(detectSummaryFormat('/a/anything.json', text)).toBe('final-report-json')
  })

  it('recognises CM records', () => {
    const text = JSON.stringify([
      { Organization: 'Krai', Result: 1, uid: 'abc', Scenario: 'Offline' }
    ])
    expect(detectSummaryFormat('/a/cm-result.json', text)).toBe('cm-result-json')
    expect(detectSummaryFormat('/a/cm-result.json', '[]')).toBe('cm-result-json')
  })

  it('tells the checker CSV from the five-column CSV by header, with BOM and CRLF', () => {
    expect(
      detectSummaryFormat(
        '/a/results_summary.csv',
        '\uFEFFsystem_id,benchmark,scenario,perf_metric,perf_value\r\nA,resnet50,Offline,Samples per second,1\r\n'
      )
    ).toBe('nvidia-five-column-csv')
    expect(
      detectSummaryFormat(
        '/a/results_summary.csv',
        'Organization,Availability,Division,SystemType,Platform,Model,MlperfModel,Scenario,Result,Accuracy,Location\r\n'
      )
    ).toBe('checker-csv')
  })

  it('returns null for training summaries, broken JSON and other text', () => {
    expect(
      detectSummaryFormat(
        '/t/summary.csv',
        'division,availability,submitter,system,host_processor_model_name,host_processors_count\n'
      )
    ).toBeNull()
    expect(detectSummaryFormat('/a/summary_results.json', '[{"ID": ')).toBeNull()
    expect(detectSummaryFormat('/a/summary_results.json', '{"a": 1}')).toBeNull()
    expect(detectSummaryFormat('/a/summary.csv', 'hello world')).toBeNull()
  })
})
