import { describe, expect, it } from 'vitest'
import {
  formatThreshold,
  formatThresholdList,
  parseIds,
  parseThresholdList,
  thresholdRange
} from '../../../../../src-renderer/lib/training/thresholds'

describe('threshold lists', () => {
  it('reads what a user types: commas, spaces, semicolons, an ellipsis', () => {
    expect(parseThresholdList('0.70, 0.71 0.72;0.73')).toEqual({
      ok: true,
      values: [0.7, 0.71, 0.72, 0.73]
    })
    expect(parseThresholdList('0.70, 0.71, …')).toEqual({ ok: true, values: [0.7, 0.71] })
    expect(parseThresholdList('0.7, 0.7, .75')).toEqual({ ok: true, values: [0.7, 0.75] })
    expect(parseThresholdList('2.9e0')).toEqual({ ok: true, values: [2.9] })
  })

  it('explains what is wrong', () => {
    expect(parseThresholdList('  ')).toEqual({ ok: false, error: 'Enter at least one threshold.' })
    expect(parseThresholdList('0.7, abc')).toEqual({ ok: false, error: '"abc" is not a number.' })
    expect(parseThresholdList('0x10')).toMatchObject({ ok: false })
    const many = Array.from({ length: 201 }, (_, i) => i).join(',')
    expect(parseThresholdList(many)).toMatchObject({ ok: false, error: 'At most 200 thresholds.' })
  })

  it('makes ranges without float noise, in either direction', () => {
    expect(thresholdRange(0.7, 0.75, 0.01)).toEqual({
      ok: true,
      values: [0.7, 0.71, 0.72, 0.73, 0.74, 0.75]
    })
    expect(thresholdRange(3.0, 2.8, 0.1)).toEqual({ ok: true, values: [3, 2.9, 2.8] })
    expect(thresholdRange(0.7, 0.759, 0.02)).toEqual({ ok: true, values: [0.7, 0.72, 0.74] })
    expect(thresholdRange(0.7, 0.8, 0)).toMatchObject({ ok: false })
    expect(thresholdRange(Number.NaN, 0.8, 0.1)).toMatchObject({ ok: false })
    expect(thresholdRange(0, 1, 0.001)).toMatchObject({ ok: false })
  })

  it('formats thresholds short and stable', () => {
    expect(formatThreshold(0.7065555555555555)).toBe('0.7066')
    expect(formatThreshold(0.7)).toBe('0.7')
    expect(formatThreshold(150)).toBe('150')
    expect(formatThresholdList([0.7, 0.72])).toBe('0.7, 0.72')
  })

  it('reads result ids from the URL', () => {
    expect(parseIds('12,15, 12,x,-3,0')).toEqual([12, 15])
    expect(parseIds(undefined)).toEqual([])
  })
})
