/**
 * The renderer's import point for number formatting: everything comes from the one policy
 * module shared with the main side (src-main/shared/number-format.ts, see the README's
 * "Numbers"), so no screen has a formatter of its own.
 */
export {
  expandExponent,
  formatBytes,
  formatCount,
  formatDerived,
  formatFactor,
  formatFixed,
  formatNumber,
  formatNumeric,
  formatOfficial,
  formatPercentChange,
  formatResultValue,
  formatTrainingScore,
  formatLatencyMs,
  formatLatencyNs,
  formatAccuracy,
  formatAccuracyValue,
  formatDetailEntry,
  percent
} from '../../../src-main/shared/number-format'
