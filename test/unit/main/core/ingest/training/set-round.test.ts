import { describe, expect, it } from 'vitest'
import { parseTrainingLog } from '../../../../../../src-main/core/ingest/training/parse-log'
import {
  roundAfterLogs,
  roundBeforeLogs
} from '../../../../../../src-main/core/ingest/training/set-round'
import { latestRound } from '../../../../../../src-main/mlperf'
import { V10_DAY, location, mllogRun } from './set-fixture'

const log = (bench: string, start = V10_DAY) =>
  parseTrainingLog(mllogRun(bench, 60, { start, acc: 0.76 }), { round: null, benchmark: bench })

describe('roundBeforeLogs', () => {
  it("takes the path's round over the import's, silently", () => {
    const notes: string[] = []
    expect(roundBeforeLogs(location(), 'v3.0', notes)).toEqual({ round: 'v4.0', rules: 'v4.0' })
    expect(notes).toEqual([])
  })

  it("takes the import's round when the path names none, and says so", () => {
    const notes: string[] = []
    expect(roundBeforeLogs(location({ round: null }), 'v3.1', notes)).toEqual({
      round: 'v3.1',
      rules: 'v3.1'
    })
    expect(notes).toEqual(['Round v3.1 set for this import.'])
  })

  it('judges a round newer than the rulebook by the latest rules', () => {
    const notes: string[] = []
    const r = roundBeforeLogs(location({ round: null }), 'v99.0', notes)
    expect(r).toEqual({ round: 'v99.0', rules: latestRound('training') })
    expect(notes).toHaveLength(2)
    expect(notes[1]).toBe('Round v99.0 set for this import.')
  })

  it('refuses a name that is no round, and leaves the round open when nothing names one', () => {
    const bad = roundBeforeLogs(location({ round: null }), 'later', [])
    expect('error' in bad ? bad.error : null).toMatch(/^"later" is not a round name/)
    expect(roundBeforeLogs(location({ round: null }), undefined, [])).toEqual({
      round: null,
      rules: null
    })
  })
})

describe('roundAfterLogs', () => {
  it('lets dated MLLOG logs decide and asks for a second reading with that round', () => {
    const notes: string[] = []
    const r = roundAfterLogs(
      location({ round: null }),
      { round: null, rules: null },
      [log('resnet')],
      'resnet',
      notes
    )
    expect(r).toEqual({ round: 'v1.0', rules: 'v1.0', reparse: true })
    expect(notes[0]).toMatch(
      /^Round v1\.0 decided from the logs \(no folder names it\): runs dated 2021-05-15/
    )
  })

  it('needs no second reading when the log syntax already gave the round', () => {
    const v05 = [
      ':::MLPv0.5.0 resnet 1000.000000000 (main.py:1) run_start',
      ':::MLPv0.5.0 resnet 1060.000000000 (main.py:1) run_stop: {"success": "true"}'
    ].join('\n')
    const notes: string[] = []
    const parsed = parseTrainingLog(v05, { round: null, benchmark: 'resnet' })
    const r = roundAfterLogs(
      location({ round: null }),
      { round: null, rules: null },
      [parsed],
      'resnet',
      notes
    )
    expect(r).toEqual({ round: 'v0.5', rules: 'v0.5', reparse: false })
    expect(notes).toEqual([])
  })

  it('says when the logs cannot decide', () => {
    const notes: string[] = []
    const clockless = log('resnet', 1_590_000_000)
    const r = roundAfterLogs(
      location({ round: null }),
      { round: null, rules: null },
      [clockless],
      'resnet',
      notes
    )
    expect(r).toEqual({ round: null, rules: null, reparse: false })
    expect(notes[0]).toMatch(
      /^The round could not be decided from the logs: .*Set it with the import's round option\.$/
    )
  })

  it("warns when the logs contradict the import's round or it lacks the benchmark", () => {
    const notes: string[] = []
    const r = roundAfterLogs(
      location({ round: null }),
      { round: 'v0.7', rules: 'v0.7' },
      [log('gpt3')],
      'gpt3',
      notes
    )
    expect(r).toEqual({ round: 'v0.7', rules: 'v0.7', reparse: false })
    expect(notes).toEqual(['Warning: gpt3 is not a benchmark of v0.7.'])
    const dated: string[] = []
    roundAfterLogs(
      location({ round: null }),
      { round: 'v4.0', rules: 'v4.0' },
      [log('resnet')],
      'resnet',
      dated
    )
    expect(dated[0]).toMatch(
      /^Warning: the logs point to round v1\.0 \(.*\), not v4\.0, the round set for this import\.$/
    )
  })

  it("trusts the path's round without looking at the logs", () => {
    const notes: string[] = []
    const r = roundAfterLogs(
      location(),
      { round: 'v0.7', rules: 'v0.7' },
      [log('gpt3')],
      'gpt3',
      notes
    )
    expect(r).toEqual({ round: 'v0.7', rules: 'v0.7', reparse: false })
    expect(notes).toEqual([])
  })
})
