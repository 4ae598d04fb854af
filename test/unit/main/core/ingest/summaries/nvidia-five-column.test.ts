import { describe, expect, it } from 'vitest'
import { parseNvidiaFiveColumnCsv } from '../../../../../../src-main/core/ingest/summaries/nvidia-five-column'

const V07_PATH = '/c/inference_results_v0.7/closed/NVIDIA/results_summary.csv'
const V10_PATH = '/c/inference_results_v1.0/closed/HPE/results_summary.csv'

// v0.7: LoadGen summary labels with escaped parentheses; latency in ns.
const V07 = [
  'system_id,benchmark,scenario,perf_metric,perf_value',
  'A100-PCIex1_TRT,3d-unet-99,Offline,Samples per second,38.1951',
  'A100-PCIex1_TRT,3d-unet-99,SingleStream,90th percentile latency \\(ns\\),35284801.0',
  'A100-PCIex1_TRT,resnet50,MultiStream,Samples per query,1344',
  'DGX-A100_A100-SXM4x8_TRT,rnnt,Server,Scheduled samples per second,71510.03'
].join('\n')

// v1.0: detail-log keys, CRLF line ends.
const V10 = [
  'system_id,benchmark,scenario,perf_metric,perf_value',
  'A10x1_TRT,resnet50,SingleStream,result_90.00_percentile_latency_ns,427415.0',
  'HPE-ProLiant-XL645d-Gen10-Plus_A100-SXM4-40GBx4_TRT,bert-99,Server,result_scheduled_samples_per_sec,12197.3',
  'HPE-ProLiant-XL645d-Gen10-Plus_A100-SXM4-40GBx4_TRT,ssd-resnet34,Offline,result_samples_per_second,3383.51'
].join('\r\n')

describe('parseNvidiaFiveColumnCsv', () => {
  it('maps v0.7 summary labels, converting ns to ms', () => {
    const { records, skipped } = parseNvidiaFiveColumnCsv(V07, { path: V07_PATH, bytes: 1 })
    expect(skipped).toEqual([])
    expect(records.map((r) => [r.benchmark, r.scenario, r.metric, r.unit, r.value])).toEqual([
      ['3d-unet-99', 'Offline', 'samples_per_second', 'Samples/s', 38.1951],
      ['3d-unet-99', 'SingleStream', 'latency_p90_ms', 'Latency (ms)', 35.284801],
      ['resnet50', 'MultiStream', 'streams', 'Streams', 1344],
      ['rnnt', 'Server', 'scheduled_samples_per_second', 'Queries/s', 71510.03]
    ])
    expect(records[0]).toMatchObject({
      round: 'v0.7',
      division: 'closed',
      submitter: 'NVIDIA',
      systemId: 'A100-PCIex1_TRT',
      mlperfModel: '3d-unet-99',
      category: null,
      systemType: null,
      valid: true,
      sourceKind: 'summary',
      source: V07_PATH
    })
    expect(records[2]?.mlperfModel).toBe('resnet')
    expect(records[1]?.detail.notes.join(' ')).toContain('35284801.0 ns, converted to ms')
  })

  it('maps v1.0 detail keys (CRLF)', () => {
    const { records, skipped } = parseNvidiaFiveColumnCsv(V10, { path: V10_PATH, bytes: 1 })
    expect(skipped).toEqual([])
    expect(records.map((r) => [r.submitter, r.round, r.metric, r.value])).toEqual([
      ['HPE', 'v1.0', 'latency_p90_ms', 0.427415],
      ['HPE', 'v1.0', 'scheduled_samples_per_second', 12197.3],
      ['HPE', 'v1.0', 'samples_per_second', 3383.51]
    ])
    expect(records[2]?.mlperfModel).toBe('ssd-large')
  })

  it('skips every row with a clear reason when the path does not name round/division/submitter', () => {
    const { records, skipped, notes } = parseNvidiaFiveColumnCsv(V07, {
      path: '/downloads/results_summary.csv',
      bytes: 1
    })
    expect(records).toEqual([])
    expect(skipped).toHaveLength(4)
    expect(skipped[0]?.reason).toMatch(
      /^row 2 \(A100-PCIex1_TRT 3d-unet-99 Offline\): round, division and submitter are not in this file/
    )
    expect(notes.join(' ')).toContain('inference_results_vX.Y/<division>/<submitter>')
  })

  it('skips unknown metrics, values that are not the official metric, and bad numbers', () => {
    const text = [
      'system_id,benchmark,scenario,perf_metric,perf_value',
      'S,resnet50,Offline,Mean latency (ns),123',
      'S,resnet50,Server,result_completed_samples_per_sec,100',
      'S,resnet50,Offline,result_samples_per_second,oops',
      'S,resnet50,Offline,result_samples_per_second,200'
    ].join('\n')
    const { records, skipped } = parseNvidiaFiveColumnCsv(text, { path: V10_PATH, bytes: 1 })
    expect(records.map((r) => r.value)).toEqual([200])
    expect(skipped.map((s) => s.reason)).toEqual([
      'row 2 (S resnet50 Offline): perf_metric "Mean latency (ns)" is not a result the explorer knows',
      'row 3 (S resnet50 Server): the file gives completed_samples_per_second, but the official v1.0 Server result for resnet is scheduled_samples_per_second',
      'row 4 (S resnet50 Offline): result "oops" is not a number'
    ])
  })

  it('refuses the plain percentile where the early-stopping estimate is official (v2.0+)', () => {
    const text = [
      'system_id,benchmark,scenario,perf_metric,perf_value',
      'S,resnet50,SingleStream,result_90.00_percentile_latency_ns,500000',
      'S,resnet50,SingleStream,early_stopping_latency_ss,510000',
      'S,resnet50,MultiStream,early_stopping_latency_ms,4000000'
    ].join('\n')
    const path = '/c/inference_results_v3.0/closed/NVIDIA/results_summary.csv'
    const { records, skipped } = parseNvidiaFiveColumnCsv(text, { path, bytes: 1 })
    expect(records.map((r) => [r.scenario, r.metric, r.value])).toEqual([
      ['SingleStream', 'latency_p90_ms', 0.51],
      ['MultiStream', 'latency_p99_ms', 4]
    ])
    expect(skipped[0]?.reason).toContain('early-stopping estimate, not the plain percentile')
  })
})
