import { describe, expect, it } from 'vitest'
import {
  detectLogFormat,
  parseLenientText,
  parseLogLine,
  parseLogLines,
  secondsTextToMs,
  UnknownLogFormatError
} from '../../../../../../src-main/core/ingest/training/log-line'

// Snippets written for these tests in the shape of each log generation (rules D.1).
const MLLOG_RUN_START =
  ':::MLLOG {"namespace": "", "time_ms": 1714905569479, "event_type": "INTERVAL_START", "key": "run_start", "value": null, "metadata": {"file": "train.py", "lineno": 12}}'

describe('parseLogLine: :::MLLOG (v0.7 and later)', () => {
  it('parses a plain record with epoch milliseconds', () => {
    const { records, errors, hasToken } = parseLogLine(MLLOG_RUN_START, 7)
    expect(hasToken).toBe(true)
    expect(errors).toEqual([])
    expect(records).toHaveLength(1)
    const r = records[0]
    expect(r?.format).toBe('mllog')
    expect(r?.key).toBe('run_start')
    expect(r?.timeMs).toBe(1714905569479)
    expect(r?.eventType).toBe('INTERVAL_START')
    expect(r?.value).toBeNull()
    expect(r?.metadata).toEqual({ file: 'train.py', lineno: 12 })
    expect(r?.line).toBe(7)
  })

  it('accepts text before the token: rank prefix, "Processing", glued output', () => {
    for (const prefix of ['2: ', 'Processing ', "lr_step_epochs='pow2', max_ra"]) {
      const { records } = parseLogLine(prefix + MLLOG_RUN_START)
      expect(records.map((r) => r.key)).toEqual(['run_start'])
    }
  })

  it('parses two records glued on one line', () => {
    const second = MLLOG_RUN_START.replace('run_start', 'eval_start')
    const { records } = parseLogLine(`${MLLOG_RUN_START} trailing output${second}`)
    expect(records.map((r) => r.key)).toEqual(['run_start', 'eval_start'])
  })

  it('writers without event_type or namespace are fine', () => {
    const line =
      ':::MLLOG {"namespace": "main", "time_ms": 1594329454695, "key": "eval_accuracy", "value": 0.712, "metadata": {"epoch_num": 6}}'
    const [r] = parseLogLine(line).records
    expect(r?.eventType).toBeNull()
    expect(r?.value).toBe(0.712)
    expect(r?.metadata.epoch_num).toBe(6)
  })

  it('accepts Python json output with NaN', () => {
    const line =
      ':::MLLOG {"namespace": "", "time_ms": 5, "event_type": "POINT_IN_TIME", "key": "eval_accuracy", "value": NaN, "metadata": {}}'
    const [r] = parseLogLine(line).records
    expect(Number.isNaN(r?.value)).toBe(true)
  })

  it('reports a broken payload as an error, not a record', () => {
    const res = parseLogLine(':::MLLOG {"namespace": "", "time_ms": 5, "key": "run_st')
    expect(res.hasToken).toBe(true)
    expect(res.records).toEqual([])
    expect(res.errors).toHaveLength(1)
  })
})

describe('parseLogLine: :::MLL (v0.6)', () => {
  it('converts the seconds text to exact milliseconds', () => {
    const line =
      ':::MLL 1560401014.720 run_start: {"value": null, "metadata": {"lineno": 528, "file": "low_level_runner.py"}}'
    const [r] = parseLogLine(line).records
    expect(r?.format).toBe('mll')
    expect(r?.key).toBe('run_start')
    // 1560401014 s × 1000 + 720 ms, no floating-point residue.
    expect(r?.timeMs).toBe(1560401014720)
  })

  it('reads submission records stamped 0.0 and string values', () => {
    const a = parseLogLine(
      ':::MLL 0.0 submission_benchmark: {"value": "gnmt", "metadata": {"lineno": 0, "file": "N/A"}}'
    ).records[0]
    expect(a?.timeMs).toBe(0)
    expect(a?.value).toBe('gnmt')
    const b = parseLogLine(
      ':::MLL 1561427177.959 eval_accuracy: {"value": "25.982046127319336", "metadata": {"epoch_num": 3}}'
    ).records[0]
    expect(b?.value).toBe('25.982046127319336')
  })

  it('finds a record glued to another process output', () => {
    const line =
      '\'--num-workers\', \'3\']:::MLL 1558581823.108 init_start: {"value": null, "metadata": {"file": "train.py", "lineno": 833}}'
    const [r] = parseLogLine(line).records
    expect(r?.key).toBe('init_start')
    expect(r?.timeMs).toBe(1558581823108)
  })
})

describe('parseLogLine: :::MLPv0.5.0 (v0.5)', () => {
  it('parses key, benchmark, time and JSON value', () => {
    const line =
      ':::MLPv0.5.0 resnet 1541671191.503194094 (in_memory_eval.py:270) run_stop: {"success": "true"}'
    const [r] = parseLogLine(line).records
    expect(r?.format).toBe('mlp-v0.5')
    expect(r?.benchmark).toBe('resnet')
    expect(r?.key).toBe('run_stop')
    expect(r?.value).toEqual({ success: 'true' })
    expect(r?.metadata).toEqual({ file: 'in_memory_eval.py', lineno: 270 })
    expect(r?.timeMs).toBeCloseTo(1541671191503.194, 2)
  })

  it('accepts a key without value and an eval_accuracy object', () => {
    const a = parseLogLine(
      ':::MLPv0.5.0 resnet 1541739947.804572821 (/workspace/mlperf_log_utils.py:49) run_stop'
    ).records[0]
    expect(a?.key).toBe('run_stop')
    expect(a?.value).toBeNull()
    const b = parseLogLine(
      ':::MLPv0.5.0 gnmt 1543858888.186323166 (nmt.py:723) eval_accuracy: {"value": 16.67, "epoch": 0}'
    ).records[0]
    expect(b?.value).toEqual({ value: 16.67, epoch: 0 })
  })

  it('keeps a non-JSON value as text', () => {
    const r = parseLogLine(':::MLPv0.5.0 ssd 1.5 (train.py:1) input_order: shuffled please')
      .records[0]
    expect(r?.value).toBe('shuffled please')
  })
})

describe('parseLogLines', () => {
  it('counts non-log lines, handles CRLF and a missing final newline', () => {
    const text = [
      '+ echo "Beginning trial 1 of 5"',
      MLLOG_RUN_START,
      'epoch 1 loss 3.2',
      MLLOG_RUN_START.replace('run_start', 'run_stop').replace('1714905569479', '1714905658686')
    ].join('\r\n')
    const res = parseLogLines(text)
    expect(res.format).toBe('mllog')
    expect(res.totalLines).toBe(4)
    expect(res.ignoredLines).toBe(2)
    expect(res.records.map((r) => r.key)).toEqual(['run_start', 'run_stop'])
    expect(res.records.map((r) => r.line)).toEqual([2, 4])
  })

  it('lists malformed records with their line', () => {
    const res = parseLogLines(`${MLLOG_RUN_START}\n:::MLLOG {"key": "x"\n`)
    expect(res.malformed).toHaveLength(1)
    expect(res.malformed[0]?.line).toBe(2)
  })

  it('throws a clear error for text without any log record', () => {
    expect(() => parseLogLines('hello\nworld\n')).toThrow(UnknownLogFormatError)
    expect(() => parseLogLines('hello\nworld\n')).toThrow(/:::MLLOG/)
    expect(() => parseLogLines('')).toThrow(/empty/)
  })
})

describe('helpers', () => {
  it('detectLogFormat names the generation from the first token', () => {
    expect(detectLogFormat(`noise\n${MLLOG_RUN_START}`)).toBe('mllog')
    expect(detectLogFormat(':::MLL 0.0 submission_org: {"value": "x", "metadata": {}}')).toBe('mll')
    expect(detectLogFormat(':::MLPv0.5.0 ssd 1.0 (a.py:1) run_start')).toBe('mlp-v0.5')
    expect(() => detectLogFormat('plain text')).toThrow(UnknownLogFormatError)
  })

  it('secondsTextToMs keeps sub-millisecond digits as a fraction', () => {
    expect(secondsTextToMs('1541735752.478957176')).toBeCloseTo(1541735752478.957, 2)
    expect(secondsTextToMs('12.5')).toBe(12500)
    expect(secondsTextToMs('7')).toBe(7000)
    expect(Number.isNaN(secondsTextToMs('x'))).toBe(true)
  })

  it('parseLenientText reads Python literals (v0.6 system entry)', () => {
    expect(
      parseLenientText("{'a': True, 'b': None, 'c': (1, 2), 'd': 'it\\'s', 'e': -Infinity,}")
    ).toEqual({
      a: true,
      b: null,
      c: [1, 2],
      d: "it's",
      e: Number.NEGATIVE_INFINITY
    })
    expect(() => parseLenientText('{1: }')).toThrow()
  })
})
