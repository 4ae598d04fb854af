import type { InferenceResultRecord } from '../../src-main/shared/inference'
import { makeRecord } from './records'

/**
 * Two of the user's own runs as the local runner stores them (round and division `local`,
 * source_kind 'local': unverified, not tied to a round): the e2e database holds them so the charts can highlight them on
 * the published distribution and Compare can put them next to published results.
 */
export function localRuns(): InferenceResultRecord[] {
  const base = {
    round: 'local',
    division: 'local',
    category: null,
    systemType: null,
    submitter: 'You',
    systemId: 'my-workstation',
    systemName: 'My workstation (ONNX Runtime, CPU)',
    accelerator: null,
    acceleratorsPerNode: 0,
    nodes: 1,
    acceleratorsTotal: 0,
    hostProcessor: 'Local CPU',
    framework: 'onnxruntime-node 1.30.0',
    sourceKind: 'local' as const,
    publicId: null,
    weightDataTypes: 'fp32'
  }
  return [
    makeRecord({
      ...base,
      benchmark: 'resnet50',
      mlperfModel: 'resnet',
      scenario: 'Offline',
      metric: 'samples_per_second',
      unit: 'Samples/s',
      value: 912.4,
      accuracy: 'acc: 76.2',
      source: 'local/runs/resnet50-offline'
    }),
    makeRecord({
      ...base,
      benchmark: 'resnet50',
      mlperfModel: 'resnet',
      scenario: 'SingleStream',
      metric: 'latency_p90_ms',
      unit: 'Latency (ms)',
      value: 6.8,
      accuracy: 'acc: 76.2',
      source: 'local/runs/resnet50-singlestream'
    })
  ]
}
