/**
 * The one number-format policy of the app. The table, the result detail panels, Compare, chart
 * tooltips and the CSV exports format numbers only through this module, so a figure reads the
 * same wherever an analyst copies it from. The README ("Numbers") states the policy:
 *
 * - Official results (inference Result and Power): `#,##0.00`, the number format MLCommons'
 *   final-report spreadsheet applies to every result column (inference
 *   tools/submission/generate_final_report.py, `score_format`). Counts of streams (v0.5/v0.7
 *   MultiStream) are whole numbers. Official training scores (minutes): 3 decimals.
 * - Full precision (the shortest decimal that reads back as the same double, never an exponent)
 *   in CSV files and in the tooltip of every rounded figure.
 * - Derived values (efficiency, speedups, ratios, scaling factors, reference scores, averages
 *   the app computes): 4 significant digits; whole-number digits are never rounded away.
 * - Latencies: milliseconds below one second, seconds above, always 3 decimals; raw
 *   nanoseconds never reach the screen (they stay in tooltips and CSV).
 * - Accuracy: every metric as `KEY: value` at up to 6 significant digits, trailing zeros
 *   dropped, whether the source printed 75.920, 75.92 or 31.80647490143776.
 * - Thousands separators everywhere (`,` groups, `.` decimal point, independent of the OS
 *   locale so that reports match the official tables).
 *
 * Rounding is decimal and half away from zero on the shortest round-trip form of the double,
 * which is what a spreadsheet shows for `#,##0.00` (2.675 → 2.68, where toFixed gives 2.67).
 * Environment-neutral: used by the main side (CSV, CLI) and the renderer alike.
 */

const GROUP = ','

/** How a number column or figure is shown; columns carry one in their metadata. */
export type NumberKind =
  /** The official inference Result or Power value (#,##0.00). */
  | 'official'
  /** The official training score in minutes (3 decimals). */
  | 'training-score'
  /** A value the app derives (4 significant digits). */
  | 'derived'
  /** A count (accelerators, nodes, runs): grouped, as stored. */
  | 'count'

/** Decimals of the official inference table (generate_final_report.py: "#,##0.00"). */
export const OFFICIAL_DECIMALS = 2
/** Decimals of official training scores in minutes (0.06 s resolution). */
export const TRAINING_SCORE_DECIMALS = 3
/** Significant digits of derived values. */
export const DERIVED_DIGITS = 4
/** Decimals of latencies in ms or s. */
export const LATENCY_DECIMALS = 3
/** Significant digits of accuracy metrics. */
export const ACCURACY_DIGITS = 6

/** Inserts thousands separators into a string of integer digits. */
export function groupDigits(intDigits: string): string {
  let out = ''
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += GROUP
    out += intDigits[i]
  }
  return out
}

/** Expands "6.90935e-9" / "1.5e+21" into plain decimal digits without changing any digit. */
export function expandExponent(text: string): string {
  const match = /^(\d+)(?:\.(\d+))?e([+-]?\d+)$/i.exec(text)
  if (!match) return text
  const intPart = match[1] ?? ''
  const fracPart = match[2] ?? ''
  const exp = Number(match[3])
  const digits = intPart + fracPart
  const point = intPart.length + exp
  let result: string
  if (point <= 0) result = `0.${'0'.repeat(-point)}${digits}`
  else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length)
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`
  return result.replace(/^0+(?=\d)/, '')
}

function nonFinite(value: number): string | null {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞'
  return null
}

/** |value| as plain decimal digits "123.456" (shortest round-trip form, no exponent). */
function plainAbs(value: number): string {
  return expandExponent(String(Math.abs(value)))
}

function split(plain: string): { int: string; frac: string } {
  const dot = plain.indexOf('.')
  return dot === -1
    ? { int: plain, frac: '' }
    : { int: plain.slice(0, dot), frac: plain.slice(dot + 1) }
}

/** Adds one unit in the last place of a digit string ("0199" → "0200", "999" → "1000"). */
function increment(digits: string): string {
  const out = digits.split('')
  let i = out.length - 1
  while (i >= 0) {
    if (out[i] === '9') {
      out[i] = '0'
      i--
    } else {
      out[i] = String(Number(out[i]) + 1)
      return out.join('')
    }
  }
  return '1' + out.join('')
}

/**
 * |value| rounded half away from zero to `decimals` places, as integer and fraction digits
 * (the fraction padded to exactly `decimals`).
 */
function roundAbs(value: number, decimals: number): { int: string; frac: string } {
  const { int, frac } = split(plainAbs(value))
  if (frac.length <= decimals) return { int, frac: frac.padEnd(decimals, '0') }
  const kept = int + frac.slice(0, decimals)
  const up = frac.charCodeAt(decimals) - 48 >= 5
  const rounded = up ? increment(kept) : kept
  const intLength = rounded.length - decimals
  return {
    int: rounded.slice(0, intLength).replace(/^0+(?=\d)/, '') || '0',
    frac: rounded.slice(intLength)
  }
}

function signed(negative: boolean, int: string, frac: string, keepZeroSign = false): string {
  const zero = /^0*$/.test(int + frac)
  const sign = negative && (!zero || keepZeroSign) ? '-' : ''
  return `${sign}${groupDigits(int)}${frac === '' ? '' : `.${frac}`}`
}

/** Grouped, with exactly `decimals` decimals (half away from zero). */
export function formatFixed(value: number, decimals: number): string {
  const nf = nonFinite(value)
  if (nf !== null) return nf
  const { int, frac } = roundAbs(value, decimals)
  return signed(value < 0, int, frac)
}

/** Full precision with thousands separators: the tooltip of every rounded figure. */
export function formatNumber(value: number): string {
  const nf = nonFinite(value)
  if (nf !== null) return nf
  const { int, frac } = split(plainAbs(value))
  return signed(value < 0, int, frac)
}

/** Same, for values that may arrive as numeric strings (big integers, seeds). */
export function formatNumeric(value: number | string): string {
  if (typeof value === 'number') return formatNumber(value)
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(value.trim())
  if (!m) return value
  return `${m[1] ?? ''}${groupDigits(m[2] ?? '')}${m[3] ?? ''}`
}

/** Decimal places that give `digits` significant digits for |value| (0 for large values). */
function decimalsFor(value: number, digits: number): number {
  const abs = Math.abs(value)
  if (abs === 0) return digits - 1
  const { int, frac } = split(plainAbs(abs))
  if (/[1-9]/.test(int)) return Math.max(0, digits - int.replace(/^0+/, '').length)
  const zeros = /^0*/.exec(frac)?.[0].length ?? 0
  return zeros + digits
}

/**
 * A derived value at `digits` significant digits (default 4), grouped: 5013.79 → "5,014",
 * 1.0511463844797178 → "1.051", 0.000123456 → "0.0001235". Digits of the whole-number part
 * are never rounded away (123456.7 → "123,457").
 */
export function formatDerived(value: number, digits = DERIVED_DIGITS): string {
  const nf = nonFinite(value)
  if (nf !== null) return nf
  const decimals = decimalsFor(value, digits)
  let { int, frac } = roundAbs(value, decimals)
  // Rounding carried into a new digit (9.9996 → 10.000, 0.099996 → 0.10000): one decimal fewer.
  const carried = decimalsFor(Number(`${int}.${frac}`), digits)
  if (carried < decimals) ({ int, frac } = roundAbs(value, carried))
  return signed(value < 0, int, frac)
}

/** A derived factor: "× 1.051". */
export function formatFactor(value: number): string {
  return `× ${formatDerived(value)}`
}

/** A signed percentage change at 4 significant digits: "+12.35 %", "−0.4521 %", "±0 %". */
export function formatPercentChange(percentValue: number): string {
  const nf = nonFinite(percentValue)
  if (nf !== null) return nf
  if (percentValue === 0) return '±0 %'
  const sign = percentValue > 0 ? '+' : '−'
  return `${sign}${formatDerived(Math.abs(percentValue))} %`
}

/** Units whose official values are whole counts (v0.5/v0.7 MultiStream streams). */
const COUNT_UNITS = new Set(['Streams'])

/**
 * An official inference Result or Power value as MLCommons' table shows it (#,##0.00); whole
 * numbers for stream counts.
 */
export function formatOfficial(value: number, unit?: string | null): string {
  return formatFixed(value, unit && COUNT_UNITS.has(unit) ? 0 : OFFICIAL_DECIMALS)
}

/** An official training score (minutes), 3 decimals. */
export function formatTrainingScore(minutes: number): string {
  return formatFixed(minutes, TRAINING_SCORE_DECIMALS)
}

/** A count: grouped and otherwise as stored ("1,024"; fractional counts keep their digits). */
export function formatCountValue(value: number): string {
  return formatNumber(value)
}

/** A value of any kind. */
export function formatKind(value: number, kind: NumberKind, unit?: string | null): string {
  if (kind === 'official') return formatOfficial(value, unit)
  if (kind === 'training-score') return formatTrainingScore(value)
  if (kind === 'derived') return formatDerived(value)
  return formatCountValue(value)
}

/**
 * A result value in its unit: the official format for inference units, 3 decimals for training
 * minutes. For Compare and other places that hold a value and its unit but no column.
 */
export function formatResultValue(value: number, unit: string | null): string {
  return unit === 'minutes' ? formatTrainingScore(value) : formatOfficial(value, unit)
}

/** A latency given in milliseconds: "47.403 ms", "1,260.524 s". */
export function formatLatencyMs(ms: number): string {
  const nf = nonFinite(ms)
  if (nf !== null) return nf
  if (Math.abs(ms) >= 1000) return `${formatFixed(ms / 1000, LATENCY_DECIMALS)} s`
  return `${formatFixed(ms, LATENCY_DECIMALS)} ms`
}

/** A latency given in nanoseconds (LoadGen's unit), shown in ms or s. */
export function formatLatencyNs(ns: number): string {
  return formatLatencyMs(ns / 1e6)
}

/** "1 result", "1,234 results". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`
}

/** File sizes: "812 B", "12.4 KB", "3.1 MB" (1 KB = 1024 B). */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return ''
  if (bytes < 1024) return `${formatNumber(bytes)} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let v = bytes / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${formatFixed(v, v < 10 ? 1 : 0)} ${units[i]}`
}

/** Share of a whole in percent, clamped to 0…100; null when the whole is unknown. */
export function percent(part: number, whole: number | null): number | null {
  if (whole === null || whole <= 0) return null
  return Math.max(0, Math.min(100, (part / whole) * 100))
}

/** One accuracy metric value: up to 6 significant digits, trailing zeros dropped, grouped. */
export function formatAccuracyValue(value: number): string {
  const text = formatDerived(value, ACCURACY_DIGITS)
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

const ACCURACY_PAIR = /([A-Za-z][\w.%-]*)\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/g

/**
 * Accuracy as one rendering whatever the source: "acc: 75.92" for "acc: 75.920" (submission
 * tree), 75.92 (cm-result.json, a bare number: `primaryKey` names it) or "acc: 75.92" (summary);
 * several metrics are joined by ", ". Text that holds no metric is returned unchanged.
 */
export function formatAccuracy(text: string | number | null, primaryKey?: string | null): string {
  if (text === null) return ''
  if (typeof text === 'number') {
    const v = formatAccuracyValue(text)
    return primaryKey ? `${primaryKey}: ${v}` : v
  }
  const trimmed = text.trim()
  if (/^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(trimmed)) {
    return formatAccuracy(Number(trimmed), primaryKey)
  }
  const pairs = [...trimmed.matchAll(ACCURACY_PAIR)]
  if (pairs.length === 0) return trimmed
  return pairs.map((m) => `${m[1] ?? ''}: ${formatAccuracyValue(Number(m[2]))}`).join(', ')
}

/** A number in a CSV file: full precision, no separators, never an exponent. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (Object.is(value, -0)) return '0'
  return `${value < 0 ? '-' : ''}${plainAbs(value)}`
}

/** LoadGen keys whose numbers are nanoseconds (names and the old summary's labels). */
const NS_KEY =
  /(_ns$|\(ns\)|_ns_|latency_ns|early_stopping_latency_(ss|ms)$|time_to_output_token|time_per_output_token|generated_query_duration)/i
/** Keys whose numbers are identifiers, seeds, versions or years: digits as they are. */
const RAW_KEY = /seed|_id$|^id$|version|year/i
/** Keys whose numbers are milliseconds of configured duration. */
const MS_KEY = /(_ms$|\(ms\))/i

/** A formatted value and the full-precision text for its tooltip. */
export type FormattedValue = { text: string; title: string }

/**
 * A value of the LoadGen settings and statistics maps (and of other key/value detail tables):
 * latencies in ms or s (tooltip: the nanoseconds), configured durations in ms, seeds and ids
 * as digits, booleans as Yes/No, other numbers grouped at full precision as LoadGen logged them.
 */
export function formatDetailEntry(
  key: string,
  value: string | number | boolean | null
): FormattedValue {
  if (value === null) return { text: '', title: '' }
  if (typeof value === 'boolean') return { text: value ? 'Yes' : 'No', title: String(value) }
  if (typeof value === 'string') return { text: value, title: value }
  if (RAW_KEY.test(key)) return { text: String(value), title: String(value) }
  if (NS_KEY.test(key)) {
    return { text: formatLatencyNs(value), title: `${formatNumber(value)} ns` }
  }
  if (MS_KEY.test(key))
    return { text: `${formatNumber(value)} ms`, title: `${formatNumber(value)} ms` }
  return { text: formatNumber(value), title: formatNumber(value) }
}
