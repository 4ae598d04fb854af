import { describe, expect, it } from 'vitest'
import { parseLogLines } from '../../../../../../src-main/core/ingest/training/log-line'
import type { LogRecord } from '../../../../../../src-main/core/ingest/training/log-line'
import type { RunFacts } from '../../../../../../src-main/core/ingest/training/run-status'
import { runStatus, stopStatus } from '../../../../../../src-main/core/ingest/training/run-status'
import { trainingTarget } from '../../../../../../src-main/mlperf'

const mllog = (key: string, value: unknown, md: Record<string, unknown> = {}): LogRecord => {
  const [r] = parseLogLines(
    `:::MLLOG ${JSON.stringify({ namespace: '', time_ms: 1e12, event_type: 'POINT_IN_TIME', key, value, metadata: md })}`
  ).records
  if (r === undefined) throw new Error('no record')
  return r
}
const v05Stop = (value?: string): LogRecord => {
  const [r] = parseLogLines(
    `:::MLPv0.5.0 resnet 1000.0 (x.py:1) run_stop${value === undefined ? '' : `: ${value}`}`
  ).records
  if (r === undefined) throw new Error('no record')
  return r
}

describe('stopStatus', () => {
  it('reads metadata.status, then the {"success": …} value', () => {
    expect(stopStatus(mllog('run_stop', null, { status: ' Success ' }))).toBe('success')
    for (const s of ['aborted', 'abort', 'failure', 'FAILED'])
      expect(stopStatus(mllog('run_stop', null, { status: s }))).toBe('aborted')
    expect(stopStatus(mllog('run_stop', null, { status: 'maybe' }))).toBe('unknown')
    expect(stopStatus(v05Stop('{"success": "true"}'))).toBe('success')
    expect(stopStatus(v05Stop('{"success": false}'))).toBe('aborted')
    expect(stopStatus(v05Stop('{"success": "perhaps"}'))).toBe('unknown')
    expect(stopStatus(v05Stop())).toBe('missing')
  })
})

describe('runStatus', () => {
  const target = trainingTarget('v4.0', 'resnet')
  const facts = (over: Partial<RunFacts> = {}): RunFacts => ({
    start: mllog('run_start', null),
    stop: mllog('run_stop', null, { status: 'success' }),
    format: 'mllog',
    malformed: [],
    reachedTarget: true,
    points: [],
    target,
    benchmark: 'resnet',
    ...over
  })

  it('counts a finished run that reached its target', () => {
    expect(runStatus(facts())).toEqual({ status: 'success', reason: null, notes: [] })
  })

  it('names the missing markers of an unfinished run first', () => {
    expect(
      runStatus(facts({ start: null, stop: null, malformed: [{ line: 1, reason: 'x' }] }))
    ).toEqual({
      status: 'incomplete',
      reason: 'run_start and run_stop not logged (truncated or unfinished log).',
      notes: []
    })
  })

  it('checks aborted, then unparsable records, then the status, then the target', () => {
    const aborted = facts({
      stop: mllog('run_stop', null, { status: 'aborted' }),
      reachedTarget: false
    })
    expect(runStatus(aborted).status).toBe('aborted')
    const broken = facts({ malformed: [{ line: 7, reason: 'bad json' }], reachedTarget: false })
    expect(runStatus(broken)).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(
        /^1 log record\(s\) could not be parsed \(first at line 7: bad json\)/
      ) as string
    })
    const odd = facts({ stop: mllog('run_stop', null, { status: 'maybe' }), reachedTarget: false })
    expect(runStatus(odd).reason).toBe('run_stop carries a status other than success or aborted.')
    const bare = facts({ stop: mllog('run_stop', null) })
    expect(runStatus(bare).reason).toBe(
      'run_stop has no status; the compliance checker requires one.'
    )
    const short = facts({
      reachedTarget: false,
      points: [{ timeMs: 1, epoch: 1, samples: null, value: 0.7, metric: null, group: 'e:1' }]
    })
    expect(runStatus(short)).toMatchObject({
      status: 'failed',
      reason: 'No eval_accuracy reached the target ≥ 0.759 (best 0.7).'
    })
    expect(runStatus(facts({ reachedTarget: false })).reason).toBe(
      'No eval_accuracy reached the target ≥ 0.759 (no evaluation logged).'
    )
  })

  it('lets a v0.5 run_stop without a flag count, with a note', () => {
    expect(runStatus(facts({ stop: v05Stop(), format: 'mlp-v0.5' }))).toEqual({
      status: 'success',
      reason: null,
      notes: ['run_stop carries no success flag (v0.5); convergence is judged from eval_accuracy.']
    })
  })

  it('says when convergence was not checked', () => {
    expect(runStatus(facts({ reachedTarget: null, target: null, benchmark: null })).reason).toBe(
      'No quality target is known for this benchmark: convergence was not checked.'
    )
  })
})
