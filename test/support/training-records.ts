import type {
  EvalPoint,
  TrainingResultRecord,
  TrainingRunDetail
} from '../../src-main/shared/training'

/** A run with a simple eval series: `values` at 1, 2, 3… minutes after run_start. */
export function makeRun(
  file: string,
  values: number[],
  over: Partial<TrainingRunDetail> = {}
): TrainingRunDetail {
  const evals: EvalPoint[] = values.map((value, i) => ({
    timeMs: (i + 1) * 60_000,
    epoch: i + 1,
    samples: null,
    value,
    metric: null
  }))
  return {
    file,
    status: 'success',
    minutes: values.length,
    converged: true,
    reason: null,
    role: 'counted',
    evals,
    runFinalMs: null,
    ...over
  }
}

/** A complete training record with plausible values; tests override what they assert on. */
export function makeTrainingRecord(over: Partial<TrainingResultRecord> = {}): TrainingResultRecord {
  const runs = [
    makeRun('result_0.txt', [0.7, 0.74, 0.76], { role: 'dropped-fastest' }),
    makeRun('result_1.txt', [0.69, 0.75, 0.76]),
    makeRun('result_2.txt', [0.68, 0.73, 0.75, 0.76], { role: 'dropped-slowest' })
  ]
  return {
    round: 'v3.0',
    division: 'closed',
    category: 'Available on-premise',
    submitter: 'Acme',
    systemId: 'acme_x8_mxnet',
    systemName: 'Acme X8',
    accelerator: 'Foo-100',
    acceleratorsTotal: 8,
    nodes: 1,
    framework: 'MXNet',
    benchmark: 'resnet',
    runs: runs.length,
    value: 3,
    unit: 'minutes',
    scalingFactor: 1,
    flags: { abortedRuns: 0, rcpNormalised: false },
    valid: true,
    source: '/tmp/Acme/results/acme_x8_mxnet/resnet',
    sourceKind: 'tree',
    detail: {
      system: { system_name: 'Acme X8' },
      runs,
      notes: [],
      invalidReason: null,
      target: 0.759,
      direction: 'higher',
      runsRequired: 5,
      unscaledValue: 3,
      detailsUrl: null
    },
    ...over
  }
}

/** A summary row of the same shape (no runs, no scaling factor). */
export function makeSummaryRecord(over: Partial<TrainingResultRecord> = {}): TrainingResultRecord {
  const base = makeTrainingRecord()
  return {
    ...base,
    runs: null,
    scalingFactor: null,
    source: '/tmp/summary.csv',
    sourceKind: 'summary',
    detail: { ...base.detail, runs: [], target: null, direction: null, runsRequired: null },
    ...over
  }
}
