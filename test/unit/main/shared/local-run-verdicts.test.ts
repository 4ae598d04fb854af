import { describe, expect, it } from 'vitest'
import type { ValidityCheck } from '../../../../src-main/shared/inference'
import { localRunVerdicts, verdictLine } from '../../../../src-main/shared/local-run-verdicts'

const check = (id: string, passed: boolean | null, requirement?: string): ValidityCheck => ({
  id,
  label: id,
  passed,
  explanation: '',
  ...(requirement ? { requirement } : {})
})

describe('local run verdicts', () => {
  it('names both verdicts; the submittable one lists what failed', () => {
    const v = localRunVerdicts({
      status: 'done',
      mode: 'PerformanceOnly',
      valid: true,
      checks: [
        check('loadgen_verdict', true),
        check('min_duration', false),
        check('early_stopping', null),
        check('performance_sample_count', false, 'performance sample count ≥ 1,024')
      ]
    })!
    expect(verdictLine(v.loadgen)).toBe('LoadGen verdict for these settings: VALID')
    expect(verdictLine(v.submittable)).toBe(
      'Submittable under MLPerf rules: no — minimum duration 600 s; performance sample count ≥ 1,024'
    )
    const ok = localRunVerdicts({
      status: 'done',
      mode: 'PerformanceOnly',
      valid: true,
      checks: [check('min_duration', true)]
    })!
    expect(ok.submittable).toMatchObject({ ok: true, text: 'yes' })
  })

  it('gives none for runs that did not end by themselves, or accuracy runs', () => {
    for (const status of ['cancelled', 'failed', 'running'])
      expect(
        localRunVerdicts({ status, mode: 'PerformanceOnly', valid: null, checks: [] })
      ).toBeNull()
    expect(
      localRunVerdicts({ status: 'done', mode: 'AccuracyOnly', valid: null, checks: [] })
    ).toBeNull()
  })
})
