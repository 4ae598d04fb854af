/**
 * Number formatting as LoadGen's C++ streams print it (rules B.2): `DoubleToString` (std::fixed
 * with 2 decimals unless told otherwise) and the stream default (like printf "%g" with 6
 * significant digits: `270891`, `69306.6`, `3030.3`, `2.5e+06`). JavaScript's toFixed and
 * toPrecision round ties away from zero on the decimal digits, while glibc rounds the exact
 * binary value half-to-even, so both are built here from the exact decimal expansion.
 */

/** Exact decimal digits of |x| (finite): x = digits × 10^exp10. */
function exactDecimal(x: number): { digits: string; exp10: number } {
  const v = Math.abs(x)
  if (v === 0) return { digits: '0', exp10: 0 }
  const buf = new DataView(new ArrayBuffer(8))
  buf.setFloat64(0, v)
  const hi = buf.getUint32(0)
  const lo = buf.getUint32(4)
  const biased = (hi >>> 20) & 0x7ff
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
  let exp2: number
  if (biased === 0) {
    exp2 = -1074
  } else {
    mantissa |= 1n << 52n
    exp2 = biased - 1075
  }
  if (exp2 >= 0) return { digits: (mantissa << BigInt(exp2)).toString(), exp10: 0 }
  // m / 2^k = m·5^k / 10^k
  const k = -exp2
  return { digits: (mantissa * 5n ** BigInt(k)).toString(), exp10: -k }
}

/**
 * Round the exact value digits×10^exp10 so that its last kept digit has weight 10^pos,
 * half-to-even. Returns the rounded integer as a digit string (value = result × 10^pos).
 */
function roundAt(digits: string, exp10: number, pos: number): string {
  const drop = pos - exp10
  if (drop <= 0) return digits + '0'.repeat(-drop)
  if (drop > digits.length) return '0'
  const keep = digits.length === drop ? '0' : digits.slice(0, digits.length - drop)
  const rest = digits.slice(digits.length - drop)
  const first = rest.charCodeAt(0) - 48
  const tail = rest.slice(1)
  const tailNonZero = /[1-9]/.test(tail)
  let up = false
  if (first > 5 || (first === 5 && tailNonZero)) up = true
  else if (first === 5 && !tailNonZero) up = (keep.charCodeAt(keep.length - 1) - 48) % 2 === 1
  if (!up) return keep.replace(/^0+(?=\d)/, '')
  return (BigInt(keep) + 1n).toString()
}

function nonFinite(x: number): string | null {
  if (Number.isNaN(x)) return 'nan'
  if (x === Infinity) return 'inf'
  if (x === -Infinity) return '-inf'
  return null
}

/** C++ `std::fixed` with `precision` decimals (LoadGen DoubleToString, default 2). */
export function formatFixed(x: number, precision = 2): string {
  const nf = nonFinite(x)
  if (nf !== null) return nf
  const { digits, exp10 } = exactDecimal(x)
  const n = roundAt(digits, exp10, -precision).padStart(precision + 1, '0')
  const intPart = n.slice(0, n.length - precision)
  const frac = n.slice(n.length - precision)
  const sign = x < 0 || Object.is(x, -0) ? '-' : ''
  return sign + intPart + (precision > 0 ? '.' + frac : '')
}

/** C++ stream default formatting (`%g`, precision 6): what `os << double` prints. */
export function formatCppDefault(x: number, precision = 6): string {
  const nf = nonFinite(x)
  if (nf !== null) return nf
  const p = precision === 0 ? 1 : precision
  const sign = x < 0 || Object.is(x, -0) ? '-' : ''
  if (x === 0) return sign + '0'
  const { digits, exp10 } = exactDecimal(x)
  // Decimal exponent of the leading digit before rounding.
  let lead = digits.length - 1 + exp10
  let rounded = roundAt(digits, exp10, lead - p + 1)
  if (rounded.length > p) {
    // Rounding carried into a new digit (9.999995 → 10.0000).
    lead += 1
    rounded = roundAt(digits, exp10, lead - p + 1)
  }
  const X = lead
  let body: string
  if (X < p && X >= -4) {
    const decimals = p - 1 - X
    const n = rounded.padStart(decimals + 1, '0')
    const intPart = decimals > 0 ? n.slice(0, n.length - decimals) : n
    const frac = decimals > 0 ? n.slice(n.length - decimals) : ''
    body = intPart + (frac === '' ? '' : '.' + frac)
    if (body.includes('.')) body = body.replace(/0+$/, '').replace(/\.$/, '')
  } else {
    let mant = rounded.slice(0, 1) + (p > 1 ? '.' + rounded.slice(1) : '')
    if (mant.includes('.')) mant = mant.replace(/0+$/, '').replace(/\.$/, '')
    const e = Math.abs(X).toString().padStart(2, '0')
    body = `${mant}e${X < 0 ? '-' : '+'}${e}`
  }
  return sign + body
}

/** An integer count or nanosecond value as C++ prints an int64 (no separators, no exponent). */
export function formatInteger(x: number | bigint): string {
  if (typeof x === 'bigint') return x.toString()
  return Number.isSafeInteger(x) ? x.toString() : BigInt(Math.trunc(x)).toString()
}
