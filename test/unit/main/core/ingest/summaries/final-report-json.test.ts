import { describe, expect, it } from 'vitest'
import { parseFinalReportJson } from '../../../../../../src-main/core/ingest/summaries/final-report-json'

const PATH = '/corpus/inference_results_v4.1/summary_results.json'

const amd = {
  ID: 'v4.1-0001',
  Submitter: 'AMD',
  Availability: 'available',
  Category: 'closed',
  Suite: 'datacenter',
  System: 'Supermicro AS-8125GS-TNMR2',
  Platform: '1xMI300X_2xEPYC-9374F',
  UsedModel: 'llama2-70b-99',
  Model: 'llama2-70b-99',
  Scenario: 'Offline',
  Accuracy: 'ROUGE1: 44.5321  ROUGE2: 22.1191  ROUGEL: 28.7225  TOKENS_PER_SAMPLE: 293.7',
  Nodes: 1,
  Processor: '2xAMD EPYC 9374F',
  host_processors_per_node: 2,
  host_processor_core_count: 32.0,
  Accelerator: 'AMD Instinct MI300X-NPS1-SPX-192GB-750W',
  'a#': 1.0,
  Location: 'closed/AMD/results/1xMI300X_2xEPYC-9374F/llama2-70b-99/Offline',
  Software: 'vLLM 0.4.3+rocm614, PyTorch 2.3.0, ROCm 6.1.2',
  operating_system: 'Ubuntu 22.04.4 LTS (Jammy Jellyfish)',
  Notes: '',
  compliance: 1,
  errors: 0,
  version: 'v4.1',
  inferred: 0,
  has_power: false,
  weight_data_types: 'fp8',
  'p#': 2,
  Performance_Result: 3062.72,
  Performance_Units: 'Tokens/s'
}

const maxq = {
  ...amd,
  ID: 'v4.1-0049',
  Submitter: 'NVIDIA',
  Platform: 'H200-SXM-141GBx8_TRT_MaxQ',
  UsedModel: '3d-unet-99',
  Model: '3d-unet-99',
  Accuracy: 'DICE: 0.86112',
  'a#': 8.0,
  Location: 'closed/NVIDIA/results/H200-SXM-141GBx8_TRT_MaxQ/3d-unet-99/Offline',
  has_power: true,
  Power_Result: 4613.6193832599,
  Power_Units: 'Watts',
  Performance_Result: 41.664,
  Performance_Units: 'Samples/s'
}

describe('parseFinalReportJson', () => {
  it('maps the report columns to the record', () => {
    const { records, skipped, notes } = parseFinalReportJson(JSON.stringify([amd, maxq]), {
      path: PATH,
      bytes: 42
    })
    expect(skipped).toEqual([])
    expect(records[0]).toMatchObject({
      round: 'v4.1',
      division: 'closed',
      category: 'available',
      systemType: 'datacenter',
      submitter: 'AMD',
      systemId: '1xMI300X_2xEPYC-9374F',
      systemName: 'Supermicro AS-8125GS-TNMR2',
      accelerator: 'AMD Instinct MI300X-NPS1-SPX-192GB-750W',
      acceleratorsPerNode: 1,
      nodes: 1,
      acceleratorsTotal: 1,
      hostProcessor: '2xAMD EPYC 9374F',
      hostProcessorsPerNode: 2,
      hostProcessorCoreCount: '32',
      framework: 'vLLM 0.4.3+rocm614, PyTorch 2.3.0, ROCm 6.1.2',
      benchmark: 'llama2-70b-99',
      mlperfModel: 'llama2-70b-99',
      scenario: 'Offline',
      metric: 'tokens_per_second',
      unit: 'Tokens/s',
      value: 3062.72,
      powerValue: null,
      powerUnit: null,
      valid: true,
      inferred: false,
      weightDataTypes: 'fp8',
      publicId: 'v4.1-0001',
      sourceKind: 'summary',
      source: PATH
    })
    expect(records[0]?.detail).toMatchObject({
      settings: {},
      statistics: {},
      checks: [],
      files: [{ role: 'summary', path: PATH, bytes: 42 }],
      accuracyMetrics: {
        ROUGE1: 44.5321,
        ROUGE2: 22.1191,
        ROUGEL: 28.7225,
        TOKENS_PER_SAMPLE: 293.7
      },
      loadgenVersion: null,
      runs: []
    })
    expect(records[0]?.detail.notes[0]).toBe(
      'Imported from the official results table (summary_results.json); the logs were not read.'
    )
    expect(records[0]?.detail.system['System']).toBe('Supermicro AS-8125GS-TNMR2')
    expect(records[1]).toMatchObject({
      value: 41.664,
      unit: 'Samples/s',
      powerValue: 4613.6193832599,
      powerUnit: 'Watts',
      acceleratorsTotal: 8
    })
    expect(notes).toEqual([
      'summary_results.json: 2 results from the official table (1 with power).'
    ])
  })

  it('handles numbers as strings, empty accelerator fields and lower-case scenario folders', () => {
    const cpu = {
      ...amd,
      ID: 'v4.1-0006',
      Nodes: '2',
      'a#': '',
      Accelerator: '',
      Scenario: 'offline',
      Performance_Result: '1.93148',
      Performance_Units: 'Samples/s',
      UsedModel: '3d-unet-99.9',
      Model: '3d-unet-99.9'
    }
    const { records } = parseFinalReportJson(JSON.stringify([cpu]), { path: PATH, bytes: 1 })
    expect(records[0]).toMatchObject({
      scenario: 'Offline',
      value: 1.93148,
      nodes: 2,
      accelerator: null,
      acceleratorsPerNode: null,
      acceleratorsTotal: null
    })
  })

  it('skips a bad record and a repeated result with reasons', () => {
    const noScenario = { ...amd, ID: 'v4.1-0002', Scenario: '', Location: '' }
    const { records, skipped } = parseFinalReportJson(
      JSON.stringify([amd, noScenario, { ...amd }]),
      {
        path: PATH,
        bytes: 1
      }
    )
    expect(records).toHaveLength(1)
    expect(skipped).toEqual([
      {
        path: PATH,
        reason: 'record 2 (AMD 1xMI300X_2xEPYC-9374F llama2-70b-99): missing scenario'
      },
      {
        path: PATH,
        reason:
          'record 3 (AMD 1xMI300X_2xEPYC-9374F llama2-70b-99 Offline): the file lists this result again (first at record 1); the first one is kept'
      }
    ])
  })
})
