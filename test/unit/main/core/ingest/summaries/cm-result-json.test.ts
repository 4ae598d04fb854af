import { describe, expect, it } from 'vitest'
import { parseCmResultJson } from '../../../../../../src-main/core/ingest/summaries/cm-result-json'

const V30_PATH =
  '/cm4mlperf-results/experiment/mlperf-inference--v3.0--edge--closed-power--image-classification--singlestream/2023-04-06.00-36-36.129091/cm-result.json'
const V41_PATH =
  '/cm4mlperf-results/experiment/mlperf-inference--v4.1--datacenter--closed-power--language-processing--offline/2025-02-05.17-41-55.090442/cm-result.json'
const TRAINING_PATH =
  '/cm4mlperf-results/experiment/mlperf-training--3.0--closed--image-classification/2023-06-28.17-09-38.847830/cm-result.json'

const krai = {
  Accuracy: 76.442,
  Accuracy_div_100: 0.76442,
  Availability: 'available',
  Division: 'closed',
  Inference_per_Joule: 1.1120025805904905,
  Location: 'closed/Krai/results/vim4-armnn-v22.11-opencl/resnet50/singlestream',
  MlperfModel: 'resnet',
  Model: 'resnet50',
  Organization: 'Krai',
  Platform: 'vim4-armnn-v22.11-opencl',
  Result: 150.117411,
  Result_Power: 899.2784886065504,
  Result_Power_Units: 'millijoules',
  Result_Units: 'Latency (ms)',
  Scenario: 'SingleStream',
  SystemName: 'Khadas VIM4 (vim4)',
  SystemType: 'edge',
  Units: 'Latency (ms)',
  accelerator_model_name: 'ARM Mali G52MP8(8EE)',
  accelerators_per_node: 1,
  compliance: 1,
  errors: 0,
  framework: 'ArmNN v22.11 (OpenCL)',
  has_power: true,
  host_processor_core_count: '4 (big); 4 (LITTLE)',
  host_processor_model_name: 'Amlogic A311D2: Arm Cortex-A73 (big); Arm Cortex-A53 (LITTLE)',
  host_processors_per_node: 1,
  inferred: 0,
  number_of_nodes: 1,
  operating_system: 'Ubuntu 22.04.7 LTS',
  uid: 'ade21310f28940ed',
  version: 'v3.0'
}

const nvidiaBase = {
  Accuracy: 44.4312,
  Availability: 'available',
  Division: 'closed',
  Location: 'closed/NVIDIA/results/H200-SXM-141GBx8_TRT_MaxQ/llama2-70b-99/Offline',
  MlperfModel: 'llama2-70b-99',
  Model: 'llama2-70b-99',
  Organization: 'NVIDIA',
  Platform: 'H200-SXM-141GBx8_TRT_MaxQ',
  Scenario: 'Offline',
  SystemName: 'NVIDIA H200 (8x H200-SXM-141GB, MaxQ, TensorRT)',
  SystemType: 'datacenter',
  accelerator_model_name: 'NVIDIA H200-SXM-141GB',
  accelerators_per_node: 8,
  has_power: true,
  inferred: 0,
  number_of_nodes: 1,
  version: 'v4.1'
}

describe('parseCmResultJson', () => {
  it('drops identical duplicates and reads inline power (v3.0)', () => {
    const text = JSON.stringify([krai, { ...krai }])
    const { records, skipped, notes } = parseCmResultJson(text, { path: V30_PATH, bytes: 5 })
    expect(skipped).toEqual([])
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      round: 'v3.0',
      division: 'closed',
      submitter: 'Krai',
      systemId: 'vim4-armnn-v22.11-opencl',
      benchmark: 'resnet50',
      mlperfModel: 'resnet',
      scenario: 'SingleStream',
      metric: 'latency_p90_ms',
      unit: 'Latency (ms)',
      value: 150.117411,
      powerValue: 899.2784886065504,
      powerUnit: 'millijoules',
      accuracy: '76.442',
      hostProcessorCoreCount: '4 (big); 4 (LITTLE)',
      acceleratorsTotal: 1
    })
    expect(records[0]?.detail.accuracyMetrics).toEqual({ acc: 76.442 })
    expect(notes.join(' ')).toContain('1 identical duplicate records ignored')
  })

  it('merges the separate v4.1 power record and relabels LLM tokens', () => {
    const perf = {
      ...nvidiaBase,
      Result: 6152.98,
      Result_Units: 'Samples/s',
      Units: 'Samples/s',
      uid: 'a'
    }
    const power = {
      ...nvidiaBase,
      Result: null,
      Result_Power: 6152.984435173287,
      Result_Units: 'Watts',
      Units: 'Watts',
      uid: 'b'
    }
    const { records, skipped } = parseCmResultJson(JSON.stringify([power, perf]), {
      path: V41_PATH,
      bytes: 5
    })
    expect(skipped).toEqual([])
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      value: 6152.98,
      metric: 'tokens_per_second',
      unit: 'Tokens/s',
      powerValue: 6152.984435173287,
      powerUnit: 'Watts',
      acceleratorsTotal: 8
    })
    expect(records[0]?.detail.notes.join(' ')).toContain('labels this value "Samples/s"')
  })

  it('skips training records with the documented reason', () => {
    const training = {
      Accuracy: 75.9,
      Model_ID: 'resnet',
      Organization: 'ASUSTeK',
      Result: 57.71114444444444,
      Result_Units: 'min.',
      _Result: 57.71114444444444,
      system: 'ESC4000-E11-4xA100-PCIE-80GB',
      uid: 'daaf35ba683e4b59',
      version: '3.0'
    }
    const { records, skipped } = parseCmResultJson(JSON.stringify([training]), {
      path: TRAINING_PATH,
      bytes: 5
    })
    expect(records).toEqual([])
    expect(skipped).toEqual([
      {
        path: TRAINING_PATH,
        reason:
          'record 1: training summary: not an inference result (resnet ASUSTeK ESC4000-E11-4xA100-PCIE-80GB)'
      }
    ])
  })

  it('skips a bad record and keeps the others', () => {
    const bad = { ...krai, uid: 'z', Platform: 'other', Location: 'x', Result: 'fast' }
    const { records, skipped } = parseCmResultJson(JSON.stringify([bad, krai, 7]), {
      path: V30_PATH,
      bytes: 5
    })
    expect(records).toHaveLength(1)
    expect(skipped.map((s) => s.reason)).toEqual([
      'record 3: not a JSON object',
      'record 1 (Krai other resnet50 SingleStream): result "fast" is not a number'
    ])
  })
})
