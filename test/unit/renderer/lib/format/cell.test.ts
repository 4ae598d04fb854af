import { describe, expect, it } from 'vitest'
import {
  formatCell,
  formatDetailValue,
  toBoolean
} from '../../../../../src-renderer/lib/format/cell'
import { formatDateTime, formatDuration } from '../../../../../src-renderer/lib/format/date'

describe('formatCell', () => {
  it('shows null and empty strings as an empty muted cell', () => {
    expect(formatCell(null, 'text')).toEqual({ text: '', kind: 'null', title: 'empty' })
    expect(formatCell('', 'number').kind).toBe('null')
  })

  it('formats numbers at full precision with separators', () => {
    expect(formatCell(233274.76, 'number')).toEqual({
      text: '233,274.76',
      kind: 'number',
      title: '233274.76'
    })
    expect(formatCell('0.386829', 'number').text).toBe('0.386829')
  })

  it('draws booleans as ✓ and —', () => {
    expect(formatCell(1, 'boolean')).toMatchObject({ text: '✓', kind: 'true', title: 'Yes' })
    expect(formatCell(0, 'boolean')).toMatchObject({ text: '—', kind: 'false', title: 'No' })
    expect(formatCell('maybe', 'boolean')).toMatchObject({ text: 'maybe', kind: 'text' })
  })

  it('keeps text as it is', () => {
    expect(formatCell('NVIDIA H100-SXM-80GB', 'text').text).toBe('NVIDIA H100-SXM-80GB')
  })
})

describe('toBoolean', () => {
  it.each([
    [1, true],
    [0, false],
    ['true', true],
    ['No', false],
    [null, null],
    ['x', null]
  ] as const)('%s → %s', (value, expected) => {
    expect(toBoolean(value)).toBe(expected)
  })
})

describe('formatDetailValue', () => {
  it('leaves seeds and ids unseparated but groups other numbers', () => {
    // Seeds exceed 2^53; whatever double arrived is shown as is, without separators.
    const seed = Number('3066443479025735752')
    expect(formatDetailValue('effective_qsl_rng_seed', seed)).toBe(String(seed))
    expect(formatDetailValue('result_min_latency_ns', 30412877)).toBe('30,412,877')
    expect(formatDetailValue('early_stopping_met', true)).toBe('Yes')
    expect(formatDetailValue('sw_notes', null)).toBe('')
  })
})

describe('dates', () => {
  it('formats local date-times and durations', () => {
    expect(formatDateTime('not a date')).toBe('not a date')
    expect(formatDateTime(null)).toBe('')
    expect(formatDateTime('2026-11-23T07:40:19.324Z')).toMatch(/^2026-11-2\d \d\d:\d\d:19$/)
    expect(formatDuration('2026-11-23T07:40:19.324Z', '2026-11-23T07:40:19.376Z')).toBe('< 0.1 s')
    expect(formatDuration('2026-11-23T07:40:19.324Z', '2026-11-23T07:40:21.376Z')).toBe('2.1 s')
    expect(formatDuration('2026-11-23T07:40:00Z', '2026-11-23T07:42:05Z')).toBe('2 min 05 s')
    expect(formatDuration('2026-11-23T07:40:00Z', null)).toBe('')
  })
})
