import type { InferenceResultRecord } from '../../src-main/shared/inference'

/** A complete record with plausible values; tests override what they assert on. */
export function makeRecord(over: Partial<InferenceResultRecord> = {}): InferenceResultRecord {
  return {
    round: 'v4.1',
    division: 'closed',
    category: 'available',
    systemType: 'datacenter',
    submitter: 'Acme',
    systemId: 'acme_x1',
    systemName: 'Acme X1 (8x Foo-100)',
    accelerator: 'Foo-100',
    acceleratorsPerNode: 8,
    nodes: 1,
    acceleratorsTotal: 8,
    hostProcessor: 'Bar CPU 9000',
    hostProcessorsPerNode: 2,
    hostProcessorCoreCount: '64',
    framework: 'FooRT 1.0',
    operatingSystem: 'Linux',
    benchmark: 'resnet50',
    mlperfModel: 'resnet',
    scenario: 'Offline',
    metric: 'samples_per_second',
    unit: 'Samples/s',
    value: 1234.5,
    powerValue: null,
    powerUnit: null,
    accuracy: 'acc: 76.1',
    valid: true,
    inferred: false,
    weightDataTypes: 'int8',
    source: '/tmp/closed/Acme/results/acme_x1/resnet50/Offline',
    sourceKind: 'tree',
    publicId: null,
    detail: {
      system: { system_name: 'Acme X1' },
      settings: {},
      statistics: {},
      checks: [],
      files: [],
      accuracyMetrics: { acc: 76.1 },
      notes: [],
      loadgenVersion: null,
      runs: []
    },
    ...over
  }
}
