import { describe, expect, it } from 'vitest'

import {
  decodeDetailLog,
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

describe('fast line reading', () => {
  // The same records in LoadGen's exact layout (read by the shortcut) and with one extra space
  // before the metadata (which sends every line through the general parser) must parse alike.
  const values = [
    ['sut_name', '"Café SUT: 8×H100"'],
    ['effective_scenario', '"Offline"'],
    ['effective_samples_per_query', '24576'],
    ['effective_target_latency_percentile', '0.99'],
    ['effective_min_duration_ms', '600000'],
    ['small_double', '6.90935e-09'],
    ['effective_schedule_rng_seed', '14962580496156340209'],
    ['safe_sixteen_digits', '1234567890123456'],
    ['padded', '0000000000000000042'],
    ['effective_accuracy_log_sampling_target', '-1'],
    ['result_validity', '"INVALID"'],
    ['escaped', '"tab\\there"'],
    ['empty', '""'],
    ['flag', 'true'],
    ['nothing', 'null'],
    ['list', '[1, 2, 3]'],
    ['not_a_number', 'NaN'],
    ['error_invalid_config', '"bad"']
  ] as const
  const layout = (spacer: string): string =>
    values
      .map(([k, v], i) =>
        rec(k, v, i + 1, k.startsWith('error_')).replace('"metadata"', `${spacer}"metadata"`)
      )
      .join('\n')

  it('gives the same values, errors and counts as the general parser', () => {
    const fast = parseMllogDetail(layout(''))
    const general = parseMllogDetail(layout(' '))
    expect(fast.recordCount).toBe(values.length)
    expect(fast.skippedLines).toBe(0)
    expect([...fast.values]).toEqual([...general.values])
    expect(fast.errors).toEqual(general.errors)
    expect(fast.values.get('effective_schedule_rng_seed')).toBe('14962580496156340209')
    expect(fast.values.get('safe_sixteen_digits')).toBe(1234567890123456)
    expect(fast.values.get('padded')).toBe(42)
    expect(fast.values.get('sut_name')).toBe('Café SUT: 8×H100')
    expect(fast.values.get('escaped')).toBe('tab\there')
  })

  it('does not take a truncated line for a record', () => {
    const whole = rec('result_validity', '"VALID"')
    const d = parseMllogDetail(`${whole}\n${whole.slice(0, -20)}`.replace('result_validity', 'x'))
    expect(d.recordCount).toBe(1)
    expect(d.skippedLines).toBe(1)
  })

  it('cuts the loaded sample indices out before decoding, keeping every line', () => {
    const qsl = `[${Array.from({ length: 5000 }, (_, i) => i).join(', ')}]`
    const text = [
      rec('sut_name', '"Café"', 1),
      rec('loaded_qsl_set', qsl, 2),
      rec('result_validity', '"VALID"', 3),
      ''
    ].join('\r\n')
    const decoded = decodeDetailLog(Buffer.from(text, 'utf8'))
    expect(decoded.length).toBeLessThan(2000)
    const a = parseMllogDetail(decoded)
    const b = parseMllogDetail(text)
    expect([...a.values]).toEqual([...b.values])
    expect(a.values.get('loaded_qsl_set')).toBeNull()
    expect(a.recordCount).toBe(3)
    expect(decodeDetailLog(Buffer.from(rec('sut_name', '"x"'), 'utf8'))).toBe(
      rec('sut_name', '"x"')
    )
  })
})
