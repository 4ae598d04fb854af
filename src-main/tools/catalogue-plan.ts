/**
 * Which official tables the shipped catalogue is built from, round by round (`npm run
 * catalogue`), and in which order: the first table of a round is authoritative, the ones after
 * it only add results it lacks and fill fields it leaves empty (the import job's rules). Paths
 * are relative to the corpus folder (../shared/corpus); `experiments` names every CM experiment
 * folder of a round by its prefix.
 */
import type { Suite } from '../shared/api'

export type PlanSource =
  | { path: string }
  | { experiments: string }
  /** training_summaries/vX.Y: the round's result_summarizer tables (power tables first). */
  | { roundTables: string }

export type PlanRound = {
  suite: Suite
  round: string
  /** The table the values come from, in words, as the coverage view shows it. */
  source: string
  sources: PlanSource[]
  /** False where the table(s) hold only part of the round's published results. */
  complete: boolean
  note: string | null
}

const CM = 'consolidated/cm4mlperf-results/experiment'
const CM_SOURCE = 'MLCommons consolidated results tables (mlcommons/cm4mlperf-results)'
const SUMMARY_SOURCE = 'summary_results.json, the round’s results table (MLCommons)'
const SUMMARIZER_SOURCE = 'result_summarizer table of the whole round (mlperf_logging)'
const EARLY_NOTE =
  'MLCommons publishes no machine-readable table for this round; the results come from the ' +
  'submission trees and submitter summaries held in the corpus, so only part of the round is here.'
const EARLY_TRAINING_NOTE =
  'MLCommons publishes no machine-readable table for this round; the results are scored from ' +
  'the submission trees held in the corpus, so only part of the round is here.'

const cmRound = (suite: Suite, round: string, note: string | null = null): PlanRound => ({
  suite,
  round,
  source: CM_SOURCE,
  sources: [
    {
      experiments:
        suite === 'inference'
          ? `mlperf-inference--${round}--`
          : `mlperf-training--${round.slice(1)}--`
    }
  ],
  complete: note === null,
  note
})

export const CATALOGUE_PLAN: readonly PlanRound[] = [
  {
    suite: 'inference',
    round: 'v0.5',
    source: 'submission trees (mlcommons/inference_results_v0.5)',
    sources: [{ path: 'inference/v0.5' }],
    complete: false,
    note: EARLY_NOTE
  },
  {
    suite: 'inference',
    round: 'v0.7',
    source: 'submission trees and submitter summaries (mlcommons/inference_results_v0.7)',
    sources: [{ path: 'inference/v0.7' }, { path: 'consolidated/inference_results_v0.7' }],
    complete: false,
    note: `${EARLY_NOTE} Where a submitter's summary and the published logs disagree, the logs' value is kept and the result's notes give both.`
  },
  {
    suite: 'inference',
    round: 'v1.0',
    source: 'submission trees and submitter summaries (mlcommons/inference_results_v1.0)',
    sources: [{ path: 'inference/v1.0' }, { path: 'consolidated/inference_results_v1.0' }],
    complete: false,
    note: `${EARLY_NOTE} Where a submitter's summary and the published logs disagree, the logs' value is kept and the result's notes give both.`
  },
  cmRound(
    'inference',
    'v2.0',
    'cm4mlperf-results has no closed-division image classification or object detection tables for v2.0 (datacenter or edge), so those results are missing.'
  ),
  cmRound('inference', 'v2.1'),
  cmRound('inference', 'v3.0'),
  cmRound('inference', 'v3.1'),
  cmRound('inference', 'v4.0'),
  {
    suite: 'inference',
    round: 'v4.1',
    source: SUMMARY_SOURCE,
    sources: [
      { path: 'consolidated/inference_results_v4.1/summary_results.json' },
      { experiments: 'mlperf-inference--v4.1--' }
    ],
    complete: true,
    note:
      'Two official tables cover v4.1: summary_results.json is authoritative (it carries the ' +
      'result IDs); the cm4mlperf-results tables of v4.1 were read after it and only fill ' +
      'fields it leaves empty.'
  },
  {
    suite: 'inference',
    round: 'v5.1',
    source: SUMMARY_SOURCE,
    sources: [{ path: 'consolidated/inference_results_v5.1/summary_results.json' }],
    complete: true,
    note: null
  },
  {
    suite: 'inference',
    round: 'v6.0',
    source: SUMMARY_SOURCE,
    sources: [{ path: 'consolidated/inference_results_v6.0/summary_results.json' }],
    complete: true,
    note: null
  },
  ...['v0.5', 'v0.6', 'v0.7'].map((round): PlanRound => ({
    suite: 'training',
    round,
    source: `submission trees (mlcommons/training_results_${round})`,
    sources: [{ path: `training/${round}` }],
    complete: false,
    note: EARLY_TRAINING_NOTE
  })),
  cmRound('training', 'v1.0'),
  cmRound('training', 'v1.1'),
  cmRound('training', 'v2.0'),
  cmRound('training', 'v2.1'),
  cmRound('training', 'v3.0'),
  ...['v3.1', 'v4.0', 'v4.1', 'v5.0', 'v5.1'].map((round): PlanRound => ({
    suite: 'training',
    round,
    source: SUMMARIZER_SOURCE,
    sources: [{ roundTables: `consolidated/training_summaries/${round}` }],
    complete: true,
    note: null
  }))
]

export const CM_EXPERIMENTS = CM
