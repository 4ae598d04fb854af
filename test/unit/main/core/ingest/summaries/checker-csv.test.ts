import { describe, expect, it } from 'vitest'
import { parseCheckerCsv } from '../../../../../../src-main/core/ingest/summaries/checker-csv'

const V07_PATH = '/data/inference_results_v0.7/closed/Inspur/results_summary.csv'

// v0.7: 11 columns, no version column (the round comes from the path).
const V07 = [
  'Organization,Availability,Division,SystemType,Platform,Model,MlperfModel,Scenario,Result,Accuracy,Location',
  'Inspur,available,closed,edge,T4x1_TRT,bert-99,bert-99,SingleStream,6.245274,90.39787134425293,closed/Inspur/results/T4x1_TRT/bert-99/SingleStream',
  'Inspur,on-premise,closed,datacenter,DGX-A100_A100-SXM4x8_TRT,ssd-resnet34,ssd-large,Server,7546.07,20.111,closed/Inspur/results/DGX-A100_A100-SXM4x8_TRT/ssd-resnet34/Server',
  'Inspur,available,open,edge,T4x1_TRT,resnet50,resnet,Offline,12955.5,75.856,open/Inspur/results/T4x1_TRT/resnet50/Offline'
].join('\n')

// InAccel's v0.7 variant with system columns; MultiStream is a number of streams.
const V07_INACCEL = [
  'Organization,Availability,Division,SystemType,Platform,Model,MlperfModel,Scenario,Result,Accuracy,number_of_nodes,host_processor_model_name,host_processors_per_node,host_processor_core_count,accelerator_model_name,accelerators_per_node,Location,framework,operating_system,notes',
  'InAccel,available,open,datacenter,1xU250,resnet,resnet,MultiStream,58.0,62.266,1,Intel(R) Xeon(R) Gold 6234,2,16,Xilinx Alveo U250,1,open/InAccel/results/1xU250/resnet/MultiStream,InAccel Keras 2.3.1.2,Ubuntu 18.04.4 LTS,'
].join('\n')

// v4.0 era: 27 columns, only some values quoted; LLM throughput labelled Samples/s/Queries/s.
const V40_HEADER =
  'Organization,Availability,Division,SystemType,SystemName,Platform,Model,MlperfModel,Scenario,Result,Accuracy,number_of_nodes,host_processor_model_name,host_processors_per_node,host_processor_core_count,accelerator_model_name,accelerators_per_node,Location,framework,operating_system,notes,compliance,errors,version,inferred,has_power,Units'
const V40_ROW = (
  model: string,
  scenario: string,
  result: string,
  acc: string,
  units: string,
  hasPower = 'False'
): string =>
  `GigaComputing,available,closed,"datacenter","GIGABYTE G593-SD1",GIGABYTE_G593_SD1_H200_SXM_141GBx8_TRT,${model},${model === 'resnet50' ? 'resnet' : model},${scenario},${result},${acc},1,"Intel(R) Xeon(R) Platinum 8480+",2,56,"NVIDIA H200-SXM-141GB","8",closed/GigaComputing/results/GIGABYTE_G593_SD1_H200_SXM_141GBx8_TRT/${model}/${scenario},"TensorRT 10.2.0, CUDA 12.4","Ubuntu 22.04.4","H200 TGP 700W",1,0,v4.1,0,${hasPower},${units}`

// Current checker: 31 columns, every value quoted.
const CURRENT_HEADER =
  'Organization,Availability,Division,SystemType,SystemName,Platform,Model,MlperfModel,Scenario,Result,Accuracy,number_of_nodes,host_processor_model_name,host_processors_per_node,host_processor_core_count,accelerator_model_name,accelerators_per_node,total_accelerators,Location,framework,operating_system,notes,compliance,errors,version,inferred,has_power,Units,weight_data_types,design_power_watts,PrivateID'
const CURRENT_ROW = (
  result: string,
  units: string,
  hasPower: string,
  systemName = 'AMD MI355X Custom Cluster'
): string =>
  `"AMD","available","closed","datacenter","${systemName}","87xMI355X_22xEPYC_9575F","llama2-70b-99","llama2-70b-99","Offline","${result}","ROUGE1: 44.426  ROUGE2: 22.0612  ROUGEL: 28.834  TOKENS_PER_SAMPLE: 284.3","11","AMD EPYC 9575F","8","64","AMD Instinct MI355X 288GB HBM3e (x87)","8","88","closed/AMD/results/87xMI355X_22xEPYC_9575F/llama2-70b-99/Offline/performance/run_1","PyTorch 2.9.1+git8907517, ROCm 7.0.0","Ubuntu 22.04.5 LTS","","closed","0","v6.0","0","${hasPower}","${units}","fp4","",""`

describe('parseCheckerCsv', () => {
  it('reads the v0.7 11-column generation with the round from the path', () => {
    const { records, skipped } = parseCheckerCsv(V07, { path: V07_PATH, bytes: V07.length })
    expect(skipped).toEqual([])
    expect(records).toHaveLength(3)
    const [bert, ssd, resnet] = records
    expect(bert).toMatchObject({
      round: 'v0.7',
      division: 'closed',
      category: 'available',
      systemType: 'edge',
      submitter: 'Inspur',
      systemId: 'T4x1_TRT',
      benchmark: 'bert-99',
      mlperfModel: 'bert-99',
      scenario: 'SingleStream',
      metric: 'latency_p90_ms',
      unit: 'Latency (ms)',
      value: 6.245274,
      accuracy: '90.39787134425293',
      valid: true,
      sourceKind: 'summary',
      source: V07_PATH,
      publicId: null
    })
    expect(bert?.detail.accuracyMetrics).toEqual({ F1: 90.39787134425293 })
    expect(bert?.detail.files).toEqual([{ role: 'summary', path: V07_PATH, bytes: V07.length }])
    expect(ssd).toMatchObject({
      category: 'available', // on-premise
      mlperfModel: 'ssd-large',
      metric: 'scheduled_samples_per_second',
      unit: 'Queries/s',
      value: 7546.07
    })
    expect(resnet).toMatchObject({ division: 'open', unit: 'Samples/s', value: 12955.5 })
  })

  it('reads legacy MultiStream as streams and system columns as numbers', () => {
    const path = '/d/inference_results_v0.7/open/InAccel/results/summary.csv'
    const { records } = parseCheckerCsv(V07_INACCEL, { path, bytes: null })
    expect(records[0]).toMatchObject({
      scenario: 'MultiStream',
      metric: 'streams',
      unit: 'Streams',
      value: 58,
      nodes: 1,
      acceleratorsPerNode: 1,
      acceleratorsTotal: 1,
      hostProcessor: 'Intel(R) Xeon(R) Gold 6234',
      hostProcessorCoreCount: '16',
      accelerator: 'Xilinx Alveo U250',
      framework: 'InAccel Keras 2.3.1.2'
    })
  })

  it('skips rows when neither a version column nor the path gives the round', () => {
    const { records, skipped } = parseCheckerCsv(V07, { path: '/tmp/summary.csv', bytes: null })
    expect(records).toEqual([])
    expect(skipped).toHaveLength(3)
    expect(skipped[0]?.path).toBe('/tmp/summary.csv')
    expect(skipped[0]?.reason).toMatch(
      /^row 2 \(Inspur T4x1_TRT bert-99 SingleStream\): round unknown/
    )
  })

  it('reads the v4.0-era 27-column generation (partly quoted) and fixes LLM units', () => {
    const text = [
      V40_HEADER,
      V40_ROW('llama2-70b-99', 'Offline', '31263.8', '44.5884', 'Samples/s'),
      V40_ROW('resnet50', 'Server', '681328.0', '76.078', 'Queries/s'),
      V40_ROW('gptj-99', 'Server', '19250.4', '43.1004', 'Queries/s')
    ].join('\n')
    const { records, skipped } = parseCheckerCsv(text, { path: '/x/summary.csv', bytes: null })
    expect(skipped).toEqual([])
    expect(records.map((r) => [r.benchmark, r.metric, r.unit, r.value])).toEqual([
      ['llama2-70b-99', 'tokens_per_second', 'Tokens/s', 31263.8],
      ['resnet50', 'completed_samples_per_second', 'Queries/s', 681328],
      ['gptj-99', 'inferred_completed_tokens_per_second', 'Tokens/s', 19250.4]
    ])
    expect(records[0]).toMatchObject({
      round: 'v4.1',
      systemType: 'datacenter',
      systemName: 'GIGABYTE G593-SD1',
      framework: 'TensorRT 10.2.0, CUDA 12.4',
      acceleratorsPerNode: 8,
      acceleratorsTotal: 8,
      accuracy: '44.5884'
    })
    expect(records[0]?.detail.accuracyMetrics).toEqual({ ROUGE1: 44.5884 })
    expect(records[0]?.detail.notes.join(' ')).toContain('labels this value "Samples/s"')
    expect(records[1]?.detail.notes.join(' ')).not.toContain('labels this value')
  })

  it('merges a power row into its performance row (27-column, millijoules)', () => {
    const text = [
      V40_HEADER,
      V40_ROW('resnet50', 'SingleStream', '0.120438', '75.916', 'Latency (ms)', 'True'),
      V40_ROW('resnet50', 'SingleStream', '29.2389869184', '75.916', 'millijoules', 'True')
    ].join('\n')
    const { records } = parseCheckerCsv(text, { path: '/x/summary.csv', bytes: null })
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      value: 0.120438,
      unit: 'Latency (ms)',
      powerValue: 29.2389869184,
      powerUnit: 'millijoules'
    })
  })

  it('reads the current all-quoted generation with CRLF, a repeated header and a power row', () => {
    const text =
      [
        CURRENT_HEADER,
        CURRENT_ROW('1042110.0', 'Tokens/s', 'True'),
        CURRENT_HEADER,
        CURRENT_ROW('12345.678', 'Watts', 'True'),
        ''
      ].join('\r\n') + '\r\n'
    const { records, skipped, notes } = parseCheckerCsv(text, {
      path: '/x/summary.csv',
      bytes: null
    })
    expect(skipped).toEqual([])
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      round: 'v6.0',
      division: 'closed',
      submitter: 'AMD',
      systemId: '87xMI355X_22xEPYC_9575F',
      systemName: 'AMD MI355X Custom Cluster',
      benchmark: 'llama2-70b-99',
      scenario: 'Offline',
      metric: 'tokens_per_second',
      unit: 'Tokens/s',
      value: 1042110,
      powerValue: 12345.678,
      powerUnit: 'Watts',
      nodes: 11,
      acceleratorsPerNode: 8,
      acceleratorsTotal: 88,
      hostProcessorsPerNode: 8,
      hostProcessorCoreCount: '64',
      weightDataTypes: 'fp4',
      inferred: false
    })
    expect(records[0]?.detail.accuracyMetrics).toEqual({
      ROUGE1: 44.426,
      ROUGE2: 22.0612,
      ROUGEL: 28.834,
      TOKENS_PER_SAMPLE: 284.3
    })
    expect(records[0]?.detail.system['total_accelerators']).toBe('88')
    expect(notes.join(' ')).toContain('header row appears 2 times')
  })

  it('splits all-quoted lines whose values hold unescaped quotes', () => {
    const text = [
      CURRENT_HEADER,
      CURRENT_ROW('1042110.0', 'Tokens/s', 'False', 'Box with 15" panel')
    ].join('\n')
    const { records, skipped } = parseCheckerCsv(text, { path: '/x/summary.csv', bytes: null })
    expect(skipped).toEqual([])
    expect(records[0]?.systemName).toBe('Box with 15" panel')
    expect(records[0]?.value).toBe(1042110)
  })

  it('skips bad rows with row number and reason, and keeps the rest', () => {
    const text = [
      V40_HEADER,
      V40_ROW('resnet50', 'Offline', 'n/a', '76.078', 'Samples/s'),
      'GigaComputing,available,closed',
      V40_ROW('resnet50', 'Server', '681328.0', '76.078', 'Queries/s')
    ].join('\n')
    const { records, skipped } = parseCheckerCsv(text, { path: '/x/summary.csv', bytes: null })
    expect(records).toHaveLength(1)
    expect(skipped).toEqual([
      { path: '/x/summary.csv', reason: 'row 3: has 3 fields, the header has 27' },
      {
        path: '/x/summary.csv',
        reason:
          'row 2 (GigaComputing GIGABYTE_G593_SD1_H200_SXM_141GBx8_TRT resnet50 Offline): result "n/a" is not a number'
      }
    ])
  })
})
