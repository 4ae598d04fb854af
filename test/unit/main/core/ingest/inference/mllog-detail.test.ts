import { describe, expect, it } from 'vitest'

import {
  mllogIntegerText,
  mllogNumber,
  parseMllogDetail,
  parseTolerantJson
} from '../../../../../../src-main/core/ingest/inference/mllog-detail'

const meta = (line: number, err = false): string =>
  `"metadata": {"is_error": ${err}, "is_warning": false, "file": "results.cc", "line_no": ${line}, "pid": 5290, "tid": 5290}`

const rec = (key: string, value: string, line = 1, err = false): string =>
  `:::MLLOG {"key": "${key}", "value": ${value}, "time_ms": 920503.448925, "namespace": "mlperf::logging", "event_type": "POINT_IN_TIME", ${meta(line, err)}}`

describe('parseTolerantJson', () => {
  it('keeps integers beyond 2^53 exact as strings', () => {
    expect(parseTolerantJson('14962580496156340209')).toBe('14962580496156340209')
    expect(parseTolerantJson('[3066443479025735752, 42]')).toEqual(['3066443479025735752', 42])
  })

  it('accepts bare NaN, Infinity and -Infinity', () => {
    expect(parseTolerantJson('NaN')).toBeNaN()
    expect(parseTolerantJson('Infinity')).toBe(Number.POSITIVE_INFINITY)
    expect(parseTolerantJson('{"a": -Infinity}')).toEqual({ a: Number.NEGATIVE_INFINITY })
  })

  it('reads doubles in C++ stream notation and escaped strings', () => {
    expect(parseTolerantJson('6.90935e-09')).toBe(6.90935e-9)
    expect(parseTolerantJson('1e+09')).toBe(1e9)
    expect(parseTolerantJson('"a\\nb \\"q\\""')).toBe('a\nb "q"')
    expect(parseTolerantJson('{"/loadgen.cc":"6650091b","/x":"y"}')).toEqual({
      '/loadgen.cc': '6650091b',
      '/x': 'y'
    })
  })

  it('rejects broken text', () => {
    expect(() => parseTolerantJson('{"key": "sut "name"", "value": 1}')).toThrow()
    expect(() => parseTolerantJson('{"a": 1')).toThrow()
  })
})

describe('parseMllogDetail', () => {
  it('keeps the first occurrence of each key, counts broken lines, tolerates CRLF', () => {
    const text = [
      rec('loadgen_version', '"4.1 @ c60103b05a"', 53),
      rec('effective_qsl_rng_seed', '3066443479025735752'),
      rec('effective_schedule_rng_seed', '14962580496156340209'),
      // LoadGen does not escape strings: a quote inside a SUT name breaks the line.
      ':::MLLOG {"key": "sut_name", "value": "my "fast" SUT", "time_ms": 0.03}',
      rec('result_samples_per_second', '154.901'),
      rec('result_samples_per_second', '999'),
      rec('result_token_throughput', 'NaN'),
      rec('result_max_latency_ns', 'Infinity'),
      'some unrelated line',
      rec('error_runtime', '"Sample completed twice"', 9, true),
      ''
    ].join('\r\n')
    const d = parseMllogDetail(text)
    expect(d.format).toBe('MLLOG')
    expect(d.skippedLines).toBe(1)
    expect(d.recordCount).toBe(8)
    expect(d.values.get('loadgen_version')).toBe('4.1 @ c60103b05a')
    expect(d.values.get('effective_qsl_rng_seed')).toBe('3066443479025735752')
    expect(mllogIntegerText(d.values.get('effective_schedule_rng_seed'))).toBe(
      '14962580496156340209'
    )
    expect(d.values.get('result_samples_per_second')).toBe(154.901)
    expect(d.values.get('result_token_throughput')).toBeNaN()
    expect(d.values.get('result_max_latency_ns')).toBe(Number.POSITIVE_INFINITY)
    expect(d.values.has('sut_name')).toBe(false)
    expect(d.errors.map((e) => e.value)).toEqual(['Sample completed twice'])
  })

  it('reads :::ENDPTS endpoint logs and a BOM', () => {
    const d = parseMllogDetail(
      '\ufeff:::ENDPTS {"key": "effective_scenario", "value": "Server", "time_ms": 0.02}\n'
    )
    expect(d.format).toBe('ENDPTS')
    expect(d.values.get('effective_scenario')).toBe('Server')
  })

  it('gives numeric views of values', () => {
    expect(mllogNumber('12134888396634371638')).toBe(Number('12134888396634371638'))
    expect(mllogNumber(3.5)).toBe(3.5)
    expect(mllogNumber('VALID')).toBeNull()
    expect(mllogIntegerText(12.5)).toBeNull()
  })
})
