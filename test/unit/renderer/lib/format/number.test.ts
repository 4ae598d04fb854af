import { describe, expect, it } from 'vitest'
import {
  expandExponent,
  formatBytes,
  formatCount,
  formatNumber,
  formatNumeric,
  percent
} from '../../../../../src-renderer/lib/format/number'

describe('formatNumber', () => {
  it.each([
    [233274.76, '233,274.76'],
    [0.386829, '0.386829'],
    [270891, '270,891'],
    [69306.6, '69,306.6'],
    [1234567.891011, '1,234,567.891011'],
    [999, '999'],
    [1000, '1,000'],
    [-12345.5, '-12,345.5'],
    [0, '0'],
    [-0, '0'],
    [6.90935e-9, '0.00000000690935'],
    [1.5e21, '1,500,000,000,000,000,000,000'],
    [0.1 + 0.2, '0.30000000000000004']
  ])('%s → %s (full precision, never rounded)', (value, text) => {
    expect(formatNumber(value)).toBe(text)
  })

  it('spells non-finite values', () => {
    expect(formatNumber(Number.NaN)).toBe('NaN')
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞')
  })
})

describe('expandExponent', () => {
  it('moves the decimal point without touching digits', () => {
    expect(expandExponent('1.25e-3')).toBe('0.00125')
    expect(expandExponent('1.25e+3')).toBe('1250')
    expect(expandExponent('1.25e1')).toBe('12.5')
    expect(expandExponent('123')).toBe('123')
  })
})

describe('formatNumeric', () => {
  it('groups numeric strings (big integers stay exact)', () => {
    expect(formatNumeric('14962580496156340209')).toBe('14,962,580,496,156,340,209')
    expect(formatNumeric('-1234.50')).toBe('-1,234.50')
    expect(formatNumeric('n/a')).toBe('n/a')
  })
})

describe('formatCount / formatBytes / percent', () => {
  it('pluralises', () => {
    expect(formatCount(1, 'result')).toBe('1 result')
    expect(formatCount(1234, 'result')).toBe('1,234 results')
    expect(formatCount(0, 'result')).toBe('0 results')
  })

  it('sizes files', () => {
    expect(formatBytes(812)).toBe('812 B')
    expect(formatBytes(1587)).toBe('1.5 KB')
    expect(formatBytes(14984)).toBe('15 KB')
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB')
    expect(formatBytes(null)).toBe('')
  })

  it('clamps percentages and knows when the whole is unknown', () => {
    expect(percent(5, 10)).toBe(50)
    expect(percent(15, 10)).toBe(100)
    expect(percent(1, null)).toBeNull()
    expect(percent(1, 0)).toBeNull()
  })
})
