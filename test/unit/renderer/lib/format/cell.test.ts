import { describe, expect, it } from 'vitest'
import {
  formatCell,
  formatDetailValue,
  toBoolean
} from '../../../../../src-renderer/lib/format/cell'
import { formatDateTime, formatDuration } from '../../../../../src-renderer/lib/format/date'

const text = { name: 'system_name', type: 'text' } as const
const plain = { name: 'x', type: 'number' } as const
const official = { name: 'value', type: 'number', format: 'official' } as const
const score = { name: 'value', type: 'number', format: 'training-score' } as const
const scaling = { name: 'scaling_factor', type: 'number', format: 'derived' } as const
const flag = { name: 'valid', type: 'boolean' } as const
const accuracy = { name: 'accuracy', type: 'text' } as const

describe('formatCell', () => {
  it('shows null and empty strings as an empty muted cell', () => {
    expect(formatCell(null, text)).toEqual({ text: '', kind: 'null', title: 'empty' })
    expect(formatCell('', plain).kind).toBe('null')
  })

  it('shows official values at the official precision, full precision and unit in the title', () => {
    expect(formatCell(5013.7911666667, official, { unit: 'Watts' })).toEqual({
      text: '5,013.79',
      kind: 'number',
      title: '5,013.7911666667 Watts'
    })
    expect(formatCell(2692, official, { unit: 'Streams' }).text).toBe('2,692')
    expect(formatCell(5.065766654320987, score).text).toBe('5.066')
    expect(formatCell(1.0511463844797178, scaling).text).toBe('1.051')
  })

  it('keeps numbers of columns without a kind at full precision with separators', () => {
    expect(formatCell(233274.76, plain).text).toBe('233,274.76')
    expect(formatCell('0.386829', plain).text).toBe('0.386829')
  })

  it('draws booleans as ✓ and —', () => {
    expect(formatCell(1, flag)).toMatchObject({ text: '✓', kind: 'true', title: 'Yes' })
    expect(formatCell(0, flag)).toMatchObject({ text: '—', kind: 'false', title: 'No' })
    expect(formatCell('maybe', flag)).toMatchObject({ text: 'maybe', kind: 'text' })
  })

  it('renders accuracy the same whatever the source, the stored text in the title', () => {
    expect(formatCell('acc: 75.920', accuracy)).toMatchObject({
      text: 'acc: 75.92',
      title: 'acc: 75.920'
    })
    expect(formatCell('75.92', accuracy, { accuracyKey: 'acc' }).text).toBe('acc: 75.92')
  })

  it('keeps text as it is', () => {
    expect(formatCell('NVIDIA H100-SXM-80GB', text).text).toBe('NVIDIA H100-SXM-80GB')
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
    expect(formatDetailValue('result_min_latency_ns', 30412877)).toBe('30.413 ms')
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
