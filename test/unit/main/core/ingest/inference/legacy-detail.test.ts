import { describe, expect, it } from 'vitest'

import {
  isLegacyDetailText,
  parseLegacyDetail
} from '../../../../../../src-main/core/ingest/inference/legacy-detail'

const p = (ts: number, msg: string): string => `"pid": 4303, "tid": 4303, "ts": ${ts}ns : ${msg}`

const LOG = [
  p(10465, 'LoadgenVersionInfo:'),
  p(10465, 'version : .5a1 @ 71940a7a4c'),
  p(10465, 'git_log :'),
  '',
  '71940a7a4c39ab3e099d93bdcf60763fbb52587a Merge pull request #473',
  '',
  p(17110, 'Date + time of test: 2019-10-09T07:20:02Z'),
  p(17110, 'System Under Test (SUT) name: '),
  p(26267, ''),
  p(26267, 'Effective Settings:'),
  p(26267, 'Scenario : Server'),
  p(26267, 'Test mode : Performance'),
  p(26267, 'target_latency (ns): 15000000'),
  p(26267, 'min_duration (ms): 60000'),
  p(26267, 'qsl_rng_seed : 3133965575612453542'),
  p(26845, ''),
  p(26845, 'Requested Settings:'),
  p(26845, 'Scenario : Server'),
  p(26845, 'server_target_qps : 45120'),
  p(26845, ''),
  p(35298, 'Starting performance mode:'),
  p(
    12760342303,
    'ERROR : Ending early: Ran out of generated queries to issue before the minimum query count and test duration were reached.'
  ),
  p(89391238247, 'WARNING : Logging allocation detected: "tid" : 4303'),
  p(89391239892, 'POWER_BEGIN: "mode" : Performance, "time" : 10-09-2019 07:20:32.109'),
  p(89391239892, 'POWER_END: "mode" : Performance, "time" : 10-09-2019 07:21:32.111')
].join('\r\n')

describe('parseLegacyDetail', () => {
  it('recognises the v0.5/v0.7 text format', () => {
    expect(isLegacyDetailText(LOG)).toBe(true)
    expect(isLegacyDetailText(':::MLLOG {}')).toBe(false)
  })

  it('reads version, settings blocks, errors, warnings and the power window', () => {
    const d = parseLegacyDetail(LOG)
    expect(d.loadgenVersion).toBe('.5a1 @ 71940a7a4c')
    expect(d.testDatetime).toBe('2019-10-09T07:20:02Z')
    expect(d.sutName).toBe('')
    expect(d.effective).toEqual({
      Scenario: 'Server',
      'Test mode': 'Performance',
      'target_latency (ns)': '15000000',
      'min_duration (ms)': '60000',
      qsl_rng_seed: '3133965575612453542'
    })
    expect(d.requested).toEqual({ Scenario: 'Server', server_target_qps: '45120' })
    expect(d.errors).toHaveLength(1)
    expect(d.errors[0]).toContain('Ran out of generated queries')
    expect(d.warnings).toHaveLength(1)
    expect(d.powerBegin).toBe('10-09-2019 07:20:32.109')
    expect(d.powerEnd).toBe('10-09-2019 07:21:32.111')
  })
})
