import { describe, expect, it } from 'vitest'
import { parseSummaryLog } from '../../../../../../src-main/core/ingest/inference/summary-log'
import { validityChecks } from '../../../../../../src-main/core/ingest/inference/validity'
import type { ValidityInput } from '../../../../../../src-main/core/ingest/inference/validity'

function earlyStopping(over: Partial<ValidityInput>) {
  const checks = validityChecks({
    round: 'v4.1',
    scenario: 'SingleStream',
    mlperfModel: 'resnet',
    detail: null,
    detailErrors: null,
    summary: null,
    ...over
  })
  return checks.find((c) => c.id === 'early_stopping')
}

describe('the early-stopping check', () => {
  it('does not apply before v2.0 or to Offline runs', () => {
    expect(earlyStopping({ round: 'v1.1' })).toMatchObject({
      passed: null,
      explanation: expect.stringMatching(/introduced in v2\.0/) as string
    })
    expect(earlyStopping({ scenario: 'Offline' })?.explanation).toBe(
      'Early stopping does not apply to Offline runs.'
    )
  })

  it('gives each token block its outcome, with what an unsuccessful one said', () => {
    const summary = parseSummaryLog(
      [
        'Early stopping satisfied: No',
        '',
        'TTFT Early Stopping Result:',
        ' * Run successful.',
        '',
        'TPOT Early Stopping Result:',
        ' * Run unsuccessful.',
        ' * Processed 10 queries.',
        ''
      ].join('\n')
    )
    expect(earlyStopping({ scenario: 'Server', summary })).toEqual({
      id: 'early_stopping',
      label: 'Early stopping',
      passed: false,
      explanation:
        'TTFT early stopping: run successful. TPOT early stopping: run unsuccessful. Run unsuccessful. Processed 10 queries.'
    })
  })

  it('says what LoadGen reported when a Server run has no block', () => {
    const detail = new Map([['early_stopping_met', true]])
    expect(earlyStopping({ scenario: 'Server', detail })?.explanation).toBe(
      'LoadGen reports the early-stopping criterion was met.'
    )
    expect(earlyStopping({ scenario: 'Server' })?.explanation).toBe(
      'The logs do not report the early-stopping outcome.'
    )
  })

  it('lists percentiles with too few queries and a criterion not met', () => {
    const summary = parseSummaryLog(
      [
        'Early Stopping Result:',
        ' * Only processed 100 queries; would need to process at least 662 queries.',
        ' * Not enough queries processed for 90th percentile early stopping estimate (would need to process at',
        '   least 23 total queries).',
        ''
      ].join('\n')
    )
    const detail = new Map([['early_stopping_met', false]])
    expect(earlyStopping({ summary, detail })?.explanation).toBe(
      'Early stopping: 100 queries processed, at least 662 needed. Too few queries for a 90th percentile estimate (23 needed). The criterion was not met.'
    )
  })
})
