import { describe, expect, it } from 'vitest'
import { parseTrainingLog } from '../../../../../../src-main/core/ingest/training/parse-log'
import type { ParsedTrainingLog } from '../../../../../../src-main/core/ingest/training/parse-log'
import {
  detectTrainingRound,
  runDateMs
} from '../../../../../../src-main/core/ingest/training/round-detect'
import { trainingRoundsAt } from '../../../../../../src-main/mlperf'
import { mllogLine } from '../../../../../support/mllog'

const day = (date: string): number => Date.parse(`${date}T12:00:00Z`)

/** A v0.7+ MLLOG run of `bench` started at `startMs`, ending with `acc` (success). */
function run(bench: string, startMs: number, acc: number): ParsedTrainingLog {
  const text = [
    mllogLine(startMs - 1000, 'submission_benchmark', bench),
    mllogLine(startMs, 'run_start', null),
    mllogLine(startMs + 60_000, 'eval_accuracy', acc, { epoch_num: 1 }),
    mllogLine(startMs + 60_000, 'run_stop', null, { status: 'success' })
  ].join('\n')
  return parseTrainingLog(text, { benchmark: bench, target: null })
}

describe('the training round calendar', () => {
  it('puts a run in the first round published after it', () => {
    expect(trainingRoundsAt(day('2021-05-15'))).toEqual(['v1.0'])
    expect(trainingRoundsAt(day('2023-11-14'))).toEqual(['v4.0'])
    expect(trainingRoundsAt(day('2018-11-20'))).toEqual(['v0.5'])
    // v6.0's publication date is not known here: after v5.1 both remain.
    expect(trainingRoundsAt(day('2026-02-01'))).toEqual(['v6.0', 'v6.1'])
  })
})

describe('detectTrainingRound', () => {
  it('decides from the run dates and says how', () => {
    const d = detectTrainingRound([run('resnet', day('2021-05-15'), 0.76)], 'resnet')
    expect(d).toEqual({
      round: 'v1.0',
      evidence: 'runs dated 2021-05-15 (v1.0 by the round calendar)'
    })
  })

  it('keeps only the rounds that had the benchmark', () => {
    // After v5.1: v6.0 or v6.1 by date, but llama31_405b was only in v6.0.
    const d = detectTrainingRound([run('llama31_405b', day('2026-03-01'), 5.5)], 'llama31_405b')
    expect(d.round).toBe('v6.0')
    const lora = detectTrainingRound(
      [run('llama2_70b_lora', day('2026-03-01'), 0.92)],
      'llama2_70b_lora'
    )
    expect(lora).toMatchObject({ round: null, candidates: ['v6.0', 'v6.1'] })
  })

  it('uses the targets when the dates say nothing', () => {
    // HugeCTR-style clock (not epoch ms): no date. BERT reached 0.715: the v0.7 target (0.712)
    // but not the 0.720 of v1.0 and later.
    const clockless = run('bert', 1_590_000_000, 0.715)
    expect(runDateMs(clockless)).toBeNull()
    expect(detectTrainingRound([clockless], 'bert')).toEqual({
      round: 'v0.7',
      evidence:
        'no wall-clock date in the logs; bert in v0.7, v1.0, v1.1, v2.0, v2.1, v3.0, v3.1, v4.0, v4.1, v5.0; the successful runs reach the targets of v0.7'
    })
  })

  it('does not guess: a benchmark the dated round did not have is undecided, with the reason', () => {
    const d = detectTrainingRound([run('gnn', day('2025-03-01'), 0.73)], 'gnn')
    expect(d).toEqual({
      round: null,
      candidates: [],
      reason: 'no round fits: runs dated 2025-03-01 (v5.0 by the round calendar); gnn in none'
    })
  })

  it('v0.5 and v0.6 logs name their round by their syntax', () => {
    const v05 = parseTrainingLog(
      ':::MLPv0.5.0 resnet 1541671191.503194094 (main.py:1) run_start\n' +
        ':::MLPv0.5.0 resnet 1541672191.503194094 (main.py:1) run_stop: {"success": "true"}',
      { target: null }
    )
    expect(detectTrainingRound([v05], 'resnet')).toEqual({
      round: 'v0.5',
      evidence: 'the v0.5 log syntax'
    })
  })
})
