import { describe, expect, it } from 'vitest'
import {
  detectTrainingSummary,
  parseTrainingCmResult,
  parseTrainingSummaryCsv,
  parseTrainingSummaryJson,
  systemIdFromDetailsUrl
} from '../../../../../../src-main/core/ingest/training/summaries'

// Rows written for the test in the result_summarizer layouts (rules D.7).
const HEADER =
  'division,availability,submitter,system,host_processor_model_name,host_processors_count,accelerator_model_name,accelerators_count,framework,notes,bert,gpt3,resnet,unet3d,details_url,code_url'
const ROW =
  'closed,onprem,Acme,Box,"Xeon, 2S",2,X100,8,MXNet,700W,,,13.5,11.25,https://github.com/mlcommons/training_results_v3.0/blob/main/Acme/systems/Box_mxnet.json,https://github.com/mlcommons/training_results_v3.0/blob/master/Acme/benchmarks'
const EMPTY_ROW =
  'closed,available,Acme,Box2,CPU,1,X100,4,PAX,,,,,,https://github.com/mlcommons/training_results_v3.1/blob/main/Acme/systems/Box2.json,x'

describe('summary.csv', () => {
  it('one record per benchmark value; repeated header and empty rows reported', () => {
    const text = [HEADER, ROW, HEADER, EMPTY_ROW].join('\n')
    expect(detectTrainingSummary(text)).toBe('summarizer-csv')
    const r = parseTrainingSummaryCsv(text, '/x/training_results_v3.0/Acme/summary.csv')
    expect(r.records.map((x) => [x.benchmark, x.value])).toEqual([
      ['resnet', 13.5],
      ['unet3d', 11.25]
    ])
    const rec = r.records[0]
    expect(rec?.round).toBe('v3.0')
    expect(rec?.systemId).toBe('Box_mxnet')
    expect(rec?.systemName).toBe('Box')
    expect(rec?.category).toBe('Available on-premise')
    expect(rec?.acceleratorsTotal).toBe(8)
    expect(rec?.sourceKind).toBe('summary')
    expect(rec?.runs).toBeNull()
    expect(rec?.detail.detailsUrl).toMatch(/Box_mxnet\.json$/)
    expect(r.notes).toEqual(['Row 3 repeats the header; ignored.'])
    expect(r.skipped).toHaveLength(1)
  })
})

describe('summary rows of a round newer than this version knows', () => {
  it('keep the round and say which rules apply', () => {
    const row = ROW.replaceAll('training_results_v3.0', 'training_results_v6.2')
    const r = parseTrainingSummaryCsv([HEADER, row].join('\n'), '/x/summary.csv')
    expect(r.records.map((x) => x.round)).toEqual(['v6.2', 'v6.2'])
    expect(r.records[0]?.detail.notes).toContain(
      'Round v6.2 is newer than this version knows; read with the v6.1 rules.'
    )
    const known = parseTrainingSummaryCsv([HEADER, ROW].join('\n'), '/x/summary.csv')
    expect(known.records[0]?.detail.notes.join(' ')).not.toContain('newer')
  })
})

describe('summary.json', () => {
  it('reads rounded floats and availability labels', () => {
    const text = JSON.stringify([
      {
        division: 'closed',
        availability: 'Available on-premise',
        submitter: 'Acme',
        system: 'Box',
        number_of_nodes: '1',
        accelerators_count: 8,
        framework: 'Dgl',
        rgat: 5.0657666543,
        llama31_405b: null,
        details_url:
          'https://github.com/mlcommons/training_results_v5.0/blob/main/Acme/systems/Box_dgl.json'
      }
    ])
    expect(detectTrainingSummary(text)).toBe('summarizer-json')
    const r = parseTrainingSummaryJson(text, 'summary.json')
    expect(r.records).toHaveLength(1)
    expect(r.records[0]).toMatchObject({
      round: 'v5.0',
      benchmark: 'rgat',
      value: 5.0657666543,
      nodes: 1,
      systemId: 'Box_dgl'
    })
  })
})

describe('cm-result.json (training)', () => {
  it('reads Model_ID rows and extra benchmark columns, deduplicated', () => {
    const row = (model: string, result: number): Record<string, unknown> => ({
      Model_ID: model,
      Result: result,
      version: '3.0',
      submitter: 'Acme',
      system: 'Box',
      division: 'closed',
      availability: 'Available on-premise',
      accelerators_count: 4,
      details_url:
        'https://github.com/mlcommons/training_results_v3.0/blob/main/Acme/systems/Box.json',
      resnet: model === 'resnet' ? result : null,
      bert: model === 'bert' ? result : null,
      unet3d: 42.1,
      gpt3: ''
    })
    const text = JSON.stringify([row('resnet', 57.4), row('bert', 42.6)])
    expect(detectTrainingSummary(text)).toBe('cm-result-json')
    const r = parseTrainingCmResult(text, 'cm-result.json')
    expect(r.records.map((x) => `${x.benchmark}=${x.value}`)).toEqual([
      'resnet=57.4',
      'unet3d=42.1',
      'bert=42.6'
    ])
  })
})

describe('helpers', () => {
  it('systemIdFromDetailsUrl', () => {
    expect(
      systemIdFromDetailsUrl(
        'https://github.com/mlcommons/training_results_v1.0/blob/main/HabanaLabs/systems/SYS-420GH-TNGR.json'
      )
    ).toBe('SYS-420GH-TNGR')
    expect(systemIdFromDetailsUrl(null)).toBeNull()
  })

  it('detect returns null for other files', () => {
    expect(detectTrainingSummary('Organization,Availability,Division\n')).toBeNull()
    expect(detectTrainingSummary('[{"Model": "resnet"}]')).toBeNull()
  })
})
