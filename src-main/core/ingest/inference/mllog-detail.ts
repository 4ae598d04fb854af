/**
 * Parser for LoadGen's `mlperf_log_detail.txt` in the `:::MLLOG {json}` format (v1.0 and later)
 * and the `:::ENDPTS {json}` endpoint logs (v6.1).
 *
 * Why not JSON.parse: the lines are not quite JSON. LoadGen prints uint64 seeds (up to 1.8e19,
 * beyond 2^53, so a double would silently change them), may print bare NaN/Infinity/-Infinity,
 * and does not escape strings (a quote in a SUT name breaks the line). The official Python parser
 * takes the first occurrence of each key and, in its tolerant mode, skips lines it cannot parse;
 * we do the same and count the skipped lines so the detail panel can say so.
 */

/** A value from the log. Integers beyond 2^53 are kept as their exact decimal string. */
export type MllogValue =
  string | number | boolean | null | MllogValue[] | { [key: string]: MllogValue }

/** One parsed record (one line). */
export type MllogRecord = {
  key: string
  value: MllogValue
  /** Milliseconds since LoadGen's log origin (not epoch); null when absent. */
  timeMs: number | null
  isError: boolean
  isWarning: boolean
  /** 1-based line number in the file. */
  line: number
}

export type MllogDetail = {
  /** First occurrence of each key, as the official parser does. */
  values: Map<string, MllogValue>
  /** Records flagged is_error (or keyed error_*), in file order. */
  errors: MllogRecord[]
  /** Records flagged is_warning (or keyed warning_*), in file order. */
  warnings: MllogRecord[]
  /** Number of records parsed. */
  recordCount: number
  /** Lines that carried the prefix but could not be parsed. */
  skippedLines: number
  /** Which prefix the file used (null when no record was found). */
  format: 'MLLOG' | 'ENDPTS' | null
}

const PREFIXES = [':::MLLOG', ':::ENDPTS'] as const

/** Error thrown by the value parser; caught per line. */
class ParseError extends Error {}

/**
 * A small tolerant JSON value parser. Accepts standard JSON plus bare NaN, Infinity and
 * -Infinity; keeps integers whose magnitude exceeds Number.MAX_SAFE_INTEGER as exact strings.
 */
export function parseTolerantJson(text: string): MllogValue {
  const p = new ValueParser(text)
  p.skipWs()
  const v = p.value()
  p.skipWs()
  if (p.pos !== text.length) throw new ParseError(`trailing characters at ${p.pos}`)
  return v
}

class ValueParser {
  pos = 0
  constructor(private readonly s: string) {}

  skipWs(): void {
    const s = this.s
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos)
      if (c === 32 || c === 9 || c === 10 || c === 13) this.pos++
      else break
    }
  }

  value(): MllogValue {
    const s = this.s
    const c = s[this.pos]
    if (c === '{') return this.object()
    if (c === '[') return this.array()
    if (c === '"') return this.string()
    if (s.startsWith('true', this.pos)) {
      this.pos += 4
      return true
    }
    if (s.startsWith('false', this.pos)) {
      this.pos += 5
      return false
    }
    if (s.startsWith('null', this.pos)) {
      this.pos += 4
      return null
    }
    if (s.startsWith('NaN', this.pos)) {
      this.pos += 3
      return Number.NaN
    }
    if (s.startsWith('Infinity', this.pos)) {
      this.pos += 8
      return Number.POSITIVE_INFINITY
    }
    if (s.startsWith('-Infinity', this.pos)) {
      this.pos += 9
      return Number.NEGATIVE_INFINITY
    }
    // C++ streams print non-finite doubles as inf/nan; accept those spellings too.
    const word = /^-?(inf|nan)(?![A-Za-z0-9_])/.exec(s.slice(this.pos, this.pos + 5))
    if (word) {
      this.pos += word[0].length
      if (word[1] === 'nan') return Number.NaN
      return word[0].startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
    }
    return this.number()
  }

  object(): { [key: string]: MllogValue } {
    this.pos++ // {
    const out: { [key: string]: MllogValue } = {}
    this.skipWs()
    if (this.s[this.pos] === '}') {
      this.pos++
      return out
    }
    for (;;) {
      this.skipWs()
      if (this.s[this.pos] !== '"') throw new ParseError(`expected key at ${this.pos}`)
      const k = this.string()
      this.skipWs()
      if (this.s[this.pos] !== ':') throw new ParseError(`expected ':' at ${this.pos}`)
      this.pos++
      this.skipWs()
      // Inside an object the last duplicate wins, as Python's json.loads does.
      const v = this.value()
      Object.defineProperty(out, k, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true
      })
      this.skipWs()
      const c = this.s[this.pos]
      if (c === ',') {
        this.pos++
        continue
      }
      if (c === '}') {
        this.pos++
        return out
      }
      throw new ParseError(`expected ',' or '}' at ${this.pos}`)
    }
  }

  array(): MllogValue[] {
    this.pos++ // [
    const out: MllogValue[] = []
    this.skipWs()
    if (this.s[this.pos] === ']') {
      this.pos++
      return out
    }
    for (;;) {
      this.skipWs()
      out.push(this.value())
      this.skipWs()
      const c = this.s[this.pos]
      if (c === ',') {
        this.pos++
        continue
      }
      if (c === ']') {
        this.pos++
        return out
      }
      throw new ParseError(`expected ',' or ']' at ${this.pos}`)
    }
  }

  string(): string {
    const s = this.s
    this.pos++ // opening quote
    let out = ''
    let start = this.pos
    for (;;) {
      if (this.pos >= s.length) throw new ParseError('unterminated string')
      const c = s.charCodeAt(this.pos)
      if (c === 34) {
        out += s.slice(start, this.pos)
        this.pos++
        return out
      }
      if (c === 92) {
        out += s.slice(start, this.pos)
        const e = s[this.pos + 1]
        this.pos += 2
        switch (e) {
          case 'n':
            out += '\n'
            break
          case 't':
            out += '\t'
            break
          case 'r':
            out += '\r'
            break
          case 'b':
            out += '\b'
            break
          case 'f':
            out += '\f'
            break
          case 'u': {
            const hex = s.slice(this.pos, this.pos + 4)
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new ParseError('bad \\u escape')
            out += String.fromCharCode(parseInt(hex, 16))
            this.pos += 4
            break
          }
          case undefined:
            throw new ParseError('unterminated escape')
          default:
            // '"', '\\', '/' and (tolerantly) any other character stand for themselves.
            out += e
        }
        start = this.pos
        continue
      }
      this.pos++
    }
  }

  number(): number | string {
    const s = this.s
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(this.pos, this.pos + 64))
    if (!m) throw new ParseError(`unexpected character at ${this.pos}`)
    const tok = m[0]
    this.pos += tok.length
    const n = Number(tok)
    // Exact integers beyond 2^53 (uint64 seeds) would lose digits as doubles: keep the text.
    if (m[1] === undefined && m[2] === undefined && !Number.isSafeInteger(n)) {
      return tok.replace(/^(-?)0+(?=\d)/, '$1')
    }
    return n
  }
}

function asBool(v: MllogValue | undefined): boolean {
  return v === true || v === 'true'
}

/** Parse a whole detail log. CRLF and a UTF-8 BOM are tolerated. */
export function parseMllogDetail(text: string): MllogDetail {
  const values = new Map<string, MllogValue>()
  const errors: MllogRecord[] = []
  const warnings: MllogRecord[] = []
  let recordCount = 0
  let skippedLines = 0
  let format: MllogDetail['format'] = null
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const lines = body.split('\n')
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? ''
    if (line.endsWith('\r')) line = line.slice(0, -1)
    // The record may start mid-line (glued to other output), as in some training logs.
    let prefix: (typeof PREFIXES)[number] | null = null
    let at = -1
    for (const p of PREFIXES) {
      const idx = line.indexOf(p)
      if (idx >= 0 && (at < 0 || idx < at)) {
        at = idx
        prefix = p
      }
    }
    if (prefix === null) continue
    const json = line.slice(at + prefix.length).trim()
    let parsed: MllogValue
    try {
      parsed = parseRecordJson(json)
    } catch {
      skippedLines++
      continue
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      skippedLines++
      continue
    }
    const key = parsed['key']
    if (typeof key !== 'string' || !('value' in parsed)) {
      skippedLines++
      continue
    }
    format ??= prefix === ':::MLLOG' ? 'MLLOG' : 'ENDPTS'
    const meta = parsed['metadata']
    const metaObj = meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? meta : {}
    const timeMs = typeof parsed['time_ms'] === 'number' ? parsed['time_ms'] : null
    const rec: MllogRecord = {
      key,
      value: parsed['value'] ?? null,
      timeMs,
      isError: asBool(metaObj['is_error']) || key.startsWith('error_'),
      isWarning: asBool(metaObj['is_warning']) || key.startsWith('warning_'),
      line: i + 1
    }
    recordCount++
    if (!values.has(key)) values.set(key, rec.value)
    if (rec.isError) errors.push(rec)
    if (rec.isWarning) warnings.push(rec)
  }
  return { values, errors, warnings, recordCount, skippedLines, format }
}

/** 16+ digits in a row may be an integer beyond 2^53, which JSON.parse would round. */
const LONG_DIGITS = /\d{16,}/
const VALUE_AT = '"value": '
const TIME_AT = ', "time_ms": '
/**
 * Keys whose values are bulky and never used for a result: the loaded sample indices alone are
 * often half of a detail log. Their records are kept, with the value left out.
 */
const UNPARSED_KEYS = new Set(['loaded_qsl_set'])

/**
 * Native JSON.parse for the lines that are plain JSON (nearly all of them, and several times
 * faster); the tolerant parser for the rest: possible big integers, NaN/Infinity, unescaped
 * strings. LoadGen writes `{"key": …, "value": …, "time_ms": …}` in that order, so the value's
 * text can be found without parsing and only it is searched for long digit runs.
 */
function parseRecordJson(json: string): MllogValue {
  const keyStart = json.startsWith('{"key": "') ? 9 : -1
  if (keyStart > 0) {
    const keyEnd = json.indexOf('"', keyStart)
    const key = json.slice(keyStart, keyEnd)
    const v = json.indexOf(VALUE_AT, keyEnd)
    const t = v < 0 ? -1 : json.indexOf(TIME_AT, v)
    if (v >= 0 && t >= 0) {
      if (UNPARSED_KEYS.has(key)) {
        return { key, value: null, time_ms: parseFloat(json.slice(t + TIME_AT.length)) }
      }
      const fast = fastRecord(json, key, v + VALUE_AT.length, t)
      if (fast !== null) return fast
      if (!LONG_DIGITS.test(json.slice(v + VALUE_AT.length, t))) {
        try {
          return JSON.parse(json) as MllogValue
        } catch {
          // not plain JSON (NaN, an unescaped quote…): the tolerant parser decides
        }
      }
      return parseTolerantJson(json)
    }
  }
  if (!LONG_DIGITS.test(json)) {
    try {
      return JSON.parse(json) as MllogValue
    } catch {
      // fall through
    }
  }
  return parseTolerantJson(json)
}

/**
 * The tail LoadGen writes after the value on every line since v1.0, exactly. A line whose tail
 * matches is well formed to its end (a truncated or hand-edited line is not), so its value can
 * be read without a general JSON parse.
 */
const LOADGEN_TAIL =
  /^, "time_ms": (\d+(?:\.\d+)?), "namespace": "[^"\\]*", "event_type": "[^"\\]*", "metadata": \{"is_error": (true|false), "is_warning": (true|false), "file": "[^"\\]*", "line_no": \d+, "pid": \d+, "tid": \d+\}\}$/
/** A plain JSON number of at most 15 significant digits: a double reads it exactly. */
const SHORT_NUMBER = /^-?\d{1,15}(?:\.\d+)?(?:[eE][+-]?\d+)?$/
/** An integer of 16 digits or more: beyond what a double holds exactly. */
const LONG_INTEGER = /^-?\d{16,}$/

/**
 * The common line (a LoadGen tail, a plain string / number / boolean value) read with a regex
 * and a slice: several times cheaper than JSON.parse, and most of a detail log. Anything else
 * (escapes, arrays, objects, long integers, NaN) returns null for the general path.
 */
function fastRecord(json: string, key: string, valueStart: number, tailStart: number): MllogValue {
  if (key.includes('\\')) return null
  const tail = LOADGEN_TAIL.exec(json.slice(tailStart))
  if (tail === null) return null
  const text = json.slice(valueStart, tailStart)
  let value: MllogValue
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    const inner = text.slice(1, -1)
    if (inner.includes('"') || inner.includes('\\')) return null
    value = inner
  } else if (text === 'true' || text === 'false') {
    value = text === 'true'
  } else if (text === 'null') {
    value = null
  } else if (SHORT_NUMBER.test(text)) {
    value = Number(text)
  } else if (LONG_INTEGER.test(text)) {
    // A uint64 seed beyond 2^53: its exact text, as the tolerant parser keeps it.
    const n = Number(text)
    value = Number.isSafeInteger(n) ? n : text.replace(/^(-?)0+(?=\d)/, '$1')
  } else {
    return null
  }
  return {
    key,
    value,
    time_ms: Number(tail[1]),
    metadata: { is_error: tail[2] === 'true', is_warning: tail[3] === 'true' }
  }
}

const QSL_KEY = Buffer.from('"key": "loaded_qsl_set"')
const TIME_AT_BYTES = Buffer.from(TIME_AT)

/**
 * The text of a detail log with the loaded sample indices cut out of their line before
 * decoding: that one value is often most of the file's bytes and is never used (see
 * UNPARSED_KEYS), so skipping it halves the decoding work. The line itself stays, with its
 * value written as null, so line numbers and record counts do not change.
 */
export function decodeDetailLog(buf: Buffer): string {
  const at = buf.indexOf(QSL_KEY)
  if (at < 0) return buf.toString('utf8')
  const lineEnd = buf.indexOf(10, at)
  const end = lineEnd < 0 ? buf.length : lineEnd
  const valueAt = buf.indexOf(VALUE_AT, at)
  const timeAt = buf.lastIndexOf(TIME_AT_BYTES, end)
  if (valueAt < 0 || valueAt >= end || timeAt < valueAt) return buf.toString('utf8')
  return buf.toString('utf8', 0, valueAt + VALUE_AT.length) + 'null' + buf.toString('utf8', timeAt)
}

/** A numeric view of a value: numbers as is, big-integer strings and numeric strings parsed. */
export function mllogNumber(v: MllogValue | undefined): number | null {
  if (typeof v === 'number') return v
  if (typeof v === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v.trim())) return Number(v)
  return null
}

/** The exact decimal text of an integer value (seeds compare as strings). */
export function mllogIntegerText(v: MllogValue | undefined): string | null {
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return v
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v)
  return null
}

/** True when the text looks like an MLLOG/ENDPTS detail log (first meaningful line). */
export function isMllogText(text: string): boolean {
  const head = text.slice(0, 4096)
  return head.includes(':::MLLOG') || head.includes(':::ENDPTS')
}
