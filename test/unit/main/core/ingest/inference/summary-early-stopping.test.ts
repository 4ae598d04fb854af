import { describe, expect, it } from 'vitest'
import {
  interpretBlock,
  newBlock
} from '../../../../../../src-main/core/ingest/inference/summary-early-stopping'

function block(lines: string[]) {
  const b = newBlock('TTFT')
  b.lines.push(...lines)
  interpretBlock(b)
  return b
}

describe('early-stopping block', () => {
  it('reads the figures of a successful run', () => {
    const b = block([
      '* Run successful.',
      '* Processed 64000 queries.',
      '* Would need to process at least 662 total queries.',
      '* Processed at least 662 queries (64000).',
      '* Would discard 6145 highest latency queries.',
      '* Early stopping 90th percentile estimate: 2187329',
      '* Early stopping 99.9th percentile estimate: 2594007'
    ])
    expect(b).toMatchObject({
      name: 'TTFT',
      runSuccessful: true,
      minQueries: 662,
      processedQueries: 64000,
      discarded: 6145,
      estimates: { '90': 2187329, '99.9': 2594007 },
      notEnough: []
    })
  })

  it('joins a wrapped bullet to the one it continues, and reads a failed run', () => {
    const b = block([
      '* Only processed 100 queries; would need to process at least 662 queries.',
      '* Not enough queries processed for 99.9th percentile early stopping estimate (would need to process at',
      '  least 23000 total queries).'
    ])
    expect(b).toMatchObject({ runSuccessful: false, processedQueries: 100, minQueries: 662 })
    expect(b.notEnough).toEqual([{ percentile: '99.9', needed: 23000 }])
  })

  it('leaves a block without bullets empty', () => {
    expect(block(['no bullet here'])).toEqual({ ...newBlock('TTFT'), lines: ['no bullet here'] })
  })
})
