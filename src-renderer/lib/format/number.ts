/**
 * Number formatting for results. MLPerf's official Result is shown at full precision: the
 * shortest string that round-trips the double (what JSON carried), with thousands separators
 * added to the integer part and nothing rounded. 233274.76 → "233,274.76", 0.386829 stays.
 */

const GROUP = ','

function groupDigits(intDigits: string): string {
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
  // Strip leading zeros of the integer part ("000.5" cannot happen, "0012" can after a shift).
  result = result.replace(/^0+(?=\d)/, '')
  return result
}

/** Full-precision decimal text with thousands separators. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞'
  if (Object.is(value, -0)) return '0'
  const negative = value < 0
  const plain = expandExponent(String(Math.abs(value)))
  const dot = plain.indexOf('.')
  const intPart = dot === -1 ? plain : plain.slice(0, dot)
  const frac = dot === -1 ? '' : plain.slice(dot)
  return `${negative ? '-' : ''}${groupDigits(intPart)}${frac}`
}

/** Same, for values that may arrive as numeric strings (big integers, seeds). */
export function formatNumeric(value: number | string): string {
  if (typeof value === 'number') return formatNumber(value)
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(value.trim())
  if (!m) return value
  return `${m[1] ?? ''}${groupDigits(m[2] ?? '')}${m[3] ?? ''}`
}

/** "1 result", "1,234 results". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`
}

/** File sizes: "812 B", "12.4 KB", "3.1 MB" (1 KB = 1024 B). */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes)) return ''
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let v = bytes / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`
}

/** Share of a whole in percent, clamped to 0…100; null when the whole is unknown. */
export function percent(part: number, whole: number | null): number | null {
  if (whole === null || whole <= 0) return null
  return Math.max(0, Math.min(100, (part / whole) * 100))
}
