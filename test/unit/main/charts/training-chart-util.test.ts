import { describe, expect, it } from 'vitest'
import { escapeHtml } from '../../../../src-main/charts/chart-frame'
import {
  formatMinutes,
  formatValue,
  logBounds,
  niceBounds,
  runLabel,
  seriesColor,
  shortLabels
} from '../../../../src-main/charts/training-chart-util'

describe('training chart helpers', () => {
  it('finds round axis bounds that contain the data and stay at or above zero', () => {
    expect(niceBounds(0.001, 0.7641)).toEqual({ min: 0, max: 0.8 })
    expect(niceBounds(0.7, 0.759)).toEqual({ min: 0.68, max: 0.78 })
    expect(niceBounds(-3, 7)).toEqual({ min: -4, max: 8 })
    // A single value still gets a range around it.
    const one = niceBounds(5, 5)
    expect(one.min).toBeLessThan(5)
    expect(one.max).toBeGreaterThan(5)
  })

  it('finds powers of ten for a log axis', () => {
    expect(logBounds(12, 250)).toEqual({ min: 10, max: 1000 })
  })

  it('formats values, minutes and run names for labels', () => {
    expect(formatValue(0.7065555555555555)).toBe('0.7066')
    expect(formatValue(150)).toBe('150')
    expect(formatValue(0.00001234)).toBe('1.23e-5')
    expect(formatMinutes(25.91)).toBe('25.91 min')
    expect(formatMinutes(125.25)).toBe('125.3 min')
    expect(runLabel('logs/result_3.txt')).toBe('result_3')
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;')
    expect(seriesColor(0)).toBe(seriesColor(10))
  })

  it('shortens set labels to the words that tell them apart', () => {
    expect(
      shortLabels([
        'v4.0 Acme Acme T1 (8x Acme Tensor T1) resnet',
        'v4.0 Acme Acme T2 (2 nodes, 16x Acme Tensor T1) resnet'
      ])
    ).toEqual(['T1 (8x Acme Tensor T1)', 'T2 (2 nodes, 16x Acme Tensor T1)'])
    expect(shortLabels(['v4.0 Acme X resnet'])).toEqual(['v4.0 Acme X resnet'])
    // Identical labels cannot be shortened to nothing.
    expect(shortLabels(['same label', 'same label'])).toEqual(['same label', 'same label'])
    expect(shortLabels(['a b', 'a b c'])).toEqual(['a b', 'c'])
  })
})
