import { describe, expect, it } from 'vitest'
import { endMarkerNote } from '../../../../../../src-main/core/ingest/training/end-marker'
import { failedRun } from '../../../../../../src-main/core/ingest/training/set-logs'
import type { TrainingRun } from '../../../../../../src-main/shared/training'

/** A converged run of `minutes` whose run_final came `extraMs` after run_stop. */
const run = (minutes: number, extraMs: number | null, converged = true): TrainingRun => ({
  ...failedRun(`r${minutes}.txt`, ''),
  status: converged ? 'success' : 'failed',
  converged,
  minutes,
  timeToTrainMs: minutes * 60_000,
  runFinalMs: extraMs === null ? null : minutes * 60_000 + extraMs
})

describe('endMarkerNote', () => {
  it('gives the olympic mean timed to run_final in v0.5', () => {
    // 5 runs, one dropped at each end: run_final at 2, 3, 4 (+ 6 s each) → mean 3.1 min.
    const runs = [1, 2, 3, 4, 5].map((m) => run(m, 6000))
    expect(endMarkerNote('v0.5', runs, 1)).toBe(
      'Timed to run_stop. Timed to run_final instead, the olympic mean would be 3.1 min (the v0.5 rules do not say which end marker the official table used).'
    )
  })

  it('counts a failed run as the slowest dropped one', () => {
    // The failed run takes the top drop: 1 dropped at the bottom, 2, 3, 4 kept → 3 min.
    const runs = [run(1, 0), run(2, 0), run(3, 0), run(4, 0), run(9, 0, false)]
    expect(endMarkerNote('v0.5', runs, 1)).toContain('would be 3 min')
  })

  it('says nothing in rounds whose end marker is sure, without run_final, or with too many failures', () => {
    const runs = [1, 2, 3, 4, 5].map((m) => run(m, 6000))
    expect(endMarkerNote('v0.6', runs, 1)).toBeNull()
    expect(endMarkerNote(null, runs, 1)).toBeNull()
    expect(
      endMarkerNote(
        'v0.5',
        [1, 2, 3].map((m) => run(m, null)),
        1
      )
    ).toBeNull()
    const failing = [run(1, 0), run(2, 0), run(3, 0, false), run(4, 0, false)]
    expect(endMarkerNote('v0.5', failing, 1)).toBeNull()
  })
})
