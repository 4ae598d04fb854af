/**
 * One line of an MLPerf Training log, in each of the three syntaxes used since 2018 (rules D.1):
 *
 *  - v0.7 and later: `:::MLLOG {"namespace": …, "time_ms": <epoch ms>, "event_type": …, "key": …,
 *    "value": …, "metadata": {…}}`;
 *  - v0.6: `:::MLL <unix seconds> <key>: {"value": …, "metadata": {…}}`;
 *  - v0.5: `:::MLPv0.5.0 <benchmark> <unix seconds> (<file>:<line>) <key>[: <value>]`.
 *
 * Real files wrap these in other output: a rank prefix (`2: :::MLLOG`), `Processing :::MLLOG`,
 * a record glued to another process's output in mid-line, shell trace lines, CRLF endings. Like
 * the official parser we look for the token anywhere in the line and ignore what comes before it;
 * lines without a token are only counted. Payloads are JSON, but Python writers may emit NaN or
 * Infinity, and v0.5/v0.6 values can be Python literals, so a lenient fallback parser is used
 * when JSON.parse refuses.
 *
 * Every timestamp is converted to milliseconds. Seconds are converted from their decimal text so
 * that "1560401014.720" becomes exactly 1560401014720.
 */
import type { TrainingLogFormat } from '../../../shared/training'

/** A parsed JSON / Python-literal value. */
export type LogValue = null | boolean | number | string | LogValue[] | { [key: string]: LogValue }

export type LogObject = { [key: string]: LogValue }

/** One log record. */
export type LogRecord = {
  format: TrainingLogFormat
  /** Milliseconds on the log's own clock (epoch ms, except v0.7 HugeCTR, see parse-log). */
  timeMs: number
  key: string
  /** The record's value (null when none). For v0.5 the whole JSON-like value after the key. */
  value: LogValue
  /** metadata object (empty for v0.5, which has none). */
  metadata: LogObject
  /** MLLOG event_type (POINT_IN_TIME, INTERVAL_START, INTERVAL_END) when written. */
  eventType: string | null
  /** v0.5: the benchmark named at the start of each line. */
  benchmark: string | null
  /** 1-based line number in the file. */
  line: number
}

export type LineParse = {
  records: LogRecord[]
  /** Reasons for tokens whose payload could not be parsed. */
  errors: string[]
  /** True when the line contains a log token at all. */
  hasToken: boolean
}

export type LogParse = {
  records: LogRecord[]
  /** The syntax most records use. */
  format: TrainingLogFormat
  totalLines: number
  /** Lines without any log token (training output, shell trace…). */
  ignoredLines: number
  malformed: { line: number; reason: string }[]
}

/** No MLPerf log record at all: not a training log of any known generation. */
export class UnknownLogFormatError extends Error {
  constructor(detail: string) {
    super(
      `Unknown training log format: ${detail}. Expected ':::MLLOG {json}' (v0.7 and later), ` +
        "':::MLL <seconds> <key>: {json}' (v0.6) or ':::MLPv0.5.0 <benchmark> <seconds> (file:line) <key>' (v0.5) lines."
    )
    this.name = 'UnknownLogFormatError'
  }
}

const MLLOG = ':::MLLOG'
const MLL = ':::MLL '
const MLP05 = ':::MLPv0.5.0'

// --------------------------------------------------------------------------------------------
// Lenient value parser: JSON plus NaN/Infinity, Python True/False/None, single-quoted strings,
// tuples and trailing commas. Returns the value and where it ended, so that a record followed
// by other text on the same line can be cut out.

class LenientParseError extends Error {}

type Parsed = { value: LogValue; end: number }

function skipSpace(s: string, i: number): number {
  while (i < s.length && /\s/.test(s[i] ?? '')) i++
  return i
}

const PY_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '0': '\0',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '/': '/'
}

function parseString(s: string, i: number): Parsed {
  const quote = s[i]
  let out = ''
  let j = i + 1
  while (j < s.length) {
    const c = s[j]
    if (c === quote) return { value: out, end: j + 1 }
    if (c === '\\') {
      const n = s[j + 1]
      if (n === undefined) break
      if (n === 'u') {
        const hex = s.slice(j + 2, j + 6)
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new LenientParseError('bad \\u escape')
        out += String.fromCharCode(parseInt(hex, 16))
        j += 6
        continue
      }
      if (n === 'x') {
        const hex = s.slice(j + 2, j + 4)
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new LenientParseError('bad \\x escape')
        out += String.fromCharCode(parseInt(hex, 16))
        j += 4
        continue
      }
      out += PY_ESCAPES[n] ?? '\\' + n
      j += 2
      continue
    }
    out += c
    j++
  }
  throw new LenientParseError('unterminated string')
}

const WORDS: [string, LogValue][] = [
  ['true', true],
  ['false', false],
  ['null', null],
  ['True', true],
  ['False', false],
  ['None', null],
  ['NaN', Number.NaN],
  ['nan', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['inf', Number.POSITIVE_INFINITY]
]

function parseValueAt(s: string, start: number, depth: number): Parsed {
  if (depth > 64) throw new LenientParseError('nesting too deep')
  const i = skipSpace(s, start)
  const c = s[i]
  if (c === undefined) throw new LenientParseError('unexpected end of text')
  if (c === '{') {
    const obj: LogObject = {}
    let j = skipSpace(s, i + 1)
    if (s[j] === '}') return { value: obj, end: j + 1 }
    for (;;) {
      const k = parseValueAt(s, j, depth + 1)
      if (typeof k.value !== 'string' && typeof k.value !== 'number') {
        throw new LenientParseError('object key is not a string')
      }
      j = skipSpace(s, k.end)
      if (s[j] !== ':') throw new LenientParseError("expected ':' in object")
      const v = parseValueAt(s, j + 1, depth + 1)
      obj[String(k.value)] = v.value
      j = skipSpace(s, v.end)
      if (s[j] === ',') {
        j = skipSpace(s, j + 1)
        if (s[j] === '}') return { value: obj, end: j + 1 }
        continue
      }
      if (s[j] === '}') return { value: obj, end: j + 1 }
      throw new LenientParseError("expected ',' or '}' in object")
    }
  }
  if (c === '[' || c === '(') {
    const close = c === '[' ? ']' : ')'
    const arr: LogValue[] = []
    let j = skipSpace(s, i + 1)
    if (s[j] === close) return { value: arr, end: j + 1 }
    for (;;) {
      const v = parseValueAt(s, j, depth + 1)
      arr.push(v.value)
      j = skipSpace(s, v.end)
      if (s[j] === ',') {
        j = skipSpace(s, j + 1)
        if (s[j] === close) return { value: arr, end: j + 1 }
        continue
      }
      if (s[j] === close) return { value: arr, end: j + 1 }
      throw new LenientParseError(`expected ',' or '${close}' in list`)
    }
  }
  if (c === '"' || c === "'") return parseString(s, i)
  const num = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(s.slice(i, i + 64))
  if (num) return { value: Number(num[0]), end: i + num[0].length }
  const negWord = s[i] === '-' ? 1 : 0
  for (const [w, v] of WORDS) {
    if (s.startsWith(w, i + negWord)) {
      const after = s[i + negWord + w.length]
      if (after !== undefined && /[A-Za-z0-9_]/.test(after)) continue
      if (negWord === 1 && typeof v !== 'number') continue
      return { value: negWord === 1 ? -(v as number) : v, end: i + negWord + w.length }
    }
  }
  throw new LenientParseError(`unexpected character '${c}'`)
}

/**
 * Parse the JSON-like value starting at `start` (leading blanks allowed). Accepts JSON, Python
 * literals (True/False/None, single quotes, tuples), NaN/Infinity. Returns the value and the
 * index just after it; throws Error when the text is not a value.
 */
export function parseLenientValue(text: string, start = 0): { value: LogValue; end: number } {
  return parseValueAt(text, start, 0)
}

/** Whole-text lenient parse: the value must be the only thing in the text (blanks allowed). */
export function parseLenientText(text: string): LogValue {
  const r = parseValueAt(text, 0, 0)
  if (skipSpace(text, r.end) !== text.length) throw new LenientParseError('text after the value')
  return r.value
}

/** JSON.parse first (fast, exact), then the lenient parser, keeping only the first value. */
function parsePayload(text: string): LogValue {
  const trimmed = text.trimEnd()
  try {
    return JSON.parse(trimmed) as LogValue
  } catch {
    return parseValueAt(trimmed, 0, 0).value
  }
}

// --------------------------------------------------------------------------------------------

/** "1560401014.720" seconds → 1560401014720 ms, converting from the decimal text. */
export function secondsTextToMs(text: string): number {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text.trim())
  if (!m) return Number.NaN
  const whole = Number(m[1]) * 1000
  const frac = m[2] ?? ''
  if (frac === '') return whole
  const msText = (frac + '000').slice(0, 3) + (frac.length > 3 ? '.' + frac.slice(3) : '')
  return whole + Number(msText)
}

function isObject(v: LogValue | undefined): v is LogObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v)
}

function parseMllog(rest: string, line: number): LogRecord {
  const brace = rest.indexOf('{')
  if (brace < 0 || rest.slice(0, brace).trim() !== '')
    throw new Error('no JSON object after :::MLLOG')
  const obj = parsePayload(rest.slice(brace))
  if (!isObject(obj)) throw new Error('the :::MLLOG payload is not a JSON object')
  const key = obj.key
  if (typeof key !== 'string' || key === '') throw new Error('the :::MLLOG record has no key')
  const t = obj.time_ms
  const timeMs = typeof t === 'number' ? t : typeof t === 'string' ? Number(t) : Number.NaN
  if (!Number.isFinite(timeMs)) throw new Error(`the :::MLLOG record ${key} has no numeric time_ms`)
  const md = obj.metadata
  return {
    format: 'mllog',
    timeMs,
    key,
    value: obj.value ?? null,
    metadata: isObject(md) ? md : {},
    eventType: typeof obj.event_type === 'string' ? obj.event_type : null,
    benchmark: null,
    line
  }
}

const MLL_RE = /^:::MLL\s+(\d+(?:\.\d*)?)\s+([A-Za-z0-9_]+)\s*:\s*(.*)$/

function parseMll(fromToken: string, line: number): LogRecord {
  const m = MLL_RE.exec(fromToken)
  if (!m) throw new Error("does not match ':::MLL <seconds> <key>: <json>'")
  const payload = parsePayload(m[3] ?? '')
  if (!isObject(payload)) throw new Error('the :::MLL payload is not a JSON object')
  const md = payload.metadata
  return {
    format: 'mll',
    timeMs: secondsTextToMs(m[1] ?? ''),
    key: m[2] ?? '',
    value: payload.value ?? null,
    metadata: isObject(md) ? md : {},
    eventType: null,
    benchmark: null,
    line
  }
}

const MLP05_RE =
  /^:::MLPv0\.5\.0\s+(\S+)\s+(\d+(?:\.\d*)?)\s+\((.*?)\)\s+([A-Za-z0-9_]+)\s*(?::\s*(.*))?$/

function parseMlp05(fromToken: string, line: number): LogRecord {
  const m = MLP05_RE.exec(fromToken)
  if (!m)
    throw new Error("does not match ':::MLPv0.5.0 <benchmark> <seconds> (<file>:<line>) <key>'")
  const raw = (m[5] ?? '').trim()
  let value: LogValue = null
  if (raw !== '') {
    try {
      value = parsePayload(raw)
    } catch {
      // The v0.5 value is free-form; keep the text rather than lose the record.
      value = raw
    }
  }
  const where = m[3] ?? ''
  const colon = where.lastIndexOf(':')
  return {
    format: 'mlp-v0.5',
    timeMs: secondsTextToMs(m[2] ?? ''),
    key: m[4] ?? '',
    value,
    metadata:
      colon > 0 ? { file: where.slice(0, colon), lineno: Number(where.slice(colon + 1)) } : {},
    eventType: null,
    benchmark: m[1] ?? null,
    line
  }
}

type TokenHit = { index: number; format: TrainingLogFormat; token: string }

function findTokens(text: string): TokenHit[] {
  const hits: TokenHit[] = []
  const patterns: [string, TrainingLogFormat][] = [
    [MLLOG, 'mllog'],
    [MLP05, 'mlp-v0.5']
  ]
  for (const [token, format] of patterns) {
    let i = text.indexOf(token)
    while (i >= 0) {
      hits.push({ index: i, format, token })
      i = text.indexOf(token, i + token.length)
    }
  }
  // ":::MLL " (with the space) never matches inside ":::MLLOG".
  let i = text.indexOf(MLL)
  while (i >= 0) {
    hits.push({ index: i, format: 'mll', token: MLL })
    i = text.indexOf(MLL, i + MLL.length)
  }
  return hits.sort((a, b) => a.index - b.index)
}

/**
 * Parse every record on one line (text before a token is ignored, so rank prefixes and glued
 * output are fine). A line may hold more than one record; each is parsed up to the next token.
 */
export function parseLogLine(text: string, lineNumber = 0): LineParse {
  const hits = findTokens(text)
  if (hits.length === 0) return { records: [], errors: [], hasToken: false }
  const records: LogRecord[] = []
  const errors: string[] = []
  hits.forEach((hit, k) => {
    const next = hits[k + 1]
    const segment = text.slice(hit.index, next === undefined ? text.length : next.index)
    try {
      if (hit.format === 'mllog') records.push(parseMllog(segment.slice(MLLOG.length), lineNumber))
      else if (hit.format === 'mll') records.push(parseMll(segment, lineNumber))
      else records.push(parseMlp05(segment, lineNumber))
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e))
    }
  })
  return { records, errors, hasToken: true }
}

/**
 * Parse a whole log text. Lines split like Python's universal newlines (\n, \r\n, \r). Throws
 * UnknownLogFormatError when no line holds a log token.
 */
export function parseLogLines(text: string): LogParse {
  const lines = text.split(/\r\n|\n|\r/)
  // A final newline leaves one empty string that is not a line.
  const totalLines =
    lines.length > 0 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length
  const records: LogRecord[] = []
  const malformed: { line: number; reason: string }[] = []
  let ignoredLines = 0
  let tokenLines = 0
  for (let i = 0; i < totalLines; i++) {
    const line = lines[i] ?? ''
    const parsed = parseLogLine(line, i + 1)
    if (!parsed.hasToken) {
      ignoredLines++
      continue
    }
    tokenLines++
    records.push(...parsed.records)
    for (const reason of parsed.errors) malformed.push({ line: i + 1, reason })
  }
  if (tokenLines === 0) {
    throw new UnknownLogFormatError(
      totalLines === 0 ? 'the file is empty' : `none of its ${totalLines} lines holds a log record`
    )
  }
  const counts = new Map<TrainingLogFormat, number>()
  for (const r of records) counts.set(r.format, (counts.get(r.format) ?? 0) + 1)
  let format: TrainingLogFormat = 'mllog'
  let best = -1
  for (const [f, n] of counts) {
    if (n > best) {
      best = n
      format = f
    }
  }
  if (records.length === 0) {
    throw new UnknownLogFormatError(
      `${tokenLines} line(s) carry a log token but none could be parsed (first problem: ${malformed[0]?.reason ?? 'unknown'})`
    )
  }
  return { records, format, totalLines, ignoredLines, malformed }
}

/**
 * The log syntax of a text from its first log token, without parsing the whole file (for
 * "is this a training log?" checks). Throws UnknownLogFormatError when there is none.
 */
export function detectLogFormat(text: string): TrainingLogFormat {
  const first = findTokens(text)[0]
  if (first === undefined) throw new UnknownLogFormatError('no log token found')
  return first.format
}
