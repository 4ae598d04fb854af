import { describe, expect, it } from 'vitest'
import {
  csvNumber,
  formatAccuracy,
  formatAccuracyValue,
  formatBytes,
  formatCount,
  formatDerived,
  formatDetailEntry,
  formatFactor,
  formatFixed,
  formatKind,
  formatLatencyMs,
  formatLatencyNs,
  formatNumber,
  formatNumeric,
  formatOfficial,
  formatPercentChange,
  formatResultValue,
  formatTrainingScore,
  percent
} from '../../../../src-main/shared/number-format'

describe('official results (#,##0.00 as in the official table)', () => {
  it.each([
    [233274.76, '233,274.76'],
    [3062.72, '3,062.72'],
    [41.664, '41.66'],
    [4145.572039, '4,145.57'],
    [0.386829, '0.39'],
    [785522, '785,522.00'],
    [4613.6193832599, '4,613.62'],
    [5013.7911666667, '5,013.79'],
    [0, '0.00'],
    [0.004, '0.00']
  ])('%s → %s', (value, text) => {
    expect(formatOfficial(value)).toBe(text)
  })

  it('rounds half away from zero on the decimal the double stands for, like a spreadsheet', () => {
    // toFixed works on the binary value (2.67499999…) and gives 2.67; the sheet shows 2.68.
    expect(formatOfficial(2.675)).toBe('2.68')
    expect(formatOfficial(1.005)).toBe('1.01')
    expect(formatOfficial(999.995)).toBe('1,000.00')
    expect(formatOfficial(-12345.675)).toBe('-12,345.68')
  })

  it('shows stream counts (v0.5/v0.7 MultiStream) as whole numbers', () => {
    expect(formatOfficial(2692, 'Streams')).toBe('2,692')
    expect(formatOfficial(2692, 'Queries/s')).toBe('2,692.00')
  })

  it('shows training scores in minutes with 3 decimals', () => {
    expect(formatTrainingScore(5.065766654320987)).toBe('5.066')
    expect(formatTrainingScore(45.792874999999995)).toBe('45.793')
    expect(formatTrainingScore(0.1834)).toBe('0.183')
    expect(formatTrainingScore(1234.5)).toBe('1,234.500')
    expect(formatResultValue(45.792874999999995, 'minutes')).toBe('45.793')
    expect(formatResultValue(45.792874999999995, 'Samples/s')).toBe('45.79')
  })
})

describe('derived values (4 significant digits)', () => {
  it.each([
    [5013.7911666667, '5,014'],
    [1.0511463844797178, '1.051'],
    [0.000123456, '0.0001235'],
    [9.99996, '10.00'],
    [0.0999996, '0.1000'],
    [123456.7, '123,457'],
    [42, '42.00'],
    [0, '0.000'],
    [-3.14159, '-3.142']
  ])('%s → %s', (value, text) => {
    expect(formatDerived(value)).toBe(text)
  })

  it('writes factors and signed percentages', () => {
    expect(formatFactor(1.0511463844797178)).toBe('× 1.051')
    expect(formatPercentChange(12.3456)).toBe('+12.35 %')
    expect(formatPercentChange(-0.45213)).toBe('−0.4521 %')
    expect(formatPercentChange(0)).toBe('±0 %')
  })

  it('picks the rule of a column kind', () => {
    expect(formatKind(233274.764, 'official')).toBe('233,274.76')
    expect(formatKind(5.0657, 'training-score')).toBe('5.066')
    expect(formatKind(1.05114, 'derived')).toBe('1.051')
    expect(formatKind(1024, 'count')).toBe('1,024')
  })
})

describe('latencies (ms below a second, s above, 3 decimals; never ns)', () => {
  it.each([
    [47403108, '47.403 ms'],
    [386829, '0.387 ms'],
    [999999999, '1,000.000 ms'],
    [1260523808857, '1,260.524 s'],
    [1_000_000_000, '1.000 s'],
    [0, '0.000 ms']
  ])('%s ns → %s', (ns, text) => {
    expect(formatLatencyNs(ns)).toBe(text)
  })

  it('takes milliseconds too', () => {
    expect(formatLatencyMs(12.5)).toBe('12.500 ms')
    expect(formatLatencyMs(4145.572039)).toBe('4.146 s')
  })
})

describe('accuracy: one rendering whatever the source', () => {
  it('renders the tree, summary and CM forms of the same figure alike', () => {
    const tree = formatAccuracy('acc: 75.920')
    expect(tree).toBe('acc: 75.92')
    expect(formatAccuracy('75.92', 'acc')).toBe(tree)
    expect(formatAccuracy(75.92, 'acc')).toBe(tree)
  })

  it('keeps up to 6 significant digits of every metric', () => {
    expect(formatAccuracy('CLIP_SCORE: 31.80647490143776  FID_SCORE: 23.646485375021314')).toBe(
      'CLIP_SCORE: 31.8065, FID_SCORE: 23.6465'
    )
    expect(
      formatAccuracy('ROUGE1: 44.5321  ROUGE2: 22.1191  ROUGEL: 28.7225  TOKENS_PER_SAMPLE: 293.7')
    ).toBe('ROUGE1: 44.5321, ROUGE2: 22.1191, ROUGEL: 28.7225, TOKENS_PER_SAMPLE: 293.7')
    expect(formatAccuracy('DICE: 0.85430')).toBe('DICE: 0.8543')
    expect(formatAccuracy('GEN_LEN: 3112369')).toBe('GEN_LEN: 3,112,369')
    expect(formatAccuracyValue(90.41426333537149)).toBe('90.4143')
  })

  it('leaves text without a metric alone', () => {
    expect(formatAccuracy('n/a')).toBe('n/a')
    expect(formatAccuracy(null)).toBe('')
  })
})

describe('full precision: tooltips and CSV', () => {
  it('groups the tooltip value and never rounds it', () => {
    expect(formatNumber(5013.7911666667)).toBe('5,013.7911666667')
    expect(formatNumber(6.90935e-9)).toBe('0.00000000690935')
    expect(formatNumber(-0)).toBe('0')
  })

  it('writes CSV numbers in full, without separators or exponents', () => {
    expect(csvNumber(5013.7911666667)).toBe('5013.7911666667')
    expect(csvNumber(6.90935e-9)).toBe('0.00000000690935')
    expect(csvNumber(1.5e21)).toBe('1500000000000000000000')
    expect(csvNumber(-42)).toBe('-42')
  })

  it('fixes decimals on request and sizes files', () => {
    expect(formatFixed(1234.5, 1)).toBe('1,234.5')
    expect(formatBytes(1587)).toBe('1.5 KB')
    expect(formatBytes(14984)).toBe('15 KB')
  })
})

describe('LoadGen key/value maps', () => {
  it('shows nanosecond latencies in ms or s with the ns in the tooltip', () => {
    expect(formatDetailEntry('result_90.00_percentile_latency_ns', 47403108)).toEqual({
      text: '47.403 ms',
      title: '47,403,108 ns'
    })
    expect(formatDetailEntry('90.00 percentile latency (ns)', 771461139).text).toBe('771.461 ms')
    // LoadGen names it _ms but logs nanoseconds (rules C.3).
    expect(formatDetailEntry('early_stopping_latency_ms', 12360949).text).toBe('12.361 ms')
    expect(formatDetailEntry('result_time_to_output_token_mean', 103248548).text).toBe('103.249 ms')
  })

  it('keeps seeds as digits and durations in ms, booleans as Yes/No', () => {
    expect(formatDetailEntry('effective_qsl_rng_seed', 3066443479025735).text).toBe(
      '3066443479025735'
    )
    expect(formatDetailEntry('effective_min_duration_ms', 600000).text).toBe('600,000 ms')
    expect(formatDetailEntry('result_min_duration_met', true).text).toBe('Yes')
    expect(formatDetailEntry('result_samples_per_second', 59108.1).text).toBe('59,108.1')
    expect(formatDetailEntry('result_validity', 'VALID').text).toBe('VALID')
  })
})

describe('counts, numeric strings and shares', () => {
  it('groups numeric strings (big integers stay exact)', () => {
    expect(formatNumeric('14962580496156340209')).toBe('14,962,580,496,156,340,209')
    expect(formatNumeric('-1234.50')).toBe('-1,234.50')
    expect(formatNumeric('n/a')).toBe('n/a')
  })

  it('pluralises counts', () => {
    expect(formatCount(1, 'result')).toBe('1 result')
    expect(formatCount(1234, 'result')).toBe('1,234 results')
  })

  it('clamps percentages and knows when the whole is unknown', () => {
    expect(percent(15, 10)).toBe(100)
    expect(percent(1, null)).toBeNull()
    expect(percent(1, 0)).toBeNull()
  })
})
