import { describe, expect, it } from 'vitest'
import {
  formatCppDefault,
  formatFixed,
  formatInteger
} from '../../../../../src-main/core/loadgen/format-number'

describe('formatCppDefault (C++ stream default, 6 significant digits)', () => {
  it.each([
    [270891.6, '270892'],
    [69306.6, '69306.6'],
    [1e9 / 330000, '3030.3'],
    [1e9 / 420000, '2380.95'],
    [2.5e6, '2.5e+06'],
    [6.90935e-9, '6.90935e-09'],
    [233250, '233250'],
    [632241.3, '632241'],
    [81.6768, '81.6768'],
    [24593.77, '24593.8'],
    [0.9, '0.9'],
    [0.99, '0.99'],
    [0, '0'],
    [1, '1'],
    [100, '100'],
    [0.0001, '0.0001'],
    [0.00001234, '1.234e-05'],
    [999999.5, '1e+06'],
    [-2.5, '-2.5'],
    [1e21, '1e+21']
  ])('%s → %s', (x, s) => {
    expect(formatCppDefault(x)).toBe(s)
  })

  it('rounds exact ties to even like glibc, not away from zero like toPrecision', () => {
    expect(formatCppDefault(1234565)).toBe('1.23456e+06')
    expect(formatCppDefault(1234575)).toBe('1.23458e+06')
    expect((1234565).toPrecision(6)).toBe('1.23457e+6')
  })

  it('prints non-finite values as C++ does', () => {
    expect(formatCppDefault(Infinity)).toBe('inf')
    expect(formatCppDefault(NaN)).toBe('nan')
  })
})

describe('formatFixed (LoadGen DoubleToString)', () => {
  it.each([
    [233274.76, 2, '233274.76'],
    [2634.4, 2, '2634.40'],
    [1e9 / 374892, 2, '2667.43'],
    [0.125, 2, '0.12'],
    [0.375, 2, '0.38'],
    [2.675, 2, '2.67'],
    [90, 2, '90.00'],
    [0.9 * 100, 0, '90'],
    [0.99 * 100, 0, '99'],
    [0.999 * 100, 0, '100'],
    [0.999 * 100, 1, '99.9'],
    [0, 2, '0.00']
  ])('%s with %s decimals → %s', (x, p, s) => {
    expect(formatFixed(x, p)).toBe(s)
  })
})

describe('formatInteger', () => {
  it('prints int64 values plainly', () => {
    expect(formatInteger(386829)).toBe('386829')
    expect(formatInteger(14962580496156340209n)).toBe('14962580496156340209')
    expect(formatInteger(730921336355)).toBe('730921336355')
  })
})
