/** Shared by the tests of the result-set steps (set-*.test.ts): a set location and MLLOG runs. */
import type { TrainingSetLocation } from '../../../../../../src-main/core/ingest/training/tree-scan'
import { mllogLine } from '../../../../../support/mllog'

/** A submission-layout set of resnet in v4.0 (fields overridden by `over`). */
export function location(over: Partial<TrainingSetLocation> = {}): TrainingSetLocation {
  return {
    dir: '/nowhere/training_results_v4.0/Acme/results/box/resnet',
    round: 'v4.0',
    layout: 'submission',
    submitter: 'Acme',
    systemId: 'box',
    benchmarkDir: 'resnet',
    submitterDir: '/nowhere/training_results_v4.0/Acme',
    systemFile: null,
    submissionFile: null,
    resultFiles: ['result_0.txt'],
    strayDirs: [],
    otherFiles: [],
    ...over
  }
}

/** 2021-05-15, a date of the v1.0 round only (the round calendar). */
export const V10_DAY = Date.parse('2021-05-15T12:00:00Z')

export type RunOptions = {
  /** Start time (epoch ms). */
  start?: number
  /** Last eval_accuracy. */
  acc?: number
  status?: string
  /** Extra records as [key, value, metadata] after run_start. */
  extra?: [string, unknown, Record<string, unknown>][]
  org?: string
}

/** One MLLOG result file of `bench` lasting `minutes`. */
export function mllogRun(bench: string, minutes: number, o: RunOptions = {}): string {
  const t0 = o.start ?? V10_DAY
  const ms = minutes * 60_000
  return [
    mllogLine(t0 - 1000, 'submission_benchmark', bench),
    mllogLine(t0 - 1000, 'submission_division', 'Closed'),
    ...(o.org === undefined ? [] : [mllogLine(t0 - 1000, 'submission_org', o.org)]),
    mllogLine(t0, 'run_start', null),
    ...(o.extra ?? []).map(([k, v, md]) => mllogLine(t0 + 1, k, v, md)),
    mllogLine(t0 + ms, 'eval_accuracy', o.acc ?? 0.8, { epoch_num: 1 }),
    mllogLine(t0 + ms, 'run_stop', null, { status: o.status ?? 'success' })
  ].join('\n')
}
